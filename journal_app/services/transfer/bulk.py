"""The machinery every import shares: a backup first, one transaction, the search index
rebuilt once, and writers that skip what the journal already holds.

Identity (so re-importing a file adds nothing): an entry is the same when its day, title
and body are the same (links to other entries, `](entry:12)`, compare without their
ids, which differ from one import to the next); a session when it starts and ends at
the same instants; a night (day log) when it is for the same day. No schema change is
needed, a file from any tool is recognised whatever ids it carries, and an entry edited
since its import comes back as a second copy rather than silently replacing the edit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import SqliteDatabase

from journal_app.db import checksums, search_index
from journal_app.db.models import (
    Category,
    DayLog,
    Entry,
    EntryTag,
    Skill,
    Tag,
    WorkSession,
)
from journal_app.errors import InvalidInput
from journal_app.services.attachments import sniff_file
from journal_app.services.clock import to_storage
from journal_app.services.common import clean_text
from journal_app.services.entries import FIRST_DAY, LAST_DAY, VISIBILITIES, normalise_tags
from journal_app.services.rows import rows
from journal_app.services.tracking.common import check_hours, check_rating
from journal_app.services.tracking.sessions import MIN_SESSION, check_span
from journal_app.services.tracking.sleep import MAX_SLEEP_HOURS, night_span
from journal_app.services.tracking.timeutil import hours as to_hours
from journal_app.services.transfer.import_files import shown

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

# From this many rows on, the search index is rebuilt once instead of row by row.
BULK_ROWS = 200


def _db() -> Any:
    return Entry._meta.database


def backup_before_import(services: TransferContext, what: str) -> Path:
    """A verified copy of the journal in `backups/` before an import writes anything."""
    return Path(services.backups.create("pre-import").path)


@contextlib.contextmanager
def import_transaction(expected_rows: int, *, adds_entries: bool = False) -> Iterator[None]:
    """One transaction for the whole import; many rows: the index is rebuilt once, and
    with `adds_entries` (the block adds entries through EntryWriter only, ids chosen by
    SQLite) their row checksums are written in one statement too."""
    database = _db()
    sqlite = _is_sqlite(database)
    transaction = database.atomic("IMMEDIATE") if sqlite else database.atomic()
    many = expected_rows >= BULK_ROWS
    suspended = search_index.index_suspended(database, suspend=many)
    sums = (
        checksums.insert_sums_deferred(database)
        if many and adds_entries and sqlite
        else contextlib.nullcontext()
    )
    with transaction, suspended, sums:
        yield


def _is_sqlite(database: Any) -> bool:
    return isinstance(getattr(database, "obj", database), SqliteDatabase)


# ---------------------------------------------------------------------- entries


@dataclass
class NewEntry:
    """An entry read from a file, not yet checked."""

    where: str  # "notes/2026-03-10.md", "journal.json entry 3": named in errors
    day: dt.date
    title: str = ""
    body: str = ""
    tags: Sequence[str] = ()
    series: str | None = None
    number: int | None = None
    visibility: str = "private"
    published_url: str = ""
    created_at: dt.datetime | None = None  # aware
    # (filename, bytes): images and the other files attachments.sniff_file knows
    images: list[tuple[str, bytes]] = field(default_factory=list)


ENTRY_LINK = re.compile(r"\]\(entry:[^)\s]*\)")


def entry_identity(day: dt.date, title: str, body: str) -> str:
    if "](entry:" in body:
        body = ENTRY_LINK.sub("](entry:)", body)
    digest = hashlib.sha256()
    for part in (day.isoformat(), title, body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def check_entry(new: NewEntry) -> NewEntry:
    """The entry with clean values, or InvalidInput naming `new.where` and the field."""
    where = new.where
    if isinstance(new.day, dt.datetime) or not isinstance(new.day, dt.date):
        raise InvalidInput(f"{where}: day: {shown(new.day)} is not a date")
    if not FIRST_DAY <= new.day <= LAST_DAY:
        raise InvalidInput(f"{where}: day: {new.day.isoformat()} is outside 1900-2100")
    try:
        title = clean_text(new.title, "title").strip()
        body = clean_text(new.body, "body")
        tags = normalise_tags(list(new.tags))
        series = clean_text(new.series, "series").strip() or None if new.series else None
    except InvalidInput as exc:
        raise InvalidInput(f"{where}: {exc}") from None
    if "\n" in title:
        raise InvalidInput(f"{where}: title: a title is one line")
    number = new.number
    if number is not None and (
        isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= 10**9
    ):
        raise InvalidInput(f"{where}: number: {shown(number)} is not a whole number of 0 or more")
    if new.visibility not in VISIBILITIES:
        raise InvalidInput(
            f"{where}: visibility: {shown(new.visibility)} is not one of {', '.join(VISIBILITIES)}"
        )
    url = clean_text(new.published_url or "", "published_url").strip()
    return NewEntry(
        where,
        new.day,
        title,
        body,
        tags,
        series,
        number,
        new.visibility,
        url,
        new.created_at,
        new.images,
    )


class _Insert:
    """One INSERT of given fields as plain SQL, built once: peewee's query builder costs
    more than SQLite's insert when an import adds 10,000 entries (benchmarks/)."""

    def __init__(self, model: Any, fields: Sequence[Any]) -> None:
        self._table = model._meta.table_name
        self._fields = list(fields)
        self._sql: dict[int, str] = {}

    def sql(self, database: Any, rows: int = 1) -> str:
        found = self._sql.get(rows)
        if found is None:
            columns = ", ".join(f'"{f.column_name}"' for f in self._fields)
            row = "(" + ", ".join([database.param] * len(self._fields)) + ")"
            found = self._sql[rows] = (
                f'INSERT INTO "{self._table}" ({columns}) VALUES {", ".join([row] * rows)}'
            )
        return found

    def values(self, row: Sequence[Any]) -> list[Any]:
        return [f.db_value(v) for f, v in zip(self._fields, row, strict=True)]


