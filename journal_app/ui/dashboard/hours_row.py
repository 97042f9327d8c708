"""Deep work per day: production, consumption and other stacked, the 7-day average on
top, and the daily target as a dashed line. Zoomed far out, bars are weekly or monthly
means of hours per day."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg

from journal_app.ui.dashboard.frames import LEVEL_NAMES, Frame
from journal_app.ui.dashboard.plots import pen, set_title
from journal_app.ui.dashboard.style import ChartStyle, swatch

Y_LABEL = "deep work (h / day)"
SIDES = ("production", "consumption", "other")


class HoursRow:
    def __init__(self, plot: Any) -> None:
        self.plot = plot
        empty = np.zeros(0)
        self.bars = {
            side: pg.BarGraphItem(x=empty, height=empty, width=1.0, pen=None) for side in SIDES
        }
        self.average = pg.PlotDataItem(connect="finite", antialias=True)
        self.target = pg.InfiniteLine(angle=0, movable=False)
        for item in (*self.bars.values(), self.average, self.target):
            plot.addItem(item)
        self.frame: Frame | None = None
        self.target_hours = 0.0
        self._level = "day"

    def set_target(self, hours: float) -> None:
        self.target_hours = hours
        self.target.setPos(hours)
        self.target.setVisible(hours > 0)

    def draw(self, frame: Frame) -> None:
        """Show `frame` (its stacked bars and, for days, the 7-day average)."""
        self.frame = frame
        x, width = frame.centre, frame.width
        base = np.zeros(len(frame))
        for side in SIDES:
            height = np.nan_to_num(frame.series[side])
            self.bars[side].setOpts(x=x, y0=base, height=height, width=width)
            base = base + height
        self.average.setData(x, frame.series["average"], connect="finite")
        self._level = frame.level

    def top(self, x0: float, x1: float) -> float:
        shown = 0.0 if self.frame is None else self.frame.top(("total", "average"), x0, x1)
        return max(shown, self.target_hours)

    def apply_style(self, style: ChartStyle) -> None:
        colors = {"production": style.production, "consumption": style.consumption}
        colors["other"] = style.other
        for side, bars in self.bars.items():
            bars.setOpts(brush=colors[side], pen=None)
        self.average.setPen(pen(style.average, 2))
        self.target.setPen(pen(style.target, 1, dashed=True))
        target = f"{self.target_hours:g} h" if self.target_hours > 0 else "none"
        entries = [swatch(colors[side], side) for side in SIDES]
        if self._level == "day":
            entries.append(swatch(style.average, "7-day average", mark="━"))
        entries.append(swatch(style.target, f"daily target ({target})", mark="┅"))
        heading = "Deep work per day"
        if self._level != "day":
            heading += f" ({LEVEL_NAMES[self._level]})"
        set_title(self.plot, f"<b>{heading}</b>&nbsp;&nbsp; " + " &nbsp; ".join(entries), style)
