"""Learning resources (courses, books, papers, videos, curricula) with status, progress
and the hours spent on them: the sum of the sessions linked to each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from journal_app.db.models import Resource, Skill, Task, WorkSession
from journal_app.errors import InvalidInput
from journal_app.services.clock import Clock
from journal_app.services.common import UNSET, Unset, atomic, clean_text, get_row
from journal_app.services.rows import check_ref
from journal_app.services.tracking import daily
from journal_app.services.tracking.common import check_name, check_number, check_url
from journal_app.services.tracking.timeutil import from_storage, to_storage

KINDS = ("course", "book", "paper", "video", "curriculum")
STATUSES = ("planned", "active", "done", "dropped")


@dataclass(frozen=True)
class ResourceData:
    id: int
    title: str
    kind: str
    url: str
    status: str
    progress: float  # percent, 0..100
    notes: str
    skill_id: int | None
    skill: str | None
    hours_spent: float
    created_at: dt.datetime  # aware UTC


def _check_choice(value: object, choices: tuple[str, ...], what: str) -> str:
    text = str(value).strip().lower() if isinstance(value, str) else value
    if text not in choices:
        raise InvalidInput(f"{what} must be one of {', '.join(choices)}, not {value!r}")
    return str(text)


def _check_progress(value: object) -> float:
    progress = check_number(value, "the progress")
    if not 0 <= progress <= 100:
        raise InvalidInput("the progress is a percentage from 0 to 100")
    return progress


class ResourceService:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def list(self, *, status: str | None = None) -> list[ResourceData]:
        """Active first, then planned, done, dropped; newest first within each."""
        query = Resource.select(Resource, Skill.name.alias("skill_name")).join(
            Skill, JOIN.LEFT_OUTER, on=(Resource.skill == Skill.id)
        )
        if status is not None:
            query = query.where(Resource.status == _check_choice(status, STATUSES, "the status"))
        hours = daily.total_seconds("resource")
        order = {"active": 0, "planned": 1, "done": 2, "dropped": 3}
        found = [self._data(r, hours) for r in query.objects()]
        return sorted(found, key=lambda r: (order.get(r.status, 9), -r.id))

    def get(self, resource_id: int) -> ResourceData:
        row = self._row(resource_id)
        seconds = daily.sessions_seconds(WorkSession.resource == resource_id)
        skill = Skill.get_or_none(Skill.id == row.skill_id) if row.skill_id else None
        row.skill_name = skill.name if skill is not None else None
        return self._data(row, {row.id: seconds})

    def add(
        self,
        title: str,
        *,
        kind: str = "course",
        url: str = "",
        status: str = "planned",
        progress: float = 0.0,
        notes: str = "",
        skill_id: int | None = None,
    ) -> ResourceData:
        values = {
            "title": check_name(title, "the title"),
            "kind": _check_choice(kind, KINDS, "the kind"),
            "url": check_url(url),
            "status": _check_choice(status, STATUSES, "the status"),
            "progress": _check_progress(progress),
            "notes": clean_text(notes, "the notes"),
        }
        with atomic():
            values["skill"] = check_ref(Skill, skill_id)
            row = Resource.create(created_at=to_storage(self._clock()), **values)
        return self.get(row.id)

    def update(
        self,
        resource_id: int,
        *,
        title: str | Unset = UNSET,
        kind: str | Unset = UNSET,
        url: str | Unset = UNSET,
        status: str | Unset = UNSET,
        progress: float | Unset = UNSET,
        notes: str | Unset = UNSET,
        skill_id: int | Unset | None = UNSET,
    ) -> ResourceData:
        values: dict[str, Any] = {}
        if title is not UNSET:
            values["title"] = check_name(title, "the title")
        if kind is not UNSET:
            values["kind"] = _check_choice(kind, KINDS, "the kind")
        if url is not UNSET:
            values["url"] = check_url(url)
        if status is not UNSET:
            values["status"] = _check_choice(status, STATUSES, "the status")
        if progress is not UNSET:
            values["progress"] = _check_progress(progress)
        if notes is not UNSET:
            values["notes"] = clean_text(notes, "the notes")
        with atomic():
            self._row(resource_id)
            if skill_id is not UNSET:
                values["skill"] = check_ref(Skill, skill_id)
            if values:
                Resource.update(values).where(Resource.id == resource_id).execute()
        return self.get(resource_id)

    def usage(self, resource_id: int) -> tuple[int, int]:
        """(sessions, tasks) linked to the resource."""
        sessions = WorkSession.select().where(WorkSession.resource == resource_id).count()
        tasks = Task.select().where(Task.resource == resource_id).count()
        return sessions, tasks

    def delete(self, resource_id: int, *, force: bool = False) -> None:
        """Delete a resource; refused while sessions or tasks link to it unless `force`
        (they keep their time but lose the link). Marking it dropped keeps the history."""
        with atomic():
            row = self._row(resource_id)
            sessions, tasks = self.usage(resource_id)
            if (sessions or tasks) and not force:
                links = [
                    f"{n} {word}{'s' if n != 1 else ''}"
                    for n, word in ((sessions, "session"), (tasks, "task"))
                    if n
                ]
                raise InvalidInput(
                    f"“{row.title}” is linked to {' and '.join(links)}; mark it dropped instead"
                )
            row.delete_instance()

    @staticmethod
    def _row(resource_id: int) -> Any:
        return get_row(Resource, resource_id, "resource")

    @staticmethod
    def _data(row: Any, hours: dict[Any, float]) -> ResourceData:
        return ResourceData(
            id=row.id,
            title=row.title,
            kind=row.kind,
            url=row.url,
            status=row.status,
            progress=float(row.progress),
            notes=row.notes,
            skill_id=row.skill_id,
            skill=getattr(row, "skill_name", None),
            hours_spent=hours.get(row.id, 0.0) / 3600,
            created_at=from_storage(row.created_at),
        )
