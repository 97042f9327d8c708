"""`toggl`: Toggl Track's CSV export of time entries (Reports ▸ Detailed ▸ Export CSV).

Columns used: `Start date`, `Start time`, `End date`, `End time` (local wall times),
`Project` (becomes the session's skill), `Tags` (the first that names one of your
categories becomes the category), `Description` (the note). Other columns are ignored.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.db.models import Category
from journal_app.errors import InvalidInput
from journal_app.services.rows import rows as query_rows
from journal_app.services.transfer.bulk import NewSession
from journal_app.services.transfer.common import ImportResult, Progress, bad_input, no_progress
from journal_app.services.transfer.import_csv import Rows, write_sessions
from journal_app.services.transfer.timeparse import parse_date, parse_time

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

# Our csv fields -> Toggl's column names (Toggl Track detailed report, 2024 layout).
MAPPING = {
    "day": "Start date",
    "start": "Start time",
    "end": "End time",
    "skill": "Project",
    "category": "Tags",
    "note": "Description",
}
END_DATE = "End date"


def read_toggl(path: Path, tz: dt.tzinfo) -> list[NewSession]:
    table = Rows(path, "sessions", MAPPING, extra=(END_DATE,))
    categories = {
        name.casefold(): name for (name,) in query_rows(Category.select(Category.name).tuples())
    }
    found: list[NewSession] = []
    for line, values in table:
        where = f"{path.name} line {line}"
        try:
            day = parse_date(values["day"])
            start = dt.datetime.combine(day, parse_time(values["start"]), tzinfo=tz)
            end_text = values.get(f"column:{END_DATE}")
            end_day = parse_date(end_text) if end_text else day
            end = dt.datetime.combine(end_day, parse_time(values["end"]), tzinfo=tz)
        except InvalidInput as exc:
            raise bad_input(where, str(exc)) from None
        tags = [t.strip() for t in values.get("category", "").split(",")]
        category = next(
            (categories[t.casefold()] for t in tags if t.casefold() in categories), None
        )
        found.append(
            NewSession(where, start, end, category, values.get("skill"), values.get("note", ""))
        )
    return found


def import_toggl(
    services: TransferContext, path: Path, progress: Progress = no_progress
) -> ImportResult:
    progress(0, 2, f"reading {path.name}")
    return write_sessions(services, read_toggl(path, services.tz), "toggl", progress)
