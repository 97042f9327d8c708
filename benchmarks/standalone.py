"""One benchmark module run on its own (`python benchmarks/bench_X.py [--quick]`): the
context `run.py`'s measurements expect, and the JSON they print."""

from __future__ import annotations

import json
import sys
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
