"""Consistent copies of a live database with the sqlite3 backup API.

The copy is written to a temporary name, checked, fsynced and renamed into place, so a
failure (disk full, read-only folder) never leaves a partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from journal_app.errors import JournalError
from journal_app.fsutil import fsync_dir


def snapshot(source: sqlite3.Connection, dest: Path) -> Path:
    tmp = dest.with_name(dest.name + ".partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(tmp)
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
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise JournalError(f"could not write backup {dest}: {exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest
