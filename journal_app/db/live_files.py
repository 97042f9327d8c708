"""A guard that makes the lost-writes class of bug impossible: no plain open() of a live
journal file.

POSIX advisory locks belong to a process and a file, not to a descriptor: closing *any*
descriptor of a file drops every lock the process holds on it, including a live SQLite
connection's (SQLite, "How To Corrupt An SQLite Database File", 2.2). Another process
then believes it is the last connection, checkpoints and deletes the WAL under the live
one, whose later commits vanish. So while this process has a database (or its ``-wal`` /
``-shm``) open, nothing may open that file with ``open()``/``os.open`` — only through
SQLite.

The guard is an audit hook (PEP 578): every ``sqlite3.connect`` notes its file (SQLCipher
connections are noted by ``db.cipher``), and an ``open`` event for one of those files
while the process already holds a descriptor of it raises `LiveFileOpened` before the
descriptor exists. Violations are also recorded in `violations`, so the test suite fails
even where a caller swallows the exception. `is_open_here` lets the few readers of raw
headers (``db.file_check``) take SQLite's road instead.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")

_lock = threading.Lock()
_paths: set[str] = set()  # real paths of every database connected to, with side files
_names: frozenset[str] = frozenset()  # their base names: the hook's cheap first filter
_busy = threading.local()
violations: list[str] = []


class LiveFileOpened(RuntimeError):
    """A journal file this process has open through SQLite was opened another way."""


def database_path(database: object) -> str | None:
    """The file path of a ``sqlite3.connect`` argument (a path or a ``file:`` URI)."""
    try:
        text = os.fsdecode(database)  # type: ignore[arg-type]
    except TypeError:
        return None
    if text.startswith("file:"):
        text = unquote(urlsplit(text).path)
    if not text or text == ":memory:" or text.startswith(":"):
        return None
    return text


def note_database(database: object) -> None:
    """Remember a database file this process connects to (and its side files)."""
    path = database_path(database)
    if path is None:
        return
    real = os.path.realpath(path)
    global _names
    with _lock:
        if real in _paths:
            return
        added = {real + suffix for suffix in SIDE_SUFFIXES}
        _paths.update(added)
        _names = _names | {os.path.basename(p) for p in added}


def _descriptors() -> list[int]:
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return [int(name) for name in os.listdir(folder)]
        except (OSError, ValueError):
            continue
    return []


def is_open_here(path: str | os.PathLike[str]) -> bool:
    """Whether this process holds a descriptor of the file at ``path`` (a live SQLite
    connection does): then opening and closing it another way would drop its locks."""
    if os.name != "posix":
        return False  # Windows locks are per handle: closing another handle is harmless
    try:
        target = os.stat(path)
    except OSError:
        return False
    for fd in _descriptors():
        try:
            info = os.fstat(fd)
        except OSError:
            continue
        if info.st_ino == target.st_ino and info.st_dev == target.st_dev:
            return True
    return False


def _check_open(path: object) -> None:
    if isinstance(path, int):
        return
    try:
        text = os.fsdecode(path)  # type: ignore[arg-type]
    except TypeError:
        return
    if os.path.basename(text) not in _names:
        return
    real = os.path.realpath(text)
    if real not in _paths or not is_open_here(real):
        return
    message = (
        f"{real} is open through SQLite in this process: opening it another way would drop "
        "SQLite's locks on it (read it through SQLite)"
    )
    violations.append(message)
    raise LiveFileOpened(message)


@contextlib.contextmanager
def raw_reads_allowed() -> Iterator[None]:
    """Lift the guard in this thread: for a test that inspects a live file's bytes on
    purpose, alone in its process (no other process shares that journal)."""
    previous = getattr(_busy, "active", False)
    _busy.active = True
    try:
        yield
    finally:
        _busy.active = previous


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event == "open":
        if getattr(_busy, "active", False):
            return
        _busy.active = True
        try:
            _check_open(args[0])
        finally:
            _busy.active = False
    elif event == "sqlite3.connect" and args:
        note_database(args[0])


_installed = False


def install() -> None:
    """Install the guard once per process (an audit hook cannot be removed)."""
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
    sys.addaudithook(_hook)


install()
