"""One instance per data directory, with QLockFile (stale locks of dead processes expire)."""

from __future__ import annotations

from journal_app.config import DataPaths
from journal_app.errors import InstanceLockedError


class InstanceLock:
    def __init__(self, paths: DataPaths) -> None:
        from PySide6.QtCore import QLockFile

        self._paths = paths
        self._lock = QLockFile(str(paths.lock))
        self._lock.setStaleLockTime(0)  # only a dead owner's lock is stale, never a slow one

    def acquire(self) -> None:
        if self._lock.tryLock(100):
            return
        _ok, pid, host, _app = self._lock.getLockInfo()
        owner = f" (process {pid} on {host})" if pid else ""
        raise InstanceLockedError(
            f"Self-Study Journal is already running on {self._paths.root}{owner}; "
            "switch to that window, or close it first"
        )

    def release(self) -> None:
        self._lock.unlock()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
