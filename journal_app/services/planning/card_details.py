"""What a board card holds besides its task row (schema v7): label colours, the
checklist and the links to journal entries and resources.

Read for many tasks at once (one query per kind, by a sub-select of the tasks shown) and
written as part of the caller's transaction (`task_store.update_task`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from peewee import JOIN

from journal_app.db.models import Entry, Resource, Tag, TagColor, Task, TaskCheckItem, TaskLink
from journal_app.errors import InvalidInput
from journal_app.services.planning.data import CheckItem
from journal_app.services.planning.data import TaskLink as LinkData
from journal_app.services.planning.rules import check_color, default_label_color
from journal_app.services.rows import rows


def tag_colors(names: set[str]) -> dict[str, str]:
    """The colour of each tag named: the chosen one, else its default."""
    if not names:
        return {}
    query = (
        TagColor.select(Tag.name, TagColor.color).join(Tag).where(Tag.name.in_(list(names)))
    ).tuples()
    chosen = dict(rows(query))
    return {name: chosen.get(name) or default_label_color(name) for name in names}


def set_tag_color(name: str, color: str | None) -> None:
    """Choose a label's colour (None: back to its default). Part of a transaction."""
    tag = Tag.get_or_none(Tag.name == name)
    if tag is None:
        raise InvalidInput(f"there is no label {name!r}")
    if color is None:
        TagColor.delete().where(TagColor.tag == tag.id).execute()
        return
    value = check_color(color)
    TagColor.insert(tag=tag.id, color=value).on_conflict(
        conflict_target=[TagColor.tag], update={TagColor.color: value}
    ).execute()


def checklists(*where: Any) -> dict[int, tuple[CheckItem, ...]]:
    chosen = Task.select(Task.id).where(*where)
    query = (
        TaskCheckItem.select(TaskCheckItem.task, TaskCheckItem.text, TaskCheckItem.done)
        .where(TaskCheckItem.task.in_(chosen))
        # uid before id: lines two synced devices added at one place (a tie) show in one
        # order on both (services/sync, schema v10); unsynced rows have none
        .order_by(TaskCheckItem.task, TaskCheckItem.position, TaskCheckItem.uid, TaskCheckItem.id)
        .tuples()
    )
    found: dict[int, list[CheckItem]] = defaultdict(list)
    for task_id, text, done in rows(query):
        found[task_id].append(CheckItem(text, bool(done)))
    return {k: tuple(v) for k, v in found.items()}


def links(*where: Any) -> dict[int, tuple[LinkData, ...]]:
    chosen = Task.select(Task.id).where(*where)
    query = (
        TaskLink.select(
            TaskLink.task, TaskLink.entry, Entry.title, Entry.day, TaskLink.resource, Resource.title
        )
        .join(Entry, on=(TaskLink.entry == Entry.id), join_type=JOIN.LEFT_OUTER)
        .switch(TaskLink)
        .join(Resource, on=(TaskLink.resource == Resource.id), join_type=JOIN.LEFT_OUTER)
        .where(TaskLink.task.in_(chosen))
        .order_by(TaskLink.task, TaskLink.id)
        .tuples()
    )
    found: dict[int, list[LinkData]] = defaultdict(list)
    for task_id, entry_id, entry_title, day, resource_id, resource_title in rows(query):
        if entry_id is not None:
            title = entry_title or f"Entry of {day}"
            found[task_id].append(LinkData("entry", entry_id, title))
        elif resource_id is not None:
            found[task_id].append(LinkData("resource", resource_id, resource_title or ""))
    return {k: tuple(v) for k, v in found.items()}


def write_checklist(task_id: int, items: list[tuple[str, bool]]) -> None:
    """Replace the checklist, touching only the lines that changed."""
    current = [
        (item_id, text, bool(done))
        for item_id, text, done in rows(
            TaskCheckItem.select(TaskCheckItem.id, TaskCheckItem.text, TaskCheckItem.done)
            .where(TaskCheckItem.task == task_id)
            .order_by(TaskCheckItem.position, TaskCheckItem.uid, TaskCheckItem.id)
            .tuples()
        )
    ]
    for position, (text, done) in enumerate(items):
        if position < len(current):
            item_id, old_text, old_done = current[position]
            if (old_text, old_done) != (text, done):
                TaskCheckItem.update(text=text, done=done, position=position).where(
                    TaskCheckItem.id == item_id
                ).execute()
        else:
            TaskCheckItem.create(task=task_id, text=text, done=done, position=position)
    extra = [item_id for item_id, _, _ in current[len(items) :]]
    if extra:
        TaskCheckItem.delete().where(TaskCheckItem.id.in_(extra)).execute()


def write_links(task_id: int, wanted: list[tuple[str, int]]) -> None:
    """Replace the links (each target checked to exist), keeping the ones that stay."""
    for kind, target in wanted:
        model = Entry if kind == "entry" else Resource
        if not model.select(model.id).where(model.id == target).exists():
            raise InvalidInput(f"there is no {kind} {target}")
    current = {
        ("entry", e) if e is not None else ("resource", r): link_id
        for link_id, e, r in rows(
            TaskLink.select(TaskLink.id, TaskLink.entry, TaskLink.resource)
            .where(TaskLink.task == task_id)
            .tuples()
        )
    }
    gone = [link_id for key, link_id in current.items() if key not in set(wanted)]
    if gone:
        TaskLink.delete().where(TaskLink.id.in_(gone)).execute()
    for kind, target in wanted:
        if (kind, target) not in current:
            TaskLink.create(
                task=task_id,
                entry=target if kind == "entry" else None,
                resource=target if kind == "resource" else None,
            )
