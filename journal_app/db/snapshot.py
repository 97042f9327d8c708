"""Consistent copies of a live database with the sqlite3 backup API.

The copy is written to a temporary name, checked, fsynced and renamed into place, so a
failure (disk full, read-only folder) never leaves a partial file behind. A snapshot of
an encrypted journal (a SQLCipher source connection) is encrypted with the same key:
SQLCipher's backup API copies between connections of its own module, keyed alike.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from journal_app.db import cipher
from journal_app.errors import JournalError
from journal_app.fsutil import create_private_file, fsync_dir, make_private_dir


def _target(source: sqlite3.Connection, tmp: Path, key: bytes | None) -> sqlite3.Connection:
    if not type(source).__module__.startswith("sqlcipher3"):
        return sqlite3.connect(tmp)
    key = key if key is not None else cipher.key_for(tmp)
    if key is None:
        raise JournalError(f"cannot back up an encrypted journal to {tmp.parent}: locked")
    conn: sqlite3.Connection = cipher.connect_encrypted(tmp, key)
    return conn


def snapshot(source: sqlite3.Connection, dest: Path, *, key: bytes | None = None) -> Path:
    """Copy ``source`` to ``dest``; an encrypted source is copied encrypted, with ``key``
    or the key unlocked for ``dest``'s folder."""
    tmp = dest.with_name(dest.name + ".partial")
    try:
        make_private_dir(dest.parent, parents=True)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()  # a leftover of a failed backup
        create_private_file(tmp)  # SQLite keeps the mode: a backup is as private as the journal
        target = _target(source, tmp, key)
        try:
            source.backup(target)
            result = target.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise JournalError(f"backup {dest} failed its check: {result}")
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except cipher.sql_errors(OSError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise JournalError(f"could not write backup {dest}: {exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest
