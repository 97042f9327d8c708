"""`toggl` (and `clockify`): the CSV of Toggl Track's or Clockify's detailed report.

Columns used: `Start date`, `Start time`, `End date`, `End time` (wall times in the
journal's zone, or `--tz`; dates ISO, MM/DD/YYYY, DD/MM/YYYY or DD.MM.YYYY — see
timeparse.DateReader — and 12- or 24-hour times). The rest goes through a mapping the
user sees and can change (`--map`, the import dialog), by default

    category=Tags, skill=Project, note=Description+Task+Client+Tags

`category=Tags` takes the first tag that names one of your categories; any other column
named for category or skill gives its value (several joined with ' / ', a new name
becomes a new category or skill). The note is the first column's text, then
'Column: value' for each other one that has a value: nothing is dropped silently.
Sessions shorter than a minute (a timer started by mistake) are skipped and counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.db.models import Category
from journal_app.errors import InvalidInput
from journal_app.services.rows import rows as query_rows
from journal_app.services.transfer.bulk import NewSession
from journal_app.services.transfer.common import ImportResult, Progress, bad_input, no_progress
from journal_app.services.transfer.import_csv import Rows, write_sessions
from journal_app.services.transfer.import_files import shown
from journal_app.services.transfer.options import ReadOptions
from journal_app.services.transfer.skips import ImportOptions, SkipList
from journal_app.services.transfer.timeparse import DateReader, parse_time

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

START_DATE, START_TIME, END_DATE, END_TIME = "Start date", "Start time", "End date", "End time"
DEFAULT_MAPPING = {
    "category": "Tags",
    "skill": "Project",
    "note": "Description+Task+Client+Tags",
}
MAPPED_FIELDS = tuple(DEFAULT_MAPPING)


def mapping_text(mapping: Mapping[str, str]) -> str:
    """The mapping as --map takes it: 'category=Tags,skill=Project,...'."""
    return ",".join(f"{field}={columns}" for field, columns in mapping.items())


def effective_mapping(given: Mapping[str, str] | None) -> dict[str, str]:
    """The default mapping with the user's fields in place of its own."""
    unknown = [f for f in (given or {}) if f not in MAPPED_FIELDS]
    if unknown:
        raise InvalidInput(
            f"the mapping names {shown(unknown[0])}; Toggl and Clockify fields are "
            f"{', '.join(MAPPED_FIELDS)} (e.g. --map category=Client,skill=Project)"
        )
    return {**DEFAULT_MAPPING, **(given or {})}


def _columns(text: str) -> list[str]:
    return [c.strip() for c in text.split("+") if c.strip()]


def read_toggl(
    path: Path,
    tz: dt.tzinfo,
    options: ReadOptions | None = None,
    skips: SkipList | None = None,
) -> list[NewSession]:
    """The report's sessions; a row that cannot be read is listed in `skips` (refused
    without one)."""
    options = options or ReadOptions()
    skips = skips if skips is not None else SkipList(strict=True)
    mapping = effective_mapping(options.mapping)
    wanted = [START_DATE, START_TIME, END_DATE, END_TIME]
    for field in MAPPED_FIELDS:
        wanted += [c for c in _columns(mapping[field]) if c not in wanted]
    table = Rows(path, "sessions", {}, extra=tuple(wanted))
    have = {name.lower() for name in table.header_index}
    for needed in (START_DATE, START_TIME, END_TIME):
        if needed.lower() not in have:
            raise bad_input(
                f"{path.name} line 1",
                f"no {shown(needed)} column: not a Toggl or Clockify detailed report",
            )
    for field in MAPPED_FIELDS:
        missing = [c for c in _columns(mapping[field]) if c.lower() not in have]
        if missing and field in (options.mapping or {}):
            raise bad_input(f"{path.name} line 1", f"no column {shown(missing[0])} (for {field})")
    categories = {
        name.casefold(): name for (name,) in query_rows(Category.select(Category.name).tuples())
    }
    listed = list(table)
    dates = [v.get(f"column:{c}", "") for _line, v in listed for c in (START_DATE, END_DATE)]
    read_date = DateReader([d for d in dates if d], options.date_format, f"{path.name}: ")
    found: list[NewSession] = []
    for line, values in listed:
        where = f"{path.name} line {line}"
        row = partial(_session, where, values, mapping, read_date, tz, categories)
        session = skips.attempt(where, row)
        if session is not None:
            found.append(session)
    return found


def _session(
    where: str,
    values: dict[str, str],
    mapping: dict[str, str],
    read_date: DateReader,
    tz: dt.tzinfo,
    categories: dict[str, str],
) -> NewSession:
    def cell(column: str) -> str:
        return values.get(f"column:{column}", "").strip()

    try:
        day = read_date(cell(START_DATE))
        start = dt.datetime.combine(day, parse_time(cell(START_TIME)), tzinfo=tz)
        end_day = read_date(cell(END_DATE)) if cell(END_DATE) else day
        end = dt.datetime.combine(end_day, parse_time(cell(END_TIME)), tzinfo=tz)
    except InvalidInput as exc:
        raise bad_input(where, str(exc)) from None
    category = _label(_columns(mapping["category"]), cell, categories)
    skill = _label(_columns(mapping["skill"]), cell, None)
    note = _note(_columns(mapping["note"]), cell)
    return NewSession(where, start, end, category, skill, note)


def _label(columns: list[str], cell, categories: dict[str, str] | None) -> str | None:
    values: list[str] = []
    for column in columns:
        text = cell(column)
        if not text:
            continue
        if column.lower() == "tags" and categories is not None:
            tags = [t.strip() for t in text.split(",")]
            found = next(
                (categories[t.casefold()] for t in tags if t.casefold() in categories), None
            )
            if found:
                values.append(found)
            continue
        values.append(text)
    return " / ".join(values) or None


def _note(columns: list[str], cell) -> str:
    parts: list[str] = []
    for n, column in enumerate(columns):
        text = cell(column)
        if text:
            parts.append(text if n == 0 else f"{column}: {text}")
    return " · ".join(parts)


def import_toggl(
    services: TransferContext,
    path: Path,
    progress: Progress = no_progress,
    read: ReadOptions | None = None,
    options: ImportOptions | None = None,
) -> ImportResult:
    read = read or ReadOptions()
    options = options or ImportOptions()
    skips = SkipList(options.strict)
    progress(0, 2, f"reading {path.name}")
    sessions = read_toggl(path, read.tz or services.tz, read, skips)
    return write_sessions(services, sessions, "toggl", progress, options=options, skips=skips)
