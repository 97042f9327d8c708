"""DashboardService on a real journal: the history read once, the figures of a range,
and agreement with the figures the Today view and `stats --json` show."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.services.dashboard import RANGE_KINDS
from journal_app.services.dashboard.figures import range_figures

from .conftest import TODAY, days_from, nov


@pytest.fixture
def journal(tracking):
    """Three tracked days ending today (Sunday 22 November 2026, Berlin)."""
    writing = tracking.categories.find("Writing")
    reading = tracking.categories.find("Reading")
    ml = tracking.skills.add("Machine learning", baseline_hours=10)
    add = tracking.sessions.add_local
    add(nov(20), dt.time(9), dt.time(11), category_id=writing.id)  # production 2 h
    add(nov(21), dt.time(9), dt.time(10), category_id=reading.id)  # consumption 1 h
    add(nov(22), dt.time(14), dt.time(14, 30), skill_id=ml.id)  # no category: 0.5 h
    tracking.day_logs.save(nov(21), hours=6, quality=2)
    tracking.day_logs.save(nov(22), bed=dt.time(23), wake=dt.time(7), quality=4)  # 8 h
    tracking.outputs.add(kind="explainer", title="Backprop", words=900, day=nov(21))
    return tracking


def test_the_history_holds_every_day_from_the_first_tracked_one(journal):
    history = journal.dashboard.history()
    assert history.today == TODAY and history.since == nov(20)
    assert history.days == days_from(nov(20), 3)
    assert history.production == (2.0, 0.0, 0.0)
    assert history.consumption == (0.0, 1.0, 0.0)
    assert history.other == (0.0, 0.0, 0.5)
    assert history.total == (2.0, 1.0, 0.5)
    assert history.average == (None, None, None)  # no full week yet
    assert history.sleep == (None, 6.0, 8.0) and history.quality == (None, 2, 4)
    assert history.sleep_debt == (None, 2.0, 2.0)  # 8 − 6, then 8 − 8 adds nothing
    assert history.output_count == (0, 1, 0) and history.output_words == (0, 900, 0)
    assert [(w.start, w.hours, w.goal, w.in_progress) for w in history.weeks] == [
        (nov(16), 3.5, 14.0, True)
    ]
    (curve,) = history.skills
    assert curve.cumulative == (10.0, 10.0, 10.5)
    assert curve.ledger.total_hours == pytest.approx(10.5)
    assert not history.empty


def test_a_days_values_for_the_hover_read_out(journal):
    values = journal.dashboard.history().values(nov(21))
    assert values is not None
    assert (values.total, values.consumption, values.sleep, values.quality) == (1.0, 1.0, 6.0, 2)
    assert (values.sleep_debt, values.outputs, values.words) == (2.0, 1, 900)
    assert (values.week_outputs, values.week_words) == (1, 900)
    assert journal.dashboard.history().values(nov(19)) is None


def test_the_figures_of_a_week(journal):
    service = journal.dashboard
    history = service.history()
    week = service.range(history, "week")
    assert (week.first, week.last) == (nov(16), TODAY)
    figures = service.figures(history, week)
    assert figures.tracked_days == 3
    assert (figures.total_hours, figures.production_hours, figures.consumption_hours) == (
        3.5,
        2.0,
        1.0,
    )
    assert figures.other_hours == 0.5 and figures.average_hours == pytest.approx(3.5 / 3)
    assert figures.production_share == pytest.approx(2 / 3)
    assert (figures.sleep_average, figures.nights_logged, figures.sleep_debt) == (7.0, 2, 2.0)
    assert (figures.streaks.current, figures.streaks.longest) == (3, 3)
    assert (figures.outputs, figures.words) == (1, 900)
    assert (figures.weeks_met, figures.weeks_finished) == (0, 0)  # this week is not over
    assert figures.heatmap.cells[-1].day == TODAY and figures.heatmap.cells[-1].level == 1
    # Sleep then work: the 22nd is today, the 21st pairs 6 h with 1 h.
    assert figures.sleep_then_work.days == (nov(21),)
    assert figures.work_then_sleep.days == (nov(20), nov(21))
    assert figures.work_then_sleep.correlation.rho is None


def test_the_dashboard_agrees_with_the_overall_stats(journal):
    journal.sessions.add_local(nov(1), dt.time(9), dt.time(9, 10))  # under 15 min: no count
    history = journal.dashboard.history()
    figures = journal.dashboard.figures(history, journal.dashboard.range(history, "all"))
    overall = journal.stats.overall()
    assert figures.total_hours == pytest.approx(overall.total_hours)
    assert (figures.streaks.current, figures.streaks.longest) == (
        overall.streak_current,
        overall.streak_longest,
    )
    assert figures.streaks.counted_in_range == 3 and figures.streaks.days_in_range == 22
    assert [c.ledger for c in history.skills] == journal.skills.ledgers()


def test_settings_change_the_figures(journal):
    journal.tracking_settings.update(
        sleep_target_hours=7, streak_min_hours=1, weekly_target_hours=3
    )
    history = journal.dashboard.history()
    assert history.sleep_debt == (None, 1.0, 0.0)  # 7 − 6, then 1 h back from a long night
    assert history.weeks[0].met
    figures = journal.dashboard.figures(history, journal.dashboard.range(history, "week"))
    # Today's 0.5 h no longer counts; the run through yesterday still does.
    assert (figures.streaks.current, figures.streaks.longest) == (2, 2)
    assert figures.streaks.counted_in_range == 2


def test_a_range_change_reads_nothing_from_the_journal(journal):
    history = journal.dashboard.history()
    journal.close()  # any query now fails
    for kind in RANGE_KINDS[:-1]:
        rng = journal.dashboard.range(history, kind)
        assert range_figures(history, rng).range == rng
    custom = journal.dashboard.range(history, "custom", (nov(1), nov(21)))
    assert range_figures(history, custom).total_hours == 3.0


def test_outputs_and_nights_before_the_first_session_widen_the_history(journal):
    journal.outputs.add(kind="code", title="Old repo", day=nov(2))
    journal.day_logs.save(nov(5), hours=7)
    history = journal.dashboard.history()
    assert history.first == nov(2) and history.since == nov(20)
    figures = journal.dashboard.figures(history, journal.dashboard.range(history, "all"))
    # Days before the first session pair nothing (their zero hours were never logged).
    assert min(figures.work_then_sleep.days) == nov(20)


def test_an_empty_journal(tracking):
    history = tracking.dashboard.history()
    assert history.empty and history.days == (TODAY,)
    assert history.skills == () and history.sleep == (None,)
    figures = tracking.dashboard.figures(history, tracking.dashboard.range(history, "year"))
    assert figures.total_hours == 0 and figures.sleep_average is None
    assert figures.sleep_then_work.correlation.reason


def test_a_custom_range_outside_the_history(journal):
    history = journal.dashboard.history()
    rng = journal.dashboard.range(history, "custom", (dt.date(2020, 1, 1), dt.date(2020, 2, 1)))
    figures = journal.dashboard.figures(history, rng)
    assert figures.tracked_days == 0 and figures.total_hours == 0
    assert figures.average_hours is None and figures.sleep_debt is None
    assert figures.heatmap.last == dt.date(2020, 2, 1)


def test_spearman_on_a_month_of_logged_days(tracking):
    """Longer nights before longer days, day after day: rho = 1 with n = 20."""
    for back in range(1, 21):
        day = TODAY - dt.timedelta(days=back)
        tracking.sessions.add_local(day, dt.time(9), dt.time(9, 10 + back))
        tracking.day_logs.save(day, hours=4 + back / 10)
    history = tracking.dashboard.history()
    figures = tracking.dashboard.figures(history, tracking.dashboard.range(history, "month"))
    found = figures.sleep_then_work.correlation
    assert found.n == 20 and found.rho == pytest.approx(1.0)
    # The night after a day is the next day's night: one day fewer to pair (today's
    # night has not happened), and here it rises with the work too.
    after = figures.work_then_sleep.correlation
    assert after.n == 19 and after.rho == pytest.approx(1.0)
