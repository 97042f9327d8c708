"""`csv`: sessions, sleep and outputs, one file each, with a header row.

Times are local (the journal's zone) ISO 8601 with their UTC offset, so a spreadsheet
shows the clock the user saw and nothing is ambiguous. `import --format csv` reads the
sessions and sleep files back with no mapping needed.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import JOIN

from journal_app.db.models import (
    Category,
    DayLog,
    Output,
    Resource,
    Skill,
    Sprint,
    Task,
    WorkSession,
)
from journal_app.services.clock import from_storage
from journal_app.services.rows import rows
from journal_app.services.transfer.common import ExportResult, Progress, no_progress, write_text
from journal_app.services.transfer.export_markdown import check_output_folder

if TYPE_CHECKING:
    import datetime as dt

    from journal_app.services.transfer.context import TransferContext

SESSION_COLUMNS = [
    "start",
    "end",
    "hours",
    "category",
    "side",
    "skill",
    "resource",
    "task",
    "note",
    "source",
]
SLEEP_COLUMNS = ["day", "bed", "wake", "hours", "quality", "energy", "note"]
OUTPUT_COLUMNS = ["day", "kind", "title", "status", "url", "words", "entry_id", "sprint", "skill"]


def _csv(header: list[str], body: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in body)
    return buffer.getvalue()


def _local(value: dt.datetime | None, tz: dt.tzinfo) -> str:
    return "" if value is None else from_storage(value).astimezone(tz).isoformat()


def session_rows(tz: dt.tzinfo) -> list[list[Any]]:
    query = (
        WorkSession.select(
            WorkSession.start,
            WorkSession.end,
            Category.name,
            Category.side,
            Skill.name,
            Resource.title,
            Task.title,
            WorkSession.note,
            WorkSession.source,
        )
        .join_from(WorkSession, Category, join_type=JOIN.LEFT_OUTER)
        .join_from(WorkSession, Skill, join_type=JOIN.LEFT_OUTER)
        .join_from(WorkSession, Resource, join_type=JOIN.LEFT_OUTER)
        .join_from(WorkSession, Task, join_type=JOIN.LEFT_OUTER)
        .where(WorkSession.end.is_null(False))
        .order_by(WorkSession.start, WorkSession.id)
        .tuples()
    )
    return [
        [
            _local(start, tz),
            _local(end, tz),
            round((end - start).total_seconds() / 3600, 4),
            category,
            side,
            skill,
            resource,
            task,
            note,
            source,
        ]
        for start, end, category, side, skill, resource, task, note, source in rows(query)
    ]


def sleep_rows(tz: dt.tzinfo) -> list[list[Any]]:
    query = DayLog.select(
        DayLog.day,
        DayLog.sleep_start,
        DayLog.sleep_end,
        DayLog.sleep_hours,
        DayLog.sleep_quality,
        DayLog.energy,
        DayLog.note,
    ).order_by(DayLog.day)
    return [
        [day.isoformat(), _local(bed, tz), _local(wake, tz), hours, quality, energy, note]
        for day, bed, wake, hours, quality, energy, note in rows(query.tuples())
    ]


def output_rows() -> list[list[Any]]:
    query = (
        Output.select(
            Output.day,
            Output.kind,
            Output.title,
            Output.status,
            Output.url,
            Output.words,
            Output.entry,
            Sprint.name,
            Skill.name,
        )
        .join_from(Output, Sprint, join_type=JOIN.LEFT_OUTER)
        .join_from(Output, Skill, join_type=JOIN.LEFT_OUTER)
        .order_by(Output.day, Output.id)
        .tuples()
    )
    return [[day.isoformat(), *rest] for day, *rest in rows(query)]


def export_csv(
    services: TransferContext, out: Path, progress: Progress = no_progress
) -> ExportResult:
    check_output_folder(out)
    tz = services.tz
    progress(0, 3, "sessions")
    sessions = session_rows(tz)
    write_text(out / "sessions.csv", _csv(SESSION_COLUMNS, sessions))
    progress(1, 3, "sleep")
    nights = sleep_rows(tz)
    write_text(out / "sleep.csv", _csv(SLEEP_COLUMNS, nights))
    progress(2, 3, "outputs")
    outputs = output_rows()
    write_text(out / "outputs.csv", _csv(OUTPUT_COLUMNS, outputs))
    progress(3, 3, "done")
    return ExportResult(
        out, {"sessions": len(sessions), "nights": len(nights), "outputs": len(outputs)}
    )
