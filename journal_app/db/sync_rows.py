"""Rows of synced tables written with SQL text built once per set of columns: a joining
device makes thousands of rows, and peewee building each INSERT cost more than SQLite
running it (services/sync/engine.py is the caller). Values go through each field's
``db_value`` and missing fields get the model's defaults, as peewee's own insert does."""

from __future__ import annotations

from typing import Any

from journal_app.db.models import database_proxy

_SQL: dict[tuple[str, str, tuple[str, ...]], str] = {}


def _sql(kind: str, table: str, columns: tuple[str, ...], key_column: str = "id") -> str:
    key = (kind, table, (*columns, key_column))
    sql = _SQL.get(key)
    if sql is None:
        quoted = [f'"{c}"' for c in columns]
        if kind == "insert":
            marks = ", ".join("?" * len(columns))
            sql = f'INSERT INTO "{table}" ({", ".join(quoted)}) VALUES ({marks})'
        else:
            sets = ", ".join(f"{q} = ?" for q in quoted)
            sql = f'UPDATE "{table}" SET {sets} WHERE "{key_column}" = ?'
        _SQL[key] = sql
    return sql


def _columns(model: Any, values: dict[str, Any]) -> tuple[tuple[str, ...], list[Any]]:
    fields = model._meta.fields
    names = tuple(fields[name].column_name for name in values)
    return names, [fields[name].db_value(value) for name, value in values.items()]


def insert(model: Any, values: dict[str, Any]) -> Any:
    """Insert one row (model field names → values); its key (the new id, or the primary
    key given in ``values``: a word, a tag's id)."""
    full = {**model._meta.get_default_dict(), **values}
    columns, params = _columns(model, full)
    cursor = database_proxy.execute_sql(_sql("insert", model._meta.table_name, columns), params)
    pk = model._meta.primary_key
    return values[pk.name] if pk.name in values else int(cursor.lastrowid)


def update(model: Any, key: Any, values: dict[str, Any]) -> None:
    """Set these fields of the row whose primary key is ``key``."""
    columns, params = _columns(model, values)
    pk = model._meta.primary_key
    sql = _sql("update", model._meta.table_name, columns, pk.column_name)
    database_proxy.execute_sql(sql, [*params, pk.db_value(key)])


def insert_ignore_many(table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Many rows of plain values in one executemany; existing ones are left as they are."""
    if rows:
        sql = "INSERT OR IGNORE" + _sql("insert", table, columns)[len("INSERT") :]
        database_proxy.cursor().executemany(sql, rows)
