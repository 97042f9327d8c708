"""Backup files on disk: their names, what they hold (read-only), and whether they are good.

A backup is a plain journal file in ``backups/`` named ``<reason>-<YYYYmmdd-HHMMSS>Z.sqlite3``
(UTC). Pre-migration copies carry their versions: ``pre-migration-v3-to-v5-<stamp>.sqlite3``
(local time, no ``Z``; written by db.migrations). Files with other names are never ours,
so they are listed as nothing and never deleted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from journal_app.db import checksums, cipher
from journal_app.db.file_check import (
    APPLICATION_ID,
    DatabaseRefused,
    connect_read_only,
    read_file_state,
    run_check,
)
from journal_app.db.migrations import LATEST_VERSION

SUFFIX = ".sqlite3"
REASONS = (
    "startup",
    "daily",
    "manual",
    "pre-migration",
    "pre-import",
    "pre-restore",
    "pre-sync",
)
_NAME = re.compile(
    r"^(?P<reason>" + "|".join(re.escape(r) for r in REASONS) + r")"
    r"(?P<detail>-v\d+-to-v\d+)?-(?P<stamp>\d{8}-\d{6})(?P<utc>Z)?(?:-(?P<n>\d+))?"
    + re.escape(SUFFIX)
    + "$"
)


@dataclass(frozen=True)
class BackupName:
    reason: str
    created_at: dt.datetime  # aware UTC
    sequence: int = 1  # 2, 3... for more backups in the same second


def backup_name(reason: str, when: dt.datetime, taken: set[str] | None = None) -> str:
    """The file name for a backup made at ``when`` (aware); ``-2``, ``-3``... when the
    same second is already taken."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    stamp = when.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    name = f"{reason}-{stamp}Z{SUFFIX}"
    n = 1
    while taken is not None and name in taken:
        n += 1
        name = f"{reason}-{stamp}Z-{n}{SUFFIX}"
    return name


def parse_backup_name(name: str) -> BackupName | None:
    match = _NAME.match(name)
    if match is None:
        return None
    naive = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    when = naive.replace(tzinfo=dt.UTC) if match["utc"] else naive.astimezone(dt.UTC)
    return BackupName(match["reason"], when, int(match["n"] or 1))


def backup_files(folder: Path) -> list[tuple[Path, BackupName]]:
    """Our backups in ``folder``, newest first."""
    try:
        children = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for child in children:
        parsed = parse_backup_name(child.name)
        if parsed is not None and child.is_file():
            found.append((child, parsed))
    found.sort(key=lambda item: (item[1].created_at, item[1].sequence, item[0].name), reverse=True)
    return found


@dataclass(frozen=True)
class BackupContents:
    entries: int | None  # None when the file cannot be read
    schema_version: int | None


def read_contents(path: Path) -> BackupContents:
    """How many entries a backup holds, read without writing (immutable, read-only)."""
    try:
        conn = connect_read_only(path, immutable=True)
    except cipher.sql_errors(DatabaseRefused):
        return BackupContents(None, None)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        count = int(
            conn.execute('SELECT count(*) FROM "entry" WHERE "deleted_at" IS NULL').fetchone()[0]
        )
        return BackupContents(count, version)
    except cipher.sql_errors():
        return BackupContents(None, None)
    finally:
        conn.close()


def verify_backup(path: Path, latest_version: int | None = None, *, full: bool = True) -> list[str]:
    """Why the file at ``path`` is not a good journal to restore (empty when it is):
    its header, ``integrity_check`` (``quick_check`` unless ``full``) and the checksums."""
    try:
        state = read_file_state(path)
    except DatabaseRefused as exc:
        return [str(exc)]
    if not state.exists:
        return [f"{path} does not exist"]
    if not state.encrypted and state.application_id != APPLICATION_ID:
        return [f"{path.name} is not a Self-Study Journal database"]
    if latest_version is not None and state.user_version > latest_version:
        return [f"{path.name} was written by a newer version (schema {state.user_version})"]
    try:
        conn = connect_read_only(path, immutable=True)
    except cipher.sql_errors(DatabaseRefused) as exc:  # encrypted and locked
        return [str(exc)]
    try:
        if state.encrypted:  # its header is encrypted: ask SQLCipher
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if app_id != APPLICATION_ID:
                return [f"{path.name} is not a Self-Study Journal database"]
            if latest_version is not None and version > latest_version:
                return [f"{path.name} was written by a newer version (schema {version})"]
        problems = run_check(conn, full=full)
        if not problems:
            problems = checksums.describe(checksums.verify(conn))
        return problems
    except cipher.sql_errors() as exc:
        return [str(exc)]
    finally:
        conn.close()


def newest_good_backup(folder: Path, latest_version: int | None = None) -> Path | None:
    """The newest backup that passes quick_check and the checksums (or None)."""
    if latest_version is None:
        latest_version = LATEST_VERSION
    for path, _name in backup_files(folder):
        if not verify_backup(path, latest_version, full=False):
            return path
    return None
