"""The journal's tables as plain rows, read through the database's own catalogue (so a
table a later schema adds travels too), in an order that respects foreign keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journal_app.db.models import Entry


def database() -> Any:
    return Entry._meta.database


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: list[str]
    primary_key: list[str]
    references: dict[str, str]  # column -> table it points to


# Derived data, written by the database itself (triggers) from the rows: never
# exported, rebuilt when rows are imported. The search index and its shadow tables
# ("*_fts*") are derived too.
DERIVED_TABLES = frozenset({"entry_checksum", "row_checksum"})


def is_derived(name: str) -> bool:
    # "sync_*" (schema v9) is this device's sync bookkeeping — its device id, clock and
    # what it applied: a copy made from an export must not carry on as the same device.
    return name.startswith(("sqlite_", "sync_")) or "_fts" in name or name in DERIVED_TABLES


def _is_data_table(name: str) -> bool:
    return not is_derived(name)


def journal_tables() -> list[TableInfo]:
    """Every table holding data, parents before the tables that refer to them."""
    db = database()
    infos: dict[str, TableInfo] = {}
    for name in db.get_tables():
        if not _is_data_table(name):
            continue
        infos[name] = TableInfo(
            name=name,
            columns=[c.name for c in db.get_columns(name)],
            primary_key=list(db.get_primary_keys(name)),
            references={fk.column: fk.dest_table for fk in db.get_foreign_keys(name)},
        )
    ordered: list[TableInfo] = []
    placed: set[str] = set()

    def place(name: str, seen: tuple[str, ...] = ()) -> None:
        if name in placed or name not in infos or name in seen:
            return
        for parent in infos[name].references.values():
            if parent != name:
                place(parent, (*seen, name))
        placed.add(name)
        ordered.append(infos[name])

    for name in sorted(infos):
        place(name)
    return ordered


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_rows(table: TableInfo) -> list[list[Any]]:
    """Every row as stored (no conversion: dates stay the text SQLite holds)."""
    order = table.primary_key or table.columns
    sql = (
        f"SELECT {', '.join(quote(c) for c in table.columns)} FROM {quote(table.name)} "
        f"ORDER BY {', '.join(quote(c) for c in order)}"
    )
    return [list(row) for row in database().execute_sql(sql).fetchall()]


def insert_row(table: str, values: dict[str, Any]) -> int:
    """Insert one row of raw values; the new rowid."""
    columns = list(values)
    sql = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    cursor = database().execute_sql(sql, [values[c] for c in columns])
    return int(cursor.lastrowid or 0)


def insert_rows(table: str, columns: list[str], rows: list[list[Any]]) -> None:
    if not rows:
        return
    sql = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    cursor = database().cursor()
    cursor.executemany(sql, rows)


def delete_all(table: str) -> None:
    database().execute_sql(f"DELETE FROM {quote(table)}")


def find_row(table: str, key: dict[str, Any], column: str) -> Any | None:
    """`column` of the first row whose key columns equal `key` (NULL matches NULL)."""
    where = " AND ".join(f"{quote(c)} IS ?" for c in key)
    sql = f"SELECT {quote(column)} FROM {quote(table)} WHERE {where} LIMIT 1"
    row = database().execute_sql(sql, list(key.values())).fetchone()
    return None if row is None else row[0]


def count_rows(table: str) -> int:
    return int(database().execute_sql(f"SELECT COUNT(*) FROM {quote(table)}").fetchone()[0])
