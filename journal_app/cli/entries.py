"""`new`, `edit`, `search` and `show`: quick capture and look-up of entries.

None of these takes the instance lock: SQLite in WAL mode lets them read and write while
the app has the same journal open, and the app's revision check (Entry.rev) keeps an
open editor from overwriting what they change. Imported only when a command is parsed;
the services load inside the commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from journal_app import APP_ID
from journal_app.cli import common
from journal_app.errors import InvalidInput


def register(sub: common.SubParsers) -> None:
    data_dir = common.data_dir_options()
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
    new.add_argument("--day", type=common.day, metavar="YYYY-MM-DD", help="default: today")
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
        "--limit", type=common.positive_int(1, 1000), default=20, metavar="N", help="default: 20"
    )
    search.add_argument("--json", action="store_true", help="print a JSON array")
    search.add_argument("--tag", metavar="T", help="only entries with this tag")
    search.add_argument(
        "--from", dest="date_from", type=common.day, metavar="DATE", help="only from this day on"
    )
    search.add_argument(
        "--to", dest="date_to", type=common.day, metavar="DATE", help="only up to this day"
    )

    show = sub.add_parser("show", parents=[data_dir], help="print one entry's body")
    show.add_argument("id", type=common.positive_int(1, 2**63 - 1), metavar="ID", help="entry id")
    show.add_argument(
        "--format",
        choices=("md", "html"),
        default="md",
        help="md: the Markdown as written (default); html: as the preview shows it",
    )
    edit = sub.add_parser(
        "edit",
        parents=[data_dir],
        help="replace an entry's body with standard input",
        description="Replace an entry's body with standard input (the editor's save: the "
        "previous text is kept in its history); --title and --tag change those too.",
    )
    edit.add_argument("id", type=common.positive_int(1, 2**63 - 1), metavar="ID", help="entry id")
    edit.add_argument("--title", help="a new title")
    edit.add_argument(
        "--tag",
        action="append",
        metavar="TAG",
        help="the entry's tags become these (repeat for more)",
    )
    new.set_defaults(handler=_cmd_new)
    edit.set_defaults(handler=_cmd_edit)
    search.set_defaults(handler=_cmd_search)
    show.set_defaults(handler=_cmd_show)


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
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    if args.series is not None and not args.series.strip():
        raise InvalidInput("--series needs a name")
    body = _read_body()
    if not args.title.strip() and not body.strip():
        raise InvalidInput("nothing to save: the title and the body are empty")
    paths = common.paths(args)
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


def _cmd_edit(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.common import UNSET

    body = _read_body()
    with Services.open(common.paths(args)) as services:
        entry = services.entries.get(args.id)
        if entry.deleted_at is not None:
            raise InvalidInput(f"entry {entry.id} is in the trash; restore it first")
        saved = services.entries.update(
            entry.id,
            expected_rev=entry.rev,
            body=body,
            title=UNSET if args.title is None else args.title,
            tags=UNSET if args.tag is None else args.tag,
            snapshot="before edit",
        )
    print(saved.id)
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with common.open_existing(args) as services:
        hits = services.search.search(
            query,
            limit=args.limit,
            tag=args.tag,
            date_from=args.date_from,
            date_to=args.date_to,
        )
    if args.json:
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
    common.write("\n".join(lines) + "\n")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    with common.open_existing(args) as services:
        entry = services.entries.get(args.id)
    if entry.deleted_at is not None:
        print(f"{APP_ID}: note: entry {entry.id} is in the trash", file=sys.stderr)
    if args.format == "html":
        # lazy: markdown loads only when used
        from journal_app.markdown import render

        html = render(entry.body)
        common.write(html if html.endswith("\n") else html + "\n")
        return 0
    # The body as stored, ended by a newline like any text output (the prompt, `cat`,
    # `wc -l` expect one); `new` drops trailing newlines, so show | new round-trips.
    common.write(entry.body if entry.body.endswith("\n") else entry.body + "\n")
    return 0
