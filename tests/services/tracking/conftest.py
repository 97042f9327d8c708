"""Tracking fixtures: a journal whose days are cut in a fixed zone (Europe/Berlin unless
a test asks otherwise), so no figure depends on the machine running the tests."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def at(zone: dt.tzinfo, *args: int) -> dt.datetime:
    """An aware local time: at(BERLIN, 2026, 11, 22, 9, 30)."""
    return dt.datetime(*args, tzinfo=zone)  # type: ignore[misc]


@pytest.fixture
def tracking(services):
    """The Services facade with days cut in Berlin; the clock is the shared `clock`
    (2026-11-22 20:30 UTC = 21:30 in Berlin)."""
    services.tz = BERLIN
    return services
