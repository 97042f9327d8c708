"""A thin rounded bar of coloured segments: progress toward a target, or a split."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class SegmentBar(QWidget):
    """Segments are (fraction of the whole width, colour), drawn left to right on a track;
    together they are clipped at the full width (a target passed fills the bar)."""

    def __init__(self, height: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height = height
        self._segments: list[tuple[float, QColor]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(60)

    def set_segments(self, segments: Sequence[tuple[float, QColor]]) -> None:
        self._segments = [(max(0.0, float(f)), c) for f, c in segments]
        self.update()

    def fractions(self) -> list[float]:
        return [f for f, _ in self._segments]

    def sizeHint(self) -> QSize:
        return QSize(200, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self._height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        radius = rect.height() / 2
        clip = QPainterPath()
        clip.addRoundedRect(rect, radius, radius)
        painter.setClipPath(clip)
        painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Midlight))
        x = rect.left()
        for fraction, color in self._segments:
            width = min(fraction * rect.width(), rect.right() - x)
            if width <= 0:
                break
            painter.fillRect(QRectF(x, rect.top(), width, rect.height()), color)
            x += width
        painter.end()
