"""Command line: `journal-app` opens the GUI; subcommands share the same services.

Start-up order matters for speed and safety: parse arguments, validate the data dir,
then (GUI only) create the QApplication, take the instance lock, and only then open the
database. Heavy modules (Qt, pyqtgraph, markdown) are imported where first needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from journal_app import APP_ID, APP_NAME, __version__
from journal_app.config import (
    DATA_DIR_ENV,
    DataPaths,
    check_data_dir,
    is_writable_dir,
    resolve_data_dir,
)
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


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    return value


def _day(text: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-01") from None


# The options a plain start of the window takes; anything else needs the whole parser.
_WINDOW_FLAGS = ("--demo", "--self-test")


def _opens_the_window(argv: Sequence[str]) -> bool:
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
    if not commands:
        parser.set_defaults(command=None)
        return parser
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
    _add_tracking_commands(sub, data_dir)
    from journal_app.cli_crypto import add_crypto_commands
    from journal_app.cli_safety import add_safety_commands
    from journal_app.cli_sprints import add_sprint_commands
    from journal_app.cli_transfer import add_transfer_commands

    add_sprint_commands(sub, data_dir)
    add_safety_commands(sub, data_dir)
    add_transfer_commands(sub, data_dir)
    add_crypto_commands(sub, data_dir)
    return parser


def _add_tracking_commands(sub: argparse._SubParsersAction, data_dir: _Parser) -> None:
    """`log session|sleep|output`, `timer start|stop|status`, `day`, `stats` (issue #4).
    Dates and times stay strings here: the commands check them, with the same rules
    (and messages) as the app."""
    labels = _Parser(add_help=False)
    labels.add_argument(
        "--category", metavar="C", help="a category name, e.g. Writing (created if new)"
    )
    labels.add_argument("--skill", metavar="S", help="a skill name (created if new)")

    log = sub.add_parser(
        "log", parents=[data_dir], help="record a session, a night's sleep or an output"
    )
    what = log.add_subparsers(dest="what", metavar="WHAT", required=True, parser_class=_Parser)
    session = what.add_parser(
        "session",
        parents=[data_dir, labels],
        help="a deep-work session: --minutes N, or --start and --end",
        description="Record a deep-work session: --minutes N (ending now when the day is "
        "today), or --start HH:MM --end HH:MM on the day.",
    )
    session.add_argument(
        "--minutes", type=_number, metavar="N", help="how long (1 to 1440 minutes)"
    )
    session.add_argument("--start", metavar="HH:MM", help="when it started (local time)")
    session.add_argument("--end", metavar="HH:MM", help="when it ended (local time)")
    session.add_argument("--day", metavar="YYYY-MM-DD", help="the day it started; default: today")
    session.add_argument(
        "--end-day",
        metavar="YYYY-MM-DD",
        help="the day it ended, for a session past midnight (default: --day)",
    )
    session.add_argument("--note", default="", metavar="T", help="a short note")

    sleep = what.add_parser(
        "sleep",
        parents=[data_dir],
        help="last night's sleep: --bed and --wake, or --hours",
        description="Record a night's sleep: --bed HH:MM --wake HH:MM, or --hours H. "
        "--day is the date of waking (default: today).",
    )
    sleep.add_argument("--bed", metavar="HH:MM", help="when you went to bed")
    sleep.add_argument("--wake", metavar="HH:MM", help="when you woke up")
    sleep.add_argument("--hours", type=_number, metavar="H", help="hours slept (0 to 24)")
    sleep.add_argument("--day", metavar="YYYY-MM-DD", help="the day you woke up (default: today)")
    sleep.add_argument(
        "--quality", type=_positive_int(1, 5), metavar="1-5", help="how well you slept"
    )

    output = what.add_parser(
        "output",
        parents=[data_dir],
        help="something you made: an explainer, a post, code...",
        description="Record an output. Kinds: explainer, blog_post, forum_post, comment, "
        "x_thread, code, summary.",
    )
    output.add_argument("--kind", required=True, metavar="K", help="e.g. explainer, code")
    output.add_argument("--title", required=True, metavar="T", help="its title")
    output.add_argument("--url", default="", metavar="U", help="where it is (http/https)")
    output.add_argument(
        "--status", default="idea", metavar="S", help="idea (default), draft or published"
    )
    output.add_argument(
        "--words", type=_positive_int(0, 10_000_000), metavar="N", help="how many words"
    )
    output.add_argument("--day", metavar="YYYY-MM-DD", help="default: today")

    timer = sub.add_parser("timer", parents=[data_dir], help="the focus timer")
    action = timer.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    action.add_parser(
        "start",
        parents=[data_dir, labels],
        help="start timing a deep-work session",
        description="Start the focus timer; the app shows it in its status bar.",
    )
    action.add_parser("stop", parents=[data_dir], help="stop the timer and save the session")
    status = action.add_parser("status", parents=[data_dir], help="is the timer running?")
    status.add_argument("--json", action="store_true", help="print one JSON object (or null)")

    day = sub.add_parser(
        "day", parents=[data_dir], help="a day's deep work, sleep, sessions and outputs"
    )
    day.add_argument("date", nargs="?", metavar="YYYY-MM-DD", help="default: today")
    day.add_argument("--json", action="store_true", help="print one JSON object")

    stats = sub.add_parser(
        "stats", parents=[data_dir], help="hours in all, last 7/30 days, streaks, skills"
    )
    stats.add_argument("--json", action="store_true", help="print one JSON object")


def _paths(args: argparse.Namespace, *, create: bool = True, writable: bool = True) -> DataPaths:
    explicit = getattr(args, "data_dir", None)
    if explicit is not None and not explicit.strip():
        raise InvalidInput("--data-dir needs a folder name")
    root = resolve_data_dir(explicit)
    chosen = explicit is not None or bool(os.environ.get(DATA_DIR_ENV, "").strip())
    return check_data_dir(root, create=create, create_parents=not chosen, writable=writable)


def _cmd_info(args: argparse.Namespace) -> int:
    from journal_app.services import Services

    paths = _paths(args, writable=False)
    opened = Services.open(paths) if is_writable_dir(paths.root) else _open_existing(args, paths)
    with opened as services:
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
    from journal_app.demo.generate import generate_demo
    from journal_app.instance_lock import InstanceLock
    from journal_app.services import Services

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


def _open_existing(args: argparse.Namespace, paths: DataPaths | None = None) -> Services:
    """The journal for a read-only command: a missing folder or journal is an error,
    never created; in a folder that cannot be written it is opened read-only."""
    from journal_app.services import Services

    paths = paths or _paths(args, create=False, writable=False)
    return Services.open(paths, create=False, read_only=not is_writable_dir(paths.root))


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


# --------------------------------------------------------------------------- tracking (#4)
# Like `new`, these write without the instance lock while the app may have the journal
# open (WAL; each change is one transaction, taken at once so that it waits for the app's
# timer heartbeat rather than failing). What the user typed is checked before the journal
# is opened, so bad input neither writes nor creates anything.

_T = TypeVar("_T")


def _checked(option: str, parse: Callable[[str], _T], text: str) -> _T:
    try:
        return parse(text)
    except InvalidInput as exc:
        raise InvalidInput(f"{option}: {exc}" if option else str(exc)) from None


def _parse_day(option: str, text: str | None) -> dt.date | None:
    from journal_app.services.tracking.timeutil import parse_day

    return None if text is None else _checked(option, parse_day, text)


def _parse_time(option: str, text: str) -> dt.time:
    from journal_app.services.tracking.timeutil import parse_clock_time

    return _checked(option, parse_clock_time, text)


def _check_names(args: argparse.Namespace) -> None:
    from journal_app.services.tracking.common import check_name

    if args.category is not None:
        _checked("--category", lambda t: check_name(t, "a category name"), args.category)
    if args.skill is not None:
        _checked("--skill", lambda t: check_name(t, "a skill name"), args.skill)


def _labels(services: Services, args: argparse.Namespace) -> dict[str, Any]:
    """Category and skill ids by name, created on first use (inside the caller's
    transaction, so a refused change leaves no new name behind)."""
    category = None if args.category is None else services.categories.ensure(args.category)
    skill = None if args.skill is None else services.skills.ensure(args.skill)
    return {
        "category_id": None if category is None else category.id,
        "skill_id": None if skill is None else skill.id,
    }


def _length(delta: dt.timedelta) -> str:
    """'1 h 30 min', '45 min', '2 h'."""
    hours, minutes = divmod(round(delta.total_seconds() / 60), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def _clock(instant: dt.datetime, tz: dt.tzinfo, day: dt.date | None = None) -> str:
    """Local wall time; with the date when it is not on `day`."""
    local = instant.astimezone(tz)
    return local.strftime("%H:%M" if local.date() == day else "%Y-%m-%d %H:%M")


def _about(*names: str | None) -> str:
    shown = [n for n in names if n]
    return f" ({', '.join(shown)})" if shown else ""


def _cmd_log(args: argparse.Namespace) -> int:
    if args.what == "session":
        return _log_session(args)
    if args.what == "sleep":
        return _log_sleep(args)
    return _log_output(args)


def _log_session(args: argparse.Namespace) -> int:
    from journal_app.services import Services
    from journal_app.services.tracking.common import atomic_write
    from journal_app.services.tracking.sessions import MAX_SESSION

    day = _parse_day("--day", args.day)
    end_day = _parse_day("--end-day", args.end_day)
    by_clock = args.start is not None or args.end is not None
    if by_clock == (args.minutes is not None):
        raise InvalidInput("give --minutes N, or --start HH:MM and --end HH:MM")
    if end_day is not None and not by_clock:
        raise InvalidInput("--end-day goes with --start and --end")
    if by_clock:
        if args.start is None or args.end is None:
            raise InvalidInput("give both --start and --end")
        start, end = _parse_time("--start", args.start), _parse_time("--end", args.end)
        if end_day is None and end < start:
            raise InvalidInput(
                f"the end ({args.end.strip()}) is before the start ({args.start.strip()}); "
                "for a session past midnight add --end-day YYYY-MM-DD"
            )
        if end_day is None and end == start:
            raise InvalidInput("a session must last at least a minute")
    elif not 1 <= args.minutes <= MAX_SESSION.total_seconds() / 60:
        raise InvalidInput("a session lasts from 1 minute to 24 hours (1440 minutes)")
    _check_names(args)
    with Services.open(_paths(args)) as services:
        on = day if day is not None else services.stats.today()
        with atomic_write():
            labels = _labels(services, args)
            if by_clock:
                saved = services.sessions.add_local(
                    on, start, end, end_day=end_day, note=args.note, **labels
                )
            else:
                saved = services.sessions.add_minutes(
                    args.minutes, day=on, note=args.note, **labels
                )
        tz = services.tz
        others = services.sessions.overlaps(saved.start, saved.end, exclude=saved.id)
        total = services.stats.day_summary(on).deep_work_hours
    span = f"{_clock(saved.start, tz, on)}–{_clock(saved.end, tz, on)}"
    _write(
        f"Logged {_length(saved.duration)} on {on.isoformat()}, {span}"
        f"{_about(saved.category, saved.skill)}; {total:.1f} h of deep work that day\n"
    )
    if others:
        spans = ", ".join(f"{_clock(o.start, tz, on)}–{_clock(o.end, tz, on)}" for o in others)
        count = f"{len(others)} other session{'s' if len(others) != 1 else ''}"
        print(
            f"{APP_ID}: note: it overlaps {count} ({spans}); merge or trim them in the app",
            file=sys.stderr,
        )
    return 0


def _log_sleep(args: argparse.Namespace) -> int:
    from journal_app.services import Services
    from journal_app.services.tracking.common import check_hours
    from journal_app.services.tracking.sleep import MAX_SLEEP_HOURS, night_span

    day = _parse_day("--day", args.day)
    times = args.bed is not None or args.wake is not None
    if times and args.hours is not None:
        raise InvalidInput("give --bed and --wake, or --hours, not both")
    if not times and args.hours is None:
        raise InvalidInput("give --bed HH:MM and --wake HH:MM, or --hours H")
    values: dict[str, Any] = {}
    if times:
        if args.bed is None or args.wake is None:
            raise InvalidInput("give both --bed and --wake")
        bed, wake = _parse_time("--bed", args.bed), _parse_time("--wake", args.wake)
        # The same checks the service makes; the zone does not matter for them.
        night_span(day or dt.date(2000, 1, 1), bed, wake, dt.UTC)
        values.update(bed=bed, wake=wake)
    else:
        values["hours"] = check_hours(args.hours, "hours of sleep", high=MAX_SLEEP_HOURS)
    if args.quality is not None:
        values["quality"] = args.quality
    with Services.open(_paths(args)) as services:
        on = day if day is not None else services.stats.today()
        saved = services.day_logs.save(on, **values)
    slept = dt.timedelta(hours=saved.sleep_hours or 0)
    when = ""
    if saved.bed is not None and saved.wake is not None:
        when = f", {saved.bed.strftime('%H:%M')}–{saved.wake.strftime('%H:%M')}"
    quality = "" if saved.quality is None else f" (quality {saved.quality}/5)"
    _write(f"Slept {_length(slept)}{when}, the night to {on.isoformat()}{quality}\n")
    return 0


def _log_output(args: argparse.Namespace) -> int:
    from journal_app.services import Services
    from journal_app.services.tracking.common import check_name, check_url
    from journal_app.services.tracking.outputs import check_kind, check_status

    day = _parse_day("--day", args.day)
    kind = _checked("--kind", check_kind, args.kind)
    status = _checked("--status", check_status, args.status)
    title = _checked("--title", lambda t: check_name(t, "the title"), args.title)
    url = _checked("--url", check_url, args.url)
    with Services.open(_paths(args)) as services:
        saved = services.outputs.add(
            kind=kind, title=title, url=url, status=status, words=args.words, day=day
        )
    words = "" if saved.words is None else f", {saved.words:,} words"
    _write(
        f"Saved output #{saved.id}: {saved.kind_label} “{saved.title}” "
        f"({saved.status}{words}) on {saved.day.isoformat()}\n"
    )
    return 0


def _cmd_timer(args: argparse.Namespace) -> int:
    if args.action == "start":
        return _timer_start(args)
    if args.action == "stop":
        return _timer_stop(args)
    return _timer_status(args)


def _timer_start(args: argparse.Namespace) -> int:
    from journal_app.services import Services
    from journal_app.services.tracking.common import atomic_write

    _check_names(args)
    with Services.open(_paths(args)) as services:
        with atomic_write():
            # No process sends heartbeats for a timer started here: never "crashed".
            state = services.timer.start(**_labels(services, args), watched=False)
        started = state.started_at.astimezone(services.tz).strftime("%H:%M")
    _write(
        f"Timer started at {started}{_about(state.category, state.skill)}; "
        f"stop it with '{APP_ID} timer stop'\n"
    )
    return 0


def _timer_stop(args: argparse.Namespace) -> int:
    with _open_existing(args) as services:
        result = services.timer.stop()
        tz = services.tz
    if not result.sessions:
        print("Timer stopped after less than a minute: nothing saved")
        return 0
    first, last = result.sessions[0], result.sessions[-1]
    day = first.start.astimezone(tz).date()
    span = f"{_clock(first.start, tz, day)}–{_clock(last.end, tz, day)}"
    about = _about(first.category, first.skill)
    _write(f"Saved {_length(result.worked)} of deep work, {span}{about}\n")
    return 0


def _timer_status(args: argparse.Namespace) -> int:
    with _open_existing(args) as services:
        state = services.timer.status()
        tz = services.tz
    if args.json:
        import json

        print(json.dumps(None if state is None else state.as_dict(tz), indent=2))
        return 0
    if state is None:
        print("No timer is running")
        return 0
    since = _clock(state.started_at, tz, state.now.astimezone(tz).date())
    line = "Running" if state.running else "Paused"
    line += f": {_length(state.elapsed)} since {since}{_about(state.category, state.skill)}"
    if state.pomodoro is not None:
        part = "work" if not state.pomodoro.is_break else "break"
        line += f"; {part} {state.pomodoro.number}, {_length(state.pomodoro.remaining)} left"
    _write(line + "\n")
    return 0


def _cmd_day(args: argparse.Namespace) -> int:
    day = _parse_day("", args.date)
    with _open_existing(args) as services:
        summary = services.stats.day_summary(day if day is not None else services.stats.today())
        tz = services.tz
    if args.json:
        import json

        print(json.dumps(summary.as_dict(), indent=2))
        return 0
    on = summary.date
    rows = [
        (
            "Deep work",
            f"{summary.deep_work_hours:.1f} h of {summary.daily_target_hours:g} h "
            f"(production {summary.production_hours:.1f} h, "
            f"consumption {summary.consumption_hours:.1f} h)",
        ),
        ("This week", f"{summary.week_hours:.1f} h of {summary.weekly_target_hours:g} h"),
    ]
    log = summary.day_log
    sleep = "not logged" if summary.sleep_hours is None else f"{summary.sleep_hours:.1f} h"
    if log is not None and log.quality is not None:
        sleep += f", quality {log.quality}/5"
    rows.append(("Sleep", sleep))
    if log is not None and log.energy is not None:
        rows.append(("Energy", f"{log.energy}/5"))
    for n, part in enumerate(summary.sessions):
        about = " · ".join(
            x for x in (part.session.category, part.session.skill, part.session.note) if x
        )
        text = f"{_clock(part.start, tz, on)}–{_clock(part.end, tz, on)}  {part.hours:.1f} h"
        rows.append(("Sessions" if n == 0 else "", f"{text}  {about}".rstrip()))
    for n, out in enumerate(summary.outputs):
        words = "" if out.words is None else f", {out.words:,} words"
        rows.append(
            ("Outputs" if n == 0 else "", f"{out.kind_label} “{out.title}” ({out.status}{words})")
        )
    if log is not None and log.note:
        rows.append(("Note", " ".join(log.note.split())))
    width = max(len(k) for k, _ in rows)
    lines = [f"{on.isoformat()} ({on.strftime('%A')})"]
    lines += [f"{key:<{width}}  {value}" for key, value in rows]
    _write("\n".join(lines) + "\n")
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    with _open_existing(args) as services:
        stats = services.stats.overall()
    if args.json:
        import json

        print(json.dumps(stats.as_dict(), indent=2))
        return 0
    days = "day" if stats.streak_current == 1 else "days"
    rows = [
        (
            "Deep work",
            f"{stats.total_hours:,.1f} h in all; {stats.hours_last_7_days:.1f} h in the last "
            f"7 days, {stats.hours_last_30_days:.1f} h in the last 30",
        ),
        ("Streak", f"{stats.streak_current} {days} (longest {stats.streak_longest})"),
        (
            "Sleep",
            "not logged in the last 7 days"
            if stats.sleep_avg_7_days is None
            else f"{stats.sleep_avg_7_days:.1f} h a night over the last 7 days",
        ),
    ]
    for n, skill in enumerate(stats.skills):
        if skill.reached:
            outlook = "target reached"
        elif skill.projected_date is None:
            outlook = "no work in the last 4 weeks"
        else:
            outlook = f"on pace for {skill.projected_date.isoformat()}"
        rows.append(
            (
                "Skills" if n == 0 else "",
                f"{skill.name}: {skill.total_hours:,.1f} of {skill.target_hours:,.0f} h, {outlook}",
            )
        )
    width = max(len(k) for k, _ in rows)
    _write("\n".join(f"{key:<{width}}  {value}" for key, value in rows) + "\n")
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
    given = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(commands=not _opens_the_window(given))
    args = parser.parse_args(given)
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
        if args.command == "log":
            return _cmd_log(args)
        if args.command == "timer":
            return _cmd_timer(args)
        if args.command == "day":
            return _cmd_day(args)
        if args.command == "stats":
            return _cmd_stats(args)
        if args.command is not None:
            from journal_app.cli_crypto import run_crypto_command
            from journal_app.cli_safety import run_safety_command
            from journal_app.cli_sprints import run_sprint_command
            from journal_app.cli_transfer import run_transfer_command

            runs = (run_sprint_command, run_safety_command, run_transfer_command)
            for run in (*runs, run_crypto_command):
                code = run(args)
                if code is not None:
                    return code
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
