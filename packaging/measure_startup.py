"""Start-up of the bundled app against `python -m journal_app`, measured in the same run.

    python packaging/measure_startup.py [--app /usr/bin/journal-app] [--runs 5]

Both open the benchmarks' 10-year demo journal and are timed from spawn to their first
painted window (the `first-paint` line that JOURNAL_APP_STARTUP_PROBE=1 prints), with the
machinery of benchmarks/run.py; a bare Qt window is timed alongside as the yardstick.
Runs are interleaved after one untimed warm-up each, so all share the machine's noise;
the CPU time each child used (user + system) is reported too, as it barely moves when
other jobs share the machine.
`python` is the interpreter running this script. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    """benchmarks/run.py as a module (its spawn_until, _env and demo journal)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default="/usr/bin/journal-app", help="the bundled app")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    bench = _bench()
    ctx = bench.Context(quick=True)
    data_dir = str(ctx.demo_dir())
    bench._byte_compile_app()  # as installed by pip: sources compiled once, not per start
    kinds = {
        "bundled": [args.app, "--data-dir", data_dir],
        "python": [sys.executable, "-m", "journal_app", "--data-dir", data_dir],
        "bare_qt": [sys.executable, str(ROOT / "benchmarks" / "bare_qt_window.py")],
    }
    env = bench._env(JOURNAL_APP_STARTUP_PROBE="1")
    runs: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
    for index in range(args.runs + 1):
        for kind, cmd in kinds.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds = bench.spawn_until(cmd, env)  # returns once the child has exited
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            bench.log(
                f"{kind:8} {'warm-up' if index == 0 else f'run {index}'}: {seconds * 1000:.0f} ms"
            )
            if index:
                runs[kind].append(seconds * 1000)
                used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                cpu[kind].append(used * 1000)
    figures: dict[str, object] = {}
    for kind, values in runs.items():
        figures[f"startup_{kind}_ms"] = round(statistics.median(values), 1)
        figures[f"startup_{kind}_runs_ms"] = [round(v, 1) for v in values]
        figures[f"startup_{kind}_cpu_ms"] = round(statistics.median(cpu[kind]), 1)
    bare = figures["startup_bare_qt_ms"]
    for kind in ("bundled", "python"):
        figures[f"startup_{kind}_ratio"] = round(figures[f"startup_{kind}_ms"] / bare, 2)
    figures["startup_journal_entries"] = json.loads(
        bench.run_cli("info", "--json", "--data-dir", data_dir).stdout
    ).get("entries")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
