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

from journal_app.db.models import (
    Category,
    DayLog,
    Entry,
    EntryTag,
    Output,
    PersonalWord,
    Resource,
    Skill,
    Sprint,
    Tag,
    TagColor,
    Task,
    TaskCheckItem,
    TaskLink,
    TaskTag,
    Template,
    WorkSession,
)
from journal_app.services.tracking import outputs, resources

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


def _flag(value: Any) -> Any:
    if not isinstance(value, bool):
        raise BadValue("not true or false")
    return value


def _between(low: int, high: int) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise BadValue(f"not a whole number from {low} to {high}")
        return value

    return check


RANK = re.compile(r"^[0-9A-Za-z]{0,199}[1-9A-Za-z]$")  # board.py's keys: no trailing "0"
COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _rank(value: Any) -> Any:
    if not isinstance(value, str) or not RANK.match(value):
        raise BadValue("not a board rank")
    return value


def _color(value: Any) -> Any:
    if not isinstance(value, str) or not COLOR.match(value):
        raise BadValue("not a colour")
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
    # Schema v10 (docs/SYNC.md "More tables"):
    key: str = "id"  # the local key column (what sync_dirty's row_key holds)
    # The id of a row made independently on two devices that must be one row (a day's
    # log, a word, a tag's colour): from its values (refs as uids); None: a random one.
    derive: Callable[[dict[str, Any]], str | None] | None = None
    # Column sets finding that row when made here too (a name, a day, a word).
    natural: tuple[tuple[str, ...], ...] = ()
    needs: tuple[tuple[str, ...], ...] = ()  # a row exists only with one of each set
    hold: Callable[[Any], bool] | None = None  # a row not sent while this says so
    gone: bool = True  # a delete travels as the "gone" register (entries: "purged")
    tags: Any = None  # its link model to tags (EntryTag, TaskTag): "tag:<uid>" registers


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


def _derived(table: str, *columns: str) -> Callable[[dict[str, Any]], str | None]:
    """The id from the values of ``columns`` (refs as uids): one row per value."""

    def derive(values: dict[str, Any]) -> str | None:
        parts = [values.get(c) for c in columns]
        if any(p is None for p in parts):
            return None
        return uuid.uuid5(NAMESPACE, f"{table}:" + ":".join(str(p) for p in parts)).hex

    return derive


def _template_uid(values: dict[str, Any]) -> str | None:
    """A built-in template is one row everywhere, renamed or not; others by name."""
    if values.get("builtin_key") is not None:
        return uuid.uuid5(NAMESPACE, f"template:builtin:{values['builtin_key']}").hex
    return name_uid("template", values["name"])


def _uid(value: Any) -> Any:
    return check_uid(value)


