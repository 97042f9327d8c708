"""Links between entries: `[[Title]]`, `[[Title|shown]]`, `[[#42]]` and `[text](entry:12)`.

Nothing is stored about links: they are read from the text when needed. Who a link
points to (`LinkIndex`): the entry with that title, compared case-folded with white
space collapsed; of several with one title, the oldest (lowest id), so writing a new
entry never steals the links of an old one. `[[#42]]` is number 42 of the linking
entry's series, else the one entry numbered 42 if only one series has it.

Backlinks are found with the full-text index (the title as a phrase, the number, or
`entry 12`), and every candidate is checked by parsing its links: no table to keep in
step with imports, restores and other processes, no migration.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from journal_app.db.models import Entry
from journal_app.services.clock import Clock, to_storage
from journal_app.services.common import clean_text, get_row
from journal_app.services.entries import EntryService
from journal_app.wikilinks import (
    ENTRY_LINK,
    WikiLink,
    find_links,
    linkable,
    retarget,
    sentence_around,
    title_key,
)

REASON = "before renaming links"
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Backlink:
    entry_id: int  # the entry that links here
    title: str
    day: dt.date
    sentence: str  # the sentence holding the (first) link, links shown as their text


@dataclass(frozen=True)
class LinkIndex:
    """Title and number lookups over the entries not in the trash (plain data: safe to
    read from the preview's render thread)."""

    by_title: dict[str, int]
    by_number: dict[tuple[str | None, int], int]
    titles: list[str]  # for completion: each title once, sorted

    def resolve(self, target: str, series: str | None = None) -> int | None:
        """The entry `target` ("Title" or "#42") names, seen from an entry of `series`."""
        link = WikiLink(0, 0, target.strip(), target)
        number = link.number
        if number is None:
            return self.by_title.get(title_key(target))
        if (series, number) in self.by_number:
            return self.by_number[(series, number)]
        return self.by_number.get((None, number)) if series is None else None

    def resolver(self, series: str | None = None) -> Callable[[str], int | None]:
        return lambda target: self.resolve(target, series)


class LinkService:
    def __init__(self, clock: Clock, entries: EntryService) -> None:
        self._clock = clock
        self._entries = entries

    @property
    def _db(self) -> Any:
        return Entry._meta.database

    def index(self) -> LinkIndex:
        cursor = self._db.execute_sql(
            'SELECT "id", "title", "series", "number" FROM "entry" '
            'WHERE "deleted_at" IS NULL ORDER BY "id"'
        )
        by_title: dict[str, int] = {}
        by_number: dict[tuple[str | None, int], int] = {}
        any_series: dict[int, set[int]] = {}
        shown: dict[str, str] = {}
        for entry_id, title, series, number in cursor.fetchall():
            key = title_key(title)
            if key:
                by_title.setdefault(key, entry_id)
                shown.setdefault(key, title.strip())
            if number is not None and series is not None:
                by_number.setdefault((series, number), entry_id)
                any_series.setdefault(number, set()).add(entry_id)
        for number, ids in any_series.items():
            if len(ids) == 1:  # unambiguous without a series
                by_number[(None, number)] = next(iter(ids))
        titles = sorted(shown.values(), key=lambda t: (t.casefold(), t))
        return LinkIndex(by_title, by_number, titles)

    # ------------------------------------------------------------------ backlinks

    def backlinks(self, entry_id: int, index: LinkIndex | None = None) -> list[Backlink]:
        """Entries (not in the trash) whose text links to `entry_id`, newest first.
        `index`: a current `index()` the caller holds (building one is most of the cost)."""
        target: Any = get_row(Entry, entry_id, "entry")
        index = index or self.index()
        terms = [f'"entry {int(entry_id)}"']
        wordless = bool(target.title.strip()) and not _WORD.search(target.title)
        if not wordless and target.title.strip():
            terms.append(_phrase(target.title))
        if target.number is not None:
            terms.append(f'"{int(target.number)}"')
        found = []
        for source_id, title, day, body, series in self._candidates(terms, entry_id, wordless):
            place = _first_link_to(body, entry_id, index, series)
            if place is not None:
                sentence = sentence_around(body, *place)
                found.append(Backlink(source_id, title, _day(day), sentence))
        return sorted(found, key=lambda b: (b.day, b.entry_id), reverse=True)

    def _candidates(
        self, terms: list[str], exclude: int, scan: bool = False
    ) -> list[tuple[Any, ...]]:
        """(id, title, day, body, series) of entries that may link: the full-text index
        narrows them down; a title without a word character scans the `[[` bodies."""
        match = " OR ".join(f"body : {term}" for term in terms)
        sql = (
            'SELECT e."id", e."title", e."day", e."body", e."series" FROM "entry_fts" '
            'JOIN "entry" e ON e."id" = "entry_fts".rowid '
            'WHERE "entry_fts" MATCH ? AND e."deleted_at" IS NULL AND e."id" <> ?'
        )
        rows = list(self._db.execute_sql(sql, (match, exclude)).fetchall())
        if scan:
            seen = {row[0] for row in rows}
            extra = self._db.execute_sql(
                'SELECT "id", "title", "day", "body", "series" FROM "entry" '
                'WHERE "body" LIKE \'%[[%\' AND "deleted_at" IS NULL AND "id" <> ?',
                (exclude,),
            ).fetchall()
            rows += [row for row in extra if row[0] not in seen]
        return rows

    # ------------------------------------------------------------------ renaming

    def linking_title(self, entry_id: int, old_title: str) -> list[int]:
        """Entries whose `[[old_title]]` links meant `entry_id` before it was renamed
        away from `old_title` (none when an older entry still holds that title)."""
        key = title_key(old_title)
        if not key:
            return []
        older = self._db.execute_sql(
            'SELECT "id", "title" FROM "entry" WHERE "deleted_at" IS NULL AND "id" < ?',
            (entry_id,),
        ).fetchall()
        if any(title_key(title) == key for _id, title in older):
            return []
        wordless = not _WORD.search(old_title)
        terms = [f'"entry {entry_id}"'] if wordless else [_phrase(old_title)]
        return [
            row[0]
            for row in self._candidates(terms, entry_id, wordless)
            if any(title_key(link.target) == key for link in find_links(row[3]))
        ]

    def rename_links(self, entry_id: int, old_title: str, new_title: str) -> int:
        """Point the `[[old_title]]` links to `entry_id` at `new_title`, in one
        transaction; each changed entry's previous text is kept in its history first.
        Returns how many entries changed."""
        new_title = clean_text(new_title, "the title").strip()
        if not linkable(new_title):
            return 0  # such a title cannot be written inside [[ ]]
        now = to_storage(self._clock())
        changed = 0
        with self._db.atomic("IMMEDIATE"):
            for source_id in self.linking_title(entry_id, old_title):
                entry: Any = get_row(Entry, source_id, "entry")
                body, count = retarget(entry.body, old_title, new_title)
                if not count:
                    continue
                EntryService.keep_snapshot(entry, REASON, now)
                Entry.update(body=body, rev=entry.rev + 1, updated_at=now).where(
                    Entry.id == source_id
                ).execute()
                changed += 1
        return changed


def _phrase(title: str) -> str:
    """`title` as an FTS5 phrase (the index's tokenizer splits it the same way)."""
    return '"' + title.replace('"', " ") + '"'


def _day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _first_link_to(
    body: str, entry_id: int, index: LinkIndex, series: str | None
) -> tuple[int, int] | None:
    places = [
        (link.start, link.end)
        for link in find_links(body)
        if index.resolve(link.target, series) == entry_id
    ]
    places += [
        (m.start(), m.end()) for m in ENTRY_LINK.finditer(body) if int(m.group(1)) == entry_id
    ]
    return min(places) if places else None
