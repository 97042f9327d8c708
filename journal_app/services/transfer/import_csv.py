"""`csv`: sessions, nights or outputs from any spreadsheet, with a column mapping.

Sessions need a start and an end (or a start and `hours`/`minutes`/`duration`); sleep
needs a day and bed + wake times or hours; outputs a day, kind and title. By default each
field reads the column of the same name (any case), as our own csv export writes them;
`--map start=Start,end=End` reads other headers. A time without a date is read on the
row's `day`. Dates may be ISO, MM/DD/YYYY, DD/MM/YYYY or DD.MM.YYYY (`--date-format`
for the ambiguous file), times 12- or 24-hour; times without an offset are in the
journal's zone or `--tz`. Sessions under a minute are skipped and counted.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import math
import re
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from journal_app.errors import InvalidInput
from journal_app.services.transfer.bulk import (
    NewNight,
    NewSession,
    TrackingWriter,
    backup_before_import,
    import_transaction,
)
from journal_app.services.transfer.common import (
    ImportResult,
    Progress,
    bad_input,
    no_progress,
    read_text,
)
from journal_app.services.transfer.import_files import shown
from journal_app.services.transfer.import_outputs import import_outputs
from journal_app.services.transfer.options import ReadOptions
from journal_app.services.transfer.skips import ImportOptions, SkipList
from journal_app.services.transfer.timeparse import (
    DateReader,
    parse_duration,
    parse_instant,
    parse_time,
)

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

KINDS = ("sessions", "sleep", "outputs")
FIELDS = {
    "sessions": (
        "start",
        "end",
        "day",
        "hours",
        "minutes",
        "duration",
        "category",
        "skill",
        "note",
    ),
    "sleep": ("day", "bed", "wake", "hours", "quality", "energy", "note"),
    "outputs": ("day", "kind", "title", "status", "url", "words", "sprint", "skill"),
}
SHORT = "sessions under a minute"


def parse_mapping(text: str | None) -> dict[str, str]:
    """'start=Start,end=End' -> {'start': 'Start', 'end': 'End'}."""
    mapping: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise InvalidInput(f"{shown(part.strip())} in the mapping is not field=Column")
        mapping[field.strip().lower()] = column.strip()
    return mapping


class Rows:
    """The rows of a CSV file as {field: text}, with the line each came from."""

    def __init__(
        self, path: Path, kind: str, mapping: Mapping[str, str], extra: tuple[str, ...] = ()
    ) -> None:
        if kind not in KINDS:
            raise InvalidInput(f"the csv kind is {', '.join(KINDS)}, not {shown(kind)}")
        self.name = path.name
        text = read_text(path)
        sample = text[:4096]
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
        except csv.Error:
            dialect = csv.excel
        self._reader = csv.reader(io.StringIO(text), dialect)
        try:
            header = next(self._reader)
        except StopIteration:
            raise bad_input(self.name, "the file is empty") from None
        except csv.Error as exc:
            raise bad_input(f"{self.name} line 1", str(exc)) from None
        by_name = {h.strip().lower(): i for i, h in enumerate(header)}
        self.header_index = by_name
        unknown = [f for f in mapping if f not in FIELDS[kind]]
        if unknown:
            raise InvalidInput(
                f"the mapping names {shown(unknown[0])}; "
                f"{kind} fields are {', '.join(FIELDS[kind])}"
            )
        self.columns: dict[str, int] = {}
        for field in FIELDS[kind]:
            column = mapping.get(field, field)
            index = by_name.get(column.strip().lower())
            if index is None and field in mapping:
                raise bad_input(
                    f"{self.name} line 1",
                    f"no column {shown(column)} (for {field}); "
                    f"the header has {shown(', '.join(header))}",
                )
            if index is not None:
                self.columns[field] = index
        # Other columns a reader wants as they are, as "column:<name>".
        self._extra = [(h, by_name[h.lower()]) for h in extra if h.lower() in by_name]

    def __iter__(self):
        try:
            for row in self._reader:
                if not any(cell.strip() for cell in row):
                    continue
                values = {
                    f: row[i].strip() if i < len(row) else "" for f, i in self.columns.items()
                }
                values.update(
                    {f"column:{h}": row[i].strip() for h, i in self._extra if i < len(row)}
                )
                yield self._reader.line_num, values
        except csv.Error as exc:
            raise bad_input(f"{self.name} line {self._reader.line_num}", str(exc)) from None


T = TypeVar("T")


def _field(where: str, field: str, parse: Callable[[str], T], text: str) -> T:
    try:
        return parse(text)
    except InvalidInput as exc:
        raise bad_input(where, f"{field}: {exc}") from None


def _after(start: dt.datetime, span: dt.timedelta, where: str) -> dt.datetime:
    try:
        return start + span
    except OverflowError:
        raise bad_input(
            where, f"a session of {span.days:,} days ends after the year 9999"
        ) from None


def _hours(text: str) -> float:
    """Hours as written: '7.123456' exactly (no round trip through a timedelta's
    microseconds), or a duration like '07:30'."""
    try:
        hours = float(text)
    except ValueError:
        return parse_duration(text).total_seconds() / 3600
    if not math.isfinite(hours):
        raise InvalidInput(f"{shown(text)} is not a duration like 01:30:00")
    return hours


def _rating(text: str) -> int:
    if not text.isdigit():
        raise InvalidInput(f"{shown(text)} is not a whole number from 1 to 5")
    return int(text)


def _dates(rows: Rows, listed: list[tuple[int, dict[str, str]]], given: str | None) -> DateReader:
    """One way of reading the file's dates, from all of them (see DateReader)."""
    samples = []
    for _line, values in listed:
        for field in ("day", "start", "end", "bed", "wake"):
            text = values.get(field, "")
            if text and not _TIME_ONLY.fullmatch(text):
                samples.append(text.split(" ")[0].split("T")[0])
    return DateReader(samples, given, f"{rows.name}: ")


