"""Decide whether a database file is ours, from its 100-byte header alone.

Reading the header writes nothing, so a file we refuse stays byte-identical: no SQLite
connection (which could switch journal modes or create -wal/-shm files) ever touches it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from journal_app.errors import DatabaseRefused, NewerSchemaError

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id stamped on every journal: "SSJ1" as a big-endian integer.
APPLICATION_ID = 0x53534A31


@dataclass(frozen=True)
class FileState:
    exists: bool
    user_version: int = 0
    application_id: int = 0
    schema_cookie: int = 0

    @property
    def is_new(self) -> bool:
        """No file, or an SQLite file in which no table was ever created."""
        return not self.exists or (self.user_version == 0 and self.schema_cookie == 0)


def read_file_state(path: Path) -> FileState:
    if not path.exists():
        return FileState(exists=False)
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a journal database")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseRefused(f"cannot read {path}: {exc.strerror}") from None
    if not header:
        raise DatabaseRefused(
            f"{path} is empty (0 bytes): that is a damaged journal, not a new one; "
            "it was left untouched (restore a backup or move the file away)"
        )
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DatabaseRefused(f"{path} is not a Self-Study Journal database (not an SQLite file)")
    (schema_cookie,) = struct.unpack(">I", header[40:44])
    (user_version,) = struct.unpack(">I", header[60:64])
    (application_id,) = struct.unpack(">I", header[68:72])
    return FileState(True, user_version, application_id, schema_cookie)


def check_ours(path: Path, state: FileState, latest_version: int) -> None:
    """Refuse files of other programs and of newer versions of this one."""
    if not state.exists or state.is_new:
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
