"""Tasks: read (with skill, resource and tags), create, change, delete and move.

A column is a sprint's tasks of one status, or the backlog (no sprint, not done), in
`position` order (then id). Moving a task places it before another task of the target
column, or at its end, and renumbers that column; every move is one transaction, so a
refused move (a closed sprint, an unknown task) changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from peewee import JOIN, Case, fn

from journal_app.db.models import Resource, Skill, Tag, Task, TaskTag
from journal_app.errors import InvalidInput
from journal_app.services.common import UNSET, Unset, atomic
from journal_app.services.planning import card_details
from journal_app.services.planning.data import TaskData
from journal_app.services.planning.rules import (
    check_checklist,
    check_due,
    check_estimate,
    check_links,
    check_priority,
    check_tags,
    check_task_status,
    check_task_title,
    check_text,
)
from journal_app.services.planning.sprint_store import get_sprint
from journal_app.services.rows import check_ref, rows
from journal_app.services.tracking.timeutil import from_storage, to_storage

Column = tuple[int | None, str]  # (sprint id or None for the backlog, status)
BACKLOG_STATUSES = ("todo", "doing")
_BATCH = 400  # ids per IN (...) list, well under any engine's parameter limit


def _select() -> Any:
    return (
        Task.select(
            Task.id,
            Task.title,
            Task.notes,
            Task.sprint,
            Task.status,
            Task.position,
            Task.estimate_hours,
            Task.skill,
            Skill.name,
            Task.resource,
            Resource.title,
            Task.done_at,
            Task.due,
            Task.priority,
        )
        .join(Skill, JOIN.LEFT_OUTER, on=(Task.skill == Skill.id))
        .switch(Task)
        .join(Resource, JOIN.LEFT_OUTER, on=(Task.resource == Resource.id))
        .switch(Task)
    )


def _tags_of(*where: Any) -> dict[int, tuple[str, ...]]:
    """Tags of the tasks matching `where`, in one query (a sub-select, not a long list
    of ids: building hundreds of parameters costs more than the query)."""
    chosen = Task.select(Task.id).where(*where)
    query = (
        TaskTag.select(TaskTag.task, Tag.name)
        .join(Tag)
        .where(TaskTag.task.in_(chosen))
        .order_by(fn.lower(Tag.name), Tag.name)
        .tuples()
    )
    found: dict[int, list[str]] = defaultdict(list)
    for task_id, name in rows(query):
        found[task_id].append(name)
    return {k: tuple(v) for k, v in found.items()}


def _fetch(query: Any) -> list[tuple[Any, ...]]:
    """Rows straight from the DB-API cursor: peewee's per-value conversion costs more
    than the SQL on a board of hundreds of cards (values are converted below)."""
    sql, params = query.sql()
    return list(Task._meta.database.execute_sql(sql, params).fetchall())


def _instant(value: Any) -> dt.datetime | None:
    """Aware UTC from what the engine returns (SQLite: ISO text)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return from_storage(value)


