"""Noticing keyboard and mouse input anywhere in the app, for idle detection.

The filter sees every event of the application, so it does the least it can: a type
check and a flag. The controller turns the flag into a time on its next tick (clock
injected), and asks to be told once about the first input after it found the user idle.
It is installed only while a timer runs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class InputWatcher(QObject):
    returned = Signal()  # the first input after ``arm()``

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seen = False
        self._armed = False
        self._installed_on: QObject | None = None

    def install(self, app: QObject) -> None:
        if self._installed_on is None:
            app.installEventFilter(self)
            self._installed_on = app

    def uninstall(self) -> None:
        if self._installed_on is not None:
            self._installed_on.removeEventFilter(self)
            self._installed_on = None
        self._armed = False

    @property
    def installed(self) -> bool:
        return self._installed_on is not None

    def take(self) -> bool:
        """Whether there was input since the last call."""
        seen, self.seen = self.seen, False
        return seen

    def arm(self) -> None:
        """Emit ``returned`` on the next input (once)."""
        self._armed = True

    def disarm(self) -> None:
        self._armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.seen = True
            if self._armed:
                self._armed = False
                self.returned.emit()
        return False