_ENTRY_INSERT = _Insert(
    Entry,
    (
        Entry.day,
        Entry.title,
        Entry.body,
        Entry.series,
        Entry.number,
        Entry.visibility,
        Entry.published_url,
        Entry.rev,
        Entry.created_at,
        Entry.updated_at,
    ),
)
_TAG_INSERT = _Insert(EntryTag, (EntryTag.entry, EntryTag.tag))


class EntryWriter:
    """Adds entries that are not in the journal yet (see the module doc); with
    `dry_run`, only counts what it would add (an import's preview)."""

    def __init__(self, services: TransferContext, *, dry_run: bool = False) -> None:
        self._services = services
        self._dry_run = dry_run
        self._now = to_storage(services.clock())
        self._known: dict[str, int] | None = None
        self.existing: int | None = None  # the id of the last entry found already there
        self._tag_ids: dict[str, int] = {}
        self.added = 0
        self.skipped = 0
        self.images = 0

    def _identities(self) -> dict[str, int]:
        if self._known is None:
            query = Entry.select(Entry.id, Entry.day, Entry.title, Entry.body).tuples()
            self._known = {
                entry_identity(_as_date(day), title, body): int(i)
                for i, day, title, body in rows(query)
            }
        return self._known

    def add(self, new: NewEntry) -> int | None:
        """The new entry's id, or None when the journal already has it (`existing`
        then holds its id) or on a dry run."""
        identity = entry_identity(new.day, new.title, new.body)
        known = self._identities()
        self.existing = known.get(identity)
        if self.existing is not None:
            self.skipped += 1
            return None
        if self._dry_run:
            known[identity] = -1  # a second copy in the same files is not counted twice
            self.added += 1
            self.images += len({name for name, data in new.images if sniff_file(data)})
            return None
        created = to_storage(new.created_at) if new.created_at is not None else self._now
        values = (
            new.day,
            new.title,
            new.body,
            new.series,
            new.number,
            new.visibility,
            new.published_url,
            1,
            created,
            created,
        )
        database = _db()
        entry_id = database.execute_sql(
            _ENTRY_INSERT.sql(database), _ENTRY_INSERT.values(values)
        ).lastrowid
        if new.tags:  # one statement for all of them: imports bring many tags
            pairs = [(entry_id, self._tag_id(name)) for name in new.tags]
            database.execute_sql(
                _TAG_INSERT.sql(database, len(pairs)),
                [v for pair in pairs for v in _TAG_INSERT.values(pair)],
            )
        for filename, data in new.images:
            self._attach(entry_id, filename, data)
        known[identity] = int(entry_id)
        self.added += 1
        return int(entry_id)

    def set_body(self, entry_id: int, body: str) -> None:
        """Replace the body of an entry this writer added (its links, once the entries
        they point to have ids); the identity ignores link ids, so it stays the same."""
        Entry.update(body=body).where(Entry.id == entry_id).execute()

    def _tag_id(self, name: str) -> int:
        found = self._tag_ids.get(name)
        if found is None:
            tag, _ = Tag.get_or_create(name=name)
            found = self._tag_ids[name] = int(tag.id)
        return found

    def _attach(self, entry_id: int, filename: str, data: bytes) -> None:
        """Store a file the entry's body refers to as `attachment:<filename>`."""
        if sniff_file(data) is None:
            return
        stored = self._services.attachments.add_file(entry_id, data)
        if stored.filename != filename:  # named by content, as the body expects
            raise InvalidInput(f"attachment {filename} does not match its content")
        self.images += 1


