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
        owner = _describe_owner(self._lock.getLockInfo())
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


def _describe_owner(info: object) -> str:
    """PySide6 returns (pid, host, app) from getLockInfo(); older builds prefixed an ok flag."""
    values = tuple(info) if isinstance(info, tuple | list) else ()
    if len(values) == 4:
        values = values[1:]
    if len(values) != 3 or not values[0]:
        return ""
    pid, host, _app = values
    return f" (process {pid} on {host})"
