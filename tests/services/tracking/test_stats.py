"""Statistics: the day summary (Today view, `day D --json`), the overall figures
(Dashboard, `stats --json`) and the daily series (charts) agree with each other and
with the sessions stored; fast on a 10-year journal."""

from __future__ import annotations

import datetime as dt
import json
import statistics
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_app.config import check_data_dir
from journal_app.demo.generate import generate_demo
from journal_app.services import Services
from journal_app.services.tracking.stats import streaks

from .conftest import BERLIN, at

TODAY = dt.date(2026, 11, 22)


def _session(tracking, day, start, end, **labels):
    return tracking.sessions.add_local(day, start, end, **labels)


def test_the_day_summary_holds_what_the_today_view_shows(tracking):
    writing = tracking.categories.find("Writing")
    reading = tracking.categories.find("Reading")
    _session(tracking, TODAY, dt.time(9), dt.time(11, 30), category_id=writing.id)
    _session(tracking, TODAY, dt.time(14), dt.time(15), category_id=reading.id, note="paper")
    _session(tracking, TODAY, dt.time(16), dt.time(16, 15))
    _session(tracking, dt.date(2026, 11, 17), dt.time(9), dt.time(10))  # Tuesday, same week
    tracking.day_logs.save(TODAY, bed=dt.time(23, 30), wake=dt.time(7), quality=3, energy=4)
    tracking.outputs.add(kind="explainer", title="Backprop", status="draft", words=900)
    summary = tracking.stats.day_summary(TODAY)
    assert summary.date == TODAY
    assert (summary.deep_work_hours, summary.production_hours, summary.consumption_hours) == (
        3.75,
        2.5,
        1.0,
    )
    assert summary.other_hours == 0.25 and summary.sleep_hours == 7.5
    assert [p.session.note for p in summary.sessions] == ["", "paper", ""]
    assert [o.title for o in summary.outputs] == ["Backprop"]
    assert summary.week_start == dt.date(2026, 11, 16) and summary.week_hours == 4.75
    assert (summary.daily_target_hours, summary.weekly_target_hours) == (2.0, 14.0)
    data = json.loads(json.dumps(summary.as_dict()))  # JSON-ready as it is
    for key in ("date", "sleep_hours", "deep_work_hours", "production_hours", "consumption_hours"):
        assert key in data
    assert data["date"] == "2026-11-22" and data["deep_work_hours"] == 3.75
    assert data["sessions"][1]["start"] == "2026-11-22T14:00:00+01:00"
    assert data["outputs"][0]["kind"] == "explainer"
    assert (data["sleep_quality"], data["energy"]) == (3, 4)


def test_an_empty_day(tracking):
    summary = tracking.stats.day_summary(dt.date(2026, 1, 1))
    assert (summary.deep_work_hours, summary.sleep_hours, summary.sessions) == (0.0, None, [])
    assert summary.as_dict()["deep_work_hours"] == 0.0


def test_overall_figures(tracking):
    ml = tracking.skills.add("Machine learning", baseline_hours=100)
    for back in (0, 1, 2, 5, 6, 7, 40):
        day = TODAY - dt.timedelta(days=back)
        _session(tracking, day, dt.time(9), dt.time(10, 30), skill_id=ml.id)
    _session(tracking, TODAY - dt.timedelta(days=3), dt.time(9), dt.time(9, 5))  # too little
    for back, hours in ((0, 7.0), (1, 8.0), (9, 4.0)):
        tracking.day_logs.save(TODAY - dt.timedelta(days=back), hours=hours)
    stats = tracking.stats.overall()
    assert stats.today == TODAY
    assert stats.total_hours == pytest.approx(7 * 1.5 + 5 / 60)
    assert stats.hours_last_7_days == pytest.approx(5 * 1.5 + 5 / 60)
    assert stats.hours_last_30_days == pytest.approx(6 * 1.5 + 5 / 60)
    # 5 minutes is under the 15-minute streak threshold: days 0-2 and 5-7 are runs.
    assert (stats.streak_current, stats.streak_longest) == (3, 3)
    assert stats.sleep_avg_7_days == 7.5
    (skill,) = stats.skills
    assert (skill.name, skill.total_hours, skill.target_hours) == (
        "Machine learning",
        110.5,
        10_000,
    )
    assert skill.projected_date is not None
    data = json.loads(json.dumps(stats.as_dict()))
    for key in (
        "total_hours",
        "hours_last_7_days",
        "hours_last_30_days",
        "streak_current",
        "streak_longest",
        "sleep_avg_7_days",
    ):
        assert key in data
    assert set(data["skills"][0]) >= {"name", "total_hours", "target_hours", "projected_date"}
    tracking.tracking_settings.update(streak_min_hours=0)
    assert tracking.stats.overall().streak_longest == 4  # the short day now counts


