"""Rows of synced tables written with SQL text built once per set of columns: a joining
device makes thousands of rows, and peewee building each INSERT cost more than SQLite
running it (services/sync/engine.py is the caller). Values go through each field's
``db_value`` and missing fields get the model's defaults, as peewee's own insert does."""

from __future__ import annotations

from typing import Any

from journal_app.db.models import database_proxy

_SQL: dict[tuple[str, str, tuple[str, ...]], str] = {}


def _sql(kind: str, table: str, columns: tuple[str, ...]) -> str:
    key = (kind, table, columns)
    sql = _SQL.get(key)
    if sql is None:
        quoted = [f'"{c}"' for c in columns]
        if kind == "insert":
            marks = ", ".join("?" * len(columns))
            sql = f'INSERT INTO "{table}" ({", ".join(quoted)}) VALUES ({marks})'
        else:
            sets = ", ".join(f"{q} = ?" for q in quoted)
            sql = f'UPDATE "{table}" SET {sets} WHERE "id" = ?'
        _SQL[key] = sql
    return sql


def _columns(model: Any, values: dict[str, Any]) -> tuple[tuple[str, ...], list[Any]]:
    fields = model._meta.fields
    names = tuple(fields[name].column_name for name in values)
    return names, [fields[name].db_value(value) for name, value in values.items()]


def insert(model: Any, values: dict[str, Any]) -> int:
    """Insert one row (model field names → values); its new id."""
    full = {**model._meta.get_default_dict(), **values}
    columns, params = _columns(model, full)
    cursor = database_proxy.execute_sql(_sql("insert", model._meta.table_name, columns), params)
    return int(cursor.lastrowid)


def update(model: Any, row_id: int, values: dict[str, Any]) -> None:
    """Set these fields of the row ``row_id`` (its primary key is "id")."""
    columns, params = _columns(model, values)
    database_proxy.execute_sql(_sql("update", model._meta.table_name, columns), [*params, row_id])


def insert_ignore_many(table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Many rows of plain values in one executemany; existing ones are left as they are."""
    if rows:
        sql = "INSERT OR IGNORE" + _sql("insert", table, columns)[len("INSERT") :]
        database_proxy.cursor().executemany(sql, rows)
