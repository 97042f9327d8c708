"""Suspend the search index's per-row triggers during a bulk import, rebuild it once.

The index (schema v2) is kept current by triggers on `entry` and `entry_tag`: fine for
one save, slow for ten thousand rows. Inside the import's transaction we drop those
triggers, and before it commits we put back exactly the SQL they were created with and
rebuild the index in one pass. DDL is transactional in SQLite: a failed import rolls the
triggers back along with the rows. SQLite-only, so it lives in `db/` with the rest of the
engine's specifics; services/transfer/bulk.py calls `index_suspended`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from peewee import SqliteDatabase

INDEX = "entry_fts"


def _engine(database: Any) -> Any:
    return getattr(database, "obj", database)


def index_triggers(database: Any) -> list[tuple[str, str]]:
    """(name, create SQL) of the triggers that write the search index per row."""
    cursor = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name IN ('entry', 'entry_tag') AND sql LIKE ? ORDER BY name",
        (f"%{INDEX}%",),
    )
    return [(name, sql) for name, sql in cursor.fetchall()]


def rebuild(database: Any) -> None:
    """Rebuild the whole index from the entries (one pass)."""
    database.execute_sql(f'INSERT INTO "{INDEX}"("{INDEX}") VALUES (\'rebuild\')')


@contextlib.contextmanager
def index_suspended(database: Any, *, suspend: bool = True) -> Iterator[None]:
    """Call inside a transaction. Rows written in the block are indexed once, at the end;
    when the block raises, the caller's rollback restores the triggers."""
    if not suspend or not isinstance(_engine(database), SqliteDatabase):
        yield
        return
    triggers = index_triggers(database)
    for name, _sql in triggers:
        database.execute_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        database.execute_sql(sql)
    rebuild(database)
