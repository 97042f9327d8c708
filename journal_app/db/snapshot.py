"""Consistent copies of a live database with the sqlite3 backup API.

The copy is written to a temporary name (``<dest>.<pid>.partial``), checked, fsynced and
renamed into place, so a failure (disk full, read-only folder) never leaves a partial
file behind. A killed process does: `remove_leftovers` deletes such files at the next
open of the journal once their writer is gone, and nothing else. A snapshot of
an encrypted journal (a SQLCipher source connection) is encrypted with the same key:
SQLCipher's backup API copies between connections of its own module, keyed alike.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import time
from pathlib import Path

from journal_app.db import cipher
from journal_app.db.storage_errors import storage_error
from journal_app.errors import DiskFull, JournalError
from journal_app.fsutil import (
    create_private_file,
    make_private_dir,
    publish_new,
    temporary_sibling,
)


def _target(source: sqlite3.Connection, tmp: Path, key: bytes | None) -> sqlite3.Connection:
    if not type(source).__module__.startswith("sqlcipher3"):
        return sqlite3.connect(tmp)
    key = key if key is not None else cipher.key_for(tmp)
    if key is None:
        raise JournalError(f"cannot back up an encrypted journal to {tmp.parent}: locked")
    conn: sqlite3.Connection = cipher.connect_encrypted(tmp, key)
    return conn


def numbered(dest: Path, n: int) -> Path:
    """``dest`` for n = 1, else ``<stem>-<n><suffix>`` (the form backup names take)."""
    return dest if n == 1 else dest.with_name(f"{dest.stem}-{n}{dest.suffix}")


def snapshot(
    source: sqlite3.Connection, dest: Path, *, key: bytes | None = None, unique: bool = False
) -> Path:
    """Copy ``source`` to ``dest``, a new file; the path written. An encrypted source is
    copied encrypted, with ``key`` or the key unlocked for ``dest``'s folder. An existing
    file is never replaced: with ``unique`` the next free ``-2``, ``-3``… name is taken
    (another process may back up the same journal in the same second), without it the
    copy is refused."""
    for n in range(1, 1000 if unique else 2):
        try:
            return _snapshot_new(source, numbered(dest, n), key)
        except _NameTaken:
            continue
    raise JournalError(f"{dest} already exists; nothing was overwritten")


class _NameTaken(Exception):
    pass


def _snapshot_new(source: sqlite3.Connection, dest: Path, key: bytes | None) -> Path:
    if dest.exists():
        raise _NameTaken
    tmp = temporary_sibling(dest)
    try:
        make_private_dir(dest.parent, parents=True)
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
        try:
            publish_new(tmp, dest)
        except FileExistsError:
            raise _NameTaken from None
    except _NameTaken:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    except cipher.sql_errors(OSError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or isinstance(
            storage_error(exc, dest.parent), DiskFull
        ):
            raise DiskFull(f"the disk is full; the backup {dest.name} was not written") from None
        raise JournalError(f"could not write backup {dest}: {exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest


# Our own temporary names, and nothing else: a snapshot's (with its writer's pid, or
# without one from before it had it) and a key file's (db.keyfile).
_SNAPSHOT_PARTIAL = re.compile(r".+\.sqlite3(?:\.(?P<pid>[0-9]{1,10})(?:-[0-9a-f]{8})?)?\.partial")
_KEY_PARTIAL = re.compile(r".+\.sqlite3\.key\.partial")
STALE_AFTER_S = 3600.0  # no write of ours takes an hour: older is a leftover


def _writer_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a backup of this process, in another thread
    if os.name != "posix":
        return False  # no safe probe: the age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, another user's
        return False
    return False


def _is_leftover(path: Path, now: float) -> bool:
    name = path.name
    snapshot_match = _SNAPSHOT_PARTIAL.fullmatch(name)
    if snapshot_match is None and _KEY_PARTIAL.fullmatch(name) is None:
        return False
    try:
        info = path.lstat()
    except OSError:
        return False
    if not path.is_file() or path.is_symlink():
        return False
    pid = snapshot_match.group("pid") if snapshot_match else None
    if pid is not None and _writer_gone(int(pid)):
        return True
    return now - info.st_mtime > STALE_AFTER_S


def remove_leftovers(root: Path, backups: Path, *, now: float | None = None) -> list[Path]:
    """Delete the temporary files a killed backup (or key-file write) left in the data
    folder or ``backups/``: only our own names, only once their writer is gone (or an
    hour has passed). What was deleted; anything that cannot be is left as it is."""
    moment = time.time() if now is None else now
    removed = []
    for folder in (root, backups):
        try:
            children = list(folder.iterdir())
        except OSError:
            continue
        for child in children:
            if _is_leftover(child, moment):
                with contextlib.suppress(OSError):
                    child.unlink()
                    removed.append(child)
    return removed
