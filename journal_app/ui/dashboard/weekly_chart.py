"""Weekly totals against the weekly goal: one bar per calendar week of the range, green
when the goal was met, grey when not, faint while the week is still running."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg

from journal_app.services.dashboard.weekly import WeekTotal
from journal_app.ui.dashboard.plots import apply_style, pen, plot_widget, prepare, set_title
from journal_app.ui.dashboard.style import ChartStyle, blend, swatch
from journal_app.ui.dashboard.timeaxis import DAY, WEEK, day_x

STATES = ("met", "missed", "running")


class WeeklyChart:
    def __init__(self) -> None:
        self.widget = plot_widget(
            "Weekly totals", "Hours of deep work each week against the weekly goal", date_x=True
        )
        self.widget.setFixedHeight(210)
        self.plot = self.widget.getPlotItem()
        prepare(self.plot, y_label="deep work (h / week)", zoom_x=False)
        self.plot.setMouseEnabled(x=False, y=False)
        empty = np.zeros(0)
        self.bars = {s: pg.BarGraphItem(x=empty, height=empty, width=1.0, pen=None) for s in STATES}
        self.goal = pg.InfiniteLine(angle=0, movable=False)
        for item in (*self.bars.values(), self.goal):
            self.plot.addItem(item)
        self.weeks: tuple[WeekTotal, ...] = ()
        self.goal_hours = 0.0
        self._style: ChartStyle | None = None

    def set_weeks(self, weeks: Sequence[WeekTotal], goal: float) -> None:
        self.weeks = tuple(weeks)
        self.goal_hours = goal
        for state in STATES:
            chosen = [w for w in weeks if _state(w) == state]
            x = np.array([day_x(w.start) + WEEK / 2 for w in chosen])
            height = np.array([w.hours for w in chosen])
            self.bars[state].setOpts(x=x, height=height, width=0.8 * WEEK)
        self.goal.setPos(goal)
        self.goal.setVisible(goal > 0)
        if weeks:
            self.plot.setXRange(day_x(weeks[0].start) - DAY, day_x(weeks[-1].end) + 2 * DAY)
        top = max([goal, *(w.hours for w in weeks), 1.0]) * 1.12
        self.plot.setYRange(-top * 0.004, top, padding=0)
        if self._style is not None:
            self._retitle(self._style)  # the goal in the title

    def apply_style(self, style: ChartStyle) -> None:
        self._style = style
        self.widget.setBackground(style.background)
        apply_style(self.plot, style)
        colors = {
            "met": style.goal_met,
            "missed": style.goal_missed,
            "running": blend(style.goal_met, style.background, 0.65),
        }
        for state, bars in self.bars.items():
            bars.setOpts(brush=colors[state], pen=None)
        self.goal.setPen(pen(style.text, 1.2, dashed=True))
        self._retitle(style)

    def _retitle(self, style: ChartStyle) -> None:
        running = blend(style.goal_met, style.background, 0.65)
        entries = (
            swatch(style.goal_met, "goal met"),
            swatch(style.goal_missed, "goal missed"),
            swatch(running, "this week so far"),
            swatch(style.text, f"weekly goal ({self.goal_hours:g} h)", mark="┅"),
        )
        set_title(self.plot, "<b>Weekly totals</b>&nbsp;&nbsp; " + " &nbsp; ".join(entries), style)

    def export_target(self) -> Any:
        return self.plot


def _state(week: WeekTotal) -> str:
    if week.in_progress:
        return "running"
    return "met" if week.met else "missed"
