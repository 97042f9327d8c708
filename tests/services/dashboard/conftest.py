"""Dashboard fixtures: a journal whose days are cut in Berlin (as the tracking tests'),
and short names for days around the fixed clock's today (Sunday 22 November 2026)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.date(2026, 11, 22)  # the `clock` fixture's 20:30 UTC is 21:30 in Berlin


def nov(day: int) -> dt.date:
    return dt.date(2026, 11, day)


def days_from(first: dt.date, count: int) -> tuple[dt.date, ...]:
    return tuple(first + dt.timedelta(days=i) for i in range(count))


@pytest.fixture
def tracking(services):
    services.tz = BERLIN
    return services
