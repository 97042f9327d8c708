"""Calendar weeks (Monday to Sunday): deep-work totals against the weekly goal."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import NamedTuple

_SLACK = 1e-9


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class WeekTotal(NamedTuple):
    start: dt.date  # the Monday
    hours: float  # deep work over the days of the week that were given
    goal: float
    in_progress: bool  # the week holds today: its total may still grow

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    @property
    def met(self) -> bool:
        return self.hours >= self.goal - _SLACK


def weekly_totals(
    days: Sequence[dt.date], hours: Sequence[float], *, goal: float, today: dt.date
) -> tuple[WeekTotal, ...]:
    """One total per calendar week touched by `days` (consecutive days), oldest first."""
    sums: dict[dt.date, list[float]] = {}
    for day, value in zip(days, hours, strict=True):
        sums.setdefault(monday(day), []).append(value)
    this_week = monday(today)
    return tuple(
        WeekTotal(start, math.fsum(values), goal, start == this_week)
        for start, values in sorted(sums.items())
    )


def weeks_overlapping(
    weeks: Sequence[WeekTotal], first: dt.date, last: dt.date
) -> tuple[WeekTotal, ...]:
    """The weeks with at least one day in `first`..`last`."""
    return tuple(w for w in weeks if w.start <= last and w.end >= first)
