"""Several processes writing one journal (issue 13).

- concurrent_writes_per_s: entries acknowledged per second of wall time while 4 writer
  processes (tests/e2e/cli_writer.py: `journal-app new` calls, each opening and closing
  the journal as a separate command does, with `log session`, `info`, `backup` and
  `check` in between) add 200 entries each to one fresh journal.
- concurrent_write_errors: commands that failed (any non-zero exit: "busy", an
  unexpected error...); must be 0.
- concurrent_lost_writes: acknowledged entries (an id printed) missing afterwards, or
  ids handed out twice; must be 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WRITER = ROOT / "tests" / "e2e" / "cli_writer.py"
WRITERS, EACH = 4, 200
BUDGET = {"concurrent_write_errors": 0, "concurrent_lost_writes": 0}
KEYS = ("concurrent_writes_per_s", *BUDGET)


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _run(folder: Path, env: dict[str, str] | None) -> tuple[float, list[str]]:
    started = time.perf_counter()
    writers = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), f"w{n}", str(EACH)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        for n in range(WRITERS)
    ]
    lines: list[str] = []
    for writer in writers:
        out, _ = writer.communicate(timeout=600)
        lines += out.splitlines()
    return time.perf_counter() - started, lines


def measure_concurrency(ctx: Any) -> dict[str, Any]:
    figures: dict[str, Any] = dict.fromkeys(KEYS)
    try:
        sys.path.insert(0, str(ROOT))
        from journal_app.config import check_data_dir
        from journal_app.services import Services

        with tempfile.TemporaryDirectory(prefix="bench-concurrency-") as tmp:
            paths = check_data_dir(Path(tmp) / "journal", create=True)
            Services.open(paths).close()
            env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
            seconds, lines = _run(paths.root, env)
            acked = [line.split()[1] for line in lines if line.startswith("ack ")]
            errors = [line for line in lines if line.startswith("error ")]
            with Services.open(paths, create=False) as services:
                kept = {e.id for e in services.entries.summaries()}
            lost = len(acked) - len(set(acked)) + len({int(i) for i in acked} - kept)
        figures["concurrent_writes_per_s"] = round(len(acked) / seconds, 1)
        figures["concurrent_write_errors"] = len(errors)
        figures["concurrent_lost_writes"] = lost
        log(
            f"{len(acked)} entries by {WRITERS} processes in {seconds:.1f} s; "
            f"{len(errors)} errors, {lost} lost"
        )
        for line in errors[:3]:
            ctx.error(f"concurrency: {line}")
    except Exception as exc:
        ctx.error(f"concurrency: {type(exc).__name__}: {exc}")
    return figures
