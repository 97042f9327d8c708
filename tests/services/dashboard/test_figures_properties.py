"""Properties of a range's figures on made-up histories (no database): whatever the
days hold, the figures add up to the days of the range."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.dashboard import DashboardSettings, DateRange
from journal_app.services.dashboard.figures import range_figures
from journal_app.services.dashboard.service import compose_history
from journal_app.services.tracking.stats import DailySeries

from .conftest import days_from

SETTINGS = DashboardSettings(
    sleep_target_hours=8, streak_min_hours=0.5, weekly_target_hours=14, daily_target_hours=2
)
quarter_hours = st.integers(0, 24).map(lambda q: q / 4)  # 0 … 6 h
nights = st.one_of(st.none(), st.integers(16, 40).map(lambda q: q / 4))  # 4 … 10 h


@st.composite
def histories(draw):
    length = draw(st.integers(1, 90))
    first = draw(st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1)))
    days = days_from(first, length)
    production = tuple(draw(st.lists(quarter_hours, min_size=length, max_size=length)))
    consumption = tuple(draw(st.lists(quarter_hours, min_size=length, max_size=length)))
    other = tuple(draw(st.lists(quarter_hours, min_size=length, max_size=length)))
    sleep = tuple(draw(st.lists(nights, min_size=length, max_size=length)))
    total = tuple(p + c + o for p, c, o in zip(production, consumption, other, strict=True))
    series = DailySeries(days[0], days[-1], days, production, consumption, other, total, sleep)
    history = compose_history(
        series, today=days[-1], since=days[0], qualities={}, outputs=[], settings=SETTINGS
    )
    lo = draw(st.integers(0, length - 1))
    hi = draw(st.integers(lo, length - 1))
    return history, DateRange(days[lo], days[hi])


@given(histories())
def test_a_ranges_figures_add_up_to_its_days(case):
    history, rng = case
    figures = range_figures(history, rng)
    inside = [i for i, d in enumerate(history.days) if d in rng]
    assert figures.tracked_days == len(inside) == rng.days
    total = math.fsum(history.total[i] for i in inside)
    assert figures.total_hours == pytest.approx(total)
    parts = figures.production_hours + figures.consumption_hours + figures.other_hours
    assert parts == pytest.approx(total)
    assert figures.average_hours == pytest.approx(total / len(inside))
    if figures.production_share is not None:
        assert 0 <= figures.production_share <= 1
    slept = [history.sleep[i] for i in inside if history.sleep[i] is not None]
    assert figures.nights_logged == len(slept)
    if slept:
        assert min(slept) - 1e-9 <= figures.sleep_average <= max(slept) + 1e-9
    s = figures.streaks
    assert 0 <= s.current <= s.longest and s.counted_in_range <= s.days_in_range == len(inside)
    assert figures.weeks[0].start <= rng.first and figures.weeks[-1].end >= rng.last
    assert figures.heatmap.last == rng.last


@given(histories())
def test_the_pairings_pair_a_day_with_its_own_nights(case):
    history, rng = case
    figures = range_figures(history, rng)
    before = figures.sleep_then_work
    for day, night, work in zip(before.days, before.x, before.y, strict=True):
        i = history.index_of(day)
        assert day in rng and day < history.today
        assert (night, work) == (history.sleep[i], history.total[i])
    after = figures.work_then_sleep
    for day, work, night in zip(after.days, after.x, after.y, strict=True):
        i = history.index_of(day)
        assert day in rng
        assert (work, night) == (history.total[i], history.sleep[i + 1])
    for pairing in (before, after):
        found = pairing.correlation
        assert found.n == len(pairing.days)
        assert (found.rho is None) == bool(found.reason)
        if found.n < 14:
            assert found.rho is None
