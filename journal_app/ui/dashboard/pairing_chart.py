"""One sleep/deep-work scatter: a dot per day, Spearman's rho and the number of days
under it — or, with too few days, the reason there is no coefficient."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from journal_app.services.dashboard.pairings import Pairing
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = plot_widget()
        self.plot_widget.setFixedHeight(290)
        self.plot = self.plot_widget.getPlotItem()
        prepare(self.plot, y_label="", x_label="", zoom_x=False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.dots = pg.ScatterPlotItem(size=DOT_SIZE, pen=None, hoverable=True)
        self.dots.sigClicked.connect(self._on_clicked)
        self.plot.addItem(self.dots)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("pairingSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.plot_widget)
        layout.addWidget(self.summary)
        self.pairing: Pairing | None = None
        self._style: ChartStyle | None = None

    def set_pairing(self, pairing: Pairing) -> None:
        if pairing == self.pairing:
            return  # e.g. a range with the same days (week → custom week)
        self.pairing = pairing
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
        self._retitle(style)

    def _retitle(self, style: ChartStyle) -> None:
        if self.pairing is not None:
            self.plot.setLabel("bottom", self.pairing.x_label, color=style.muted)
            self.plot.setLabel("left", self.pairing.y_label, color=style.muted)
            set_title(self.plot, f"<b>{self.pairing.title}</b>", style)

    def _on_clicked(self, _item: Any, points: Any, *_args: Any) -> None:
        if len(points) and self.pairing is not None:
            self.day_requested.emit(self.pairing.days[points[0].index()])

    def export_target(self) -> Any:
        return self.plot
