"""`sprint` and `task` commands (issue #5). Placeholder until the sprint planner lands."""

from __future__ import annotations

import argparse


def add_sprint_commands(sub: argparse._SubParsersAction, data_dir: argparse.ArgumentParser) -> None:
    """Register `sprint …` and `task …` on the top-level subparsers."""


def run_sprint_command(args: argparse.Namespace) -> int | None:
    """Run a `sprint`/`task` command; None when ``args`` is not one of them."""
    return None
