"""The burn-up of a sprint: hours logged and tasks done so far, day by day, each against
its ideal line (from nothing to the capacity, and to every task done, by the last day).

pyqtgraph costs about half a second to import, so it is imported when the chart is
first drawn — when the Burn-up tab is opened — never at start-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from journal_app.services.planning import PlanningService
from journal_app.services.planning.data import BurnUp
from journal_app.ui.sprints.format import short_date

DONE = "#3fa66a"


def _ticks(burn: BurnUp) -> list[tuple[int, str]]:
    """A date every few days, so the labels never crowd."""
    step = max(1, len(burn.days) // 7)
    return [(i, short_date(d, year=False)) for i, d in enumerate(burn.days) if i % step == 0]


START = -0.5  # x of the sprint's start: the left edge of its first day


def _curve(values: tuple[Any, ...]) -> tuple[list[float], list[float]]:
    """Each day that has happened at its own tick (x = day index; its total at the end
    of that day), from 0 at the sprint's start."""
    xs = [i for i, v in enumerate(values) if v is not None]
    if not xs:
        return [], []
    return [START, *xs], [0.0, *(float(values[x]) for x in xs)]


class BurnUpView(QWidget):
    def __init__(self, planner: PlanningService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.burn: BurnUp | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart: Any = None  # pyqtgraph's GraphicsLayoutWidget, made on first draw
        self.curves: dict[str, Any] = {}
        self.ticks: list[tuple[int, str]] = []  # (x, label) under each chart
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 4, 0, 0)
        self._box.addWidget(self.summary)

    def show_sprint(self, sprint_id: int | None) -> None:
        if sprint_id is None:
            self.burn = None
            self.summary.setText("Plan a sprint to see its burn-up.")
            if self.chart is not None:
                self.chart.hide()
            return
        self.burn = burn = self._planner.burn_up(sprint_id)
        self._draw(burn)

    def _build(self) -> None:
        # lazy: pyqtgraph loads only when used
        import pyqtgraph as pg

        palette = self.palette()
        self.chart = pg.GraphicsLayoutWidget()
        self.chart.setBackground(palette.color(QPalette.ColorRole.Base))
        self.chart.setAccessibleName("Burn-up chart")
        text = palette.color(QPalette.ColorRole.Text)
        self.plots = {}
        for col, (key, title) in enumerate((("hours", "Hours logged"), ("tasks", "Tasks done"))):
            plot = self.chart.addPlot(row=0, col=col, viewBox=pg.ViewBox(enableMenu=False))
            plot.setTitle(title, color=text.name(), size="10pt")
            plot.hideButtons()
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.showGrid(x=False, y=True, alpha=0.15)
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
                axis.setTextPen(pg.mkPen(text))
                axis.enableAutoSIPrefix(False)
            plot.addLegend(offset=(8, 8), labelTextColor=text)
            self.plots[key] = plot
        accent = palette.color(QPalette.ColorRole.Highlight)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)

        def line(plot: Any, color: QColor | str, name: str, *, dashed: bool = False) -> Any:
            pen = pg.mkPen(color, width=2)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
                return plot.plot([], [], pen=pen, name=name)
            return plot.plot(
                [],
                [],
                pen=pen,
                name=name,
                symbol="o",
                symbolSize=5,
                symbolBrush=color,
                symbolPen=None,
            )

        hours, tasks = self.plots["hours"], self.plots["tasks"]
        self.curves = {
            "ideal_hours": line(hours, muted, "Ideal", dashed=True),
            "hours": line(hours, accent, "Logged"),
            "ideal_tasks": line(tasks, muted, "Ideal", dashed=True),
            "tasks": line(tasks, DONE, "Done"),
        }
        self._box.addWidget(self.chart, 1)

    def _draw(self, burn: BurnUp) -> None:
        if self.chart is None:
            self._build()
        self.chart.show()
        xs = [START, *range(len(burn.days))]
        self.curves["ideal_hours"].setData(xs, [0.0, *burn.ideal_hours])
        self.curves["hours"].setData(*_curve(burn.hours))
        self.curves["ideal_tasks"].setData(xs, [0.0, *burn.ideal_tasks])
        self.curves["tasks"].setData(*_curve(burn.tasks_done))
        self.ticks = _ticks(burn)
        ticks = [self.ticks]
        for key, top in (
            ("hours", max([burn.target_hours] + [h or 0 for h in burn.hours])),
            ("tasks", max(burn.tasks_total, 1)),
        ):
            plot = self.plots[key]
            plot.getAxis("bottom").setTicks(ticks)
            plot.setXRange(START, len(burn.days) + START, padding=0.02)
            plot.setYRange(0, top * 1.08 or 1, padding=0)
        logged = [h for h in burn.hours if h is not None]
        done = [d for d in burn.tasks_done if d is not None]
        s = burn.sprint
        if not burn.target_hours:
            target = "no capacity or estimates"
        elif s.capacity_hours is not None:
            target = f"{burn.target_hours:g} h capacity"
        else:
            target = f"{burn.target_hours:g} h estimated"
        self.summary.setText(
            f"{s.name}: {logged[-1] if logged else 0:.1f} h logged of {target}; "
            f"{done[-1] if done else 0} of {burn.tasks_total} tasks done"
            + ("" if logged else " (it has not started yet)")
        )
