"""A time axis that labels days as people read them: "Mon 3" when days are wide, "3 Nov"
on Mondays for a few months, month names (with the year at January) for a year or two,
years beyond. x is seconds at the day's UTC midnight (see timeaxis.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyqtgraph as pg

from journal_app.ui.dashboard.timeaxis import DAY, day_x, x_day

# (least pixels per day, level name); the first that fits is used.
_LEVELS = ((40.0, "days"), (5.0, "weeks"), (0.9, "months"), (0.3, "quarters"), (0.0, "years"))


def _months(first: dt.date, last: dt.date, step: int) -> list[dt.date]:
    found: list[dt.date] = []
    index = first.year * 12 + first.month - 1
    index += (-index) % step
    while True:
        year, month = divmod(index, 12)
        day = dt.date(year, month + 1, 1)
        if day > last:
            return found
        found.append(day)
        index += step


def level_for(pixels_per_day: float) -> str:
    return next(name for least, name in _LEVELS if pixels_per_day >= least)


def _mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    day = first + dt.timedelta(days=(-first.weekday()) % 7)
    return [day + dt.timedelta(weeks=i) for i in range((last - day).days // 7 + 1)]


def ticks(first: dt.date, last: dt.date, level: str) -> tuple[list[dt.date], list[dt.date]]:
    """(labelled days, unlabelled days) between `first` and `last` for a level."""
    if level == "days":
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)], []
    if level == "weeks":
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        return _mondays(first, last), days
    if level == "months":
        return _months(first, last, 1), _mondays(first, last)
    if level == "quarters":
        return _months(first, last, 3), _months(first, last, 1)
    years = max(1, (last.year - first.year) // 12 + 1)  # at most about a dozen labels
    labelled = [d for d in _months(first, last, 12) if d.year % years == 0]
    return labelled, _months(first, last, 3)


def label(day: dt.date, level: str) -> str:
    if level == "days":
        return f"{day:%a} {day.day}"
    if level == "weeks":
        return f"{day.day} {day:%b}"
    if level in ("months", "quarters"):
        return f"{day:%b} {day.year}" if day.month == 1 else f"{day:%b}"
    return str(day.year)


class DayAxis(pg.AxisItem):
    def __init__(self, orientation: str = "bottom", **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.level = "months"

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        span_days = max((maxVal - minVal) / DAY, 1e-9)
        self.level = level_for(size / span_days)
        first, last = x_day(minVal), x_day(maxVal)
        if (last - first).days > 200 * 366:  # far out: nothing sensible to draw
            return []
        labelled, minor = ticks(first, last, self.level)
        # Labels sit in the middle of their day when days are wide, else at its start.
        shift = DAY / 2 if self.level == "days" else 0.0
        major = [day_x(d) + shift for d in labelled]
        chosen = set(labelled)
        rest = [day_x(d) + shift for d in minor if d not in chosen]
        return [(DAY, major), (DAY / 2, rest)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing != DAY:
            return ["" for _ in values]
        return [label(x_day(v), self.level) for v in values]


def date_axis(orientation: str = "bottom") -> Any:
    """The days axis for a plot (pyqtgraph loads with this module, so import it lazily)."""
    return DayAxis(orientation)
