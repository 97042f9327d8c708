"""Injectable time: services never call datetime.now() directly, so tests control it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    """Aware UTC now."""
    return dt.datetime.now(dt.UTC)


def to_storage(instant: dt.datetime) -> dt.datetime:
    """Aware instant -> naive UTC (the database convention)."""
    if instant.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware instant")
    return instant.astimezone(dt.UTC).replace(tzinfo=None)


def from_storage(value: dt.datetime) -> dt.datetime:
    """Naive UTC from the database -> aware UTC."""
    return value.replace(tzinfo=dt.UTC)
