"""What travels: the synced tables, their fields, how each value is checked, and how a
row gets its global id.

A change names a table and a field from these lists only; anything else (a foreign
table, an unknown field, a value of the wrong kind) is refused with a message and its
segment is not applied.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from journal_app.db.models import Category, Entry, Skill, Sprint, Tag

# The namespace of the ids derived from names: the same name gives the same id everywhere.
NAMESPACE = uuid.UUID("5d6c2a7e-51f0-4c1b-9a55-0f3c8e7d1b42")
UID = re.compile(r"^[0-9a-f]{32}$")
MAX_TEXT = 10_000_000  # characters of one text value
REVIEW_TAG = "sprint-review"  # as services.planning.closing writes it


class BadValue(ValueError):
    pass


def _text(limit: int = MAX_TEXT) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if not isinstance(value, str) or len(value) > limit:
            raise BadValue("not a text")
        return value

    return check


def _optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else check(value)


def _date(value: Any) -> Any:
    if not isinstance(value, str) or len(value) != 10:
        raise BadValue("not a date")
    dt.date.fromisoformat(value)
    return value


def _instant(value: Any) -> Any:
    if not isinstance(value, str) or len(value) > 32:
        raise BadValue("not an instant")
    dt.datetime.fromisoformat(value)
    return value


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadValue("not a number")
    if not -1e12 < value < 1e12:
        raise BadValue("out of range")
    return float(value)


def _whole(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10**9:
        raise BadValue("not a whole number")
    return value


def _position(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**62:
        raise BadValue("not a position")
    return value


def _one_of(*choices: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value not in choices:
            raise BadValue(f"not one of {', '.join(choices)}")
        return value

    return check


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: Any  # a peewee model with a `uid` column (mypy cannot see it on BaseModel)
    fields: dict[str, Callable[[Any], Any]]  # column → check of a received value
    required: tuple[str, ...]  # a row is made only once these are known
    by_name: bool = False  # id derived from the name
    refs: dict[str, str] = field(default_factory=dict)  # column → table it points to


ENTRY_FIELDS: dict[str, Callable[[Any], Any]] = {
    "day": _date,
    "title": _text(),
    "series": _optional(_text(1000)),
    "number": _optional(_whole),
    "visibility": _one_of("private", "public"),
    "published_url": _text(10_000),
    "created_at": _instant,
    "sprint_id": _optional(lambda v: check_uid(v)),
}

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "skill",
            Skill,
            {
                "name": _text(1000),
                "target_hours": _number,
                "baseline_hours": _number,
                "created_at": _instant,
            },
            ("name",),
            by_name=True,
        ),
        TableSpec(
            "category",
            Category,
            {
                "name": _text(1000),
                "side": _one_of("production", "consumption"),
                "position": _position,
            },
            ("name", "side"),
            by_name=True,
        ),
        TableSpec("tag", Tag, {"name": _text(1000)}, ("name",), by_name=True),
        TableSpec(
            "sprint",
            Sprint,
            {
                "name": _text(1000),
                "goal": _text(),
                "career_goal": _text(),
                "start": _date,
                "end": _date,
                "capacity_hours": _optional(_number),
                "status": _one_of("planned", "active", "closed"),
                "created_at": _instant,
            },
            ("name", "start", "end"),
        ),
        # Besides these: "body" (a CRDT), "deleted_at" (the trash rule) and "tag:<uid>"
        # (one member of the set of tags) — see engine.py.
        TableSpec("entry", Entry, ENTRY_FIELDS, ("day",), refs={"sprint_id": "sprint"}),
    )
}
# Tables in the order rows are exported and made: what others point to first.
ORDER = ("skill", "category", "tag", "sprint", "entry")


def check_uid(value: object) -> str:
    if not isinstance(value, str) or not UID.match(value):
        raise BadValue("not a global id")
    return value


def name_uid(table: str, name: str) -> str:
    """The id of a row made by name: two devices creating "Machine learning" make one."""
    return uuid.uuid5(NAMESPACE, f"{table}:{name}").hex


def review_uid(sprint_uid: str) -> str:
    """The id of a sprint's review entry: closing the sprint on two devices makes one."""
    return uuid.uuid5(NAMESPACE, f"sprint-review:{sprint_uid}").hex


def random_uid() -> str:
    return uuid.uuid4().hex


def encode(value: Any) -> Any:
    """A column's value as JSON: dates and instants as the ISO text SQLite holds."""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return value  # JSON keeps 2.0 as 2.0 with json.dumps
    return value