_TIME_ONLY = re.compile(r"\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?")


def _instant(text: str, tz: dt.tzinfo, day: dt.date | None, read_date: DateReader) -> dt.datetime:
    """ISO 8601, a bare time on `day`, or '03/04/2024 10:23 AM' in the file's date form."""
    try:
        return parse_instant(text, tz=tz, day=day)
    except InvalidInput:
        date_part, sep, time_part = text.strip().partition(" ")
        if not sep:
            raise
        return dt.datetime.combine(read_date(date_part), parse_time(time_part), tzinfo=tz)


def read_sessions(
    rows: Rows, tz: dt.tzinfo, date_format: str | None = None, skips: SkipList | None = None
) -> list[NewSession]:
    """The sessions of the file; a row that cannot be read is listed in `skips` (refused
    without one)."""
    if "start" not in rows.columns:
        raise bad_input(f"{rows.name} line 1", "no 'start' column (map one: --map start=Column)")
    skips = skips if skips is not None else SkipList(strict=True)
    listed = list(rows)
    read_date = _dates(rows, listed, date_format)
    found: list[NewSession] = []
    for line, values in listed:
        where = f"{rows.name} line {line}"
        session = skips.attempt(where, partial(_session, where, values, tz, read_date))
        if session is not None:
            found.append(session)
    return found


def _session(
    where: str, values: dict[str, str], tz: dt.tzinfo, read_date: DateReader
) -> NewSession:
    day = _field(where, "day", read_date, values["day"]) if values.get("day") else None
    start = _field(
        where, "start", partial(_instant, tz=tz, day=day, read_date=read_date), values["start"]
    )
    if values.get("end"):
        end = _field(
            where,
            "end",
            partial(_instant, tz=tz, day=day or start.date(), read_date=read_date),
            values["end"],
        )
        if end < start and _TIME_ONLY.fullmatch(values["end"]):  # a bare time past midnight
            end += dt.timedelta(days=1)
    elif values.get("duration") or values.get("hours"):
        text = values.get("duration") or values["hours"]
        end = _after(start, _field(where, "duration", parse_duration, text), where)
    elif values.get("minutes"):
        span = _field(where, "minutes", parse_duration, values["minutes"] + " min")
        end = _after(start, span, where)
    else:
        raise bad_input(where, "no end, hours, minutes or duration")
    return NewSession(
        where, start, end, values.get("category"), values.get("skill"), values.get("note", "")
    )


