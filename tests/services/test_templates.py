"""Entry templates: the built-ins, the user's own, and placeholders filled from the data."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db.models import DayLog, Sprint, WorkSession
from journal_app.errors import InvalidInput
from journal_app.services.templates import BUILTINS, DEFAULT_SERIES, TemplateService

DAY = dt.date(2026, 11, 22)  # a Sunday


@pytest.fixture
def templates(services, clock) -> TemplateService:
    """Days cut at UTC midnight, so the figures do not depend on the machine's zone."""
    services.tz = dt.UTC
    return TemplateService(clock, services.entries, services.sprints, services.stats)


def _builtin(templates: TemplateService, name: str) -> int:
    return next(t.id for t in templates.list() if t.name == name)


def _session(day: dt.date, start_h: float, hours: float) -> None:
    start = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=start_h)
    WorkSession.create(start=start, end=start + dt.timedelta(hours=hours))


# --------------------------------------------------------------------------- editing


def test_a_new_journal_ships_three_built_ins_with_the_texts_reset_restores(services):
    listed = services.templates.list()
    assert [(t.name, t.builtin) for t in listed] == [
        ("Daily log", True),
        ("Weekly review", True),
        ("Sprint review", True),
    ]
    # Migration 3 inserted the same texts the app resets to.
    assert [(t.name, t.title, t.body) for t in listed] == [
        (b.name, b.title, b.body) for b in BUILTINS
    ]


def test_users_add_edit_and_delete_their_own_templates(services):
    templates = services.templates
    made = templates.create(name=" Paper notes ", title="Notes: ", body="## Claim\n")
    assert (made.name, made.builtin) == ("Paper notes", False)
    assert templates.list()[-1] == made
    edited = templates.update(made.id, body="## Claim\n## Evidence\n")
    assert edited.body == "## Claim\n## Evidence\n" and edited.title == "Notes: "
    assert templates.get(made.id) == edited
    templates.delete(made.id)
    assert [t.name for t in templates.list()] == [b.name for b in BUILTINS]
    with pytest.raises(InvalidInput, match=f"there is no template {made.id}"):
        templates.get(made.id)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("daily LOG", "already a template called"),
        ("   ", "needs a name"),
        ("x" * 101, "at most 100"),
        ("two\nlines", "one line"),
    ],
)
def test_bad_template_names_are_refused(services, name, message):
    templates = services.templates
    mine = templates.create(name="Mine", title="", body="")
    with pytest.raises(InvalidInput, match=message):
        templates.create(name=name, title="", body="")
    with pytest.raises(InvalidInput, match=message):
        templates.update(mine.id, name=name)
    assert templates.get(mine.id).name == "Mine"
    assert len(templates.list()) == 4


def test_built_ins_can_be_edited_and_reset_but_not_deleted(services):
    templates = services.templates
    daily = _builtin(templates, "Daily log")
    templates.update(daily, name="My day", title="Day {{number}}", body="just this")
    with pytest.raises(InvalidInput, match="built-in"):
        templates.delete(daily)
    back = templates.reset(daily)
    shipped = BUILTINS[0]
    assert (back.name, back.title, back.body, back.builtin) == (
        shipped.name,
        shipped.title,
        shipped.body,
        True,
    )


def test_reset_keeps_the_name_when_the_user_gave_it_to_another_template(services):
    templates = services.templates
    daily = _builtin(templates, "Daily log")
    templates.update(daily, name="Old daily", body="changed")
    templates.create(name="Daily log", title="", body="mine")
    back = templates.reset(daily)
    assert (back.name, back.body) == ("Old daily", BUILTINS[0].body)


def test_own_templates_have_nothing_to_reset_to(services):
    mine = services.templates.create(name="Mine", title="", body="")
    with pytest.raises(InvalidInput, match="your own template"):
        services.templates.reset(mine.id)


# --------------------------------------------------------------------------- rendering


def test_calendar_placeholders_and_unknown_ones_as_typed(templates):
    mine = templates.create(
        name="Plain",
        title="{{date}} {{ weekday }}",
        body="{{long_date}} {{mood}} {{Date}} {{date",
    )
    out = templates.render(mine.id, day=DAY)
    assert out.title == "2026-11-22 Sunday"
    assert out.body == "22 November 2026 {{mood}} {{Date}} {{date"


