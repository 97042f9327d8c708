"""Benchmarks: print ONE JSON object of figures on stdout (progress goes to stderr).

    python benchmarks/run.py [--quick] [--only NAME ...]

How it is built, and how to add a figure
----------------------------------------
`MEASUREMENTS` (at the bottom) maps a name to a function `measure(ctx) -> dict`. Each
returns a dict of named figures; the dicts are merged into the output, next to the
common keys (python, pyside6, machine, quick, demo_build_s, budget, errors). To add
figures, write one more function and add it to `MEASUREMENTS`; put its budgets in
`BUDGET`. A measurement should return every key it owns even when it fails (value
None) and report the failure with `ctx.error(...)`; an exception it lets escape is
caught, recorded in `errors`, and the other measurements still run.

`ctx.demo_dir()` gives the 10-year demo journal (`journal_app demo --years 10 --seed 1`),
built once into benchmarks/.cache/demo-10y-seed1/ and reused while `journal_app info`
opens it and its schema version is the current one. `ctx.spawn_until(...)` times a
subprocess until it prints a given line; every subprocess is stopped after
SUBPROCESS_TIMEOUT_S (the demo build after DEMO_BUILD_TIMEOUT_S) with an error in the
JSON instead of hanging.

Every figure that has a budget is checked against it: a table of figure, value and budget
goes to stderr after the run, and the JSON's `over_budget` lists the figures above theirs.
Exit code: 0 when `errors` and `over_budget` are both empty, 1 otherwise; the JSON is
printed either way.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import queue
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
DEMO_YEARS, DEMO_SEED = 10, 1
DEMO_DIR = CACHE / f"demo-{DEMO_YEARS}y-seed{DEMO_SEED}"
SUBPROCESS_TIMEOUT_S = 60.0
DEMO_BUILD_TIMEOUT_S = 600.0  # building 10 years of data is one job, not one measurement
FIRST_PAINT = "first-paint"
BUDGET: dict[str, float] = {"startup_ratio": 1.6, "startup_100k_ratio": 1.2}

sys.path.insert(0, str(ROOT))  # run from a checkout without installing


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class BenchError(Exception):
    """A measurement could not be made; the message goes into the JSON's `errors`."""


def _tail(text: str, lines: int = 5) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])


