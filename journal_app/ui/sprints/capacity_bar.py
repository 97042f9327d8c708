"""The capacity bar: the tasks' estimates against the sprint's capacity in hours."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

OVER = QColor("#d9534f")


class _Track(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.over = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(160, 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        clip = QPainterPath()
        clip.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setClipPath(clip)
        palette = self.palette()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Midlight))
        color = OVER if self.over else palette.color(QPalette.ColorRole.Highlight)
        width = rect.width() * min(self.fraction, 1.0)
        painter.fillRect(QRectF(rect.left(), rect.top(), width, rect.height()), color)
        painter.end()


class CapacityBar(QWidget):
    """“23 of 40 h planned” beside a bar that turns red past the capacity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.track = _Track()
        self.label = QLabel()
        self.label.setObjectName("capacityText")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.track, 1)
        row.addWidget(self.label)
        self.setAccessibleName("Capacity")

    def set_hours(self, estimate: float, capacity: float | None) -> None:
        if capacity is None:
            self.track.fraction, self.track.over = 0.0, False
            self.label.setText(f"{estimate:g} h estimated · no capacity set")
        else:
            self.track.fraction = estimate / capacity if capacity > 0 else float(estimate > 0)
            self.track.over = estimate > capacity
            over = f" · {estimate - capacity:g} h over" if self.track.over else ""
            self.label.setText(f"{estimate:g} of {capacity:g} h planned{over}")
        self.setToolTip(
            "The tasks' estimates against the deep-work hours you planned for this sprint"
        )
        self.track.update()

    @property
    def over(self) -> bool:
        return self.track.over
