"""A time axis that labels days as people read them: "Mon 3" when days are wide, "3 Nov"
on Mondays for a few months, month names (with the year at January) for a year or two,
years beyond. The level is the finest whose labels, measured in the axis font, never
touch. x is seconds at the day's UTC midnight (see timeaxis.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QFontMetricsF

from journal_app.ui.dashboard.axis import ChartAxis
from journal_app.ui.dashboard.timeaxis import DAY, day_x, x_day

LEVELS = ("days", "weeks", "months", "quarters", "years")  # from the finest
# Labels whose widths decide the level, measured in the axis font.
SAMPLES = ("Wed 30", "30 Sep", "May", "Jan 2026", "2026")
LABEL_GAP_PX = 12.0  # clear space between two neighbouring labels
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)
_ROUGH_WIDTHS = {text: len(text) * 7.0 for text in SAMPLES}  # when no font is at hand


def _spacings(level: str, widths: dict[str, float]) -> list[tuple[int, float]]:
    """(fewest days between two neighbouring labels, the pixels they need) for a level:
    a label is centred on its tick, so two neighbours need half of each one's width."""
    short, january = widths["May"], widths["Jan 2026"]
    return {
        "days": [(1, widths["Wed 30"])],
        "weeks": [(7, widths["30 Sep"])],
        "months": [(28, short), (31, (january + short) / 2)],  # "Jan 2026" beside "Dec"
        "quarters": [(90, (january + short) / 2)],
    }[level]


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


def level_for(pixels_per_day: float, widths: dict[str, float] | None = None) -> str:
    """The finest level whose neighbouring labels never touch (`widths`: each of
    SAMPLES in pixels)."""
    widths = widths or _ROUGH_WIDTHS
    for level in LEVELS[:-1]:
        if all(
            days * pixels_per_day >= need + LABEL_GAP_PX for days, need in _spacings(level, widths)
        ):
            return level
    return "years"


def year_step(pixels_per_day: float, widths: dict[str, float] | None = None) -> int:
    """Label every first, second, fifth... year: the smallest step whose labels fit."""
    need = (widths or _ROUGH_WIDTHS)["2026"] + LABEL_GAP_PX
    for step in _YEAR_STEPS:
        if step * 365 * pixels_per_day >= need:
            return step
    return _YEAR_STEPS[-1]


def _mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    day = first + dt.timedelta(days=(-first.weekday()) % 7)
    return [day + dt.timedelta(weeks=i) for i in range((last - day).days // 7 + 1)]


def ticks(
    first: dt.date, last: dt.date, level: str, years: int | None = None
) -> tuple[list[dt.date], list[dt.date]]:
    """(labelled days, unlabelled days) between `first` and `last` for a level (`years`:
    label every so many years; by default about a dozen labels)."""
    if level == "days":
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)], []
    if level == "weeks":
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        return _mondays(first, last), days
    if level == "months":
        return _months(first, last, 1), _mondays(first, last)
    if level == "quarters":
        return _months(first, last, 3), _months(first, last, 1)
    if years is None:
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


class DayAxis(ChartAxis):
    def __init__(self, orientation: str = "bottom", **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.level = "months"

    def label_widths(self) -> dict[str, float]:
        """SAMPLES' widths in the tick font, in pixels."""
        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        return {text: metrics.horizontalAdvance(text) for text in SAMPLES}

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        span_days = max((maxVal - minVal) / DAY, 1e-9)
        widths = self.label_widths()
        self.level = level_for(size / span_days, widths)
        first, last = x_day(minVal), x_day(maxVal)
        if (last - first).days > 200 * 366:  # far out: nothing sensible to draw
            return []
        step = year_step(size / span_days, widths) if self.level == "years" else None
        labelled, minor = ticks(first, last, self.level, step)
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
