"""Sprints: read, create, change, delete. Dates, names and capacity are checked here
(services.planning.rules); closing lives in services.planning.closing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN, Case, fn

from journal_app.db.models import Sprint, Task
from journal_app.errors import InvalidInput
from journal_app.services.common import UNSET, Unset, atomic
from journal_app.services.planning.data import SprintData, SprintOverview
from journal_app.services.planning.rules import (
    check_capacity,
    check_span,
    check_sprint_name,
    check_sprint_status,
    check_text,
)
from journal_app.services.rows import rows
from journal_app.services.tracking.timeutil import to_storage

_FIELDS = (
    Sprint.id,
    Sprint.name,
    Sprint.goal,
    Sprint.career_goal,
    Sprint.start,
    Sprint.end,
    Sprint.capacity_hours,
    Sprint.status,
)


def sprint_data(row: Any) -> SprintData:
    """From a row of `_FIELDS` (a tuple)."""
    sid, name, goal, career, start, end, capacity, status = row
    return SprintData(
        sid, name, goal, career, start, end, None if capacity is None else float(capacity), status
    )


def get_sprint(sprint_id: object) -> SprintData:
    if isinstance(sprint_id, bool) or not isinstance(sprint_id, int):
        raise InvalidInput(f"there is no sprint {sprint_id!r}")
    found = rows(Sprint.select(*_FIELDS).where(Sprint.id == sprint_id).tuples())
    if not found:
        raise InvalidInput(f"there is no sprint {sprint_id}")
    return sprint_data(found[0])


def find_sprints(*where: Any, order: tuple[Any, ...] = ()) -> list[SprintData]:
    query = Sprint.select(*_FIELDS)
    if where:
        query = query.where(*where)
    query = query.order_by(*(order or (Sprint.start.desc(), Sprint.id.desc())))
    return [sprint_data(r) for r in rows(query.tuples())]


def overviews() -> list[SprintOverview]:
    """Every sprint, the latest start first, with its task counts and estimates."""
    done = fn.SUM(Case(None, [(Task.status == "done", 1)], 0))
    query = (
        Sprint.select(
            *_FIELDS,
            fn.COUNT(Task.id),
            fn.COALESCE(done, 0),
            fn.COALESCE(fn.SUM(Task.estimate_hours), 0.0),
        )
        .join(Task, JOIN.LEFT_OUTER, on=(Task.sprint == Sprint.id))
        .group_by(Sprint.id)
        .order_by(Sprint.start.desc(), Sprint.id.desc())
    )
    return [
        SprintOverview(sprint_data(r[:8]), int(r[8]), int(r[9]), float(r[10]))
        for r in rows(query.tuples())
    ]


def add_sprint(
    *,
    name: object,
    start: object,
    end: object,
    goal: object = "",
    career_goal: object = "",
    capacity_hours: object = None,
    status: object = "planned",
    now: dt.datetime,
) -> SprintData:
    values: dict[str, Any] = {
        "name": check_sprint_name(name),
        "goal": check_text(goal, "the goal"),
        "career_goal": check_text(career_goal, "the career goal"),
        "capacity_hours": check_capacity(capacity_hours),
        "status": check_sprint_status(status),
    }
    values["start"], values["end"] = check_span(start, end)
    with atomic():
        sprint = Sprint.create(created_at=to_storage(now), **values)
    return get_sprint(sprint.id)


def update_sprint(
    sprint_id: int,
    *,
    name: object | Unset = UNSET,
    goal: object | Unset = UNSET,
    career_goal: object | Unset = UNSET,
    start: object | Unset = UNSET,
    end: object | Unset = UNSET,
    capacity_hours: object | Unset = UNSET,
    status: object | Unset = UNSET,
) -> SprintData:
    """Change the given fields; the dates are checked together (one may move alone)."""
    values: dict[str, Any] = {}
    if not isinstance(name, Unset):
        values["name"] = check_sprint_name(name)
    if not isinstance(goal, Unset):
        values["goal"] = check_text(goal, "the goal")
    if not isinstance(career_goal, Unset):
        values["career_goal"] = check_text(career_goal, "the career goal")
    if not isinstance(capacity_hours, Unset):
        values["capacity_hours"] = check_capacity(capacity_hours)
    if not isinstance(status, Unset):
        values["status"] = check_sprint_status(status)
    with atomic():
        current = get_sprint(sprint_id)
        if not isinstance(start, Unset) or not isinstance(end, Unset):
            values["start"], values["end"] = check_span(
                current.start if isinstance(start, Unset) else start,
                current.end if isinstance(end, Unset) else end,
            )
        changed = {k: v for k, v in values.items() if getattr(current, k) != v}
        if changed:
            Sprint.update(changed).where(Sprint.id == sprint_id).execute()
    return get_sprint(sprint_id)


def delete_sprint(sprint_id: int) -> None:
    """Delete a sprint; its tasks go back to the backlog (unfinished ones show there),
    entries and outputs keep their text but lose the link."""
    with atomic():
        get_sprint(sprint_id)
        Task.update(sprint=None).where(Task.sprint == sprint_id).execute()
        Sprint.delete().where(Sprint.id == sprint_id).execute()
