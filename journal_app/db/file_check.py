"""Decide whether a database file is ours and whole, without ever writing to it.

`read_file_state` reads the 100-byte header alone: a file we refuse stays byte-identical,
since no SQLite connection (which could switch journal modes or create -wal/-shm files)
touches it. `quick_check`/`integrity_check` open a read-only connection. Damage is reported
as `DatabaseDamaged`; files of other programs and of newer versions as `DatabaseRefused`.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path
from typing import NamedTuple

from journal_app import APP_ID
from journal_app.db import cipher, live_files
from journal_app.errors import DatabaseRefused, NewerSchemaError

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id stamped on every journal: "SSJ1" as a big-endian integer.
APPLICATION_ID = 0x53534A31


class DatabaseDamaged(DatabaseRefused):
    """The journal file is damaged (zero bytes, bad header, truncated, failed checks).

    It is never written to. ``backup`` names the newest good backup when one was found,
    so the message can offer it.
    """

    def __init__(self, path: Path, reason: str, backup: Path | None = None) -> None:
        self.path = path
        self.reason = reason
        self.backup = backup
        super().__init__(self._message())

    def _message(self) -> str:
        text = f"{self.path} {self.reason}; it was left untouched"
        if self.backup is not None:
            text += (
                f". Newest good backup: {self.backup.name} — restore it with "
                f"`{APP_ID} restore {self.backup.name}`"
            )
        else:
            text += " (no good backup was found; move the file away to start afresh)"
        return text

    def with_backup(self, backup: Path | None) -> DatabaseDamaged:
        return DatabaseDamaged(self.path, self.reason, backup)


class FileState(NamedTuple):
    exists: bool
    user_version: int = 0
    application_id: int = 0
    schema_cookie: int = 0
    # SQLCipher: the header is encrypted too, so the version and id are read after
    # unlocking (db.connection checks them then).
    encrypted: bool = False

    @property
    def is_new(self) -> bool:
        """No file, or an SQLite file in which no table was ever created."""
        if self.encrypted:
            return False
        return not self.exists or (self.user_version == 0 and self.schema_cookie == 0)


def _page_size(header: bytes) -> int:
    (raw,) = struct.unpack(">H", header[16:18])
    return 65536 if raw == 1 else raw


def _wal_has_frames(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 32  # a WAL header alone holds no pages
    except OSError:
        return False


def _state_through_sqlite(path: Path) -> FileState:
    """The header fields of a file this process has open through SQLite, asked of SQLite
    (its bytes may not be read with open(): db.live_files). Damage below the header is
    quick_check's to find."""
    if cipher.is_encrypted_file(path):
        return FileState(True, encrypted=True)
    try:
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
        try:
            values = [
                int(conn.execute(f"PRAGMA {name}").fetchone()[0])
                for name in ("user_version", "application_id", "schema_version")
            ]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseDamaged(path, f"cannot be read ({exc})") from None
    return FileState(True, values[0], values[1], values[2])


def read_file_state(path: Path) -> FileState:
    if not path.exists():
        return FileState(exists=False)
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a journal database")
    if live_files.is_open_here(path):
        return _state_through_sqlite(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
            size = fh.seek(0, 2)
    except OSError as exc:
        raise DatabaseRefused(f"cannot read {path}: {exc.strerror}") from None
    if not header:
        raise DatabaseDamaged(
            path,
            "is empty (0 bytes): that is a damaged journal, not a new one",
        )
    if not header.startswith(SQLITE_MAGIC) and size >= 512 and cipher.has_key_nearby(path):
        return FileState(True, encrypted=True)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DatabaseDamaged(
            path,
            "is not a Self-Study Journal database (not an SQLite file, or its header is damaged)",
        )
    (schema_cookie,) = struct.unpack(">I", header[40:44])
    (user_version,) = struct.unpack(">I", header[60:64])
    (application_id,) = struct.unpack(">I", header[68:72])
    page_size = _page_size(header)
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseDamaged(path, f"has a damaged header (page size {page_size})")
    (change_counter, page_count) = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    # The page count in the header is trusted only when written by SQLite ≥ 3.7.0 with
    # the same change counter; a WAL with frames may legitimately hold the missing pages.
    if valid_for == change_counter and page_count and not _wal_has_frames(path):
        expected = page_count * page_size
        if size < expected:
            raise DatabaseDamaged(
                path, f"is truncated ({size:,} of {expected:,} bytes): it is damaged"
            )
    return FileState(True, user_version, application_id, schema_cookie)


def check_ours(path: Path, state: FileState, latest_version: int) -> None:
    """Refuse files of other programs and of newer versions of this one."""
    if not state.exists or state.is_new or state.encrypted:
        return
    if state.application_id != APPLICATION_ID:
        raise DatabaseRefused(
            f"{path} is an SQLite database of another program, not a Self-Study Journal; "
            "it was left untouched"
        )
    if state.user_version > latest_version:
        raise NewerSchemaError(
            f"{path} was written by a newer version of Self-Study Journal (schema "
            f"{state.user_version}; this version knows up to {latest_version}); "
            "update the app — the file was left untouched"
        )


def unwritable_without_wal(path: Path) -> bool:
    """The journal's folder cannot be written (a read-only mount or folder) and it has no
    WAL: nobody can be writing it, and SQLite could not create the -shm file a WAL
    reader needs, so it is read as immutable."""
    folder = path.parent
    if os.access(folder, os.W_OK) and os.stat(folder).st_mode & 0o222:
        return False
    return not path.with_name(path.name + "-wal").exists()


def read_only_uri(path: Path) -> str:
    """The URI of a read-only connection to the journal (see unwritable_without_wal)."""
    immutable = "&immutable=1" if unwritable_without_wal(path) else ""
    return f"{path.absolute().as_uri()}?mode=ro{immutable}"


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write to ``path`` (``immutable`` for files nobody else
    has open, such as backups: then not even a -shm file is created; also for a journal
    in a folder nobody can write). An encrypted file gets a SQLCipher connection keyed
    with the unlocked key (same interface)."""
    immutable = immutable or unwritable_without_wal(path)
    conn: sqlite3.Connection = cipher.connect(path, read_only=True, immutable=immutable)
    return conn


def run_check(conn: sqlite3.Connection, *, full: bool = False, limit: int = 20) -> list[str]:
    """Problems SQLite finds (empty when the file is whole). ``full`` runs
    integrity_check (also compares every index with its table) instead of quick_check."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()
    except cipher.sql_errors() as exc:
        return [str(exc)]
    if [str(row[0]) for row in rows] == ["ok"]:
        return []
    # One line per problem; SQLite prefixes the first with "*** in database main ***".
    return [
        line.strip()
        for row in rows
        for line in str(row[0]).splitlines()
        if line.strip() and not line.startswith("*** in database")
    ]


def check_file(path: Path, *, full: bool = False, immutable: bool = False) -> list[str]:
    """quick_check (or integrity_check) of the file at ``path``, read-only."""
    try:
        conn = connect_read_only(path, immutable=immutable)
    except cipher.sql_errors() as exc:
        return [str(exc)]
    try:
        return run_check(conn, full=full)
    finally:
        conn.close()
