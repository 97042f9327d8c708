"""SQLite's errors that say nothing about the journal itself — a lock held too long, a
full disk, a read-only folder, an I/O error — as one-line `StorageError`s.

Without this they reach the user as "unexpected error … please report it", and worse, an
I/O error looks like damage. SQLite rolls the transaction back itself after SQLITE_FULL
or SQLITE_IOERR, so the change was not saved and the file is whole.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError

from journal_app.db import cipher
from journal_app.errors import DiskFull, JournalBusy, ReadOnlyJournal, StorageError

BUSY = "the journal is busy (another program is writing to it); nothing was saved — try again"
FULL = "the disk is full; nothing was saved — free some space and try again"
READ_ONLY = "the journal's folder or file is read-only; nothing was saved"
IO_ERROR = "the disk could not be written (I/O error); nothing was saved and the journal is intact"


LOW_SPACE = 1024 * 1024  # below this, an I/O error while writing is the disk being full


def disk_nearly_full(folder: Path) -> bool:
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < LOW_SPACE


def storage_error(exc: BaseException, folder: Path | None = None) -> StorageError | None:
    """The StorageError that ``exc`` (an SQLite or peewee error) stands for, if any.
    SQLite reports some writes that failed for want of space (growing -shm, fsync) as
    I/O errors: with ``folder`` given, those count as a full disk when it is."""
    text = str(exc).lower()
    if "database is locked" in text or "database table is locked" in text:
        return JournalBusy(BUSY)
    if "database or disk is full" in text or "disk is full" in text:
        return DiskFull(FULL)
    if "readonly database" in text:
        return ReadOnlyJournal(READ_ONLY)
    if "disk i/o error" in text:
        if folder is not None and disk_nearly_full(folder):
            return DiskFull(FULL)
        return StorageError(IO_ERROR)
    return None


def errors() -> tuple[type[BaseException], ...]:
    return cipher.sql_errors(PeeweeDatabaseError)


@contextlib.contextmanager
def translated(folder: Path | None = None) -> Iterator[None]:
    """Raise a StorageError in place of an SQLite error that is about the storage."""
    try:
        yield
    except errors() as exc:
        mapped = storage_error(exc, folder)
        if mapped is None:
            raise
        raise mapped from exc


def is_no_transaction(exc: BaseException) -> bool:
    """SQLite already rolled back (after SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY in a
    statement): the ROLLBACK that follows finds nothing to undo."""
    return isinstance(exc, (sqlite3.OperationalError, PeeweeDatabaseError)) and (
        "no transaction is active" in str(exc)
    )
