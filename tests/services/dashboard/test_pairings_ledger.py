"""The two sleep/deep-work pairings, and the ledger over time."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.dashboard.ledger import skill_curves
from journal_app.services.dashboard.pairings import NOTE, sleep_then_work, work_then_sleep
from journal_app.services.tracking.skills import SkillLedger

from .conftest import days_from, nov

DAYS = days_from(nov(1), 6)  # 1..6 November, today the 6th
SLEEP = [7.0, None, 8.0, 6.0, 5.0, 9.0]  # the night that ended each day
WORK = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]


def test_last_nights_sleep_against_the_days_work():
    found = sleep_then_work(
        DAYS, SLEEP, WORK, first=nov(1), last=nov(6), today=nov(6), since=nov(2)
    )
    # 1st: before the first session; 2nd: no night logged; 6th: today, not finished.
    assert found.days == (nov(3), nov(4), nov(5))
    assert (found.x, found.y) == ((8.0, 6.0, 5.0), (3.0, 4.0, 5.0))
    assert found.correlation.n == 3 and found.correlation.rho is None
    assert "only 3" in found.correlation.reason
    assert "sleep" in found.x_label and "(h)" in found.y_label


def test_the_days_work_against_the_following_night():
    found = work_then_sleep(DAYS, SLEEP, WORK, first=nov(1), last=nov(6), since=nov(2))
    assert found.days == (nov(2), nov(3), nov(4), nov(5))
    assert (found.x, found.y) == ((2.0, 3.0, 4.0, 5.0), (8.0, 6.0, 5.0, 9.0))
    narrow = work_then_sleep(DAYS, SLEEP, WORK, first=nov(3), last=nov(4), since=nov(2))
    assert narrow.days == (nov(3), nov(4))


def test_nothing_tracked_pairs_nothing():
    found = work_then_sleep(DAYS, SLEEP, WORK, first=nov(1), last=nov(6), since=None)
    assert found.days == () and "none yet" in found.correlation.reason
    assert "not cause" in NOTE


def _ledger(**changes):
    values = dict(
        id=1,
        name="Machine learning",
        target_hours=10_000.0,
        baseline_hours=100.0,
        logged_hours=3.0,
        total_hours=103.0,
        hours_last_7_days=3.0,
        hours_last_30_days=3.0,
        pace_hours_per_day=2.0,
        remaining_hours=9_897.0,
        projected_date=dt.date(2040, 6, 1),
        today=nov(3),
    )
    values.update(changes)
    return SkillLedger(**values)


def test_the_ledger_curve_starts_at_the_baseline():
    seconds = {(nov(1), 1): 3600.0, (nov(3), 1): 7200.0, (nov(2), 2): 3600.0}
    (curve,) = skill_curves([_ledger()], days_from(nov(1), 3), seconds)
    assert curve.cumulative == (101.0, 101.0, 103.0)
    assert curve.name == "Machine learning"
    assert curve.projection == ((nov(3), 103.0), (dt.date(2040, 6, 1), 10_000.0))
    # 9,897 h over the 28 days 3..30 November
    assert curve.needed_per_day(nov(30)) == pytest.approx(9_897 / 28)
    with pytest.raises(InvalidInput):
        curve.needed_per_day(nov(2))
    (idle,) = skill_curves([_ledger(projected_date=None)], days_from(nov(1), 3), {})
    assert idle.projection is None and idle.cumulative == (100.0, 100.0, 100.0)
