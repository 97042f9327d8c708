"""Sleep per night: a bar per night with a dot coloured by its quality (1-5), the target
as a dashed line and the sleep debt (14 nights) as a line. Zoomed far out, bars, dots
and debt are weekly or monthly means."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg

from journal_app.services.dashboard.sleep_debt import DEBT_NIGHTS
from journal_app.ui.dashboard.frames import LEVEL_NAMES, Frame
from journal_app.ui.dashboard.plots import pen, set_title
from journal_app.ui.dashboard.style import ChartStyle, swatch

DOT_SIZE = 6
Y_LABEL = "sleep (h / night)"


class SleepRow:
    def __init__(self, plot: Any) -> None:
        self.plot = plot
        empty = np.zeros(0)
        self.nights = pg.BarGraphItem(x=empty, height=empty, width=1.0, pen=None)
        self.debt = pg.PlotDataItem(connect="finite", antialias=True)
        self.target = pg.InfiniteLine(angle=0, movable=False)
        # One scatter per quality (index 0: not rated), so each keeps one colour.
        self.quality = [pg.ScatterPlotItem(size=DOT_SIZE, pen=None) for _ in range(6)]
        for item in (self.nights, self.target, self.debt, *self.quality):
            plot.addItem(item)
        self.frame: Frame | None = None
        self.target_hours = 8.0
        self._level = "day"

    def set_target(self, hours: float) -> None:
        self.target_hours = hours
        self.target.setPos(hours)

    def draw(self, frame: Frame) -> None:
        self.frame = frame
        sleep = frame.series["sleep"]
        logged = np.isfinite(sleep)
        x = frame.centre
        self.nights.setOpts(x=x[logged], height=sleep[logged], width=frame.width[logged])
        rounded = np.rint(np.nan_to_num(frame.series["quality"])).astype(int)
        for level, item in enumerate(self.quality):
            chosen = logged & (rounded == level)
            item.setData(x=x[chosen], y=sleep[chosen])
        self.debt.setData(x, frame.series["sleep_debt"], connect="finite")
        self._level = frame.level

    def top(self, x0: float, x1: float) -> float:
        shown = 0.0 if self.frame is None else self.frame.top(("sleep", "sleep_debt"), x0, x1)
        return max(shown, self.target_hours)

    def apply_style(self, style: ChartStyle) -> None:
        self.nights.setOpts(brush=style.sleep, pen=None)
        self.debt.setPen(pen(style.debt, 2))
        self.target.setPen(pen(style.target, 1, dashed=True))
        colors = (style.no_quality, *style.quality)
        for item, color in zip(self.quality, colors, strict=True):
            item.setBrush(pg.mkBrush(color))
        dots = "".join(f'<span style="color:{c}">●</span>' for c in style.quality)
        heading = "Sleep per night"
        if self._level != "day":
            heading += f" ({LEVEL_NAMES[self._level]})"
        entries = (
            swatch(style.sleep, "hours slept"),
            f"quality 1&nbsp;{dots}&nbsp;5",
            swatch(style.target, f"target ({self.target_hours:g} h)", mark="┅"),
            swatch(style.debt, f"sleep debt, last {DEBT_NIGHTS} nights", mark="━"),
        )
        set_title(self.plot, f"<b>{heading}</b>&nbsp;&nbsp; " + " &nbsp; ".join(entries), style)
