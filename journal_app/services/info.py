"""`journal-app info`: where the data is and how much of it there is."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from journal_app.db.models import DayLog, Entry, Output, Sprint, Task, WorkSession


@dataclass(frozen=True)
class JournalInfo:
    data_dir: str
    database: str
    schema_version: int
    size_bytes: int
    entries: int
    sessions: int
    sprints: int
    tasks: int
    outputs: int
    day_logs: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def count_rows() -> dict[str, int]:
    return {
        "entries": Entry.select().where(Entry.deleted_at.is_null()).count(),
        "sessions": WorkSession.select().count(),
        "sprints": Sprint.select().count(),
        "tasks": Task.select().count(),
        "outputs": Output.select().count(),
        "day_logs": DayLog.select().count(),
    }
