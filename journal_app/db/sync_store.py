"""The sync bookkeeping tables (schema v9) read and written with fixed SQL: applying a
joining journal touches them tens of thousands of times, and building each statement
with peewee cost ~1 ms (services/sync/registers.py is the only caller)."""

from __future__ import annotations

from typing import Any

from journal_app.db.models import database_proxy


def _db() -> Any:
    return database_proxy


def fields(tbl: str, uid: str) -> list[tuple[str, str, str]]:
    """(field, value as JSON, stamp) of every register of one row."""
    cursor = _db().execute_sql(
        'SELECT "field", "value", "stamp" FROM "sync_field" WHERE "tbl" = ? AND "uid" = ?',
        (tbl, uid),
    )
    return list(cursor.fetchall())


def put_field(tbl: str, uid: str, field: str, value: str, stamp: str) -> None:
    _db().execute_sql(
        'INSERT OR REPLACE INTO "sync_field" ("tbl", "uid", "field", "value", "stamp") '
        "VALUES (?, ?, ?, ?, ?)",
        (tbl, uid, field, value, stamp),
    )


def text_state(uid: str, gen: str) -> bytes | None:
    row = (
        _db()
        .execute_sql('SELECT "state" FROM "sync_text" WHERE "uid" = ? AND "gen" = ?', (uid, gen))
        .fetchone()
    )
    return None if row is None else bytes(row[0])


def put_text(uid: str, gen: str, state: bytes) -> None:
    _db().execute_sql(
        'INSERT OR REPLACE INTO "sync_text" ("uid", "gen", "state") VALUES (?, ?, ?)',
        (uid, gen, state),
    )
