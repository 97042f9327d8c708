"""Sprints, read-only for now: the editor links entries to them, templates name the
running one. Planning sprints (create, tasks, board) comes with its own issue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from journal_app.db.models import Sprint

_FIELDS = (Sprint.id, Sprint.name, Sprint.start, Sprint.end, Sprint.status)


@dataclass(frozen=True)
class SprintSummary:
    id: int
    name: str
    start: dt.date
    end: dt.date
    status: str  # planned / active / closed


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
