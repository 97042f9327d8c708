"""`log session|sleep|output`, `timer start|stop|status`, `day`, `stats` (issue #4).

Like `new`, these write without the instance lock while the app may have the journal
open (WAL; each change is one transaction, taken at once so that it waits for the app's
timer heartbeat rather than failing). What the user typed is checked before the journal
is opened, so bad input neither writes nor creates anything. Imported only when a
command is parsed; the services load inside the commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from journal_app import APP_ID
from journal_app.cli import common
from journal_app.errors import InvalidInput

if TYPE_CHECKING:
    from journal_app.services import Services


def register(sub: common.SubParsers) -> None:
    """`log session|sleep|output`, `timer start|stop|status`, `day`, `stats` (issue #4).
    Dates and times stay strings here: the commands check them, with the same rules
    (and messages) as the app."""
    data_dir = common.data_dir_options()
    labels = common.Parser(add_help=False)
    labels.add_argument(
        "--category", metavar="C", help="a category name, e.g. Writing (created if new)"
    )
    labels.add_argument("--skill", metavar="S", help="a skill name (created if new)")

    log = sub.add_parser(
        "log", parents=[data_dir], help="record a session, a night's sleep or an output"
    )
    what = log.add_subparsers(
        dest="what", metavar="WHAT", required=True, parser_class=common.Parser
    )
    session = what.add_parser(
        "session",
        parents=[data_dir, labels],
        help="a deep-work session: --minutes N, or --start and --end",
        description="Record a deep-work session: --minutes N (ending now when the day is "
        "today), or --start HH:MM --end HH:MM on the day.",
    )
    session.add_argument(
        "--minutes", type=common.number, metavar="N", help="how long (1 to 1440 minutes)"
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
    overlap = session.add_mutually_exclusive_group()
    overlap.add_argument(
        "--merge",
        action="store_const",
        dest="overlap",
        const="merge",
        help="when it overlaps other sessions, merge them all into one",
    )
    overlap.add_argument(
        "--trim",
        action="store_const",
        dest="overlap",
        const="trim_new",
        help="when it overlaps other sessions, keep only the time they do not cover",
    )
    overlap.add_argument(
        "--allow-overlap",
        action="store_const",
        dest="overlap",
        const="keep",
        help="save it over other sessions as it is (the common time counts once); "
        "without one of these three an overlap is refused",
    )
    session.set_defaults(handler=_log_session)

    sleep = what.add_parser(
        "sleep",
        parents=[data_dir],
        help="last night's sleep: --bed and --wake, or --hours",
        description="Record a night's sleep: --bed HH:MM --wake HH:MM, or --hours H. "
        "--day is the date of waking (default: today).",
    )
    sleep.add_argument("--bed", metavar="HH:MM", help="when you went to bed")
    sleep.add_argument("--wake", metavar="HH:MM", help="when you woke up")
    sleep.add_argument("--hours", type=common.number, metavar="H", help="hours slept (0 to 24)")
    sleep.add_argument("--day", metavar="YYYY-MM-DD", help="the day you woke up (default: today)")
    sleep.add_argument(
        "--quality", type=common.positive_int(1, 5), metavar="1-5", help="how well you slept"
    )
    sleep.set_defaults(handler=_log_sleep)

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
        "--words", type=common.positive_int(0, 10_000_000), metavar="N", help="how many words"
    )
    output.add_argument("--day", metavar="YYYY-MM-DD", help="default: today")
    output.set_defaults(handler=_log_output)

    timer = sub.add_parser("timer", parents=[data_dir], help="the focus timer")
    action = timer.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=common.Parser
    )
    start = action.add_parser(
        "start",
        parents=[data_dir, labels],
        help="start timing a deep-work session",
        description="Start the focus timer; the app shows it in its status bar.",
    )
    stop = action.add_parser(
        "stop",
        parents=[data_dir],
        help="stop the timer and save the session",
        description="Stop the timer and save the time worked as one session (pauses and "
        "breaks left out). Under a minute is refused: keep timing, or use --discard.",
    )
    stop.add_argument(
        "--discard", action="store_true", help="throw the timer away without saving anything"
    )
    status = action.add_parser("status", parents=[data_dir], help="is the timer running?")
    status.add_argument("--json", action="store_true", help="print one JSON object (or null)")
    start.set_defaults(handler=_timer_start)
    stop.set_defaults(handler=_timer_stop)
    status.set_defaults(handler=_timer_status)

    day = sub.add_parser(
        "day", parents=[data_dir], help="a day's deep work, sleep, sessions and outputs"
    )
    day.add_argument("date", nargs="?", metavar="YYYY-MM-DD", help="default: today")
    day.add_argument("--json", action="store_true", help="print one JSON object")
    day.set_defaults(handler=_cmd_day)

    stats = sub.add_parser(
        "stats", parents=[data_dir], help="hours in all, last 7/30 days, streaks, skills"
    )
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    stats.set_defaults(handler=_cmd_stats)


def _check_names(args: argparse.Namespace) -> None:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.common import check_name

    if args.category is not None:
        common.checked("--category", lambda t: check_name(t, "a category name"), args.category)
    if args.skill is not None:
        common.checked("--skill", lambda t: check_name(t, "a skill name"), args.skill)


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


def _log_session(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.common import atomic_write

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.sessions import KEEP, MAX_SESSION

    day = common.parse_day("--day", args.day)
    end_day = common.parse_day("--end-day", args.end_day)
    by_clock = args.start is not None or args.end is not None
    if by_clock == (args.minutes is not None):
        raise InvalidInput("give --minutes N, or --start HH:MM and --end HH:MM")
    if end_day is not None and not by_clock:
        raise InvalidInput("--end-day goes with --start and --end")
    if by_clock:
        if args.start is None or args.end is None:
            raise InvalidInput("give both --start and --end")
        start, end = common.parse_time("--start", args.start), common.parse_time("--end", args.end)
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
    with Services.open(common.paths(args)) as services:
        on = day if day is not None else services.stats.today()
        with atomic_write():  # the session, new names and the merge or trim: all or nothing
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
            spans = ", ".join(f"{_clock(o.start, tz, on)}–{_clock(o.end, tz, on)}" for o in others)
            count = f"{len(others)} other session{'s' if len(others) != 1 else ''}"
            if others and args.overlap is None:
                raise InvalidInput(
                    f"it overlaps {count} ({spans}); add --merge, --trim or --allow-overlap"
                )
            kept = services.sessions.settle(saved.id, [o.id for o in others], args.overlap or KEEP)
        total = services.stats.day_summary(on).deep_work_hours
    span = ", ".join(f"{_clock(k.start, tz, on)}–{_clock(k.end, tz, on)}" for k in kept)
    length = _length(sum((k.duration for k in kept), dt.timedelta()))
    how = {"merge": f", merged with {count}", "trim_new": f", trimmed around {count}"}
    common.write(
        f"Logged {length} on {on.isoformat()}, {span}{_about(kept[0].category, kept[0].skill)}"
        f"{how.get(args.overlap, '') if others else ''}; {total:.1f} h of deep work that day\n"
    )
    if others and args.overlap == KEEP:
        print(
            f"{APP_ID}: note: it overlaps {count} ({spans}); the common time counts once",
            file=sys.stderr,
        )
    return 0


def _log_sleep(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.common import check_hours

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.sleep import MAX_SLEEP_HOURS, night_span

    day = common.parse_day("--day", args.day)
    times = args.bed is not None or args.wake is not None
    if times and args.hours is not None:
        raise InvalidInput("give --bed and --wake, or --hours, not both")
    if not times and args.hours is None:
        raise InvalidInput("give --bed HH:MM and --wake HH:MM, or --hours H")
    values: dict[str, Any] = {}
    if times:
        if args.bed is None or args.wake is None:
            raise InvalidInput("give both --bed and --wake")
        bed, wake = common.parse_time("--bed", args.bed), common.parse_time("--wake", args.wake)
        # The same checks the service makes; the zone does not matter for them.
        night_span(day or dt.date(2000, 1, 1), bed, wake, dt.UTC)
        values.update(bed=bed, wake=wake)
    else:
        values["hours"] = check_hours(args.hours, "hours of sleep", high=MAX_SLEEP_HOURS)
    if args.quality is not None:
        values["quality"] = args.quality
    with Services.open(common.paths(args)) as services:
        on = day if day is not None else services.stats.today()
        saved = services.day_logs.save(on, **values)
    slept = dt.timedelta(hours=saved.sleep_hours or 0)
    when = ""
    if saved.bed is not None and saved.wake is not None:
        when = f", {saved.bed.strftime('%H:%M')}–{saved.wake.strftime('%H:%M')}"
    quality = "" if saved.quality is None else f" (quality {saved.quality}/5)"
    common.write(f"Slept {_length(slept)}{when}, the night to {on.isoformat()}{quality}\n")
    return 0


def _log_output(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.common import check_name, check_url

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.outputs import check_kind, check_status

    day = common.parse_day("--day", args.day)
    kind = common.checked("--kind", check_kind, args.kind)
    status = common.checked("--status", check_status, args.status)
    title = common.checked("--title", lambda t: check_name(t, "the title"), args.title)
    url = common.checked("--url", check_url, args.url)
    with Services.open(common.paths(args)) as services:
        saved = services.outputs.add(
            kind=kind, title=title, url=url, status=status, words=args.words, day=day
        )
    words = "" if saved.words is None else f", {saved.words:,} words"
    common.write(
        f"Saved output #{saved.id}: {saved.kind_label} “{saved.title}” "
        f"({saved.status}{words}) on {saved.day.isoformat()}\n"
    )
    return 0


def _timer_start(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.common import atomic_write

    _check_names(args)
    with Services.open(common.paths(args)) as services:
        with atomic_write():
            # No process sends heartbeats for a timer started here: never "crashed".
            state = services.timer.start(**_labels(services, args), watched=False)
        started = state.started_at.astimezone(services.tz).strftime("%H:%M")
    common.write(
        f"Timer started at {started}{_about(state.category, state.skill)}; "
        f"stop it with '{APP_ID} timer stop'\n"
    )
    return 0


def _timer_stop(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.timer import TimerTooShort

    with common.open_existing(args) as services:
        if args.discard:
            services.timer.cancel()
            print("Timer discarded: nothing saved")
            return 0
        try:
            result = services.timer.stop()
        except TimerTooShort as exc:
            raise InvalidInput(f"{exc} with '{APP_ID} timer stop --discard'") from None
        tz = services.tz
    session = result.session
    day = session.start.astimezone(tz).date()
    span = f"{_clock(session.start, tz, day)}–{_clock(session.end, tz, day)}"
    about = _about(session.category, session.skill)
    common.write(f"Saved {_length(result.worked)} of deep work, {span}{about}\n")
    return 0


def _timer_status(args: argparse.Namespace) -> int:
    with common.open_existing(args) as services:
        state = services.timer.status()
        tz = services.tz
    if args.json:
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
    common.write(line + "\n")
    return 0


def _cmd_day(args: argparse.Namespace) -> int:
    day = common.parse_day("", args.date)
    with common.open_existing(args) as services:
        summary = services.stats.day_summary(day if day is not None else services.stats.today())
        tz = services.tz
    if args.json:
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
    common.write("\n".join(lines) + "\n")
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    with common.open_existing(args) as services:
        stats = services.stats.overall()
    if args.json:
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
    common.write("\n".join(f"{key:<{width}}  {value}" for key, value in rows) + "\n")
    return 0