_SHORT = _text(1000)
_LINK_TARGETS = ("entry_id", "resource_id")
MORE_TABLES = (
    TableSpec(
        "resource",
        Resource,
        {
            "title": _SHORT,
            "kind": _one_of(*resources.KINDS),
            "url": _text(10_000),
            "status": _one_of(*resources.STATUSES),
            "progress": _number,
            "notes": _text(),
            "skill_id": _optional(lambda v: check_uid(v)),
            "created_at": _instant,
        },
        ("title",),
        refs={"skill_id": "skill"},
    ),
    TableSpec(
        "task",
        Task,
        {
            "title": _SHORT,
            "notes": _text(),
            "sprint_id": _optional(lambda v: check_uid(v)),
            "status": _one_of("todo", "doing", "done"),
            "rank": _optional(_rank),
            "estimate_hours": _optional(_number),
            "skill_id": _optional(lambda v: check_uid(v)),
            "resource_id": _optional(lambda v: check_uid(v)),
            "done_at": _optional(_instant),
            "created_at": _instant,
            "due": _optional(_date),
            "priority": _between(0, 3),
        },
        ("title", "status"),
        refs={"sprint_id": "sprint", "skill_id": "skill", "resource_id": "resource"},
        tags=TaskTag,
    ),
    TableSpec(
        "task_check_item",
        TaskCheckItem,
        {"task_id": _uid, "text": _SHORT, "done": _flag, "position": _position},
        ("task_id", "text"),
        refs={"task_id": "task"},
        needs=(("task_id",),),
    ),
    TableSpec(
        "task_link",
        TaskLink,
        {
            "task_id": _uid,
            "entry_id": _optional(lambda v: check_uid(v)),
            "resource_id": _optional(lambda v: check_uid(v)),
        },
        ("task_id", *_LINK_TARGETS),
        refs={"task_id": "task", "entry_id": "entry", "resource_id": "resource"},
        # One link per target (the v7 unique index): linking on two devices makes one.
        derive=lambda v: _derived("task_link", "task_id", "t")(
            {"task_id": v["task_id"], "t": v.get("entry_id") or v.get("resource_id")}
        ),
        natural=(("task_id", *_LINK_TARGETS),),
        needs=(("task_id",), _LINK_TARGETS),
    ),
    TableSpec(
        "tag_color",
        TagColor,
        {"tag_id": _uid, "color": _color},
        ("tag_id", "color"),
        refs={"tag_id": "tag"},
        key="tag_id",
        derive=_derived("tag_color", "tag_id"),
        natural=(("tag_id",),),
        needs=(("tag_id",),),
    ),
    TableSpec(
        "work_session",
        WorkSession,
        {
            "start": _instant,
            "end": _instant,
            "category_id": _optional(lambda v: check_uid(v)),
            "skill_id": _optional(lambda v: check_uid(v)),
            "resource_id": _optional(lambda v: check_uid(v)),
            "task_id": _optional(lambda v: check_uid(v)),
            "note": _text(),
            "source": _one_of("timer", "manual"),
        },
        ("start", "end"),
        refs={
            "category_id": "category",
            "skill_id": "skill",
            "resource_id": "resource",
            "task_id": "task",
        },
        hold=lambda row: row.end is None,  # a running timer's stays here until stopped
    ),
    TableSpec(
        "day_log",
        DayLog,
        {
            "day": _date,
            "sleep_start": _optional(_instant),
            "sleep_end": _optional(_instant),
            "sleep_hours": _optional(_number),
            "sleep_quality": _optional(_between(1, 5)),
            "energy": _optional(_between(1, 5)),
            "note": _text(),
        },
        ("day",),
        derive=_derived("day_log", "day"),  # one log per day, whoever wrote it
        natural=(("day",),),
    ),
    TableSpec(
        "output",
        Output,
        {
            "kind": _one_of(*outputs.KINDS),
            "title": _SHORT,
            "status": _one_of(*outputs.STATUSES),
            "url": _text(10_000),
            "words": _optional(_whole),
            "day": _date,
            "entry_id": _optional(lambda v: check_uid(v)),
            "sprint_id": _optional(lambda v: check_uid(v)),
            "skill_id": _optional(lambda v: check_uid(v)),
            "created_at": _instant,
        },
        ("kind", "title", "day"),
        refs={"entry_id": "entry", "sprint_id": "sprint", "skill_id": "skill"},
    ),
    TableSpec(
        "template",
        Template,
        {
            "name": _SHORT,
            "title": _text(),
            "body": _text(),
            "builtin": _flag,
            "builtin_key": _optional(_text(100)),
            "position": _position,
            "created_at": _instant,
            "updated_at": _instant,
        },
        ("name",),
        by_name=True,
        derive=_template_uid,
        natural=(("builtin_key",), ("name",)),
    ),
    TableSpec(
        "personal_word",
        PersonalWord,
        {"word": _text(200), "created_at": _instant},
        ("word",),
        key="word",
        derive=_derived("personal_word", "word"),
        natural=(("word",),),
    ),
)

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
        TableSpec(
            "entry",
            Entry,
            ENTRY_FIELDS,
            ("day",),
            refs={"sprint_id": "sprint"},
            gone=False,
            tags=EntryTag,
        ),
        *MORE_TABLES,
    )
}
# Tables in the order rows are exported and made: what others point to first.
ORDER = (
    "skill",
    "category",
    "tag",
    "sprint",
    "entry",
    "resource",
    "task",
    "task_check_item",
    "task_link",
    "tag_color",
    "work_session",
    "day_log",
    "output",
    "template",
    "personal_word",
)


def check_uid(value: object) -> str:
    if not isinstance(value, str) or not UID.match(value):
        raise BadValue("not a global id")
    return value


def key_of(row: Any) -> Any:
    """A row's local key as stored (a reference's id, not its row)."""
    return row.__data__[type(row)._meta.primary_key.name]


def local_key(spec: TableSpec, key: str) -> Any:
    """A sync_dirty row_key as the key column's value (most are integer ids)."""
    return key if spec.key == "word" else int(key)


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
