"""Autosave: write about a second after typing stops, and never later than ``max_wait``.

The idle timer alone would never fire while someone types without pausing, so a second
timer bounds how old the oldest unsaved keystroke can get: with the defaults a crash
(or ``kill -9``) loses at most ~1.5 s of typing. ``flush()`` saves at once (Ctrl+S, entry
switch, window close, quit).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

IDLE_MS = 1000
MAX_WAIT_MS = 1500


class AutosaveController(QObject):
    """Calls ``save()`` when edits have settled; ``save`` returns True once written."""

    saved = Signal()
    dirty_changed = Signal(bool)

    def __init__(
        self,
        save: Callable[[], bool],
        *,
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._dirty = False
        self._saving = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.flush)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max_wait_ms)
        self._deadline.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def changed(self) -> None:
        """Note an edit: restarts the idle delay; the deadline runs from the first edit."""
        self._idle.start()
        if not self._deadline.isActive():
            self._deadline.start()
        if not self._dirty:
            self._dirty = True
            self.dirty_changed.emit(True)

    def flush(self) -> bool:
        """Save now if anything is unsaved; True when nothing is left unsaved."""
        self._idle.stop()
        self._deadline.stop()
        if not self._dirty:
            return True
        if self._saving:  # a dialog opened by save() re-entered the event loop
            return False
        self._saving = True
        try:
            ok = self._save()
        finally:
            self._saving = False
        if ok:
            self._dirty = False
            self.dirty_changed.emit(False)
            self.saved.emit()
        else:
            self._idle.start()  # keep trying: the text stays in the editor meanwhile
        return ok

    def discard(self) -> None:
        """Forget pending edits (the entry they belonged to is gone)."""
        self._idle.stop()
        self._deadline.stop()
        if self._dirty:
            self._dirty = False
            self.dirty_changed.emit(False)
