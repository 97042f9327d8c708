"""Planner fixtures: days cut in Berlin (so figures do not depend on the machine), the
shared clock at 2026-11-22 21:30 Berlin (a Sunday), and small helpers to log work."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from journal_app.services.planning import PlanningService, planning_of

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def planner(services) -> PlanningService:
    services.tz = BERLIN
    return planning_of(services)


def log_hours(services, day: dt.date, hours: float, *, side: str | None = "production", at=9):
    """A session of `hours` from `at` o'clock (Berlin) on `day`, in a category of `side`."""
    category = None
    if side is not None:
        category = services.categories.ensure(f"{side.title()} work", side).id
    start = dt.datetime.combine(day, dt.time(at), tzinfo=BERLIN)
    return services.sessions.add(start, start + dt.timedelta(hours=hours), category_id=category)


def monday(weeks_before_today: int) -> dt.date:
    """The Monday `n` weeks before this week's (TODAY is a Sunday)."""
    this_monday = TODAY - dt.timedelta(days=TODAY.weekday())
    return this_monday - dt.timedelta(weeks=weeks_before_today)
