"""Journal entries: create, edit with a revision check, list, trash, history, on this day.

Text is stored exactly as typed, with one exception: SQLite cannot store lone UTF-16
surrogates (they arrive from some clipboards), so each one becomes U+FFFD "�"; a valid
surrogate *pair* is joined into its real character first. NUL bytes are kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path
from typing import Any, NamedTuple

from peewee import SQL, fn

from journal_app.db.models import Attachment, Entry, EntryRevision, EntryTag, Sprint, Tag
from journal_app.errors import InvalidInput, JournalError
from journal_app.services.clock import Clock, from_storage, to_storage
from journal_app.services.common import UNSET, Unset, clean_text, get_row
from journal_app.services.rows import check_ref, rows

VISIBILITIES = ("private", "public")
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
# An autosave keeps at most one snapshot of the previous text per this much editing time.
SNAPSHOT_EVERY = dt.timedelta(minutes=10)


class EntryData(NamedTuple):
    id: int
    day: dt.date
    title: str
    body: str
    series: str | None
    number: int | None
    visibility: str
    rev: int
    tags: list[str] = field(default_factory=list)
    sprint_id: int | None = None
    published_url: str = ""
    created_at: dt.datetime | None = None  # aware UTC
    updated_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None  # set while in the trash


class EntrySummary(NamedTuple):
    id: int
    day: dt.date
    title: str
    series: str | None = None
    number: int | None = None
    visibility: str = "private"
    deleted_at: dt.datetime | None = None


class RevisionSummary(NamedTuple):
    id: int
    entry_id: int
    rev: int  # the entry's rev whose text this snapshot holds
    created_at: dt.datetime
    reason: str  # "autosave", "before delete", "before restore", ...
    title: str
    words: int


class RevisionData(NamedTuple):
    id: int
    entry_id: int
    rev: int
    created_at: dt.datetime
    reason: str
    title: str
    body: str


class Recall(NamedTuple):
    label: str  # "1 week ago", "1 month ago", "1 year ago"
    day: dt.date
    entries: list[EntrySummary]


class StaleRevision(JournalError):
    """The entry was saved elsewhere since the editor loaded it; `current` is the newer one."""

    def __init__(self, current: EntryData, expected_rev: int) -> None:
        super().__init__(
            f"entry {current.id} was changed elsewhere (revision {current.rev}, "
            f"this copy is revision {expected_rev})"
        )
        self.current = current


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """Strip blanks and a leading '#', drop duplicates, keep the given order."""
    if isinstance(tags, str):
        raise InvalidInput("tags must be a list of names, not one string")
    seen: dict[str, None] = {}
    for raw in tags:
        name = clean_text(raw, "a tag").strip().lstrip("#").strip()
        if name:
            seen.setdefault(name, None)
    return list(seen)


# Kept for callers of the first version.
_normalise_tags = normalise_tags


def _check_day(day: object) -> dt.date:
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise InvalidInput(f"the day must be a date, not {day!r}")
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(f"{day.isoformat()} is outside 1900-2100")
    return day


def _check_visibility(visibility: object) -> str:
    if visibility not in VISIBILITIES:
        raise InvalidInput(f"visibility must be one of {', '.join(VISIBILITIES)}")
    return str(visibility)


def _check_series(series: object) -> str | None:
    if series is None:
        return None
    name = clean_text(series, "the series").strip()
    return name or None


def _check_number(number: object) -> int | None:
    if number is None:
        return None
    if isinstance(number, bool) or not isinstance(number, int):
        raise InvalidInput(f"the number in a series must be a whole number, not {number!r}")
    if not 0 <= number <= 10**9:
        raise InvalidInput(f"the number in a series must be 0 or more, not {number}")
    return number


def _iso_day(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else from_storage(value)


def _summary(e: Any) -> EntrySummary:
    return EntrySummary(
        e.id, e.day, e.title, e.series, e.number, e.visibility, _aware(e.deleted_at)
    )


_SUMMARY_FIELDS = (
    Entry.id,
    Entry.day,
    Entry.title,
    Entry.series,
    Entry.number,
    Entry.visibility,
    Entry.deleted_at,
)


def _minus_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, clamped to the month's end (31 Mar → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def recall_days(today: dt.date) -> list[tuple[str, dt.date]]:
    """The days "on this day" looks back to, nearest first."""
    return [
        ("1 week ago", today - dt.timedelta(days=7)),
        ("1 month ago", _minus_months(today, 1)),
        ("1 year ago", _minus_months(today, 12)),
    ]


def _word_count(text: str) -> int:
    # lazy: shared with the editor's counter
    from journal_app.text_stats import word_count

    return word_count(text)


class EntryService:
    def __init__(self, clock: Clock, attachments_dir: Path | None = None) -> None:
        self._clock = clock
        self._attachments_dir = attachments_dir

    @property
    def _db(self) -> Any:
        return Entry._meta.database

    # ------------------------------------------------------------------ create / read

    def create(
        self,
        *,
        day: dt.date,
        title: str = "",
        body: str = "",
        series: str | None = None,
        number: int | None = None,
        tags: list[str] | None = None,
        visibility: str = "private",
        sprint_id: int | None = None,
    ) -> EntryData:
        visibility = _check_visibility(visibility)
        day = _check_day(day)
        title = clean_text(title, "the title")
        body = clean_text(body, "the body")
        series = _check_series(series)
        number = _check_number(number)
        names = normalise_tags(tags or [])
        now = to_storage(self._clock())
        with self._db.atomic():
            sprint_id = check_ref(Sprint, sprint_id)
            entry = Entry.create(
                day=day,
                title=title,
                body=body,
                series=series,
                number=number,
                visibility=visibility,
                sprint=sprint_id,
                created_at=now,
                updated_at=now,
            )
            self._add_tags(entry.id, names)
        return self.get(entry.id)

    def get(self, entry_id: int) -> EntryData:
        entry = get_row(Entry, entry_id, "entry")
        return self._data(entry, self._tags_of(entry.id))

    @staticmethod
    def _tags_of(entry_id: int) -> list[str]:
        query = (
            Tag.select(Tag.name)
            .join(EntryTag)
            .where(EntryTag.entry == entry_id)
            .order_by(Tag.name)
            .tuples()
        )
        return [name for (name,) in rows(query)]

    @staticmethod
    def _data(entry: Any, tags: list[str]) -> EntryData:
        return EntryData(
            id=entry.id,
            day=entry.day,
            title=entry.title,
            body=entry.body,
            series=entry.series,
            number=entry.number,
            visibility=entry.visibility,
            rev=entry.rev,
            tags=tags,
            sprint_id=entry.sprint_id,
            published_url=entry.published_url,
            created_at=_aware(entry.created_at),
            updated_at=_aware(entry.updated_at),
            deleted_at=_aware(entry.deleted_at),
        )

    def count(self) -> int:
        """Entries not in the trash. Every row less the trashed ones: both counts read the
        deleted_at index alone, where counting the live rows visits each of them."""
        total = Entry.select(fn.COUNT(Entry.id)).scalar() or 0
        trashed = Entry.select(fn.COUNT(Entry.id)).where(Entry.deleted_at.is_null(False))
        return int(total) - int(trashed.scalar() or 0)

    def recent(self, limit: int = 20) -> list[EntrySummary]:
        return self.summaries(limit=limit)

    def summaries(
        self,
        *,
        limit: int | None = None,
        before: tuple[dt.date, int] | None = None,
        since: dt.date | None = None,
    ) -> list[EntrySummary]:
        """Entries not in the trash, newest first (day, then the newer id). A page of them:
        ``before`` (day, id) starts after that entry, ``since`` stops before an older day,
        ``limit`` caps the rows (the journal list loads what it shows, a page at a time)."""
        # Raw SQL: peewee's per-field conversion cost ~10 µs a row; dates are ISO text.
        sql = 'SELECT "id", "day", "title", "series", "number", "visibility" FROM "entry" '
        where = ['"deleted_at" IS NULL']
        params: list[object] = []
        if before is not None:
            day = before[0].isoformat()
            where.append('"day" <= ? AND ("day" < ? OR "id" < ?)')
            params += [day, day, before[1]]
        if since is not None:
            where.append('"day" >= ?')
            params.append(since.isoformat())
        sql += "WHERE " + " AND ".join(where) + ' ORDER BY "day" DESC, "id" DESC'
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, limit))
        cursor = Entry._meta.database.execute_sql(sql, tuple(params))
        to_day = _iso_day
        return [
            EntrySummary(row[0], to_day(row[1]), row[2], row[3], row[4], row[5])
            for row in cursor.fetchall()
        ]

    def day_of(self, entry_id: int) -> dt.date | None:
        """The day of an entry not in the trash; None if there is no such entry."""
        day = (
            Entry.select(Entry.day).where(Entry.id == entry_id, Entry.deleted_at.is_null()).scalar()
        )
        return None if day is None else _iso_day(day)

    def days_with_entries(self, first: dt.date, last: dt.date) -> set[dt.date]:
        query = (
            Entry.select(Entry.day)
            .where(Entry.deleted_at.is_null(), Entry.day.between(first, last))
            .distinct()
            .tuples()
        )
        return {day for (day,) in rows(query)}

    def next_number(self, series: str) -> int:
        """The number the next entry of `series` gets: the highest so far + 1, else 1.

        Entries in the trash do not count: deleting #7 and writing again suggests #7.
        """
        name = _check_series(series)
        if name is None:
            return 1
        highest = (
            Entry.select(fn.MAX(Entry.number))
            .where(Entry.series == name, Entry.deleted_at.is_null())
            .scalar()
        )
        return 1 if highest is None else int(highest) + 1

    def series_names(self) -> list[str]:
        query = (
            Entry.select(Entry.series)
            .where(Entry.series.is_null(False), Entry.deleted_at.is_null())
            .distinct()
            .tuples()
        )
        return sorted((name for (name,) in rows(query)), key=lambda n: (n.casefold(), n))

    def tag_names(self) -> list[str]:
        """Tags on at least one entry that is not in the trash."""
        # Per tag, its first live entry settles it: joining every tagged entry read each
        # entry's row (2-4 s just after the window opened on 100,000 imported notes).
        tag = Tag.alias("listed_tag")
        live = (
            EntryTag.select(SQL("1"))
            .join(Entry)
            .where(EntryTag.tag == tag.id, Entry.deleted_at.is_null())
        )
        query = tag.select(tag.name).where(fn.EXISTS(live)).tuples()
        return sorted((name for (name,) in rows(query)), key=lambda n: (n.casefold(), n))

    # ------------------------------------------------------------------ update

    def update(
        self,
        entry_id: int,
        *,
        expected_rev: int,
        title: str | Unset = UNSET,
        body: str | Unset = UNSET,
        day: dt.date | Unset = UNSET,
        series: str | Unset | None = UNSET,
        number: int | Unset | None = UNSET,
        tags: list[str] | Unset = UNSET,
        visibility: str | Unset = UNSET,
        sprint_id: int | Unset | None = UNSET,
        published_url: str | Unset = UNSET,
        snapshot: str | None = None,
    ) -> EntryData:
        """Save the given fields if the stored entry is still at `expected_rev`.

        Raises StaleRevision (nothing written) when it was saved elsewhere meanwhile.
        Unchanged values return the entry as it is, without a new rev. Before the text
        changes, the previous text is kept as a snapshot when the newest snapshot is at
        least SNAPSHOT_EVERY old, so history holds one version per ten minutes of editing;
        with ``snapshot`` (a reason, e.g. "before edit") it is kept whenever the text changes.
        """
        # Validate everything before touching the database: bad input changes nothing.
        values: dict[str, Any] = {}
        if title is not UNSET:
            values["title"] = clean_text(title, "the title")
        if body is not UNSET:
            values["body"] = clean_text(body, "the body")
        if day is not UNSET:
            values["day"] = _check_day(day)
        if series is not UNSET:
            values["series"] = _check_series(series)
        if number is not UNSET:
            values["number"] = _check_number(number)
        if visibility is not UNSET:
            values["visibility"] = _check_visibility(visibility)
        if published_url is not UNSET:
            values["published_url"] = clean_text(published_url, "the published URL").strip()
        new_tags = None if tags is UNSET else normalise_tags(tags)

        now = to_storage(self._clock())
        with self._db.atomic("IMMEDIATE"):
            entry: Any = get_row(Entry, entry_id, "entry")
            if entry.rev != expected_rev:
                raise StaleRevision(self._data(entry, self._tags_of(entry_id)), expected_rev)
            if sprint_id is not UNSET and sprint_id != entry.sprint_id:
                values["sprint"] = check_ref(Sprint, sprint_id)
            changed = {k: v for k, v in values.items() if v != _stored(entry, k)}
            old_tags = self._tags_of(entry_id)
            tags_changed = new_tags is not None and set(new_tags) != set(old_tags)
            if not changed and not tags_changed:
                return self._data(entry, old_tags)
            if "title" in changed or "body" in changed:
                if snapshot is not None:
                    self._keep(entry, snapshot, now)
                elif self._snapshot_due(entry_id, now):
                    self._keep(entry, "autosave", now)
            changed["rev"] = entry.rev + 1
            changed["updated_at"] = now
            written = (
                Entry.update(changed)
                .where(Entry.id == entry_id, Entry.rev == expected_rev)
                .execute()
            )
            if written != 1:  # another connection got in between: say so, write nothing
                raise StaleRevision(self.get(entry_id), expected_rev)
            if new_tags is not None and tags_changed:
                self._replace_tags(entry_id, old_tags, new_tags)
                old_tags = sorted(new_tags)
            for key, value in changed.items():
                setattr(entry, key, value)
        return self._data(entry, old_tags)

    def _snapshot_due(self, entry_id: int, now: dt.datetime) -> bool:
        newest = (
            EntryRevision.select(EntryRevision.created_at)
            .where(EntryRevision.entry == entry_id)
            .order_by(EntryRevision.id.desc())
            .limit(1)
            .scalar()
        )
        return newest is None or now - newest >= SNAPSHOT_EVERY

    @staticmethod
    def keep_snapshot(entry: Entry, reason: str, now: dt.datetime) -> EntryRevision | None:
        """Store the entry's current title and body as a revision (other services'
        multi-entry changes call this inside their own transaction)."""
        return EntryService._keep(entry, reason, now)

    @staticmethod
    def _keep(entry: Entry, reason: str, now: dt.datetime) -> EntryRevision | None:
        """Store the entry's current title and body as a revision (not when both are empty)."""
        if not entry.title and not entry.body:
            return None
        return EntryRevision.create(
            entry=entry.id,
            rev=entry.rev,
            title=entry.title,
            body=entry.body,
            reason=reason,
            created_at=now,
        )

    @staticmethod
    def _add_tags(entry_id: int, names: list[str]) -> None:
        for name in names:
            tag, _ = Tag.get_or_create(name=name)
            EntryTag.create(entry=entry_id, tag=tag)

    def _replace_tags(self, entry_id: int, old: list[str], new: list[str]) -> None:
        removed = [name for name in old if name not in set(new)]
        added = [name for name in new if name not in set(old)]
        if removed:
            gone = Tag.select(Tag.id).where(Tag.name.in_(removed))
            EntryTag.delete().where(EntryTag.entry == entry_id, EntryTag.tag.in_(gone)).execute()
        self._add_tags(entry_id, added)

    # ------------------------------------------------------------------ trash

    def trash(self, entry_id: int) -> None:
        """Move an entry to the trash (a snapshot of its text is kept first)."""
        now = to_storage(self._clock())
        with self._db.atomic("IMMEDIATE"):
            entry = self._entry(entry_id)
            if entry.deleted_at is not None:
                return
            self._keep(entry, "before delete", now)
            # A new rev: an editor still showing the entry cannot save into the trash.
            Entry.update(deleted_at=now, rev=Entry.rev + 1).where(Entry.id == entry_id).execute()

    def restore(self, entry_id: int) -> EntryData:
        """Take an entry back out of the trash."""
        with self._db.atomic("IMMEDIATE"):
            entry = self._entry(entry_id)
            if entry.deleted_at is not None:
                Entry.update(deleted_at=None, rev=Entry.rev + 1).where(
                    Entry.id == entry_id
                ).execute()
        return self.get(entry_id)

    def trashed(self) -> list[EntrySummary]:
        """Entries in the trash, the most recently deleted first."""
        query = (
            Entry.select(*_SUMMARY_FIELDS)
            .where(Entry.deleted_at.is_null(False))
            .order_by(Entry.deleted_at.desc(), Entry.id.desc())
        )
        return [_summary(e) for e in rows(query.namedtuples())]

    def empty_trash(self) -> int:
        """Delete the entries in the trash for good, with their history, tags and
        attachments; return how many entries went. Image files that nothing else uses (no
        other entry's attachment, no remaining text or snapshot that mentions the file,
        e.g. after copying an image's Markdown into another entry) are removed once the
        database change has committed."""
        with self._db.atomic("IMMEDIATE"):
            doomed = Entry.select(Entry.id).where(Entry.deleted_at.is_null(False))
            files = {
                name
                for (name,) in rows(
                    Attachment.select(Attachment.filename)
                    .where(Attachment.entry.in_(doomed))
                    .tuples()
                )
            }
            count = Entry.delete().where(Entry.deleted_at.is_null(False)).execute()
            still_used = {
                name
                for (name,) in rows(
                    Attachment.select(Attachment.filename)
                    .where(Attachment.filename.in_(list(files)))
                    .tuples()
                )
            }
            unused = {name for name in files - still_used if not _mentioned(name)}
        self._remove_files(unused)
        return int(count)

    def _remove_files(self, names: set[str]) -> None:
        folder = self._attachments_dir
        if folder is None or not names:
            return
        for name in names:
            if "/" in name or "\\" in name or name in ("", ".", ".."):
                continue  # never follow a stored name out of the folder
            path = folder / name
            try:
                if path.is_file() and not path.is_symlink():
                    path.unlink()
            except OSError:
                pass  # a file we cannot remove is only wasted space, never lost data

    def _entry(self, entry_id: int) -> Entry:
        return get_row(Entry, entry_id, "entry")

    # ------------------------------------------------------------------ history

    def snapshot(self, entry_id: int, reason: str) -> RevisionSummary:
        """Keep the entry's current text as a revision now (even when empty)."""
        reason = clean_text(reason, "the reason").strip() or "snapshot"
        now = to_storage(self._clock())
        with self._db.atomic():
            entry = self._entry(entry_id)
            revision = EntryRevision.create(
                entry=entry.id,
                rev=entry.rev,
                title=entry.title,
                body=entry.body,
                reason=reason,
                created_at=now,
            )
        return self._revision_summary(revision)

    def history(self, entry_id: int) -> list[RevisionSummary]:
        """The entry's snapshots, newest first."""
        self._entry(entry_id)
        query = (
            EntryRevision.select()
            .where(EntryRevision.entry == entry_id)
            .order_by(EntryRevision.created_at.desc(), EntryRevision.id.desc())
        )
        return [self._revision_summary(r) for r in query]

    @staticmethod
    def _revision_summary(r: Any) -> RevisionSummary:
        return RevisionSummary(
            id=r.id,
            entry_id=r.entry_id,
            rev=r.rev,
            created_at=from_storage(r.created_at),
            reason=r.reason,
            title=r.title,
            words=_word_count(r.body),
        )

    def revision(self, revision_id: int) -> RevisionData:
        r: Any = get_row(EntryRevision, revision_id, "revision")
        return RevisionData(
            id=r.id,
            entry_id=r.entry_id,
            rev=r.rev,
            created_at=from_storage(r.created_at),
            reason=r.reason,
            title=r.title,
            body=r.body,
        )

    def restore_revision(self, revision_id: int, *, expected_rev: int) -> EntryData:
        """Put a snapshot's title and body back (the current text is kept first)."""
        now = to_storage(self._clock())
        with self._db.atomic("IMMEDIATE"):
            revision: Any = get_row(EntryRevision, revision_id, "revision")
            entry = self._entry(revision.entry_id)
            if entry.rev != expected_rev:
                raise StaleRevision(self._data(entry, self._tags_of(entry.id)), expected_rev)
            if (entry.title, entry.body) == (revision.title, revision.body):
                return self._data(entry, self._tags_of(entry.id))
            self._keep(entry, "before restore", now)
            Entry.update(
                title=revision.title, body=revision.body, rev=entry.rev + 1, updated_at=now
            ).where(Entry.id == entry.id).execute()
        return self.get(revision.entry_id)

    # ------------------------------------------------------------------ on this day

    def on_this_day(self, today: dt.date) -> list[Recall]:
        """Entries from 1 week, 1 month and 1 year before `today` (only days that have some)."""
        wanted = recall_days(today)
        days = {day for _, day in wanted}
        query = (
            Entry.select(*_SUMMARY_FIELDS)
            .where(Entry.deleted_at.is_null(), Entry.day.in_(sorted(days)))
            .order_by(Entry.day, Entry.id)
        )
        by_day: dict[dt.date, list[EntrySummary]] = {}
        for e in rows(query.namedtuples()):
            by_day.setdefault(e.day, []).append(_summary(e))
        return [Recall(label, day, by_day[day]) for label, day in wanted if day in by_day]


def _mentioned(filename: str) -> bool:
    """True when any entry or snapshot text still refers to the file."""
    return bool(
        Entry.select(Entry.id).where(Entry.body.contains(filename)).exists()
        or EntryRevision.select(EntryRevision.id)
        .where(EntryRevision.body.contains(filename))
        .exists()
    )


def _stored(entry: Any, key: str) -> Any:
    return entry.sprint_id if key == "sprint" else getattr(entry, key)
