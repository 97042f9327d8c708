"""Sprints as the rest of the app sees them, read-only: the editor links entries to them,
templates name the running one, the timer and session pickers list open tasks. Planning
(sprints, the backlog and board, closing with a review) is services.planning."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from peewee import JOIN

from journal_app.db.models import Sprint, Task

_FIELDS = (Sprint.id, Sprint.name, Sprint.start, Sprint.end, Sprint.status)


@dataclass(frozen=True)
class SprintSummary:
    id: int
    name: str
    start: dt.date
    end: dt.date
    status: str  # planned / active / closed


@dataclass(frozen=True)
class TaskChoice:
    """A task one can work on, as a timer or session picker lists it."""

    id: int
    title: str
    status: str  # todo / doing
    sprint: str | None  # None: in the backlog


def _summaries(query: Any) -> list[SprintSummary]:
    return [SprintSummary(*row) for row in cast(Iterable[Any], query.tuples())]


class SprintService:
    def list(self) -> list[SprintSummary]:
        """Every sprint, the newest (latest start) first."""
        return _summaries(Sprint.select(*_FIELDS).order_by(Sprint.start.desc(), Sprint.id.desc()))

    def active(self, today: dt.date) -> SprintSummary | None:
        """The sprint running on `today`: one whose dates cover it and that is not closed,
        preferring one marked active, then the one that started last."""
        query = (
            Sprint.select(*_FIELDS)
            .where(Sprint.start <= today, Sprint.end >= today, Sprint.status != "closed")
            .order_by((Sprint.status == "active").desc(), Sprint.start.desc(), Sprint.id.desc())
            .limit(1)
        )
        found = _summaries(query)
        return found[0] if found else None

    def open_tasks(self) -> builtins.list[TaskChoice]:
        """Tasks not done, in a sprint that is not closed or in the backlog: those of
        running sprints first, "doing" before "todo", then in board order."""
        query = (
            Task.select(Task.id, Task.title, Task.status, Sprint.name)
            .join(Sprint, JOIN.LEFT_OUTER, on=(Task.sprint == Sprint.id))
            .where(Task.status != "done", (Sprint.id.is_null()) | (Sprint.status != "closed"))
            .order_by(
                Sprint.id.is_null(False).desc(),
                (Sprint.status == "active").desc(),
                Sprint.start.desc(),
                (Task.status == "doing").desc(),
                Task.position,
                Task.id,
            )
        )
        return [TaskChoice(*row) for row in cast(Iterable[Any], query.tuples())]
