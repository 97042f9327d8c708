"""One sleep/deep-work scatter: a dot per day, Spearman's rho and the number of days
under it — or, with too few days, the reason there is no coefficient."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from journal_app.services.dashboard.pairings import Pairing
from journal_app.ui.dashboard.chart_keys import OPEN_KEYS, ChartKeys
from journal_app.ui.dashboard.plots import apply_style, plot_widget, prepare, set_title
from journal_app.ui.dashboard.style import ChartStyle
from journal_app.ui.theme import mute

DOT_SIZE = 7


def summary(pairing: Pairing) -> str:
    found = pairing.correlation
    days = f"{found.n:,} day{'s' if found.n != 1 else ''}"
    if found.rho is None:
        return f"No coefficient ({days}): {found.reason}"
    return f"Spearman ρ = {found.rho:+.2f} ({found.describe()}) · n = {days}"


def axis_span(values: Sequence[float]) -> tuple[float, float]:
    """From 0 — or, for values far from it (hours of sleep), from just below the
    lowest — to a little above the highest."""
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    start = 0.0 if low <= 2 else math.floor(low - 0.5)
    return start, max(high * 1.04, start + 1.0)


class PairingChart(QWidget):
    day_requested = Signal(object)  # a datetime.date: the day of the clicked dot

    def __init__(
        self, name: str = "Pairing of sleep and work", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.plot_widget = plot_widget(
            name, "Left and Right step through the days, Enter opens the day"
        )
        self.plot_widget.setFixedHeight(290)
        self.plot = self.plot_widget.getPlotItem()
        prepare(self.plot, y_label="", x_label="", zoom_x=False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.dots = pg.ScatterPlotItem(size=DOT_SIZE, pen=None, hoverable=True)
        self.dots.sigClicked.connect(self._on_clicked)
        self.plot.addItem(self.dots)
        self.mark = pg.ScatterPlotItem(size=DOT_SIZE + 8, brush=None)  # the keys' dot
        self.plot.addItem(self.mark)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("pairingSummary")
        self.readout = QLabel()  # the day the keys are on
        self.readout.setWordWrap(True)
        self.readout.hide()
        self.current: int | None = None  # that day's index in the pairing
        self.keys = ChartKeys(
            self.plot_widget,
            {
                Qt.Key.Key_Left: lambda: self.step(-1),
                Qt.Key.Key_Right: lambda: self.step(1),
                Qt.Key.Key_Home: lambda: self.step(-(10**9)),
                Qt.Key.Key_End: lambda: self.step(10**9),
                **{key: self.open_current for key in OPEN_KEYS},
            },
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.plot_widget)
        layout.addWidget(self.summary)
        layout.addWidget(self.readout)
        self.pairing: Pairing | None = None
        self._style: ChartStyle | None = None

    def set_pairing(self, pairing: Pairing) -> None:
        if pairing == self.pairing:
            return  # e.g. a range with the same days (week → custom week)
        self.pairing = pairing
        self.current = None
        self.readout.hide()
        self.mark.clear()
        self.dots.setData(
            x=np.asarray(pairing.x, dtype=float), y=np.asarray(pairing.y, dtype=float)
        )
        self.plot.setLabel("bottom", pairing.x_label)
        self.plot.setLabel("left", pairing.y_label)
        self.plot.setXRange(*axis_span(pairing.x), padding=0.02)
        self.plot.setYRange(*axis_span(pairing.y), padding=0.02)
        self.summary.setText(summary(pairing))
        if pairing.correlation.rho is None:
            mute(self.summary)
        else:
            self.summary.setForegroundRole(QPalette.ColorRole.WindowText)
        if self._style is not None:
            self._retitle(self._style)

    def apply_style(self, style: ChartStyle) -> None:
        self._style = style
        self.plot_widget.setBackground(style.background)
        apply_style(self.plot, style)
        self.plot.showGrid(x=True, y=True, alpha=style.grid_alpha)
        dot = QColor(style.production)
        dot.setAlpha(170 if style.dark else 120)
        self.dots.setBrush(pg.mkBrush(dot))
        self.mark.setPen(pg.mkPen(style.text, width=2))
        self._retitle(style)

    def _retitle(self, style: ChartStyle) -> None:
        if self.pairing is not None:
            self.plot.setLabel("bottom", self.pairing.x_label, color=style.muted)
            self.plot.setLabel("left", self.pairing.y_label, color=style.muted)
            set_title(self.plot, f"<b>{self.pairing.title}</b>", style)

    def _order(self) -> list[int]:
        """The dots from left to right (then bottom to top): the order the keys walk."""
        pairing = self.pairing
        if pairing is None:
            return []
        return sorted(range(len(pairing.days)), key=lambda i: (pairing.x[i], pairing.y[i]))

    def step(self, by: int) -> None:
        """Move to the dot ``by`` places right (left when negative) and say what it is."""
        order = self._order()
        if not order or self.pairing is None:
            return
        at = order.index(self.current) if self.current in order else (-1 if by > 0 else len(order))
        self.current = order[max(0, min(len(order) - 1, at + by))]
        pairing = self.pairing
        i = self.current
        text = (
            f"{pairing.days[i]:%a} {pairing.days[i].day} {pairing.days[i]:%b %Y}: "
            f"{pairing.x_label} {pairing.x[i]:g}, {pairing.y_label} {pairing.y[i]:g}"
        )
        self.readout.setText(text + " · Enter opens the day")
        self.readout.show()
        self.plot_widget.setAccessibleDescription(text)
        self.mark.setData(x=[float(pairing.x[i])], y=[float(pairing.y[i])])

    def open_current(self) -> None:
        if self.current is not None and self.pairing is not None:
            self.day_requested.emit(self.pairing.days[self.current])

    def _on_clicked(self, _item: Any, points: Any, *_args: Any) -> None:
        if len(points) and self.pairing is not None:
            self.day_requested.emit(self.pairing.days[points[0].index()])

    def export_target(self) -> Any:
        return self.plot
