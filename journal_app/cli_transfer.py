"""`export`, `import` commands (issue #7). Placeholder until they land."""

from __future__ import annotations

import argparse


def add_transfer_commands(
    sub: argparse._SubParsersAction, data_dir: argparse.ArgumentParser
) -> None:
    """Register the commands on the top-level subparsers."""


def run_transfer_command(args: argparse.Namespace) -> int | None:
    """Run one of these commands; None when ``args`` is not one of them."""
    return None
