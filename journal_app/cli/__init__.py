"""Command line: `journal-app` opens the GUI; subcommands share the same services.

Start-up order matters for speed and safety: parse arguments, validate the data dir,
then (GUI only) create the QApplication, take the instance lock, and only then open the
database. Heavy modules (Qt, pyqtgraph, markdown) are imported where first needed.

Each command group is a module with ``register(subparsers)``, which sets every command's
``handler``; `main` runs it. A plain start of the window imports none of them.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from journal_app import APP_ID, APP_NAME, __version__
from journal_app.cli import common
from journal_app.errors import JournalError

__all__ = ["build_parser", "main", "opens_the_window"]

# The options a plain start of the window takes; anything else needs the whole parser.
_WINDOW_FLAGS = ("--demo", "--self-test")


def opens_the_window(argv: Sequence[str]) -> bool:
    """True when ``argv`` holds only the window's options (no command, no --help): the
    start then skips building the ~40 command parsers (10 ms of start-up)."""
    args = iter(argv)
    for arg in args:
        if arg == "--data-dir":
            next(args, None)
        elif not (arg.startswith("--data-dir=") or arg in _WINDOW_FLAGS):
            return False
    return True


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    parser = common.Parser(
        prog=APP_ID,
        description=f"{APP_NAME}: a Markdown study log, sprint planner and deep-work "
        "dashboard. Without a command, opens the app.",
        parents=[common.data_dir_options()],
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
    parser.set_defaults(command=None, handler=None)
    if not commands:
        return parser
    # lazy: command groups load only for a command, never for the window
    from journal_app.cli import (
        crypto,
        entries,
        info,
        safety,
        sprints,
        sync,
        tasks,
        tracking,
        transfer,
    )

    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=common.Parser)
    for group in (info, entries, tracking, sprints, tasks, safety, transfer, crypto, sync):
        group.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    # Start-up allocates a great many long-lived objects (Qt wrappers, modules, the entry
    # list); collecting them while they are being made only costs time. run_gui turns the
    # collector back on once the window has painted; the finally covers every other way out.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _open_window(args)
    finally:
        if was_enabled:
            gc.enable()


def _open_window(args: argparse.Namespace) -> int:
    # The journal's modules (peewee, sqlite3, the services) load before Qt: PySide reads the
    # source of every module imported after it (to look for ``__feature__``), ~20 ms here.
    # lazy: the window start loads the services before Qt (below), nothing else
    import journal_app.services  # noqa: F401

    # lazy: the window loads only for a window start
    from journal_app.ui.app import create_application, report_startup_error, run_gui

    if args.demo:
        return run_gui(None, demo=True)
    try:
        paths = common.paths(args)
    except JournalError as exc:
        # Started from a desktop launcher there is no terminal: say it in a dialog too.
        create_application()
        report_startup_error(exc)
        return exc.exit_code
    return run_gui(paths)


def _run_self_test(_args: argparse.Namespace) -> int:
    # lazy: command groups load only for a command, never for the window
    from journal_app.selftest import run_self_test

    return run_self_test()


def _run_command(args: argparse.Namespace) -> int:
    # lazy: command groups load only for a command, never for the window
    from journal_app.cli import crypto

    crypto.install_command_hooks()
    code: int = args.handler(args)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _main(argv)
        finally:
            # The last output goes now, while a closed pipe can still be handled here
            # (--help too: argparse exits with its text still buffered).
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        return _reader_went_away()


def _reader_went_away() -> int:
    """`journal-app search word | head`: the reader closed the pipe. Stop quietly, as a
    program killed by SIGPIPE does (exit 141), with stdout pointed at devnull so that
    Python's own flush at exit does not fail again (the Python docs' advice)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):  # no real stdout to redirect
        pass
    return 141


def _main(argv: Sequence[str] | None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(commands=not opens_the_window(given))
    args = parser.parse_args(given)
    try:
        if args.self_test:
            return _run_self_test(args)
        if args.handler is not None:
            return _run_command(args)
        return _run_gui(args)
    except JournalError as exc:
        print(f"{APP_ID}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        raise  # the reader went away: `main` ends quietly
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
