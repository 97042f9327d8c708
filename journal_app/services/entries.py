"""Journal entries: create, read, list. The editor (issue #3) builds on these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from journal_app.db.models import Entry, EntryTag, Tag
from journal_app.errors import InvalidInput
from journal_app.services.clock import Clock, to_storage

VISIBILITIES = ("private", "public")


@dataclass(frozen=True)
class EntryData:
    id: int
    day: dt.date
    title: str
    body: str
    series: str | None
    number: int | None
    visibility: str
    rev: int
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EntrySummary:
    id: int
    day: dt.date
    title: str


def _normalise_tags(tags: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for raw in tags:
        name = raw.strip().lstrip("#").strip()
        if name:
            seen.setdefault(name, None)
    return list(seen)


class EntryService:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock

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
    ) -> EntryData:
        if visibility not in VISIBILITIES:
            raise InvalidInput(f"visibility must be one of {', '.join(VISIBILITIES)}")
        if not dt.date(1900, 1, 1) <= day <= dt.date(2100, 12, 31):
            raise InvalidInput(f"{day.isoformat()} is outside 1900-2100")
        now = to_storage(self._clock())
        with Entry._meta.database.atomic():
            entry = Entry.create(
                day=day,
                title=title,
                body=body,
                series=series or None,
                number=number,
                visibility=visibility,
                created_at=now,
                updated_at=now,
            )
            names = _normalise_tags(tags or [])
            for name in names:
                tag, _ = Tag.get_or_create(name=name)
                EntryTag.create(entry=entry, tag=tag)
        return self.get(entry.id)

    def get(self, entry_id: int) -> EntryData:
        entry = Entry.get_or_none(Entry.id == entry_id)
        if entry is None:
            raise InvalidInput(f"there is no entry {entry_id}")
        tags = [
            t.name
            for t in Tag.select(Tag.name)
            .join(EntryTag)
            .where(EntryTag.entry == entry_id)
            .order_by(Tag.name)
        ]
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
        )

    def count(self) -> int:
        return Entry.select().where(Entry.deleted_at.is_null()).count()

    def recent(self, limit: int = 20) -> list[EntrySummary]:
        query = (
            Entry.select(Entry.id, Entry.day, Entry.title)
            .where(Entry.deleted_at.is_null())
            .order_by(Entry.day.desc(), Entry.id.desc())
            .limit(limit)
        )
        return [EntrySummary(e.id, e.day, e.title) for e in query]
