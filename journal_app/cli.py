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
from typing import TYPE_CHECKING, NoReturn

from journal_app import APP_ID, APP_NAME, __version__
from journal_app.config import DATA_DIR_ENV, DataPaths, check_data_dir, resolve_data_dir
from journal_app.errors import InvalidInput, JournalError

if TYPE_CHECKING:
    from journal_app.services import Services


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


def _day(text: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-01") from None


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

    new = sub.add_parser(
        "new",
        parents=[data_dir],
        help="write an entry; the body is read from standard input",
        description="Write an entry: the body (Markdown) is read from standard input; "
        "prints the new entry's id.",
    )
    new.add_argument("--title", default="", help="the entry's title")
    new.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="a tag (repeat for more)"
    )
    new.add_argument("--day", type=_day, metavar="YYYY-MM-DD", help="default: today")
    new.add_argument("--series", metavar="S", help="a series name; the entry gets its next number")
    new.add_argument("--public", action="store_true", help="mark it public (default: private)")

    search = sub.add_parser(
        "search",
        parents=[data_dir],
        help="find entries by words in title, body or tags",
        description='Find entries: all words must occur, "quoted phrases" as typed, '
        "-word excludes, the last word also matches longer words. Best matches first.",
    )
    search.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    search.add_argument(
        "--limit", type=_positive_int(1, 1000), default=20, metavar="N", help="default: 20"
    )
    search.add_argument("--json", action="store_true", help="print a JSON array")
    search.add_argument("--tag", metavar="T", help="only entries with this tag")
    search.add_argument(
        "--from", dest="date_from", type=_day, metavar="DATE", help="only from this day on"
    )
    search.add_argument(
        "--to", dest="date_to", type=_day, metavar="DATE", help="only up to this day"
    )

    show = sub.add_parser("show", parents=[data_dir], help="print one entry's body")
    show.add_argument("id", type=_positive_int(1, 2**63 - 1), metavar="ID", help="entry id")
    show.add_argument(
        "--format",
        choices=("md", "html"),
        default="md",
        help="md: the Markdown as written (default); html: as the preview shows it",
    )
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


# Quick capture and look-up. None of these takes the instance lock: SQLite in WAL mode
# lets them read and write while the app has the same journal open, and the app's
# revision check (Entry.rev) keeps an open editor from overwriting what they change.


def _open_existing(args: argparse.Namespace) -> Services:
    """The journal for a read-only command: a missing folder or journal is an error,
    never created."""
    from journal_app.services import Services

    return Services.open(_paths(args, create=False), create=False)


def _write(text: str) -> None:
    """`text` on stdout whatever the console's encoding: UTF-8 bytes when it cannot
    encode it (a Windows code page), rather than an error."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def _read_body() -> str:
    stdin = sys.stdin
    if stdin is None:  # started without a console (e.g. pythonw)
        return ""
    if stdin.isatty():
        end = "Ctrl+Z, Enter" if sys.platform == "win32" else "Ctrl+D"
        print(f"Type the entry; end with {end}", file=sys.stderr, flush=True)
    raw = getattr(stdin, "buffer", None)
    if raw is None:
        text = stdin.read()
    else:
        data = raw.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(
                f"standard input is not UTF-8 text (byte {exc.start}); nothing was saved"
            ) from None
    return text.replace("\r\n", "\n").rstrip("\n")


def _cmd_new(args: argparse.Namespace) -> int:
    from journal_app.services import Services

    if args.series is not None and not args.series.strip():
        raise InvalidInput("--series needs a name")
    body = _read_body()
    if not args.title.strip() and not body.strip():
        raise InvalidInput("nothing to save: the title and the body are empty")
    paths = _paths(args)
    with Services.open(paths) as services:
        series = args.series.strip() if args.series else None
        entry = services.entries.create(
            day=args.day or dt.date.today(),
            title=args.title,
            body=body,
            series=series,
            number=services.entries.next_number(series) if series else None,
            tags=args.tag,
            visibility="public" if args.public else "private",
        )
    print(entry.id)
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with _open_existing(args) as services:
        hits = services.search.search(
            query,
            limit=args.limit,
            tag=args.tag,
            date_from=args.date_from,
            date_to=args.date_to,
        )
    if args.json:
        import json

        rows = [
            {
                "id": hit.id,
                "day": hit.day.isoformat(),
                "title": hit.title,
                "snippet": hit.snippet,
                "highlights": [list(span) for span in hit.highlights],
                "tags": hit.tags,
                "rank": hit.rank,
            }
            for hit in hits
        ]
        print(json.dumps(rows, indent=2))
        return 0
    if not hits:
        print("No entries match")
        return 0
    lines = []
    for hit in hits:
        marked, position = [], 0
        for start, end in hit.highlights:
            marked += [hit.snippet[position:start], "[", hit.snippet[start:end], "]"]
            position = end
        marked.append(hit.snippet[position:])
        title = " ".join(hit.title.split()) or "(untitled)"
        lines.append(f"{hit.day.isoformat()}  #{hit.id}  {title}")
        lines.append(f"    {''.join(marked) or '(empty)'}")
    _write("\n".join(lines) + "\n")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    with _open_existing(args) as services:
        entry = services.entries.get(args.id)
    if entry.deleted_at is not None:
        print(f"{APP_ID}: note: entry {entry.id} is in the trash", file=sys.stderr)
    if args.format == "html":
        from journal_app.markdown import render

        html = render(entry.body)
        _write(html if html.endswith("\n") else html + "\n")
        return 0
    # The body exactly as stored; a final newline only for a person at a terminal.
    tail = "\n" if sys.stdout.isatty() and not entry.body.endswith("\n") else ""
    _write(entry.body + tail)
    return 0


def _run_gui(args: argparse.Namespace) -> int:
    import gc

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
        if args.command == "new":
            return _cmd_new(args)
        if args.command == "search":
            return _cmd_search(args)
        if args.command == "show":
            return _cmd_show(args)
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
