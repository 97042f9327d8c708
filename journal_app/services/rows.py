"""Helpers every service uses on query results and on references to other rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from journal_app.db.models import BaseModel
from journal_app.errors import InvalidInput


def rows(query: Any) -> list[Any]:
    """Rows of a `.tuples()`/`.namedtuples()` query (the stubs only know model rows)."""
    return list(cast(Iterable[Any], query))


def check_ref(model: type[BaseModel], value: object) -> int | None:
    """None, or the id of an existing row of `model` (else one line: "there is no …")."""
    if value is None:
        return None
    name = model.__name__.lower()
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"there is no {name} {value!r}")
    key = model._meta.primary_key
    if not model.select(key).where(key == value).exists():
        raise InvalidInput(f"there is no {name} {value}")
    return value
