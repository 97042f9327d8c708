"""Open a journal database: refuse what is not ours, apply pragmas, migrate."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from journal_app.db import migrations
from journal_app.db.file_check import check_ours, read_file_state
from journal_app.db.models import database_proxy
from journal_app.errors import DatabaseRefused

# synchronous=NORMAL with WAL is crash-safe (only the last commits can be lost on power
# failure); backups use FULL durability through fsync in db.snapshot.
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": 1,
}


@dataclass
class OpenedDatabase:
    db: SqliteDatabase
    path: Path
    schema_version: int
    migrated: list[int]

    def close(self) -> None:
        if not self.db.is_closed():
            # SQLite's advice for every connection: keeps the planner's statistics
            # current (e.g. so "newest entries" walks the day index instead of sorting).
            with contextlib.suppress(PeeweeDatabaseError, sqlite3.Error):
                self.db.execute_sql("PRAGMA optimize")
            self.db.close()
        if database_proxy.obj is self.db:
            database_proxy.initialize(None)


def open_database(path: Path, backups_dir: Path, *, create: bool = True) -> OpenedDatabase:
    """Open (and on first run create) the journal at `path`, migrating it to the latest
    schema. Raises DatabaseRefused without writing a byte when the file is not ours."""
    latest = migrations.LATEST_VERSION
    state = read_file_state(path)
    check_ours(path, state, latest)
    if not state.exists and not create:
        raise DatabaseRefused(f"there is no journal at {path}")
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        # The header may lag behind a WAL file; ask SQLite too before any write.
        version = migrations.schema_version(db)
        if version > latest:
            check_ours(path, state.__class__(True, version, state.application_id, 1), latest)
        applied = migrations.migrate(db, backups_dir)
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as exc:
        db.close()
        raise DatabaseRefused(f"{path} cannot be opened as a journal: {exc}") from None
    except BaseException:
        db.close()
        raise
    database_proxy.initialize(db)
    return OpenedDatabase(db, path, migrations.schema_version(db), applied)
