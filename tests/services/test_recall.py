"""On this day: entries from a week, a month and a year ago."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.entries import recall_days


def test_entries_from_a_week_a_month_and_a_year_ago(services):
    entries = services.entries
    today = dt.date(2026, 11, 22)
    week = entries.create(day=dt.date(2026, 11, 15), title="a week ago")
    month = entries.create(day=dt.date(2026, 10, 22), title="a month ago")
    year_a = entries.create(day=dt.date(2025, 11, 22), title="a year ago")
    year_b = entries.create(day=dt.date(2025, 11, 22), title="also a year ago")
    entries.create(day=dt.date(2026, 11, 21), title="yesterday")
    entries.create(day=today, title="today")
    gone = entries.create(day=dt.date(2026, 11, 15), title="deleted")
    entries.trash(gone.id)
    recalls = entries.on_this_day(today)
    assert [(r.label, r.day, [e.id for e in r.entries]) for r in recalls] == [
        ("1 week ago", dt.date(2026, 11, 15), [week.id]),
        ("1 month ago", dt.date(2026, 10, 22), [month.id]),
        ("1 year ago", dt.date(2025, 11, 22), [year_a.id, year_b.id]),
    ]
    assert recalls[2].entries[1].title == "also a year ago"


def test_only_days_that_have_entries_are_shown(services):
    services.entries.create(day=dt.date(2025, 11, 22), title="a year ago")
    recalls = services.entries.on_this_day(dt.date(2026, 11, 22))
    assert [r.label for r in recalls] == ["1 year ago"]
    assert services.entries.on_this_day(dt.date(2026, 11, 23)) == []


@pytest.mark.parametrize(
    ("today", "month_ago", "year_ago"),
    [
        (dt.date(2024, 3, 31), dt.date(2024, 2, 29), dt.date(2023, 3, 31)),
        (dt.date(2025, 3, 31), dt.date(2025, 2, 28), dt.date(2024, 3, 31)),
        (dt.date(2024, 2, 29), dt.date(2024, 1, 29), dt.date(2023, 2, 28)),
        (dt.date(2026, 1, 15), dt.date(2025, 12, 15), dt.date(2025, 1, 15)),
        (dt.date(2026, 5, 31), dt.date(2026, 4, 30), dt.date(2025, 5, 31)),
    ],
)
def test_month_ends_are_clamped(today, month_ago, year_ago):
    assert recall_days(today) == [
        ("1 week ago", today - dt.timedelta(days=7)),
        ("1 month ago", month_ago),
        ("1 year ago", year_ago),
    ]


def test_on_a_leap_day_a_year_ago_is_the_last_day_of_february(services):
    before = services.entries.create(day=dt.date(2023, 2, 28), title="a year before")
    recalls = services.entries.on_this_day(dt.date(2024, 2, 29))
    assert [(r.label, r.day, [e.id for e in r.entries]) for r in recalls] == [
        ("1 year ago", dt.date(2023, 2, 28), [before.id])
    ]


@given(st.dates(min_value=dt.date(1901, 2, 1), max_value=dt.date(2100, 12, 31)))
def test_a_month_and_a_year_back_land_in_the_right_month(today):
    _, month, year = recall_days(today)
    for (_label, day), back in ((month, 1), (year, 12)):
        year_, month_ = divmod(today.year * 12 + today.month - 1 - back, 12)
        assert (day.year, day.month) == (year_, month_ + 1)
        last = calendar.monthrange(day.year, day.month)[1]
        assert day.day == min(today.day, last)