def _env(**extra: str) -> dict[str, str]:
    """The environment for every child: offscreen Qt, and no user settings read or written."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONUNBUFFERED"] = "1"  # a probe line printed without flush still arrives
    env["JOURNAL_APP_CONFIG_DIR"] = str(CACHE / "config")
    env.pop("JOURNAL_APP_DATA_DIR", None)
    env.update(extra)
    return env


def run_cli(*args: str, timeout: float = SUBPROCESS_TIMEOUT_S) -> subprocess.CompletedProcess:
    """`python -m journal_app ARGS`; raises BenchError on a time-out or a non-zero exit."""
    cmd = [sys.executable, "-m", "journal_app", *args]
    try:
        done = subprocess.run(
            cmd,
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"`{' '.join(args)}` timed out after {timeout:.0f} s") from None
    if done.returncode != 0:
        raise BenchError(
            f"`{' '.join(args)}` exited {done.returncode}: {_tail(done.stderr or done.stdout)}"
        )
    return done


def spawn_until(cmd: list[str], env: dict[str, str], line: str = FIRST_PAINT) -> float:
    """Seconds from spawning `cmd` until its stdout prints `line`; the child is then
    allowed to exit by itself (killed if it does not within a few seconds)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
        lines: queue.Queue[str | None] = queue.Queue()

        def pump() -> None:
            assert proc.stdout is not None
            for text in proc.stdout:
                lines.put(text.rstrip("\n"))
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        deadline = start + SUBPROCESS_TIMEOUT_S
        elapsed: float | None = None
        problem = ""
        while elapsed is None and not problem:
            try:
                got = lines.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                problem = f"timed out after {SUBPROCESS_TIMEOUT_S:.0f} s without '{line}'"
                break
            if got is None:
                proc.wait()
                problem = f"exited {proc.returncode} without printing '{line}'"
            elif got.strip() == line:
                elapsed = time.perf_counter() - start
        try:
            proc.wait(timeout=1 if problem else 10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            if not problem:
                log(f"{Path(cmd[-1]).name}: did not exit after '{line}'; killed")
        if problem:
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
            raise BenchError(f"{problem}; stderr: {_tail(stderr) or '(empty)'}")
        assert elapsed is not None
        return elapsed


@dataclass
class Context:
    quick: bool
    errors: list[str] = field(default_factory=list)
    demo_build_s: float | None = None
    _demo: Path | None = None
    _demo_error: BenchError | None = None

    @property
    def runs(self) -> int:
        return 3 if self.quick else 7

    def error(self, message: str) -> None:
        log(f"ERROR: {message}")
        self.errors.append(message)

    def demo_dir(self) -> Path:
        """The 10-year demo journal, built on first use (raises BenchError if it can't be)."""
        if self._demo_error is not None:
            raise self._demo_error
        if self._demo is None:
            try:
                if not _demo_is_usable(DEMO_DIR):
                    self.demo_build_s = _build_demo(DEMO_DIR)
            except BenchError as exc:
                self._demo_error = exc
                raise
            self._demo = DEMO_DIR
        return self._demo


def _current_schema_version() -> int:
    from journal_app.db.migrations import LATEST_VERSION

    return LATEST_VERSION


def _demo_is_usable(data_dir: Path) -> bool:
    from journal_app.config import DATABASE_NAME

    database = data_dir / DATABASE_NAME
    if not database.is_file() or not (CACHE / f"{data_dir.name}.done").is_file():
        return False
    # Read the version before `info` opens the journal: opening it would migrate it.
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        log(f"cached demo unreadable ({exc}); rebuilding")
        return False
    wanted = _current_schema_version()
    if version != wanted:
        log(f"cached demo has schema {version}, the app wants {wanted}; rebuilding")
        return False
    try:
        info = json.loads(run_cli("info", "--json", "--data-dir", str(data_dir)).stdout)
    except (BenchError, ValueError) as exc:
        log(f"cached demo rejected by `info` ({exc}); rebuilding")
        return False
    if info.get("schema_version") != wanted:
        return False
    log(f"reusing cached demo journal {data_dir} ({info.get('entries')} entries)")
    return True


def _build_demo(data_dir: Path) -> float:
    shutil.rmtree(data_dir, ignore_errors=True)
    done_marker = CACHE / f"{data_dir.name}.done"
    done_marker.unlink(missing_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    log(f"building the {DEMO_YEARS}-year demo journal in {data_dir} ...")
    start = time.perf_counter()
    run_cli(
        "demo",
        "--years",
        str(DEMO_YEARS),
        "--seed",
        str(DEMO_SEED),
        "--data-dir",
        str(data_dir),
        timeout=DEMO_BUILD_TIMEOUT_S,
    )
    seconds = time.perf_counter() - start
    done_marker.write_text(json.dumps({"built_s": round(seconds, 2)}) + "\n")
    log(f"demo journal built in {seconds:.1f} s")
    return seconds


# --------------------------------------------------------------------------- measurements


def _byte_compile_app() -> None:
    """Start-up is measured as installed: pip byte-compiles a package when it installs it,
    so compiling our sources (which a checkout run under PYTHONDONTWRITEBYTECODE=1 would
    repeat on every start) is not part of start-up."""
    import compileall

    if not compileall.compile_dir(ROOT / "journal_app", quiet=1):
        raise BenchError("could not byte-compile journal_app")


def _big_journal(ctx: Context) -> Path:
    """The 100,000-entry journal (bench_search builds it once, in one transaction)."""
    import bench_search

    if not bench_search._big_is_usable():
        bench_search._build_big()
    return bench_search.BIG_DIR


def _paired_ratio(top: list[float], bottom: list[float]) -> float | None:
    """The median of run-by-run ratios: each pair ran back to back, under the same load."""
    ratios = [a / b for a, b in zip(top, bottom, strict=True) if b > 0]
    return round(statistics.median(ratios), 2) if ratios else None


def measure_startup(ctx: Context) -> dict[str, Any]:
    """Start-up to first paint of the app on the demo journal, against a bare Qt window,
    and on a 100,000-entry journal against the demo journal; and the floor under both
    (startup_floor.py: the journal opened, no window of ours) against the bare window."""
    figures: dict[str, Any] = {
        "startup_ms": None,
        "bare_qt_ms": None,
        "startup_100k_ms": None,
        "startup_ratio": None,
        "startup_100k_ratio": None,
        "floor_ms": None,
        "startup_floor_ratio": None,
        "startup_runs_ms": [],
        "bare_qt_runs_ms": [],
        "startup_100k_runs_ms": [],
        "floor_runs_ms": [],
    }
    app = [sys.executable, "-m", "journal_app", "--data-dir"]
    kinds = {"bare_qt": [sys.executable, str(HERE / "bare_qt_window.py")]}
    try:
        kinds["startup"] = [*app, str(ctx.demo_dir())]
        kinds["floor"] = [sys.executable, str(HERE / "startup_floor.py"), str(ctx.demo_dir())]
    except BenchError as exc:
        ctx.error(f"startup: no demo journal: {exc}")
    try:
        kinds["startup_100k"] = [*app, str(_big_journal(ctx))]
    except Exception as exc:
        ctx.error(f"startup: no 100k journal: {type(exc).__name__}: {exc}")
    env = _env(JOURNAL_APP_STARTUP_PROBE="1")
    _byte_compile_app()
    runs: dict[str, list[float]] = {kind: [] for kind in kinds}
    failed: set[str] = set()
    # One untimed warm-up each, then interleaved rounds so all share the machine's noise.
    for index in range(ctx.runs + 1):
        for kind, cmd in kinds.items():
            if kind in failed:
                continue
            label = "warm-up" if index == 0 else f"run {index}/{ctx.runs}"
            try:
                seconds = spawn_until(cmd, env)
            except BenchError as exc:
                ctx.error(f"startup: {kind} {label}: {exc}")
                failed.add(kind)  # don't wait out the time-out again and again
                continue
            log(f"{kind:12} {label:9} {seconds * 1000:7.0f} ms")
            if index > 0:
                runs[kind].append(seconds * 1000)
    for kind, values in runs.items():
        if values and kind not in failed:
            figures[f"{kind}_runs_ms"] = [round(v, 1) for v in values]
            figures[f"{kind}_ms"] = round(statistics.median(values), 1)
    ok = {kind: runs[kind] for kind in runs if kind not in failed and runs[kind]}
    if "startup" in ok and "bare_qt" in ok:
        figures["startup_ratio"] = _paired_ratio(ok["startup"], ok["bare_qt"])
    if "floor" in ok and "bare_qt" in ok:
        figures["startup_floor_ratio"] = _paired_ratio(ok["floor"], ok["bare_qt"])
    if "startup_100k" in ok and "startup" in ok:
        figures["startup_100k_ratio"] = _paired_ratio(ok["startup_100k"], ok["startup"])
    return figures


from bench_autosave import BUDGET as AUTOSAVE_BUDGET  # noqa: E402
from bench_autosave import measure_autosave  # noqa: E402
from bench_board import BUDGET as BOARD_BUDGET  # noqa: E402
from bench_board import measure_board  # noqa: E402
from bench_concurrency import BUDGET as CONCURRENCY_BUDGET  # noqa: E402
from bench_concurrency import measure_concurrency  # noqa: E402
from bench_crypto import BUDGET as CRYPTO_BUDGET  # noqa: E402
from bench_crypto import measure_crypto  # noqa: E402
from bench_dashboard import BUDGET as DASHBOARD_BUDGET  # noqa: E402
from bench_dashboard import measure_dashboard  # noqa: E402
from bench_dayone import BUDGET as DAYONE_BUDGET  # noqa: E402
from bench_dayone import measure_dayone  # noqa: E402
from bench_links import BUDGET as LINKS_BUDGET  # noqa: E402
from bench_links import measure_links  # noqa: E402
from bench_preview import BUDGET as PREVIEW_BUDGET  # noqa: E402
from bench_preview import measure_preview  # noqa: E402
from bench_safety import BUDGET as SAFETY_BUDGET  # noqa: E402
from bench_safety import measure_safety  # noqa: E402
from bench_search import BUDGET as SEARCH_BUDGET  # noqa: E402
from bench_search import measure_search  # noqa: E402
from bench_spelling import BUDGET as SPELLING_BUDGET  # noqa: E402
from bench_spelling import measure_spelling  # noqa: E402
from bench_sync import BUDGET as SYNC_BUDGET  # noqa: E402
from bench_sync import measure_sync  # noqa: E402

BUDGET.update(SEARCH_BUDGET)
BUDGET.update(PREVIEW_BUDGET)
BUDGET.update(AUTOSAVE_BUDGET)
BUDGET.update(DASHBOARD_BUDGET)
BUDGET.update(SAFETY_BUDGET)
BUDGET.update(BOARD_BUDGET)
BUDGET.update(CRYPTO_BUDGET)
BUDGET.update(CONCURRENCY_BUDGET)
BUDGET.update(DAYONE_BUDGET)
BUDGET.update(LINKS_BUDGET)
BUDGET.update(SPELLING_BUDGET)
BUDGET.update(SYNC_BUDGET)

MEASUREMENTS: dict[str, Callable[[Context], dict[str, Any]]] = {
    "startup": measure_startup,
    "search": measure_search,
    "preview": measure_preview,
    "autosave": measure_autosave,
    "dashboard": measure_dashboard,
    "safety": measure_safety,
    "board": measure_board,
    "crypto": measure_crypto,
    "concurrency": measure_concurrency,
    "dayone": measure_dayone,
    "links": measure_links,
    "spelling": measure_spelling,
    "sync": measure_sync,
}


# --------------------------------------------------------------------------- main


def check_budgets(figures: dict[str, Any], budget: dict[str, float]) -> list[str]:
    """Log each measured figure that has a budget beside it; the names of those over it.
    A figure this run did not measure (another --only, or a failure already in `errors`)
    is left out."""
    over: list[str] = []
    rows = [(key, figures[key], limit) for key, limit in budget.items() if key in figures]
    if rows:
        log("figure                              value      budget")
    for key, value, limit in rows:
        if value is None:
            verdict = "not measured"
        elif value > limit:
            verdict = "OVER BUDGET"
            over.append(key)
        else:
            verdict = "ok"
        shown = "-" if value is None else f"{value:g}"
        log(f"{key:32} {shown:>9}  ≤ {limit:<8g} {verdict}")
    return over


def _version(*distributions: str) -> str | None:
    for name in distributions:
        with contextlib.suppress(metadata.PackageNotFoundError):
            return metadata.version(name)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs instead of 7")
    parser.add_argument(
        "--only", nargs="+", choices=sorted(MEASUREMENTS), help="run only these measurements"
    )
    args = parser.parse_args(argv)
    ctx = Context(quick=args.quick)
    figures: dict[str, Any] = {}
    for name in args.only or MEASUREMENTS:
        log(f"--- {name}")
        try:
            figures.update(MEASUREMENTS[name](ctx))
        except Exception as exc:  # one broken measurement must not hide the others
            ctx.error(f"{name}: {type(exc).__name__}: {exc}")
    result = {
        **figures,
        "demo_build_s": None if ctx.demo_build_s is None else round(ctx.demo_build_s, 2),
        "runs": ctx.runs,
        "quick": ctx.quick,
        "python": platform.python_version(),
        "pyside6": _version("PySide6-Essentials", "PySide6"),
        "machine": platform.platform(),
        "budget": BUDGET,
        "over_budget": check_budgets(figures, BUDGET),
        "errors": ctx.errors,
    }
    print(json.dumps(result, indent=2))
    return 1 if ctx.errors or result["over_budget"] else 0


if __name__ == "__main__":
    sys.exit(main())