def image_name(data: bytes) -> str | None:
    """The name an image (or a PDF, video, sound) gets in the attachments folder, as
    pasting it would give; None for bytes attachments do not keep."""
    kind = sniff_file(data)
    if kind is None:
        return None
    return f"{hashlib.sha256(data).hexdigest()[:16]}.{kind[0]}"


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


# ---------------------------------------------------------------------- tracking


@dataclass
class NewSession:
    where: str
    start: dt.datetime  # aware
    end: dt.datetime
    category: str | None = None
    skill: str | None = None
    note: str = ""


@dataclass
class NewNight:
    where: str
    day: dt.date
    bed: dt.datetime | None = None  # aware
    wake: dt.datetime | None = None
    hours: float | None = None
    quality: int | None = None
    energy: int | None = None
    note: str = ""


class TrackingWriter:
    """Adds sessions and nights not in the journal yet; names become categories/skills."""

    def __init__(self, services: TransferContext, *, dry_run: bool = False) -> None:
        self._services = services
        self._dry_run = dry_run  # count only (an import's preview)
        self._spans: set[tuple[dt.datetime, dt.datetime]] | None = None
        self._days: set[dt.date] | None = None
        self._categories: dict[str, int] = {}
        self._skills: dict[str, int] = {}
        self.sessions_added = 0
        self.sessions_skipped = 0
        self.sessions_short = 0  # under a minute: skipped and counted, not refused
        self.nights_added = 0
        self.nights_skipped = 0

    def add_session(self, new: NewSession) -> None:
        if dt.timedelta(0) <= new.end - new.start < MIN_SESSION:
            self.sessions_short += 1
            return
        try:
            start, end = check_span(new.start, new.end, self._services.tz)
        except InvalidInput as exc:
            raise InvalidInput(f"{new.where}: {exc}") from None
        key = (to_storage(start), to_storage(end))
        if self._spans is None:
            query = WorkSession.select(WorkSession.start, WorkSession.end).tuples()
            self._spans = {(s, e) for s, e in rows(query)}
        if key in self._spans:
            self.sessions_skipped += 1
            return
        self._spans.add(key)
        if self._dry_run:
            self.sessions_added += 1
            return
        WorkSession.insert(
            start=key[0],
            end=key[1],
            category=self._category(new.category),
            skill=self._skill(new.skill),
            note=clean_text(new.note, "the note").strip(),
            source="manual",
        ).execute()
        self.sessions_added += 1

    def _category(self, name: str | None) -> int | None:
        name = (name or "").strip()
        if not name:
            return None
        if name not in self._categories:
            row = Category.get_or_none(Category.name == name)
            if row is None:
                position = Category.select().count()
                row = Category.create(name=name[:200], side="production", position=position)
            self._categories[name] = int(row.id)
        return self._categories[name]

    def skill(self, name: str | None) -> int | None:
        """The id of the skill named `name` (created when new), None for no name."""
        return self._skill(name)

    def _skill(self, name: str | None) -> int | None:
        name = (name or "").strip()
        if not name:
            return None
        if name not in self._skills:
            row = Skill.get_or_none(Skill.name == name)
            if row is None:
                row = Skill.create(name=name[:200], created_at=to_storage(self._services.clock()))
            self._skills[name] = int(row.id)
        return self._skills[name]

    def add_night(self, new: NewNight) -> None:
        values: dict[str, Any] = {}
        try:
            if not FIRST_DAY <= new.day <= LAST_DAY:
                raise InvalidInput(f"{new.day.isoformat()} is outside 1900-2100")
            if new.bed is not None and new.wake is not None:
                bed, wake = night_span(new.day, new.bed, new.wake, self._services.tz)
                values.update(
                    sleep_start=to_storage(bed),
                    sleep_end=to_storage(wake),
                    sleep_hours=to_hours(wake - bed),  # as saving the night gives
                )
            elif new.hours is not None:
                values["sleep_hours"] = check_hours(
                    new.hours, "hours of sleep", high=MAX_SLEEP_HOURS
                )
            elif new.bed is not None or new.wake is not None:
                raise InvalidInput("give both the bed and the wake time")
            values["sleep_quality"] = check_rating(new.quality, "quality")
            values["energy"] = check_rating(new.energy, "energy")
            values["note"] = clean_text(new.note, "the note").strip()
        except InvalidInput as exc:
            raise InvalidInput(f"{new.where}: {exc}") from None
        if self._days is None:
            self._days = {_as_date(d) for (d,) in rows(DayLog.select(DayLog.day).tuples())}
        if new.day in self._days:
            self.nights_skipped += 1
            return
        self._days.add(new.day)
        if self._dry_run:
            self.nights_added += 1
            return
        DayLog.insert(day=new.day, **values).execute()
        self.nights_added += 1


def count(items: Iterable[object]) -> int:
    return sum(1 for _ in items)
