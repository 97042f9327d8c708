"""One instance per data directory, with QLockFile (stale locks of dead processes expire)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QLockFile

from journal_app.config import DataPaths
from journal_app.errors import InstanceLockedError

# The data dirs whose lock this process holds.
_held: set[Path] = set()


class InstanceLock:
    def __init__(self, paths: DataPaths) -> None:
        self._paths = paths
        self._lock = QLockFile(str(paths.lock))
        self._lock.setStaleLockTime(0)  # only a dead owner's lock is stale, never a slow one

    def acquire(self) -> None:
        if self._lock.tryLock(100):
            _held.add(self._paths.root.absolute())
            return
        owner = _describe_owner(self._lock.getLockInfo())
        raise InstanceLockedError(
            f"Self-Study Journal is already running on {self._paths.root}{owner}; "
            "switch to that window, or close it first"
        )

    def release(self) -> None:
        if self._lock.isLocked():
            _held.discard(self._paths.root.absolute())
        self._lock.unlock()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextlib.contextmanager
def held_or_free(paths: DataPaths) -> Iterator[bool]:
    """True inside when this process holds the data dir's lock, or could take it at once
    (then it is held until the end of the block); False when another process has it."""
    if paths.root.absolute() in _held:
        yield True
        return
    lock = InstanceLock(paths)
    if not lock._lock.tryLock(0):
        yield False
        return
    _held.add(paths.root.absolute())
    try:
        yield True
    finally:
        _held.discard(paths.root.absolute())
        lock._lock.unlock()


def _describe_owner(info: object) -> str:
    """PySide6 returns (pid, host, app) from getLockInfo(); older builds prefixed an ok flag."""
    values = tuple(info) if isinstance(info, tuple | list) else ()
    if len(values) == 4:
        values = values[1:]
    if len(values) != 3 or not values[0]:
        return ""
    pid, host, _app = values
    return f" (process {pid} on {host})"