def test_series_and_number_continue_the_journal(services, templates):
    entries = services.entries
    daily = _builtin(templates, "Daily log")
    first = templates.render(daily, day=DAY)  # an empty journal: the default series
    assert (first.title, first.series, first.number) == (f"{DEFAULT_SERIES} #1", DEFAULT_SERIES, 1)
    entries.create(day=dt.date(2026, 11, 1), series="Day of ML", number=0)
    entries.create(day=dt.date(2026, 11, 20), series="Self Study Journal", number=6)
    latest = templates.render(daily, day=DAY)  # the series used last
    assert (latest.title, latest.series, latest.number) == (
        "Self Study Journal #7",
        "Self Study Journal",
        7,
    )
    asked = templates.render(daily, day=DAY, series="Day of ML")
    assert (asked.title, asked.number) == ("Day of ML #1", 1)


def test_the_daily_log_fills_yesterdays_hours_and_last_nights_sleep(templates):
    yesterday = DAY - dt.timedelta(days=1)
    _session(yesterday, 9, 3.5)
    _session(yesterday, 14, 3.5)  # a seven-hour writing day
    _session(yesterday, 23, 2)  # 1 h before midnight counts for yesterday
    _session(DAY, 9, 4)  # today's work is not yesterday's
    WorkSession.create(start=dt.datetime(2026, 11, 21, 8), end=None)  # a timer still running
    DayLog.create(day=DAY, sleep_hours=5.5)  # the night after the long day
    DayLog.create(day=yesterday, sleep_hours=8)
    out = templates.render(_builtin(templates, "Daily log"), day=DAY)
    assert "*Deep work yesterday: 8.0 h · sleep last night: 5.5 h*" in out.body
    for section in ("## Plan", "## What I did", "## Learned", "## Blockers", "## Tomorrow"):
        assert section in out.body


def test_figures_with_nothing_logged_show_a_dash(templates):
    out = templates.render(_builtin(templates, "Daily log"), day=DAY)
    assert "*Deep work yesterday: — h · sleep last night: — h*" in out.body
    weekly = templates.render(_builtin(templates, "Weekly review"), day=DAY)
    assert "| — h | — h |" in weekly.body
    assert "sprint: —" in weekly.body


def test_sleep_from_start_and_end_times_counts_too(templates):
    DayLog.create(
        day=DAY,
        sleep_start=dt.datetime(2026, 11, 21, 23, 15),
        sleep_end=dt.datetime(2026, 11, 22, 6, 45),
    )
    mine = templates.create(name="Sleep", title="", body="{{yesterday_sleep}}")
    assert templates.render(mine.id, day=DAY).body == "7.5"


def test_the_weekly_review_sums_the_seven_days_ending_on_the_day(templates):
    for back in range(7):  # Monday 16 to Sunday 22 November
        _session(DAY - dt.timedelta(days=back), 9, 2)
        DayLog.create(day=DAY - dt.timedelta(days=back), sleep_hours=6 + back % 2)
    _session(DAY - dt.timedelta(days=7), 9, 5)  # the Sunday before: not this week
    DayLog.create(day=DAY - dt.timedelta(days=7), sleep_hours=12)
    out = templates.render(_builtin(templates, "Weekly review"), day=DAY)
    assert out.title.endswith("— Weekly review")
    assert "*Week ending Sunday 22 November 2026 · sprint: —*" in out.body
    assert "| 14.0 h | 6.4 h |" in out.body  # (4×6 + 3×7) / 7 = 6.43


def test_the_sprint_review_names_the_running_sprint(templates):
    Sprint.create(name="Sprint 3", start=dt.date(2026, 10, 26), end=dt.date(2026, 11, 8))
    Sprint.create(
        name="Sprint 4", start=dt.date(2026, 11, 9), end=dt.date(2026, 11, 22), status="active"
    )
    out = templates.render(_builtin(templates, "Sprint review"), day=DAY, series="SSJ")
    assert out.title == "SSJ #1 — Sprint 4 review"
    assert "What was Sprint 4 for" in out.body


def test_rendering_a_missing_template_is_a_clear_error(templates):
    with pytest.raises(InvalidInput, match="there is no template 99"):
        templates.render(99, day=DAY)


def test_the_facade_cuts_days_at_local_midnight(services):
    """Instants are stored in UTC; "yesterday" is the user's local yesterday."""
    local_start = dt.datetime.combine(DAY - dt.timedelta(days=1), dt.time(23)).astimezone()
    start = local_start.astimezone(dt.UTC).replace(tzinfo=None)
    WorkSession.create(start=start, end=start + dt.timedelta(hours=2.5))  # 1 h before midnight
    daily = _builtin(services.templates, "Daily log")
    assert "Deep work yesterday: 1.0 h" in services.templates.render(daily, day=DAY).body
