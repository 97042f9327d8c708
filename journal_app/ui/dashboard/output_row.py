"""Output per week (per month when zoomed far out): one stacked bar per period, by kind,
counting either the pieces made or their words."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg

from journal_app.services.dashboard import History
from journal_app.services.dashboard.buckets import next_start
from journal_app.services.dashboard.output_weeks import OutputWeeks
from journal_app.services.tracking.outputs import KINDS
from journal_app.ui.dashboard.plots import set_title
from journal_app.ui.dashboard.style import ChartStyle, swatch
from journal_app.ui.dashboard.timeaxis import days_x

MODES = {"count": "outputs", "words": "words"}
MIN_TOP = {"count": 3.0, "words": 500.0}  # whole numbers of outputs on a quiet axis


class OutputRow:
    def __init__(self, plot: Any) -> None:
        self.plot = plot
        self.mode = "count"
        self.bars: dict[str, Any] = {}
        self.periods: OutputWeeks | None = None
        self._history: History | None = None
        self._left = np.zeros(0)
        self._right = np.zeros(0)
        self._totals = np.zeros(0)
        self._style: ChartStyle | None = None

    def set_history(self, history: History) -> None:
        self._history = history
        for kind in history.outputs.kinds:
            if kind not in self.bars:
                empty = np.zeros(0)
                self.bars[kind] = pg.BarGraphItem(x=empty, height=empty, width=1.0, pen=None)
                self.plot.addItem(self.bars[kind])
        self.periods = None

    def draw(self, level: str, *, force: bool = False) -> None:
        """Weeks, or months when `level` is "month"."""
        history = self._history
        if history is None:
            return
        periods = history.outputs_monthly if level == "month" else history.outputs
        if periods is self.periods and not force:
            return
        self.periods = periods
        self._draw()

    def clip(self, x0: float, x1: float) -> None:
        """Keep only the periods wholly within x0..x1 (for SVG, which does not clip)."""
        keep = (self._left >= x0) & (self._right <= x1)
        for bars in self.bars.values():
            x, height = bars.getData()
            if x is None or len(x) != len(keep):
                continue
            bars.setOpts(
                x=x[keep],
                y0=np.asarray(bars.opts["y0"])[keep],
                height=np.asarray(height)[keep],
                width=np.asarray(bars.opts["width"])[keep],
            )

    def set_mode(self, mode: str) -> None:
        """ "count" (outputs) or "words"."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.mode = mode
        self._draw()
        if self._style is not None:
            self.apply_style(self._style)

    def _draw(self) -> None:
        periods = self.periods
        if periods is None:
            return
        self._left = days_x(periods.weeks)
        self._right = days_x([next_start(p, periods.size) for p in periods.weeks])
        x = (self._left + self._right) / 2
        width = (self._right - self._left) * (6 / 7 if periods.size == "week" else 0.9)
        source = periods.counts if self.mode == "count" else periods.words
        base = np.zeros(len(periods.weeks))
        for kind in periods.kinds:
            height = np.asarray(source[kind], dtype=float)
            self.bars[kind].setOpts(x=x, y0=base, height=height, width=width)
            base = base + height
        self._totals = base

    def top(self, x0: float, x1: float) -> float:
        lo = int(np.searchsorted(self._right, x0, side="right"))
        hi = int(np.searchsorted(self._left, x1, side="left"))
        shown = float(np.max(self._totals[lo:hi])) if hi > lo else 0.0
        return max(shown, MIN_TOP[self.mode])

    def y_label(self) -> str:
        size = "month" if self.periods is not None and self.periods.size == "month" else "week"
        return f"{MODES[self.mode]} / {size}"

    def apply_style(self, style: ChartStyle) -> None:
        self._style = style
        kinds = self.periods.kinds if self.periods is not None else tuple(KINDS)
        entries = []
        for index, kind in enumerate(kinds):
            color = style.kind_color(index)
            if kind in self.bars:
                self.bars[kind].setOpts(brush=color, pen=None)
            entries.append(swatch(color, KINDS.get(kind, kind)))
        size = "month" if self.periods is not None and self.periods.size == "month" else "week"
        self.plot.setLabel("left", self.y_label(), color=style.muted)
        set_title(
            self.plot, f"<b>Output per {size}</b>&nbsp;&nbsp; " + " &nbsp; ".join(entries), style
        )