def test_an_empty_journal_has_zero_figures(tracking):
    stats = tracking.stats.overall()
    assert (stats.total_hours, stats.streak_current, stats.streak_longest) == (0.0, 0, 0)
    assert stats.sleep_avg_7_days is None and stats.skills == [] and stats.first_day is None


def test_the_series_for_charts(tracking):
    _session(
        tracking, dt.date(2026, 11, 20), dt.time(23), dt.time(1), end_day=dt.date(2026, 11, 21)
    )
    tracking.day_logs.save(dt.date(2026, 11, 21), hours=6)
    series = tracking.stats.series(dt.date(2026, 11, 19), dt.date(2026, 11, 22))
    assert series.days == tuple(dt.date(2026, 11, d) for d in (19, 20, 21, 22))
    assert series.total == (0.0, 1.0, 1.0, 0.0)
    assert series.other == series.total and series.production == (0.0,) * 4
    assert series.sleep == (None, None, 6.0, None)


@given(
    days=st.sets(st.integers(0, 60), max_size=40),
    today=st.integers(0, 70),
)
def test_streaks_match_counting_by_hand(days, today):
    origin = dt.date(2026, 1, 1)
    dates = [origin + dt.timedelta(days=d) for d in days]
    current, longest = streaks(dates, origin + dt.timedelta(days=today))
    past = sorted(d for d in days if d <= today)
    runs: list[int] = []
    for d in past:
        if runs and d - 1 in days:
            runs[-1] += 1
        else:
            runs.append(1)
    assert longest == max(runs, default=0)
    if past and past[-1] >= today - 1:
        assert current == runs[-1]
    else:
        assert current == 0


def test_a_streak_survives_a_morning_without_work_yet():
    today = dt.date(2026, 11, 22)
    worked = [today - dt.timedelta(days=d) for d in (1, 2, 3)]
    assert streaks(worked, today) == (3, 3)
    assert streaks(worked, today + dt.timedelta(days=1)) == (0, 3)


# --------------------------------------------------------------------------- 10 years


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    """A 10-year demo journal, built once for this module (about 1.5 s)."""
    path = tmp_path_factory.mktemp("demo10")
    paths = check_data_dir(path, create=True)
    with Services.open(paths, clock=lambda: at(dt.UTC, 2026, 11, 22, 20, 30)) as services:
        generate_demo(services, years=10, seed=1, today=TODAY)
    return path


@pytest.fixture
def demo(demo_dir, clock):
    services = Services.open(check_data_dir(demo_dir, create=False), clock=clock)
    services.tz = BERLIN
    yield services
    services.close()


