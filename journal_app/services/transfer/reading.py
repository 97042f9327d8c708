"""The entries an export writes, read in two queries (not two per entry)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peewee import fn

from journal_app.db.models import Attachment, Entry, EntryTag, Setting, Tag
from journal_app.services.rows import rows

ATTACHMENT_LINK = re.compile(r"attachment:([A-Za-z0-9][A-Za-z0-9_.-]{0,200})")
# Tags never published: "private", "private/health", "_draft", and any listed in the
# journal's `publish.private_tags` setting (comma separated).
PRIVATE_PREFIXES = ("private", "_")
PRIVATE_TAGS_SETTING = "publish.private_tags"


@dataclass(frozen=True)
class ExportEntry:
    id: int
    day: dt.date
    title: str
    body: str
    tags: list[str]
    series: str | None
    number: int | None
    visibility: str
    published_url: str


def entries(
    *,
    public_only: bool = False,
    first: dt.date | None = None,
    last: dt.date | None = None,
    entry_id: int | None = None,
    tag: str | None = None,
    sprint_id: int | None = None,
) -> list[ExportEntry]:
    """Entries not in the trash, oldest first (day, then id); narrowed to a range, one
    entry, one tag (by name, any case) or one sprint's entries (its review included)."""
    query = Entry.select(
        Entry.id,
        Entry.day,
        Entry.title,
        Entry.body,
        Entry.series,
        Entry.number,
        Entry.visibility,
        Entry.published_url,
    ).where(Entry.deleted_at.is_null())
    if public_only:
        query = query.where(Entry.visibility == "public")
    if first is not None:
        query = query.where(Entry.day >= first)
    if last is not None:
        query = query.where(Entry.day <= last)
    if entry_id is not None:
        query = query.where(Entry.id == entry_id)
    if tag is not None:
        tagged = EntryTag.select(EntryTag.entry).join(Tag).where(fn.lower(Tag.name) == tag.lower())
        query = query.where(Entry.id.in_(tagged))
    if sprint_id is not None:
        query = query.where(Entry.sprint == sprint_id)
    found = rows(query.order_by(Entry.day, Entry.id).tuples())
    tags: dict[int, list[str]] = {}
    tag_query = (
        EntryTag.select(EntryTag.entry, Tag.name)
        .join(Tag)
        .join_from(EntryTag, Entry)
        .where(Entry.deleted_at.is_null())
        .order_by(Tag.name)
        .tuples()
    )
    if entry_id is not None:
        tag_query = tag_query.where(EntryTag.entry == entry_id)
    for owner, name in rows(tag_query):
        tags.setdefault(owner, []).append(name)
    return [
        ExportEntry(i, day, title, body, tags.get(i, []), series, number, vis, url)
        for i, day, title, body, series, number, vis, url in found
    ]


def attachment_names(body: str) -> list[str]:
    """The attachment files a body refers to, in order, once each."""
    return list(dict.fromkeys(ATTACHMENT_LINK.findall(body)))


def known_attachments() -> set[str]:
    return {name for (name,) in rows(Attachment.select(Attachment.filename).tuples())}


def private_tags() -> set[str]:
    row = Setting.get_or_none(Setting.key == PRIVATE_TAGS_SETTING)
    if row is None:
        return set()
    return {t.strip().lstrip("#").casefold() for t in row.value.split(",") if t.strip()}


def is_private_tag(name: str, listed: set[str] | frozenset[str] = frozenset()) -> bool:
    folded = name.casefold()
    return folded.startswith(PRIVATE_PREFIXES) or folded in listed


def public_tags(tags: list[str], listed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    return [t for t in tags if not is_private_tag(t, listed)]


_HASHTAG = re.compile(r"(?<![\w#&/])#([A-Za-z_][\w/-]*)")


def strip_private_hashtags(body: str, listed: set[str] | frozenset[str] = frozenset()) -> str:
    """Inline `#private…` / `#_…` hashtags removed (Markdown headings are not hashtags:
    they have a space after the #). Code is left alone."""
    out: list[str] = []
    fenced = False
    for line in body.splitlines(keepends=True):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or line.startswith("    "):
            out.append(line)
            continue
        parts = line.split("`")
        for i in range(0, len(parts), 2):  # outside inline code spans
            parts[i] = _HASHTAG.sub(
                lambda m: "" if is_private_tag(m.group(1), listed) else m.group(0), parts[i]
            )
        cleaned = "`".join(parts)
        if cleaned != line:
            cleaned = re.sub(r"[ \t]{2,}", " ", cleaned).replace(" \n", "\n")
        out.append(cleaned)
    return "".join(out)
