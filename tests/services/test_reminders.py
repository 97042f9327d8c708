"""The daily reminder's rules (issue #18): when it is due, when it comes next, what it
says, and what the journal tells it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.reminders import (
    DayStatus,
    ReminderKind,
    ReminderSettings,
    is_due,
    next_time,
    reminder_for,
)

PARIS = ZoneInfo("Europe/Paris")
ON = ReminderSettings(enabled=True, at=dt.time(20, 0))
WEEKDAYS = ReminderSettings(enabled=True, at=dt.time(20, 0), weekdays_only=True)
FRIDAY = dt.date(2026, 12, 4)
SATURDAY = dt.date(2026, 12, 5)
MONDAY = dt.date(2026, 12, 7)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=PARIS)


def test_due_from_its_time_until_midnight_once_a_day():
    assert not is_due(ON, at(FRIDAY, 19, 59), None)
    assert is_due(ON, at(FRIDAY, 20, 0), None)
    assert is_due(ON, at(FRIDAY, 23, 59), dt.date(2026, 12, 3))
    assert not is_due(ON, at(FRIDAY, 21), FRIDAY)  # already shown today


def test_off_or_nothing_chosen_is_never_due():
    assert not is_due(ReminderSettings(), at(FRIDAY, 21), None)
    assert next_time(ReminderSettings(), at(FRIDAY, 21), None) is None
    nothing = ReminderSettings(enabled=True, kinds=frozenset())
    assert not is_due(nothing, at(FRIDAY, 21), None)
    assert next_time(nothing, at(FRIDAY, 21), None) is None


def test_weekdays_only_skips_the_weekend():
    assert is_due(WEEKDAYS, at(FRIDAY, 20), None)
    assert not is_due(WEEKDAYS, at(SATURDAY, 21), None)
    assert next_time(WEEKDAYS, at(FRIDAY, 20, 1), FRIDAY) == at(MONDAY, 20)
    assert next_time(ON, at(FRIDAY, 20, 1), FRIDAY) == at(SATURDAY, 20)


def test_next_time_is_today_when_still_ahead():
    assert next_time(ON, at(FRIDAY, 9), None) == at(FRIDAY, 20)
    assert next_time(ON, at(FRIDAY, 9), FRIDAY) == at(SATURDAY, 20)


def test_a_time_skipped_by_the_clock_change_comes_after_it():
    spring = ReminderSettings(enabled=True, at=dt.time(2, 30))  # 29 March 2026, Paris
    planned = next_time(spring, at(dt.date(2026, 3, 29), 1), None)
    assert planned is not None
    assert planned.astimezone(dt.UTC) == dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)


@given(
    now=st.datetimes(
        min_value=dt.datetime(2020, 1, 1),
        max_value=dt.datetime(2035, 1, 1),
        timezones=st.just(PARIS),
    ),
    at_time=st.times(),
    weekdays_only=st.booleans(),
    shown_today=st.booleans(),
)
def test_next_time_is_later_and_due_when_it_comes(now, at_time, weekdays_only, shown_today):
    settings = ReminderSettings(enabled=True, at=at_time, weekdays_only=weekdays_only)
    shown_on = now.date() if shown_today else None
    planned = next_time(settings, now, shown_on)
    assert planned is not None  # a week always has a weekday
    assert planned > now
    assert planned - now <= dt.timedelta(days=4)  # Friday after the time -> Monday
    assert is_due(settings, planned, shown_on)
    assert not weekdays_only or planned.weekday() < 5


@given(logged=st.booleans(), slept=st.booleans(), kinds=st.sets(st.sampled_from(ReminderKind)))
def test_reminds_only_of_what_is_missing(logged, slept, kinds):
    settings = ReminderSettings(enabled=True, kinds=frozenset(kinds))
    reminder = reminder_for(settings, DayStatus(FRIDAY, logged=logged, slept=slept))
    wanted = [
        kind
        for kind, missing in ((ReminderKind.LOG, not logged), (ReminderKind.SLEEP, not slept))
        if missing and kind in kinds
    ]
    if not wanted:
        assert reminder is None
    else:
        assert reminder is not None
        assert list(reminder.kinds) == wanted
        assert reminder.opens_new_entry == (ReminderKind.LOG in wanted)


def test_texts():
    both = reminder_for(ON, DayStatus(FRIDAY, logged=False, slept=False))
    assert both is not None
    assert both.text == "Write today's log\nYou haven't logged sleep"
    sleep_only = reminder_for(ON, DayStatus(FRIDAY, logged=True, slept=False))
    assert sleep_only is not None and sleep_only.text == "You haven't logged sleep"


def test_status_reads_todays_entry_and_last_nights_sleep(services):
    day = dt.date(2026, 11, 22)
    assert services.reminders.status(day) == DayStatus(day, logged=False, slept=False)
    services.day_logs.save(day, energy=3)  # a day log without sleep is not a night
    assert not services.reminders.status(day).slept
    services.day_logs.save(day, hours=7.5)
    services.entries.create(day=day, title="Log", body="Did things")
    assert services.reminders.status(day) == DayStatus(day, logged=True, slept=True)
    assert not services.reminders.status(day + dt.timedelta(days=1)).logged
