"""Numbered schema migrations, after vorta's store/migrations.py.

The schema version lives in `PRAGMA user_version`. Each step runs in one transaction
together with its version bump, after a backup copy of an existing journal, so a failed
step leaves the journal exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from peewee import SqliteDatabase

from journal_app.db import checksums
from journal_app.db.file_check import APPLICATION_ID
from journal_app.db.snapshot import snapshot


def split_sql(script: str) -> list[str]:
    """Split a script into statements; trigger bodies keep their inner semicolons."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer[:80]!r}")
    return statements


def _run_script(db: SqliteDatabase, name: str) -> None:
    # lazy: only a new or old journal needs the scripts
    from importlib import resources

    script = resources.files("journal_app.db").joinpath(name).read_text(encoding="utf-8")
    for statement in split_sql(script):
        db.execute_sql(statement)


def _m001_initial_schema(db: SqliteDatabase) -> None:
    _run_script(db, "schema_v1.sql")
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def _m002_full_text_search(db: SqliteDatabase) -> None:
    _run_script(db, "schema_v2.sql")


def _m003_templates(db: SqliteDatabase) -> None:
    _run_script(db, "schema_v3.sql")


def _m004_task_tags(db: SqliteDatabase) -> None:
    _run_script(db, "schema_v4.sql")


def _m005_entry_checksums(db: SqliteDatabase) -> None:
    # The triggers call it: this connection needs it even when not opened by the app
    # (tests/fixtures/make_schema_fixtures.py).
    checksums.register(db.connection())
    _run_script(db, "schema_v5.sql")


def _m006_row_checksums(db: SqliteDatabase) -> None:
    checksums.register(db.connection())  # as for v5
    _run_script(db, "schema_v6.sql")


def _m007_board_cards(db: SqliteDatabase) -> None:
    checksums.register(db.connection())  # as for v5
    _run_script(db, "schema_v7.sql")


def _m008_personal_dictionary(db: SqliteDatabase) -> None:
    checksums.register(db.connection())  # as for v5
    _run_script(db, "schema_v8.sql")


def _m009_sync(db: SqliteDatabase) -> None:
    checksums.register(db.connection())  # as for v5
    _run_script(db, "schema_v9.sql")


def _m010_more_sync(db: SqliteDatabase) -> None:
    checksums.register(db.connection())  # as for v5
    _run_script(db, "schema_v10.sql")


MIGRATIONS: dict[int, Callable[[SqliteDatabase], None]] = {
    1: _m001_initial_schema,
    2: _m002_full_text_search,
    3: _m003_templates,
    4: _m004_task_tags,
    5: _m005_entry_checksums,
    6: _m006_row_checksums,
    7: _m007_board_cards,
    8: _m008_personal_dictionary,
    9: _m009_sync,
    10: _m010_more_sync,
}
LATEST_VERSION = max(MIGRATIONS)


def schema_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(
    db: SqliteDatabase,
    backups_dir: Path,
    *,
    target: int = LATEST_VERSION,
    now: Callable[[], dt.datetime] | None = None,
) -> list[int]:
    """Bring the schema to `target`; return the versions applied.

    A journal that already holds data is copied to `backups_dir` first.
    """
    current = schema_version(db)
    pending = [v for v in sorted(MIGRATIONS) if current < v <= target]
    if not pending:
        return []
    if current > 0:
        stamp = (now or dt.datetime.now)().strftime("%Y%m%d-%H%M%S")
        name = f"pre-migration-v{current}-to-v{pending[-1]}-{stamp}.sqlite3"
        snapshot(db.connection(), backups_dir / name, unique=True)
    for version in pending:
        with db.atomic():  # IMMEDIATE: another process migrating the same journal waits
            if schema_version(db) >= version:
                continue  # ...and then finds this step done
            MIGRATIONS[version](db)
            db.execute_sql(f"PRAGMA user_version = {version}")
    return pending
