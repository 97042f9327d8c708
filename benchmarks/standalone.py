"""One benchmark module run on its own (`python benchmarks/bench_X.py [--quick]`): the
context `run.py`'s measurements expect, and the JSON they print."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any


class StandaloneContext:
    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.runs = 3 if quick else 7
        self.errors: list[str] = []

    def error(self, message: str) -> None:
        print(f"[bench] ERROR: {message}", file=sys.stderr, flush=True)
        self.errors.append(message)

    def demo_dir(self) -> Path:
        from run import Context  # run.py imports the bench modules: not at import time

        return Context(quick=self.quick).demo_dir()


def report(figures: dict[str, Any], budget: dict[str, float], ctx: StandaloneContext) -> int:
    print(json.dumps({**figures, "budget": budget, "errors": ctx.errors}, indent=2))
    return 1 if ctx.errors else 0


def run_child(
    ctx: Any, name: str, script: str, runs: int, timeout_s: float
) -> dict[str, Any] | None:
    """Run ``script --child runs`` offscreen, with a fresh config folder (no user settings
    read or written) and no data dir from the environment; its last stdout line is the
    JSON of its figures. None (and ``ctx.error``) when it times out, fails or says
    something else."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("JOURNAL_APP_DATA_DIR", None)
    with tempfile.TemporaryDirectory() as config:
        env["JOURNAL_APP_CONFIG_DIR"] = config
        try:
            done = subprocess.run(
                [sys.executable, str(Path(script).resolve()), "--child", str(runs)],
                cwd=Path(__file__).resolve().parent.parent,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout_s,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            ctx.error(f"{name}: timed out after {timeout_s:.0f} s")
            return None
    if done.returncode != 0:
        tail = " | ".join(done.stderr.strip().splitlines()[-5:])
        ctx.error(f"{name}: child exited {done.returncode}: {tail}")
        return None
    try:
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError):
        ctx.error(f"{name}: unreadable child output {done.stdout[-200:]!r}")
        return None
