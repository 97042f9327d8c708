"""Hear files arrive in the sync folder: a QFileSystemWatcher on ``devices/`` and each
other device's subfolder (a new device's folder is added as it appears), debounced so a
burst of files from the sync tool makes one run."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from journal_app.services.sync.folder import DEVICES

ARRIVAL_DELAY_MS = 2000  # the sync tool writes a few files in a row: wait for quiet


class FolderWatch(QObject):
    arrived = Signal()  # files changed under devices/ (after the delay)

    def __init__(self, parent: QObject | None = None, *, delay_ms: int = ARRIVAL_DELAY_MS):
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_changed)
        self._root: Path | None = None
        self._own = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.arrived)

    def watch(self, folder: str | None, own_device: str = "") -> None:
        """Watch ``folder`` (None: nothing); ``own_device``'s files are ours: not heard."""
        paths = self._watcher.directories() + self._watcher.files()
        if paths:
            self._watcher.removePaths(paths)
        self.timer.stop()
        self._root = Path(folder) / DEVICES if folder else None
        self._own = own_device
        self._add_folders()

    def watched(self) -> list[str]:
        return sorted(self._watcher.directories())

    def _add_folders(self) -> None:
        root = self._root
        if root is None or not root.is_dir():
            return
        wanted = [str(root)]
        with contextlib.suppress(OSError):  # unmounted meanwhile: the next run says so
            wanted += [
                str(p)
                for p in root.iterdir()
                if p.name != self._own and p.is_dir() and not p.is_symlink()
            ]
        new = sorted(set(wanted) - set(self._watcher.directories()))
        if new:
            self._watcher.addPaths(new)

    def _on_changed(self, _path: str) -> None:
        self._add_folders()  # a device that joined since
        self.timer.start()
