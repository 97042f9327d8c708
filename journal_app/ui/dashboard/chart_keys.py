"""The keyboard way through a chart (what the mouse does by hovering, clicking, dragging
and Ctrl+scrolling): a chart takes the focus, and its keys step through days or dots,
open one, move through time and zoom.

    ChartKeys(widget, {Qt.Key.Key_Left: lambda: step(-1), ...})

A key with Shift held looks up ``(key, "shift")`` first. Keys a chart does not use go on
to Qt as usual (Tab leaves the chart).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

KeyMap = Mapping[Qt.Key | tuple[Qt.Key, str], Callable[[], object]]
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class ChartKeys(QObject):
    def __init__(self, widget: QWidget, keys: KeyMap) -> None:
        super().__init__(widget)
        self._keys = dict(keys)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            call = (self._keys.get((key, "shift")) if shift else None) or self._keys.get(key)
            if call is not None:
                call()
                return True
        return False
