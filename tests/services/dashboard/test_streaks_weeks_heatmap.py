"""Streaks with the user's minimum, weekly totals against the goal, output per week and
the calendar heatmap: hand-worked examples and properties."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.dashboard.heatmap import HEATMAP_WEEKS, heat_level, heatmap
from journal_app.services.dashboard.output_weeks import output_weeks
from journal_app.services.dashboard.streaks import counts, streak_figures
from journal_app.services.dashboard.weekly import monday, weekly_totals, weeks_overlapping

from .conftest import days_from, nov


def test_a_day_counts_from_the_minimum():
    assert counts(0.25, 0.25) and counts(0.25 - 1e-12, 0.25)  # seconds rounding
    assert not counts(0.2, 0.25)
    assert not counts(0.0, 0.0)  # a day without work never counts
    assert counts(0.01, 0.0)


def test_streaks_by_hand():
    days = days_from(nov(1), 8)  # 1..8 November; today the 8th
    hours = [1, 1, 0, 0.2, 0.25, 1, 1, 0]  # counted: 1, 2, 5, 6, 7
    found = streak_figures(days, hours, min_hours=0.25, today=nov(8))
    assert (found.current, found.longest) == (3, 3)  # yesterday keeps the run alive
    assert (found.counted_in_range, found.days_in_range) == (5, 8)
    later = streak_figures(days, hours, min_hours=0.25, today=nov(9))
    assert later.current == 0
    stricter = streak_figures(days, hours, min_hours=1, today=nov(8))
    assert (stricter.current, stricter.longest) == (2, 2)
    week = streak_figures(days, hours, min_hours=0.25, today=nov(8), first=nov(4), last=nov(30))
    assert (week.counted_in_range, week.days_in_range) == (3, 5)


@given(st.lists(st.floats(0, 6, allow_nan=False), min_size=1, max_size=80), st.floats(0, 3))
def test_streak_properties(hours, threshold):
    days = days_from(nov(1), len(hours))
    found = streak_figures(days, hours, min_hours=threshold, today=days[-1])
    assert 0 <= found.current <= found.longest <= found.counted_in_range <= len(hours)
    lower = streak_figures(days, hours, min_hours=threshold / 2, today=days[-1])
    assert lower.longest >= found.longest  # a lower bar never shortens a streak


def test_weekly_totals_by_hand():
    days = days_from(nov(16), 9)  # Monday 16 … Tuesday 24 November
    weeks = weekly_totals(days, [1.0] * 9, goal=5, today=nov(24))
    assert [(w.start, w.hours, w.met, w.in_progress) for w in weeks] == [
        (nov(16), 7.0, True, False),
        (nov(23), 2.0, False, True),
    ]
    assert weeks[0].end == nov(22)
    assert weeks_overlapping(weeks, nov(22), nov(22)) == weeks[:1]
    assert weeks_overlapping(weeks, nov(20), nov(30)) == weeks


@given(st.lists(st.floats(0, 12, allow_nan=False), min_size=1, max_size=100), st.integers(0, 6))
def test_weeks_hold_every_hour_once(hours, shift):
    days = days_from(nov(16) + dt.timedelta(days=shift), len(hours))
    weeks = weekly_totals(days, hours, goal=14, today=days[-1])
    assert abs(sum(w.hours for w in weeks) - sum(hours)) < 1e-6
    assert all(w.start == monday(w.start) for w in weeks)
    assert [w.start for w in weeks] == sorted({monday(d) for d in days})


def _output(day, kind, words=None):
    return SimpleNamespace(day=day, kind=kind, words=words)


def test_output_per_week_by_kind_by_hand():
    made = [
        _output(nov(17), "explainer", 900),
        _output(nov(18), "explainer"),  # no word count: counts, adds no words
        _output(nov(25), "code", 100),
        _output(nov(10), "code", 5000),  # before the range
    ]
    found = output_weeks(made, nov(16), nov(30))
    assert found.weeks == (nov(16), nov(23), nov(30))
    assert found.counts["explainer"] == (2, 0, 0) and found.counts["code"] == (0, 1, 0)
    assert found.words["explainer"] == (900, 0, 0) and found.words["code"] == (0, 100, 0)
    assert found.counts["x_thread"] == (0, 0, 0)
    assert (found.total_count(0), found.total_words(0)) == (2, 900)
    assert found.index_of(nov(29)) == 1 and found.index_of(nov(1)) is None
    assert found.totals_between(nov(16), nov(30)) == (3, 1000)


kinds = st.sampled_from(["explainer", "blog_post", "code", "summary"])


@given(st.lists(st.tuples(st.integers(0, 60), kinds, st.integers(0, 5000) | st.none())))
def test_output_weeks_count_each_output_once(rows):
    first = nov(1)
    made = [_output(first + dt.timedelta(days=d), k, w) for d, k, w in rows]
    found = output_weeks(made, first, first + dt.timedelta(days=60))
    assert sum(found.total_count(i) for i in range(len(found.weeks))) == len(made)
    assert sum(found.total_words(i) for i in range(len(found.weeks))) == sum(
        w or 0 for _, _, w in rows
    )


def test_heat_levels_follow_the_daily_target():
    levels = [heat_level(h, 2.0) for h in (0, 0.5, 0.99, 1.0, 1.99, 2.0, 3.99, 4.0, 11)]
    assert levels == [0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert heat_level(1.0, 0.0) == 2  # no daily target: shades as for 2 h


def test_the_calendar_by_hand():
    hours = {nov(22): 2.5, nov(21): 0.1, dt.date(2025, 12, 1): 1.0}
    found = heatmap(hours, nov(22), daily_target=2.0, min_hours=0.25)
    assert found.first == dt.date(2025, 11, 17)  # the Monday 52 weeks before the last's
    assert len(found.cells) == HEATMAP_WEEKS * 7  # the last day is a Sunday
    last = found.cells[-1]
    assert (last.day, last.column, last.row, last.level, last.counted) == (
        nov(22),
        52,
        6,
        3,
        True,
    )
    saturday = found.cell(nov(21))
    assert saturday is not None and (saturday.level, saturday.counted) == (1, False)
    december = found.cell(dt.date(2025, 12, 1))
    assert december is not None and (december.column, december.row) == (2, 0)
    # Month labels where a Monday opens a month; November's gives way to December's.
    assert found.months[:2] == ((2, "Dec"), (7, "Jan"))
    assert found.cell(nov(23)) is None
    wednesday = heatmap({}, nov(25), daily_target=2, min_hours=0.25)
    assert len(wednesday.cells) == 52 * 7 + 3 and wednesday.cells[-1].row == 2


@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 1, 1)), st.floats(0.1, 10))
def test_every_day_sits_in_its_weekday_row_once(last, target):
    found = heatmap({last: target}, last, daily_target=target, min_hours=0)
    assert [c.day for c in found.cells] == list(days_from(found.first, len(found.cells)))
    assert all(c.row == c.day.weekday() for c in found.cells)
    assert found.cells[-1].day == last and found.cells[-1].level == 3
    assert all(0 <= c.column < HEATMAP_WEEKS for c in found.cells)


@given(st.floats(0, 30), st.floats(0, 30), st.floats(0, 8))
def test_more_hours_never_shade_lighter(a, b, target):
    low, high = sorted((a, b))
    assert heat_level(low, target) <= heat_level(high, target)
