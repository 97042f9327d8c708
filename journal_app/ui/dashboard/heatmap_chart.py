"""The consistency calendar: 53 weeks of daily deep work, GitHub-style (a column per
week, Monday on top), shaded by hours. Hover names the day; a click asks to open it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal_app.services.dashboard.heatmap import LEVELS, HeatCell, Heatmap
from journal_app.ui.dashboard.chart_keys import OPEN_KEYS, ChartKeys
from journal_app.ui.dashboard.plots import plot_widget, prepare
from journal_app.ui.dashboard.style import ChartStyle
from journal_app.ui.theme import mute
from journal_app.ui.widgets.fmt import date_text

CELL = 0.84  # of a column's width: the gap between squares
TOP_AXIS_HEIGHT = 26  # the month names
WEEKDAY_TICKS = [(0.0, "Mon"), (-2.0, "Wed"), (-4.0, "Fri"), (-6.0, "Sun")]


def _hours(value: float) -> str:
    return f"{value:g} h" if value == int(value) else f"{value:.1f} h"


class HeatmapChart(QWidget):
    day_requested = Signal(object)  # a datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = plot_widget(
            "Calendar of deep work",
            "Arrows move between days (Left and Right by a week), Enter opens the day",
        )
        self.plot_widget.setFixedHeight(150)
        self.plot = self.plot_widget.getPlotItem()
        prepare(self.plot, y_label="", zoom_x=False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideAxis("bottom")
        self.plot.showAxis("top")
        self.plot.getAxis("left").setTicks([WEEKDAY_TICKS])
        self.plot.getAxis("left").setLabel("")
        self.levels = [
            pg.ScatterPlotItem(symbol="s", size=CELL, pxMode=False, pen=None) for _ in range(LEVELS)
        ]
        for item in self.levels:
            self.plot.addItem(item)
        self.readout = QLabel(" ")
        mute(self.readout)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.readout, 1)
        below.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.plot_widget)
        layout.addLayout(below)
        self.heatmap: Heatmap | None = None
        self._style: ChartStyle | None = None
        self.current: dt.date | None = None  # the day the keys are on
        self.mark = pg.ScatterPlotItem(symbol="s", size=CELL, pxMode=False, brush=None)
        self.plot.addItem(self.mark)
        self.keys = ChartKeys(
            self.plot_widget,
            {
                Qt.Key.Key_Up: lambda: self.step(-1),
                Qt.Key.Key_Down: lambda: self.step(1),
                Qt.Key.Key_Left: lambda: self.step(-7),
                Qt.Key.Key_Right: lambda: self.step(7),
                **{key: self.open_current for key in OPEN_KEYS},
            },
        )
        scene = self.plot_widget.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)

    def resizeEvent(self, event: Any) -> None:
        """Square cells: the height follows the width (7 rows for 53 columns)."""
        super().resizeEvent(event)
        weeks = self.heatmap.weeks if self.heatmap is not None else 53
        axis = self.plot.getAxis("left").width()
        column = max(4.0, (self.width() - axis - 8) / (weeks + 0.2))
        self.plot_widget.setFixedHeight(round(column * 7.2 + TOP_AXIS_HEIGHT))

    def set_heatmap(self, heatmap: Heatmap) -> None:
        if heatmap == self.heatmap:
            return  # ranges ending today share one calendar
        self.heatmap = heatmap
        self.current = None
        self.mark.clear()
        for level, item in enumerate(self.levels):
            cells = [c for c in heatmap.cells if c.level == level]
            item.setData(
                x=np.array([c.column for c in cells], dtype=float),
                y=np.array([-c.row for c in cells], dtype=float),
            )
        self.plot.getAxis("top").setTicks([[(float(col), name) for col, name in heatmap.months]])
        self.plot.setXRange(-0.6, heatmap.weeks - 0.4, padding=0)
        self.plot.setYRange(-6.6, 0.6, padding=0)
        self.readout.setText(
            f"{heatmap.first.day} {heatmap.first:%b %Y} – {heatmap.last.day} {heatmap.last:%b %Y}"
            " · hover a day to see its hours, click to open it"
        )
        if self._style is not None:
            self._legend(self._style)

    def apply_style(self, style: ChartStyle) -> None:
        self._style = style
        self.plot_widget.setBackground(style.background)
        for axis in ("left", "top"):
            self.plot.getAxis(axis).setPen(pg.mkPen(style.background))
            self.plot.getAxis(axis).setTextPen(pg.mkPen(style.muted))
        for item, color in zip(self.levels, style.heat, strict=True):
            item.setBrush(pg.mkBrush(color))
        self.mark.setPen(pg.mkPen(style.text, width=2))
        self._legend(style)

    def _legend(self, style: ChartStyle) -> None:
        squares = "".join(f'<span style="color:{c}">■</span>' for c in style.heat)
        bounds = ""
        if self.heatmap is not None:
            half, _whole, double = self.heatmap.bounds
            bounds = f" &nbsp;(under {_hours(half)} … {_hours(double)} and more)"
        self.legend.setText(f"less {squares} more{bounds}")

    def cell_at(self, scene_pos: Any) -> HeatCell | None:
        heatmap = self.heatmap
        box = self.plot.getViewBox()
        if heatmap is None or not box.sceneBoundingRect().contains(scene_pos):
            return None
        point = box.mapSceneToView(scene_pos)
        column, row = round(point.x()), round(-point.y())
        if not (0 <= row <= 6 and 0 <= column < heatmap.weeks):
            return None
        return heatmap.cell(heatmap.first + dt.timedelta(days=column * 7 + row))

    def describe(self, cell: HeatCell) -> str:
        day = cell.day
        text = f"{date_text(day)}: {cell.hours:.1f} h of deep work"
        return text + (" · counts toward the streak" if cell.counted else "")

    def step(self, days: int) -> None:
        """Move the keys' day by ``days`` (from the last day at first), within the map."""
        heatmap = self.heatmap
        if heatmap is None:
            return
        start = self.current if self.current is not None else heatmap.last + dt.timedelta(1)
        day = min(max(start + dt.timedelta(days=days), heatmap.first), heatmap.last)
        cell = heatmap.cell(day)
        if cell is None:
            return
        self.current = day
        offset = (day - heatmap.first).days
        self.mark.setData(x=[float(offset // 7)], y=[-float(offset % 7)])
        text = self.describe(cell)
        self.readout.setText(text + " · Enter opens it")
        self.plot_widget.setAccessibleDescription(text)

    def open_current(self) -> None:
        if self.current is not None:
            self.day_requested.emit(self.current)

    def _on_mouse_moved(self, scene_pos: Any) -> None:
        cell = self.cell_at(scene_pos)
        if cell is not None:
            self.readout.setText(self.describe(cell))

    def _on_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            self.day_requested.emit(cell.day)

    def export_target(self) -> Any:
        return self.plot
