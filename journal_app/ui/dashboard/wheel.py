"""The mouse wheel over a chart scrolls the page, as it does everywhere else on it.

A chart zooms with the wheel only when the user asks for it: with Ctrl held, or after a
press in the chart (a drag to move through time, a click) until the pointer leaves it —
as embedded maps do. Reading down the Dashboard never zooms a chart by accident, and
charts that do not zoom never swallow the wheel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QGraphicsView, QWidget


class WheelGuard(QObject):
    """Watches one chart view's viewport (an event filter; the view owns it)."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self._view = view
        self.engaged = False  # pressed in since the pointer came in: the wheel zooms
        view.viewport().installEventFilter(self)

    def zooms(self, event: QWheelEvent) -> bool:
        """Whether this wheel event is for the chart."""
        wanted = self.engaged or bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        return wanted and self._zoomable()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self.engaged = True
        elif kind == QEvent.Type.Leave:
            self.engaged = False
        elif kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            if self.zooms(event):
                return False  # pyqtgraph zooms
            self._pass_on(event)
            return True
        return False

    def _zoomable(self) -> bool:
        # lazy: pyqtgraph loads only when used
        import pyqtgraph as pg

        scene = self._view.scene()
        return scene is not None and any(
            isinstance(item, pg.ViewBox) and any(item.state["mouseEnabled"])
            for item in scene.items()
        )

    def _pass_on(self, event: QWheelEvent) -> None:
        """To the scroll area around the chart, as if the chart were not there."""
        area = _scroll_area(self._view.parentWidget())
        if area is None:
            event.ignore()
            return
        viewport = area.viewport()
        forwarded = QWheelEvent(
            QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint())),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(viewport, forwarded)
        event.setAccepted(forwarded.isAccepted())


def _scroll_area(widget: QWidget | None) -> QAbstractScrollArea | None:
    while widget is not None:
        if isinstance(widget, QAbstractScrollArea):
            return widget
        widget = widget.parentWidget()
    return None


def guard_wheel(view: Any) -> WheelGuard:
    """Make the wheel over `view` (a pyqtgraph view) scroll the page unless asked to zoom."""
    return WheelGuard(view)
