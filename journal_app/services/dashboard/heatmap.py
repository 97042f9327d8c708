"""A GitHub-style calendar of daily deep work: one column per week (Monday on top), the
53 weeks that end with the range's last day, each day shaded by its hours.

Shades follow the daily target T: 0 nothing; 1 under T/2; 2 under T; 3 under 2·T;
4 from 2·T. With no daily target (0 h), T is taken as 2 h.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from journal_app.services.dashboard.streaks import counts
from journal_app.services.dashboard.weekly import monday

HEATMAP_WEEKS = 53
LEVELS = 5
FALLBACK_TARGET = 2.0


def level_bounds(daily_target: float) -> tuple[float, float, float]:
    """The hours where levels 2, 3 and 4 start."""
    target = daily_target if daily_target > 0 else FALLBACK_TARGET
    return target / 2, target, 2 * target


def heat_level(hours: float, daily_target: float) -> int:
    if hours <= 0:
        return 0
    half, whole, double = level_bounds(daily_target)
    if hours < half:
        return 1
    if hours < whole:
        return 2
    if hours < double:
        return 3
    return 4


class HeatCell(NamedTuple):
    day: dt.date
    column: int  # week, 0 = the oldest
    row: int  # 0 = Monday … 6 = Sunday
    hours: float
    level: int  # 0..4
    counted: bool  # reaches the streak minimum


class Heatmap(NamedTuple):
    first: dt.date  # a Monday
    last: dt.date
    weeks: int
    cells: tuple[HeatCell, ...]  # every day first..last, in order
    bounds: tuple[float, float, float]
    months: tuple[tuple[int, str], ...]  # (column, "Jan") where a month begins

    def cell(self, day: dt.date) -> HeatCell | None:
        index = (day - self.first).days
        return self.cells[index] if 0 <= index < len(self.cells) else None


def heatmap(
    hours_by_day: Mapping[dt.date, float],
    last: dt.date,
    *,
    daily_target: float,
    min_hours: float,
    weeks: int = HEATMAP_WEEKS,
) -> Heatmap:
    """The calendar of the `weeks` weeks ending with `last`'s week (days after `last`
    are left out; days missing from `hours_by_day` had no deep work)."""
    first = monday(last) - dt.timedelta(weeks=weeks - 1)
    cells = []
    months: list[tuple[int, str]] = []
    for offset in range((last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        hours = hours_by_day.get(day, 0.0)
        column = offset // 7
        if offset % 7 == 0 and (offset == 0 or day.day <= 7):  # a Monday opening a month
            months.append((column, f"{day:%b}"))
        cells.append(
            HeatCell(
                day=day,
                column=column,
                row=day.weekday(),
                hours=hours,
                level=heat_level(hours, daily_target),
                counted=counts(hours, min_hours),
            )
        )
    return Heatmap(
        first=first,
        last=last,
        weeks=weeks,
        cells=tuple(cells),
        bounds=level_bounds(daily_target),
        months=_tidy(months),
    )


def _tidy(months: list[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    """Month labels at least three columns apart (the first gives way)."""
    kept: list[tuple[int, str]] = []
    for column, name in months:
        if kept and column - kept[-1][0] < 3:
            kept.pop()
        kept.append((column, name))
    return tuple(kept)
