"""Command line: `journal-app` opens the GUI; subcommands share the same services.

Start-up order matters for speed and safety: parse arguments, validate the data dir,
then (GUI only) create the QApplication, take the instance lock, and only then open the
database. Heavy modules (Qt, pyqtgraph, markdown) are imported where first needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from journal_app import APP_ID, APP_NAME, __version__
from journal_app.config import DATA_DIR_ENV, DataPaths, check_data_dir, resolve_data_dir
from journal_app.errors import InvalidInput, JournalError


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line in one line, not usage + error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _positive_int(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low}..{high}")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    data_dir = _Parser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"folder holding the journal (default: ${DATA_DIR_ENV}, else the platform's "
        "user data folder)",
    )
    parser = _Parser(
        prog=APP_ID,
        description=f"{APP_NAME}: a Markdown study log, sprint planner and deep-work "
        "dashboard. Without a command, opens the app.",
        parents=[data_dir],
    )
    parser.add_argument("--version", action="version", version=f"{APP_ID} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that the app works on this machine (window, database, Markdown, chart)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a fresh demo journal in a temporary folder (your data is "
        "not touched)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser(
        "demo", parents=[data_dir], help="fill an empty data folder with a demo journal"
    )
    demo.add_argument("--years", type=_positive_int(1, 30), default=2, help="default: 2")
    demo.add_argument("--seed", type=_positive_int(0, 2**31 - 1), default=1, help="default: 1")

    info = sub.add_parser("info", parents=[data_dir], help="where the journal is, and its size")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _paths(args: argparse.Namespace, *, create: bool = True) -> DataPaths:
    explicit = getattr(args, "data_dir", None)
    if explicit is not None and not explicit.strip():
        raise InvalidInput("--data-dir needs a folder name")
    root = resolve_data_dir(explicit)
    chosen = explicit is not None or bool(os.environ.get(DATA_DIR_ENV, "").strip())
    return check_data_dir(root, create=create, create_parents=not chosen)


def _cmd_info(args: argparse.Namespace) -> int:
    from journal_app.services import Services

    paths = _paths(args)
    with Services.open(paths) as services:
        info = services.info()
    if args.json:
        import json

        print(json.dumps(info.as_dict(), indent=2))
        return 0
    rows = [
        ("Data folder", info.data_dir),
        ("Database", info.database),
        ("Schema version", str(info.schema_version)),
        ("Size", f"{info.size_bytes / 1024:,.0f} KiB"),
        ("Entries", f"{info.entries:,}"),
        ("Work sessions", f"{info.sessions:,}"),
        ("Sprints", f"{info.sprints:,}"),
        ("Tasks", f"{info.tasks:,}"),
        ("Outputs", f"{info.outputs:,}"),
        ("Days logged", f"{info.day_logs:,}"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from journal_app.instance_lock import InstanceLock
    from journal_app.services import Services
    from journal_app.services.demo import generate_demo

    paths = _paths(args)

    def progress(stage: str, fraction: float) -> None:
        print(f"{fraction:4.0%}  {stage}", flush=True)

    with InstanceLock(paths), Services.open(paths) as services:
        summary = generate_demo(
            services, years=args.years, seed=args.seed, today=dt.date.today(), progress=progress
        )
    print(f"Demo journal ready in {paths.root}: {summary.describe()}")
    return 0


def _run_gui(args: argparse.Namespace) -> int:
    from journal_app.ui.app import create_application, report_startup_error, run_gui

    if args.demo:
        return run_gui(None, demo=True)
    try:
        paths = _paths(args)
    except JournalError as exc:
        # Started from a desktop launcher there is no terminal: say it in a dialog too.
        create_application()
        report_startup_error(exc)
        return exc.exit_code
    return run_gui(paths)


def _run_self_test(_args: argparse.Namespace) -> int:
    from journal_app.selftest import run_self_test

    return run_self_test()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_test:
            return _run_self_test(args)
        if args.command == "info":
            return _cmd_info(args)
        if args.command == "demo":
            return _cmd_demo(args)
        return _run_gui(args)
    except JournalError as exc:
        print(f"{APP_ID}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{APP_ID}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("JOURNAL_APP_DEBUG"):
            raise
        print(
            f"{APP_ID}: unexpected error: {type(exc).__name__}: {exc} "
            "(set JOURNAL_APP_DEBUG=1 for details and please report it)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