def read_nights(
    rows: Rows, tz: dt.tzinfo, date_format: str | None = None, skips: SkipList | None = None
) -> list[NewNight]:
    if "day" not in rows.columns:
        raise bad_input(f"{rows.name} line 1", "no 'day' column (map one: --map day=Column)")
    skips = skips if skips is not None else SkipList(strict=True)
    listed = list(rows)
    read_date = _dates(rows, listed, date_format)
    found: list[NewNight] = []
    for line, values in listed:
        where = f"{rows.name} line {line}"
        if not any(v for k, v in values.items() if k != "day" and not k.startswith("column:")):
            continue  # a day with nothing logged
        night = skips.attempt(where, partial(_night, where, values, tz, read_date))
        if night is not None:
            found.append(night)
    return found


def _night(where: str, values: dict[str, str], tz: dt.tzinfo, read_date: DateReader) -> NewNight:
    day = _field(where, "day", read_date, values["day"])
    night = NewNight(where, day, note=values.get("note", ""))
    for name in ("bed", "wake"):
        text = values.get(name, "")
        if not text:
            continue
        if len(text) <= 8:  # a time of day: night_span puts it on the right evening
            setattr(night, name, _field(where, name, parse_time, text))
        else:
            parse = partial(_instant, tz=tz, day=None, read_date=read_date)
            setattr(night, name, _field(where, name, parse, text))
    if values.get("hours") and (night.bed is None or night.wake is None):
        night.hours = _field(where, "hours", _hours, values["hours"])
    for name in ("quality", "energy"):
        if values.get(name):
            setattr(night, name, _field(where, name, _rating, values[name]))
    return night


def import_csv(
    services: TransferContext,
    path: Path,
    read: ReadOptions | None = None,
    progress: Progress = no_progress,
    options: ImportOptions | None = None,
) -> ImportResult:
    read = read or ReadOptions()
    options = options or ImportOptions()
    skips = SkipList(options.strict)
    kind = read.kind or "sessions"
    tz = read.tz or services.tz
    progress(0, 2, f"reading {path.name}")
    rows = Rows(path, kind, read.mapping or {})
    if kind == "sessions":
        sessions = read_sessions(rows, tz, read.date_format, skips)
        return write_sessions(services, sessions, "csv", progress, options=options, skips=skips)
    if kind == "outputs":
        listed = list(rows)  # read once: the rows are a stream
        return import_outputs(
            services,
            rows.name,
            set(rows.columns),
            listed,
            _dates(rows, listed, read.date_format),
            progress,
            options=options,
            skips=skips,
        )
    nights = read_nights(rows, tz, read.date_format, skips)
    backup = None if options.preview else backup_before_import(services, "csv")
    writer = TrackingWriter(services, dry_run=options.preview)
    with contextlib.nullcontext() if options.preview else import_transaction(0):
        for done, night in enumerate(nights):
            if done % 200 == 0:
                progress(done, len(nights), night.where)
            skips.attempt(night.where, partial(writer.add_night, night))
    progress(len(nights), len(nights), "done")
    return ImportResult(
        added={"nights": writer.nights_added},
        skipped={"nights": writer.nights_skipped},
        backup=backup,
        problems=tuple(skips.items),
        preview=options.preview,
    )


def write_sessions(
    services: TransferContext,
    sessions: list[NewSession],
    what: str,
    progress: Progress,
    *,
    options: ImportOptions | None = None,
    skips: SkipList | None = None,
) -> ImportResult:
    """Add the sessions not in the journal yet (one transaction after a backup); one the
    journal refuses (over 24 hours, ending before it starts) is listed in `skips`."""
    options = options or ImportOptions()
    skips = skips if skips is not None else SkipList(strict=True)
    backup = None if options.preview else backup_before_import(services, what)
    writer = TrackingWriter(services, dry_run=options.preview)
    # sessions are not in the search index: no rebuild to plan for
    with contextlib.nullcontext() if options.preview else import_transaction(0):
        for done, session in enumerate(sessions):
            if done % 200 == 0:
                progress(done, len(sessions), session.where)
            skips.attempt(session.where, partial(writer.add_session, session))
    progress(len(sessions), len(sessions), "done")
    return ImportResult(
        added={"sessions": writer.sessions_added},
        skipped={"sessions": writer.sessions_skipped},
        backup=backup,
        ignored={SHORT: writer.sessions_short} if writer.sessions_short else {},
        problems=tuple(skips.items),
        preview=options.preview,
    )
