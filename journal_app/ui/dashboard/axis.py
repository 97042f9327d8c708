"""The axis every chart here uses: pyqtgraph's, made cheaper to build and to repaint.

- Its label is set as HTML (a QTextDocument each time) on every pen, colour, label or
  visibility change — ~12 times per axis while a chart is set up, for mostly the same
  text: 16 ms of a first Dashboard open. Here only a changed label is set again, and a
  hidden one (most axes: the top and right ones, the bottom one of a dated chart) only
  once it is shown.
- It replays its tick labels' text on every paint (~5 ms): kept as a pixmap instead
  (the item cache), it is drawn again only when it changes — a range, a theme — and not
  when the page scrolls or something beside it repaints.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem


class ChartAxis(pg.AxisItem):
    def __init__(self, orientation: str, **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _updateLabel(self) -> None:
        if not self.label.isVisibleTo(self):
            self._label_html = None  # set when shown (showLabel)
        else:
            html = self.labelString()
            if html != getattr(self, "_label_html", None):
                self._label_html = html
                self.label.setHtml(html)
        self._adjustSize()
        self.picture = None
        self.update()

    def showLabel(self, show: bool = True) -> None:
        super().showLabel(show)
        if show:
            self._updateLabel()


def chart_axes(bottom: ChartAxis | None = None) -> dict[str, ChartAxis]:
    """The four axes of a new plot (``bottom``: another kind along the bottom)."""
    return {
        "left": ChartAxis("left"),
        "right": ChartAxis("right"),
        "top": ChartAxis("top"),
        "bottom": bottom if bottom is not None else ChartAxis("bottom"),
    }
