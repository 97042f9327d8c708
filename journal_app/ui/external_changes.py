"""Notice what other processes write to the journal (the CLI, a second device's sync) and
let the pages reload, as they do after an import.

A poll of SQLite's ``PRAGMA data_version`` (one pragma on the open connection, no file
access) once a second; on a change every data signal of `DataEvents` is emitted. Pages
reload lists and figures only: the open editor keeps its text (a save over an entry
changed elsewhere is the editor's conflicting-copy rule).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from journal_app.errors import JournalError
from journal_app.services import Services
from journal_app.ui.data_events import DataEvents

POLL_MS = 1000


class ExternalChangeWatcher(QObject):
    changes_noticed = Signal()  # after the DataEvents signals went out

    def __init__(
        self,
        services: Services,
        events: DataEvents,
        parent: QObject | None = None,
        *,
        interval_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._events = events
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.poll()  # takes note of where the journal is now
        self.timer.start()

    def poll(self) -> bool:
        """Check now; True when another process wrote (and the pages were told)."""
        try:
            changed = self._services.changed_elsewhere()
        except JournalError:  # busy or unreadable for a moment: the next tick tries again
            return False
        if changed:
            self._events.entries_changed.emit()
            self._events.tracking_changed.emit()
            self._events.sprints_changed.emit()
            self.changes_noticed.emit()
        return changed
