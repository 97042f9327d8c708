"""Helpers every service shares: the "not passed" marker, storable text, one transaction,
and fetching a row by id with a one-line message when it is gone."""

from __future__ import annotations

import enum
from typing import Any, TypeVar

from journal_app.db.models import BaseModel
from journal_app.errors import InvalidInput

__all__ = ["UNSET", "Unset", "atomic", "clean_text", "get_row"]

M = TypeVar("M", bound=BaseModel)


class Unset(enum.Enum):
    """Marks an argument that was not passed (None is a real value for several fields)."""

    UNSET = enum.auto()

    def __repr__(self) -> str:
        return "UNSET"


UNSET = Unset.UNSET


def clean_text(value: object, what: str = "text") -> str:
    """The text as typed, storable: SQLite cannot store lone UTF-16 surrogates (they arrive
    from some clipboards), so each one becomes U+FFFD; a valid pair is joined first."""
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be text, not {type(value).__name__}")
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # Round-trip through UTF-16 joins surrogate pairs and replaces lone ones.
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value


def atomic() -> Any:
    """One transaction for a multi-row change."""
    return BaseModel._meta.database.atomic()


def get_row(model: type[M], row_id: object, what: str) -> M:
    """The row of `model` with this id, else one line: "there is no <what> <id>"."""
    if isinstance(row_id, bool) or not isinstance(row_id, int):
        raise InvalidInput(f"there is no {what} {row_id!r}")
    row = model.get_or_none(model._meta.primary_key == row_id)
    if row is None:
        raise InvalidInput(f"there is no {what} {row_id}")
    return row
