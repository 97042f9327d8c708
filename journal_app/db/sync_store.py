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


CHUNK = 500  # ids in one IN (...): well under SQLite's limit of bound parameters


def fields_of(tbl: str, uids: list[str]) -> list[tuple[str, str, str, str]]:
    """(uid, field, value, stamp) of every register of these rows, in few queries."""
    found: list[tuple[str, str, str, str]] = []
    for start in range(0, len(uids), CHUNK):
        chunk = uids[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        cursor = _db().execute_sql(
            'SELECT "uid", "field", "value", "stamp" FROM "sync_field" '
            f'WHERE "tbl" = ? AND "uid" IN ({marks})',
            (tbl, *chunk),
        )
        found.extend(cursor.fetchall())
    return found


def put_fields(rows: list[tuple[str, str, str, str, str]]) -> None:
    """(tbl, uid, field, value, stamp) written in one executemany."""
    if rows:
        _db().cursor().executemany(
            'INSERT OR REPLACE INTO "sync_field" ("tbl", "uid", "field", "value", "stamp") '
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )


def texts_of(keys: list[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
    """The Yjs states of these (uid, gen), in few queries."""
    found: dict[tuple[str, str], bytes] = {}
    wanted = set(keys)
    uids = sorted({uid for uid, _ in keys})
    for start in range(0, len(uids), CHUNK):
        chunk = uids[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        cursor = _db().execute_sql(
            f'SELECT "uid", "gen", "state" FROM "sync_text" WHERE "uid" IN ({marks})', chunk
        )
        for uid, gen, state in cursor.fetchall():
            if (uid, gen) in wanted:
                found[(uid, gen)] = bytes(state)
    return found


def put_texts(rows: list[tuple[str, str, bytes]]) -> None:
    """(uid, gen, state) written in one executemany."""
    if rows:
        _db().cursor().executemany(
            'INSERT OR REPLACE INTO "sync_text" ("uid", "gen", "state") VALUES (?, ?, ?)', rows
        )


def unmark(keys: list[tuple[str, str]]) -> None:
    """Forget these (table, row key) marks of sync_dirty, in one executemany."""
    if keys:
        _db().cursor().executemany(
            'DELETE FROM "sync_dirty" WHERE "tbl" = ? AND "row_key" = ?', keys
        )