def _day(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _tasks(*where: Any, order: Sequence[Any] = ()) -> list[TaskData]:
    found = _fetch(_select().where(*where).order_by(*order))
    tags = _tags_of(*where) if found else {}
    colors = card_details.tag_colors({name for names in tags.values() for name in names})
    checklists = card_details.checklists(*where) if found else {}
    links = card_details.links(*where) if found else {}
    return [
        TaskData(
            id=tid,
            title=title,
            notes=notes,
            sprint_id=sprint_id,
            status=status,
            position=position,
            estimate_hours=None if estimate is None else float(estimate),
            skill_id=skill_id,
            skill=skill,
            resource_id=resource_id,
            resource=resource,
            tags=tags.get(tid, ()),
            done_at=_instant(done_at),
            due=_day(due),
            priority=int(priority or 0),
            tag_colors=tuple(colors[name] for name in tags.get(tid, ())),
            checklist=checklists.get(tid, ()),
            links=links.get(tid, ()),
        )
        for (
            tid,
            title,
            notes,
            sprint_id,
            status,
            position,
            estimate,
            skill_id,
            skill,
            resource_id,
            resource,
            done_at,
            due,
            priority,
        ) in found
    ]


_ORDER = (Task.position, Task.id)


def sprint_tasks(sprint_id: int) -> list[TaskData]:
    """A sprint's tasks by column (to do, doing, done), each in board order."""
    column = Case(Task.status, [("todo", 0), ("doing", 1), ("done", 2)], 3)
    return _tasks(Task.sprint == sprint_id, order=(column, *_ORDER))


def backlog_tasks() -> list[TaskData]:
    return _tasks(*_column_where((None, "todo")), order=_ORDER)


def get_task(task_id: object) -> TaskData:
    if isinstance(task_id, bool) or not isinstance(task_id, int):
        raise InvalidInput(f"there is no task {task_id!r}")
    found = _tasks(Task.id == task_id)
    if not found:
        raise InvalidInput(f"there is no task {task_id}")
    return found[0]


def tasks_by_id(task_ids: Iterable[int]) -> list[TaskData]:
    ids = list(task_ids)
    found: list[TaskData] = []
    for first in range(0, len(ids), _BATCH):
        found += _tasks(Task.id.in_(ids[first : first + _BATCH]))
    return found


def task_tag_names() -> list[str]:
    """Tags on at least one task."""
    query = Tag.select(Tag.name).join(TaskTag).distinct().tuples()
    return sorted((name for (name,) in rows(query)), key=lambda n: (n.casefold(), n))


# ---------------------------------------------------------------------------- columns


def _column_where(column: Column) -> tuple[Any, ...]:
    sprint_id, status = column
    if sprint_id is None:
        return (Task.sprint.is_null(), Task.status.in_(BACKLOG_STATUSES))
    return (Task.sprint == sprint_id, Task.status == status)


def column_of(task: TaskData) -> Column:
    if task.sprint_id is None:
        return (None, "todo")
    return (task.sprint_id, task.status)


def column_rows(column: Column) -> list[tuple[int, int]]:
    """(id, position) of a column's tasks, in board order."""
    query = Task.select(Task.id, Task.position).where(*_column_where(column)).order_by(*_ORDER)
    return [(tid, pos) for tid, pos in rows(query.tuples())]


def column_ids(column: Column) -> list[int]:
    return [tid for tid, _ in column_rows(column)]


def _write_order(ids: Sequence[int], current: dict[int, int]) -> None:
    """Positions 0..n-1 in the order given, touching only rows whose position changes."""
    changes = [(tid, pos) for pos, tid in enumerate(ids) if current.get(tid) != pos]
    for first in range(0, len(changes), _BATCH):
        batch = changes[first : first + _BATCH]
        Task.update(position=Case(Task.id, batch)).where(
            Task.id.in_([tid for tid, _ in batch])
        ).execute()


def _check_open(sprint_id: int | None, verb: str) -> None:
    if sprint_id is None:
        return
    sprint = get_sprint(sprint_id)
    if sprint.closed:
        raise InvalidInput(f"{sprint.name} is closed: reopen it to {verb} its tasks")


def _place(task_id: int, column: Column, before: int | None) -> None:
    """Put `task_id` into `column`'s order before `before` (None: at the end).

    Positions only need to be increasing along a column, so a move writes one row when
    there is room between its new neighbours, and otherwise shifts the tasks after it in
    one statement; a column with tied positions (older data) is renumbered once."""
    found = column_rows(column)
    if before == task_id and any(tid == task_id for tid, _ in found):
        return  # "before itself": it stays where it is
    others = [(tid, pos) for tid, pos in found if tid != task_id]
    if before is None or before == task_id:
        index = len(others)
    else:
        index = next((i for i, (tid, _) in enumerate(others) if tid == before), -1)
        if index < 0:
            raise InvalidInput(_not_in_column(before, column))
    wanted = [tid for tid, _ in others]
    wanted.insert(index, task_id)
    if [tid for tid, _ in found] == wanted and _increasing([pos for _, pos in found]):
        return  # already there
    positions = [pos for _, pos in others]
    if not _increasing(positions):
        _write_order(wanted, dict(found))
        return
    previous = positions[index - 1] if index > 0 else -1
    if index == len(others) or previous + 1 < positions[index]:
        new = previous + 1
    else:
        new = positions[index]
        Task.update(position=Task.position + 1).where(
            *_column_where(column), Task.position >= new, Task.id != task_id
        ).execute()
    Task.update(position=new).where(Task.id == task_id).execute()


def _increasing(positions: Sequence[int]) -> bool:
    return all(a < b for a, b in pairwise(positions))


def _not_in_column(task_id: int, column: Column) -> str:
    sprint_id, status = column
    where = "the backlog" if sprint_id is None else f"that column ({status})"
    return f"task {task_id} is not in {where}"


# ---------------------------------------------------------------------------- writing


def add_task(
    *,
    title: object,
    sprint_id: int | None = None,
    status: object = "todo",
    estimate_hours: object = None,
    notes: object = "",
    skill_id: object = None,
    resource_id: object = None,
    tags: Iterable[str] = (),
    before: int | None = None,
    now: dt.datetime,
) -> TaskData:
    values: dict[str, Any] = {
        "title": check_task_title(title),
        "status": check_task_status(status),
        "estimate_hours": check_estimate(estimate_hours),
        "notes": check_text(notes, "the notes"),
    }
    names = check_tags(tags)
    with atomic():
        if sprint_id is not None:
            get_sprint(sprint_id)  # one clear line for an unknown id
        _check_open(sprint_id, "add to")
        values["skill"] = check_ref(Skill, skill_id)
        values["resource"] = check_ref(Resource, resource_id)
        if sprint_id is None and values["status"] == "done":
            raise InvalidInput("a task in the backlog is not done yet; add it to a sprint")
        if values["status"] == "done":
            values["done_at"] = to_storage(now)
        task = Task.create(sprint=sprint_id, position=0, created_at=to_storage(now), **values)
        _set_tags(task.id, names)
        _place(task.id, (sprint_id, values["status"]), before)
    return get_task(task.id)


def update_task(
    task_id: int,
    *,
    title: object | Unset = UNSET,
    notes: object | Unset = UNSET,
    estimate_hours: object | Unset = UNSET,
    skill_id: object | Unset = UNSET,
    resource_id: object | Unset = UNSET,
    tags: Iterable[str] | Unset = UNSET,
    due: object | Unset = UNSET,
    priority: object | Unset = UNSET,
    checklist: Iterable[tuple[object, object]] | Unset = UNSET,
    links: Iterable[tuple[object, object]] | Unset = UNSET,
    label_colors: dict[str, str | None] | Unset = UNSET,
) -> TaskData:
    """Change a task's details (not where it sits on the board: see `move_task`), all
    in one transaction: its row, tags, checklist and links."""
    values: dict[str, Any] = {}
    if not isinstance(due, Unset):
        values["due"] = check_due(due)
    if not isinstance(priority, Unset):
        values["priority"] = check_priority(priority)
    items = None if isinstance(checklist, Unset) else check_checklist(checklist)
    targets = None if isinstance(links, Unset) else check_links(links)
    if not isinstance(title, Unset):
        values["title"] = check_task_title(title)
    if not isinstance(notes, Unset):
        values["notes"] = check_text(notes, "the notes")
    if not isinstance(estimate_hours, Unset):
        values["estimate_hours"] = check_estimate(estimate_hours)
    names = None if isinstance(tags, Unset) else check_tags(tags)
    with atomic():
        current = get_task(task_id)
        _check_open(current.sprint_id, "change")
        if not isinstance(skill_id, Unset):
            values["skill"] = check_ref(Skill, skill_id)
        if not isinstance(resource_id, Unset):
            values["resource"] = check_ref(Resource, resource_id)
        if values:
            Task.update(values).where(Task.id == task_id).execute()
        if names is not None and tuple(names) != current.tags:
            _set_tags(task_id, names)
        if items is not None:
            card_details.write_checklist(task_id, items)
        if targets is not None:
            card_details.write_links(task_id, targets)
        if not isinstance(label_colors, Unset):  # after the tags: a new label has a row
            for name, color in label_colors.items():
                card_details.set_tag_color(name, color)
    return get_task(task_id)


def delete_task(task_id: int) -> None:
    with atomic():
        current = get_task(task_id)
        _check_open(current.sprint_id, "change")
        Task.delete().where(Task.id == task_id).execute()


def move_task(
    task_id: int,
    *,
    sprint_id: int | Unset | None = UNSET,
    status: object | Unset = UNSET,
    before: int | None = None,
    now: dt.datetime,
) -> TaskData:
    """Move a task to another column (a sprint's status, or the backlog with
    `sprint_id=None`), placed before the task `before` or at the end. A task sent to the
    backlog is to do again; one moved into Done is stamped done now."""
    new_status = None if isinstance(status, Unset) else check_task_status(status)
    with atomic():
        task = get_task(task_id)
        target_sprint = task.sprint_id if isinstance(sprint_id, Unset) else sprint_id
        if target_sprint is not None and not isinstance(target_sprint, bool):
            get_sprint(target_sprint)
        elif target_sprint is not None:
            raise InvalidInput(f"there is no sprint {target_sprint!r}")
        target_status = new_status or task.status
        if target_sprint is None and isinstance(status, Unset):
            target_status = "todo"
        if target_sprint is None and target_status == "done" and task.sprint_id is not None:
            raise InvalidInput("the backlog holds work still to do; mark it done in a sprint")
        _check_open(task.sprint_id, "move")
        if target_sprint != task.sprint_id:
            _check_open(target_sprint, "add to")
        values: dict[str, Any] = {}
        if target_sprint != task.sprint_id:
            values["sprint"] = target_sprint
        if target_status != task.status:
            values["status"] = target_status
            values["done_at"] = to_storage(now) if target_status == "done" else None
        if values:
            Task.update(values).where(Task.id == task_id).execute()
        if target_sprint is None and target_status == "done":
            return get_task(task_id)  # a backlog task ticked off: it leaves the list
        _place(task_id, (target_sprint, target_status), before)
    return get_task(task_id)


def set_done_at(task_id: int, when: dt.datetime) -> TaskData:
    """Restore the moment a done task was done (part of the caller's transaction)."""
    Task.update(done_at=to_storage(when)).where(Task.id == task_id, Task.status == "done").execute()
    return get_task(task_id)


def append_to(task_ids: Sequence[int], sprint_id: int | None, *, keep_status: bool) -> None:
    """Put tasks at the end of their columns in `sprint_id` (None: the backlog, as to
    do), in the order given. Part of a caller's transaction (rollover, deletion)."""
    if not task_ids:
        return
    ids = list(task_ids)
    if sprint_id is None or not keep_status:
        Task.update(sprint=sprint_id, status="todo", done_at=None).where(Task.id.in_(ids)).execute()
    else:
        Task.update(sprint=sprint_id).where(Task.id.in_(ids)).execute()
    statuses = dict(rows(Task.select(Task.id, Task.status).where(Task.id.in_(ids)).tuples()))
    for status in dict.fromkeys(statuses[t] for t in ids):
        column: Column = (sprint_id, status)
        moved = [t for t in ids if statuses[t] == status]
        found = column_rows(column)
        rest = [t for t, _ in found if t not in set(moved)]
        _write_order(rest + moved, dict(found))


def _set_tags(task_id: int, names: list[str]) -> None:
    TaskTag.delete().where(TaskTag.task == task_id).execute()
    for name in names:
        tag = Tag.get_or_none(Tag.name == name)
        if tag is None:
            tag = Tag.create(name=name)
        TaskTag.create(task=task_id, tag=tag.id)
