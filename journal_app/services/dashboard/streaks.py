"""Consistency: a day counts when its deep work reaches the user's minimum; a streak is
a run of counted days (the rule and the runs are those of `stats.overall`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from journal_app.services.tracking.stats import streaks

_SLACK = 1e-9  # hours: 0.25 h logged as 15 minutes of seconds still counts


def counts(hours: float, min_hours: float) -> bool:
    """Does a day with `hours` of deep work count toward a streak?"""
    return hours > 0 and hours >= min_hours - _SLACK


class Streaks(NamedTuple):
    current: int  # days in a row up to today (or yesterday while today has nothing yet)
    longest: int  # the longest run ever
    min_hours: float
    counted_in_range: int  # counted days within the range asked about
    days_in_range: int  # days of that range given (none after today)


def streak_figures(
    days: Sequence[dt.date],
    hours: Sequence[float],
    *,
    min_hours: float,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> Streaks:
    """Current and longest streak over every day given, and how many of the given days
    in `first`..`last` (none after today) counted."""
    lo = dt.date.min if first is None else first
    hi = today if last is None else min(today, last)
    counted: list[dt.date] = []
    in_range = days_in_range = 0
    for day, value in zip(days, hours, strict=True):
        ok = counts(value, min_hours)
        if ok:
            counted.append(day)
        if lo <= day <= hi:
            days_in_range += 1
            in_range += ok
    current, longest = streaks(counted, today)
    return Streaks(current, longest, min_hours, in_range, days_in_range)