def test_dashboard_today_view_and_json_agree_on_the_demo(demo):
    stats = demo.stats
    overall = stats.overall()
    series = stats.series(overall.first_day, TODAY)
    by_day = dict(zip(series.days, series.total, strict=True))
    assert sum(series.total) == pytest.approx(overall.total_hours)
    assert sum(by_day[TODAY - dt.timedelta(days=d)] for d in range(7)) == pytest.approx(
        overall.hours_last_7_days
    )
    assert sum(by_day[TODAY - dt.timedelta(days=d)] for d in range(30)) == pytest.approx(
        overall.hours_last_30_days
    )
    worked = [d for d, h in by_day.items() if h >= 0.25]
    assert streaks(worked, TODAY) == (overall.streak_current, overall.streak_longest)
    assert overall.streak_longest >= 10
    for day in (TODAY, TODAY - dt.timedelta(days=400), dt.date(2024, 10, 27)):
        summary = stats.day_summary(day)
        assert summary.deep_work_hours == pytest.approx(by_day[day])
        assert sum(p.hours for p in summary.sessions) == pytest.approx(by_day[day])
        index = series.days.index(day)
        assert summary.production_hours == pytest.approx(series.production[index])
        assert summary.sleep_hours == series.sleep[index]
    nights = [h for h in series.sleep[-7:] if h is not None]
    assert overall.sleep_avg_7_days == pytest.approx(statistics.mean(nights))
    assert [s.name for s in overall.skills] == sorted(s.name for s in overall.skills)
    assert sum(s.logged_hours for s in overall.skills) <= overall.total_hours + 1e-6
    json.dumps(overall.as_dict())


def test_overlapping_sessions_count_clock_time_once_everywhere(tracking):
    """09:00-11:30 and 10:00-12:00 are 3 h of clock time, not 4.5 h: the day, the week,
    the streak, the overall totals, the skill and resource ledgers and the dashboard
    history all count the union; the overlap is credited to the earlier session."""
    writing = tracking.categories.find("Writing")
    reading = tracking.categories.find("Reading")
    maths = tracking.skills.ensure("Maths")
    book = tracking.resources.add("Calculus", skill_id=maths.id)
    _session(tracking, TODAY, dt.time(9), dt.time(11, 30), category_id=writing.id)
    _session(
        tracking,
        TODAY,
        dt.time(10),
        dt.time(12),
        category_id=reading.id,
        skill_id=maths.id,
        resource_id=book.id,
    )
    # one inside another, and one ending exactly where another starts (no overlap)
    _session(tracking, TODAY, dt.time(14), dt.time(16))
    _session(tracking, TODAY, dt.time(14, 30), dt.time(15))
    _session(tracking, TODAY, dt.time(16), dt.time(16, 30))
    summary = tracking.stats.day_summary(TODAY)
    assert summary.deep_work_hours == pytest.approx(5.5)
    assert summary.production_hours == pytest.approx(2.5)
    assert summary.consumption_hours == pytest.approx(0.5)
    assert summary.other_hours == pytest.approx(2.5)
    assert summary.week_hours == pytest.approx(5.5)
    overall = tracking.stats.overall(TODAY)
    assert overall.total_hours == pytest.approx(5.5)
    assert overall.hours_last_7_days == pytest.approx(5.5)
    assert tracking.stats.deep_work_hours(TODAY) == pytest.approx(5.5)
    assert tracking.skills.ledger(maths.id, TODAY).logged_hours == pytest.approx(0.5)
    assert tracking.resources.get(book.id).hours_spent == pytest.approx(0.5)
    assert [r.hours_spent for r in tracking.resources.list() if r.id == book.id] == [
        pytest.approx(0.5)
    ]
    history = tracking.dashboard.history(TODAY)
    assert history.total[history.days.index(TODAY)] == pytest.approx(5.5)


def test_a_streak_day_needs_its_threshold_in_clock_time(tracking):
    """Two 1.5 h sessions over the same hour are 2 h of clock time: under a 2.5 h
    streak threshold the day does not count."""
    tracking.tracking_settings.update(streak_min_hours=2.5)
    _session(tracking, TODAY, dt.time(9), dt.time(10, 30))
    _session(tracking, TODAY, dt.time(9, 30), dt.time(11))
    assert tracking.stats.overall(TODAY).streak_current == 0
