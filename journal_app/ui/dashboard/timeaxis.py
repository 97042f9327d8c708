"""Days on the charts' shared time axis: x is seconds since 1970 at the day's UTC
midnight, so the axis (day_axis.DayAxis) labels the right dates in every time zone. A
day's bar spans x .. x + DAY."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

DAY = 86_400.0
WEEK = 7 * DAY
_EPOCH = dt.date(1970, 1, 1).toordinal()
_FIRST, _LAST = dt.date(1900, 1, 1).toordinal(), dt.date(2100, 12, 31).toordinal()


def day_x(day: dt.date) -> float:
    return (day.toordinal() - _EPOCH) * DAY


def x_day(x: float) -> dt.date:
    """The day whose span holds `x` (clamped to 1900-2100)."""
    ordinal = int(np.floor(x / DAY)) + _EPOCH
    return dt.date.fromordinal(min(_LAST, max(_FIRST, ordinal)))


def days_x(days: Sequence[dt.date]) -> np.ndarray:
    if not days:
        return np.zeros(0)
    start = day_x(days[0])
    offsets = np.fromiter((d.toordinal() for d in days), dtype=float, count=len(days))
    return start + (offsets - days[0].toordinal()) * DAY


def values(items: Sequence[float | None]) -> np.ndarray:
    """Floats with NaN for a missing value (drawn as a gap)."""
    return np.array([np.nan if v is None else v for v in items], dtype=float)
