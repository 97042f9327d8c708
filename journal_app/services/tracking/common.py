"""Small checks and helpers shared by the tracking services."""

from __future__ import annotations

import math
from typing import Any

from peewee import SqliteDatabase

from journal_app.db.models import BaseModel, Setting
from journal_app.errors import InvalidInput
from journal_app.services.common import clean_text

__all__ = [
    "MAX_NAME",
    "atomic_write",
    "check_hours",
    "check_name",
    "check_number",
    "check_rating",
    "check_url",
    "put_setting",
]

MAX_NAME = 200


def atomic_write() -> Any:
    """A transaction that takes the write lock at once, for read-then-write changes that
    another process may race (the GUI's timer heartbeat vs `journal-app timer stop`): a
    deferred SQLite transaction that read before the other process committed could not
    write afterwards ("database is locked"); this one makes the other wait instead."""
    database: Any = BaseModel._meta.database
    engine = getattr(database, "obj", database)
    if isinstance(engine, SqliteDatabase):
        return database.atomic(lock_type="IMMEDIATE")
    return database.atomic()


def check_name(value: object, what: str) -> str:
    """A one-line, non-empty name of at most MAX_NAME characters."""
    text = clean_text(value, what).strip()
    if not text:
        raise InvalidInput(f"{what} cannot be empty")
    if "\n" in text or "\r" in text:
        raise InvalidInput(f"{what} is one line")
    if len(text) > MAX_NAME:
        raise InvalidInput(f"{what} has at most {MAX_NAME} characters")
    return text


def check_number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInput(f"{what} must be a number, not {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise InvalidInput(f"{what} must be a number, not {value!r}")
    return number


def check_hours(value: object, what: str, *, low: float = 0.0, high: float = 1e6) -> float:
    hours = check_number(value, what)
    if hours < low:
        raise InvalidInput(f"{what} cannot be negative" if low == 0 else f"{what} is below {low}")
    if hours > high:
        raise InvalidInput(f"{what} cannot be more than {high:g} hours")
    return hours


def check_rating(value: object, what: str) -> int | None:
    """None or a whole number from 1 to 5."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput(f"{what} is a whole number from 1 to 5, not {value!r}")
    return value


def check_url(value: object, what: str = "the URL") -> str:
    """Empty, or an http(s) address: links open only on the web."""
    text = clean_text(value, what).strip()
    if not text:
        return ""
    if any(ch.isspace() for ch in text):
        raise InvalidInput(f"{what} cannot contain spaces")
    lowered = text.lower()
    if not lowered.startswith(("http://", "https://")) or len(text) <= len("https://"):
        raise InvalidInput(f"{what} must start with http:// or https://")
    return text


def put_setting(key: str, value: str) -> None:
    """Insert or replace one row of the `setting` table (portable upsert)."""
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()
