"""`dayone`: Day One's JSON export: the `.zip` it makes, the folder it unpacks to, or
its `Journal.json`.

    {"metadata": {"version": "1.0"}, "entries": [{"uuid": "...", "creationDate":
      "2026-03-10T08:15:00Z", "timeZone": "Europe/Berlin", "text": "# Title\\n\\nBody",
      "tags": ["ml"], "starred": false, "photos": [{"identifier": "AB12", "md5": "...",
      "type": "jpeg"}], "videos": [...], "audios": [...], "pdfAttachments": [...],
      "location": {...}, "weather": {...}}]}

- The day is the creation date in the entry's own time zone, and that moment is kept as
  the entry's created time; the first line is the title, as Day One lists it (heading
  marks and emphasis dropped; a long first line gives its first sentence, the line
  itself staying in the body).
- Photos, videos, sounds and PDFs (`dayone-moment://ID`, `dayone-moment:/video/ID`, ...,
  files `photos/<md5>.jpeg`, `videos/`, `audios/`, `pdfs/`) become attachments: images
  shown, the others linked. One the export lacks leaves a visible note in the text and
  is counted; importing the export again with its media completes those entries.
- A list at the end of the text keeps what the app has no field for: Day One's own
  `uuid` (the entry's identity: re-importing adds nothing, two entries with the same day
  and text are two entries), the time written, the place and the weather.
- Day One's escaping of `.`, `!`, `(`, `)` and of `-` inside words is undone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_app.db.models import Entry
from journal_app.errors import InvalidInput
from journal_app.services.attachments import MAX_BYTES, sniff_image
from journal_app.services.clock import to_storage
from journal_app.services.rows import rows
from journal_app.services.tracking.timeutil import zone_named
from journal_app.services.transfer.bulk import (
    EntryWriter,
    NewEntry,
    backup_before_import,
    check_entry,
    image_name,
    import_transaction,
)
from journal_app.services.transfer.common import ImportResult, Progress, bad_input, no_progress
from journal_app.services.transfer.import_files import (
    MAX_JSON_BYTES,
    FolderScan,
    check_zip,
    decode_text,
    load_json,
    read_bytes,
    read_member,
    shown,
)
from journal_app.services.transfer.skips import ImportOptions, SkipList

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

# JSON list -> (folder in the export, what the text calls it)
MEDIA = {
    "photos": ("photos", "photo"),
    "videos": ("videos", "video"),
    "audios": ("audios", "audio"),
    "pdfAttachments": ("pdfs", "PDF"),
}
MISSING = "media files not in the export (import it again with them to complete the entries)"
COMPLETED = "entries completed"

# `![](dayone-moment://ID)` (photos) and `![](dayone-moment:/video/ID)` (other media).
_EMBED = re.compile(r"(!?)\[([^\]\n]*)\]\(dayone-moment:(?://|/[A-Za-z]+/)([A-Za-z0-9-]+)\)")
_BARE = re.compile(r"dayone-moment:(?://|/[A-Za-z]+/)([A-Za-z0-9-]+)")
_ESCAPED = re.compile(r"\\([.!()])|(?<=\S)\\(-)")
# What the import writes where a file was missing, and the line that names the entry.
_PLACEHOLDER = re.compile(
    r"\*\(Day One (photo|video|audio|PDF) ([A-Za-z0-9-]+) is not in the export\)\*"
)
UUID_LINE = "- Day One entry: "
_UUID = re.compile(r"^- Day One entry: ([A-Za-z0-9-]{1,64})$", re.M)
# A first line that only shows or links a file (a photo first) gives no title.
_MEDIA_LINE = re.compile(r"\s*!?\[[^\]\n]*\]\((?:attachment|dayone-moment):[^)\s]*\)\s*$")
_HEADING = re.compile(r"^#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|~~|`)(\S(?:.*?\S)?)\1")
_SENTENCE = re.compile(r"(?<=[.!?])\s")
TITLE_CHARS = 120


def placeholder(noun: str, identifier: str) -> str:
    return f"*(Day One {noun} {identifier} is not in the export)*"


class _Source:
    """The export's JSON files and media, from a zip, a folder or one JSON file; every
    read goes through import_files' checks (sizes, links, special files, zip bombs)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self.scan = FolderScan(path if path.is_dir() else path.parent)
        # (folder, md5) -> the file: Day One names media by content, the extension varies
        # (an audio's "format" is aac, its file .m4a).
        self._media: dict[tuple[str, str], str] = {}
        if path.is_file() and zipfile.is_zipfile(path):
            self._open_zip(path)
            names: list[str] = self._zip.namelist() if self._zip else []
            self.journals = sorted(n for n in names if n.endswith(".json") and "/" not in n)
            for name in names:
                folder, _sep, file = name.rpartition("/")
                if file:
                    self._media[(folder.rsplit("/", 1)[-1], file.split(".")[0])] = name
        elif path.is_dir():
            self.journals = [str(p) for p in sorted(path.glob("*.json")) if self.scan.admit(p)]
            self._media_files(path)
        elif path.is_file():
            self.journals = [str(path)]
            self._media_files(path.parent)
        elif path.exists():
            raise InvalidInput(f"{path} is not a regular file (a pipe, socket or device?)")
        else:
            raise InvalidInput(f"{path} does not exist")
        if not self.journals:
            raise InvalidInput(f"{path} holds no Day One JSON file")

    def _open_zip(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
            check_zip(self._zip, path.name)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            self.close()
            raise InvalidInput(f"{path.name}: not a readable zip ({exc})") from None
        except InvalidInput:
            self.close()
            raise

    def _media_files(self, root: Path) -> None:
        for folder, _noun in MEDIA.values():
            where = root / folder
            if not where.is_dir() or not self.scan.inside(where):
                continue
            for file in sorted(where.iterdir()):
                if self.scan.admit(file):
                    self._media[(folder, file.name.split(".")[0])] = str(file)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def _member(self, name: str, limit: int) -> bytes:
        assert self._zip is not None
        try:
            return read_member(self._zip, name, limit, self.path.name)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError) as exc:
            # RuntimeError: an encrypted member; NotImplementedError is a RuntimeError
            raise InvalidInput(f"{self.path.name}: cannot unpack {name} ({exc})") from None

    def text(self, name: str) -> str:
        label = Path(name).name
        if self._zip is not None:
            return decode_text(self._member(name, MAX_JSON_BYTES), label)
        return decode_text(read_bytes(Path(name), MAX_JSON_BYTES, label), label)

    def media(self, folder: str, md5: str) -> bytes | None:
        found = self._media.get((folder, md5))
        if found is None:
            return None
        if self._zip is not None:
            if self._zip.getinfo(found).file_size > MAX_BYTES:
                return None
            return self._member(found, MAX_BYTES)
        try:
            return read_bytes(Path(found), MAX_BYTES)
        except InvalidInput:
            return None  # too large, or gone: counted as missing


@dataclass
class _Media:
    noun: str  # photo, video, audio, PDF
    label: str  # the link text for what is not shown inline
    stored: str | None = None  # its name among the attachments, when the export has it
    data: bytes = b""


@dataclass
class DayOneEntry:
    new: NewEntry
    uuid: str
    media: dict[str, _Media] = field(default_factory=dict)  # identifier -> file

    @property
    def missing(self) -> int:
        return sum(1 for m in self.media.values() if m.stored is None)


# ---------------------------------------------------------------------- reading


def _instant(item: dict[str, Any], where: str, default_tz: dt.tzinfo) -> tuple[dt.datetime, str]:
    """The creation moment in the entry's own zone, and that zone's name."""
    raw = item.get("creationDate")
    if not isinstance(raw, str):
        raise bad_input(where, "creationDate: missing")
    try:
        instant = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise bad_input(where, f"creationDate: {shown(raw)} is not a date and time") from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    tz, zone = default_tz, ""
    name = item.get("timeZone")
    if isinstance(name, str) and name:
        found = zone_named(name)
        if found is not None:
            tz, zone = found, name
    try:
        return instant.astimezone(tz), zone
    except (OverflowError, ValueError):
        raise bad_input(where, f"creationDate: {shown(raw)} is out of range") from None


def split_title(text: str) -> tuple[str, str]:
    """(title, body) the way Day One lists an entry: its first line, without heading
    marks or emphasis; a first line longer than TITLE_CHARS gives its first sentence
    (shortened when still long) and stays in the body. A photo first gives no title."""
    stripped = text.lstrip("\n")
    first, _sep, rest = stripped.partition("\n")
    plain = _EMPHASIS.sub(r"\2", _HEADING.sub("", first)).strip()
    if not plain or _MEDIA_LINE.match(first) or _PLACEHOLDER.search(first):
        return "", text
    if len(plain) <= TITLE_CHARS:
        return plain, rest.lstrip("\n")
    sentence = _SENTENCE.split(plain, maxsplit=1)[0]
    if len(sentence) > TITLE_CHARS:
        sentence = sentence[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence, stripped


def _place(location: object) -> str:
    if not isinstance(location, dict):
        return ""
    parts = [
        location.get(key) for key in ("placeName", "localityName", "administrativeArea", "country")
    ]
    names = [p.strip() for p in parts if isinstance(p, str) and p.strip()]
    unique = [n for i, n in enumerate(names) if n not in names[:i]]
    text = ", ".join(unique)
    lat, lon = location.get("latitude"), location.get("longitude")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        text += f" ({lat:.5f}, {lon:.5f})"
    return text.strip()


def _weather(weather: object) -> str:
    if not isinstance(weather, dict):
        return ""
    parts: list[str] = []
    conditions = weather.get("conditionsDescription")
    if isinstance(conditions, str) and conditions.strip():
        parts.append(conditions.strip())
    temperature = weather.get("temperatureCelsius")
    if isinstance(temperature, int | float) and not isinstance(temperature, bool):
        parts.append(f"{temperature:.0f} °C")
    wind = weather.get("windSpeedKPH")
    if isinstance(wind, int | float) and not isinstance(wind, bool) and wind > 0:
        parts.append(f"wind {wind:.0f} km/h")
    humidity = weather.get("relativeHumidity")
    if isinstance(humidity, int | float) and not isinstance(humidity, bool) and humidity > 0:
        parts.append(f"humidity {humidity:.0f} %")
    return ", ".join(parts)


def _details(item: dict[str, Any], uuid: str, created: dt.datetime, zone: str) -> str:
    """The list after the text: what the app has no field for, kept as text."""
    written = (
        created.strftime("%Y-%m-%d")
        if item.get("isAllDay") is True
        else (created.strftime("%Y-%m-%d %H:%M"))
    )
    lines = [f"{UUID_LINE}{uuid}", f"- Written: {written}" + (f" ({zone})" if zone else "")]
    place = _place(item.get("location"))
    if place:
        lines.append(f"- Place: {place}")
    weather = _weather(item.get("weather"))
    if weather:
        lines.append(f"- Weather: {weather}")
    return "\n\n---\n\n" + "\n".join(lines)


def _media_of(item: dict[str, Any], where: str, source: _Source) -> dict[str, _Media]:
    found: dict[str, _Media] = {}
    for key, (folder, noun) in MEDIA.items():
        listed = item.get(key) or []
        if not isinstance(listed, list):
            raise bad_input(where, f"{key}: {shown(listed)} is not a list")
        for media in listed:
            if not isinstance(media, dict) or not isinstance(media.get("identifier"), str):
                continue
            name = media.get("pdfName") if noun == "PDF" else None
            label = name.strip() if isinstance(name, str) and name.strip() else noun.capitalize()
            entry = found[media["identifier"]] = _Media(noun, label)
            md5 = media.get("md5")
            data = source.media(folder, md5) if isinstance(md5, str) and md5 else None
            stored = image_name(data) if data else None
            if data and stored:
                entry.stored, entry.data = stored, data
    return found


def link(media: _Media, label: str = "") -> str:
    """How the text refers to a file: images shown, other files linked, a missing one
    as a note that a later import with the file replaces."""
    if media.stored is None:
        return ""
    if sniff_image(media.data) is not None:
        return f"![{label}](attachment:{media.stored})"
    return f"[{label or media.label}](attachment:{media.stored})"


def _with_media(body: str, media: dict[str, _Media]) -> str:
    used: set[str] = set()

    def embed(match: re.Match[str]) -> str:
        found = media.get(match.group(3))
        if found is None:
            return placeholder("photo", match.group(3))
        used.add(match.group(3))
        return link(found, match.group(2)) or placeholder(found.noun, match.group(3))

    def bare(match: re.Match[str]) -> str:
        found = media.get(match.group(1))
        if found is None or found.stored is None:
            return placeholder(found.noun if found else "photo", match.group(1))
        used.add(match.group(1))
        return f"attachment:{found.stored}"

    body = _BARE.sub(bare, _EMBED.sub(embed, body))
    # Files the export lists but the text never shows: linked at the end, not dropped.
    extra = [
        link(m) or placeholder(m.noun, ident) for ident, m in media.items() if ident not in used
    ]
    if extra:
        body = body.rstrip("\n") + "\n\n" + "\n\n".join(extra)
    return body


def read_dayone(
    path: Path,
    tz: dt.tzinfo,
    skipped: Counter[str] | None = None,
    skips: SkipList | None = None,
) -> list[DayOneEntry]:
    """The entries of an export; files it did not read are counted in `skipped`, entries
    it cannot read listed in `skips` (or refused, without one or when strict)."""
    source = _Source(path)
    try:
        found = _read(source, tz, skips if skips is not None else SkipList(strict=True))
    finally:
        source.close()
    if skipped is not None:
        skipped.update(source.scan.skipped)
    return found


def _read(source: _Source, tz: dt.tzinfo, skips: SkipList) -> list[DayOneEntry]:
    found: list[DayOneEntry] = []
    for journal in source.journals:
        label = Path(journal).name
        document = load_json(source.text(journal), label)
        items = document.get("entries") if isinstance(document, dict) else None
        if not isinstance(items, list):
            raise bad_input(label, 'not a Day One JSON export (no "entries" list)')
        if items and not any(isinstance(i, dict) and "creationDate" in i for i in items):
            # no entry at all is Day One's: the wrong file, not a few bad entries
            raise bad_input(label, 'not a Day One JSON export (no entry has a "creationDate")')
        for n, item in enumerate(items, 1):
            where = f"{label} entry {n}"
            if not isinstance(item, dict):
                skips.skip(where, "is not an object")
                continue
            entry = skips.attempt(where, partial(_entry, item, where, source, tz))
            if entry is not None:
                found.append(entry)
    return found


def _entry(item: dict[str, Any], where: str, source: _Source, tz: dt.tzinfo) -> DayOneEntry:
    text = item.get("text", "")
    if not isinstance(text, str):
        raise bad_input(where, f"text: {shown(text)} is not text")
    tags = item.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise bad_input(where, f"tags: {shown(tags)} is not a list of names")
    if item.get("starred") is True:
        tags = [*tags, "starred"]
    uuid = item.get("uuid")
    if not isinstance(uuid, str) or not re.fullmatch(r"[A-Za-z0-9-]{1,64}", uuid):
        raise bad_input(where, f"uuid: {shown(uuid)} is not a Day One entry id")
    created, zone = _instant(item, where, tz)
    media = _media_of(item, where, source)
    text = _ESCAPED.sub(lambda m: m.group(1) or m.group(2), text.replace("\r\n", "\n"))
    title, body = split_title(_with_media(text, media))
    body = body.strip("\n") + _details(item, uuid, created, zone)
    new = NewEntry(where, created.date(), title, body, tags, created_at=created)
    new.images = [(m.stored, m.data) for m in media.values() if m.stored is not None]
    return DayOneEntry(check_entry(new), uuid, media)


# ---------------------------------------------------------------------- writing


def import_dayone(
    services: TransferContext,
    path: Path,
    progress: Progress = no_progress,
    options: ImportOptions | None = None,
) -> ImportResult:
    options = options or ImportOptions()
    progress(0, 1, f"reading {path.name}")
    skipped: Counter[str] = Counter()
    skips = SkipList(options.strict)
    found = read_dayone(path, services.tz, skipped, skips)
    return write_dayone(services, found, progress, skipped, options=options, skips=skips)


def known_entries() -> dict[str, int]:
    """Day One uuid -> the entry imported from it (found by the line in its text)."""
    query = Entry.select(Entry.id, Entry.body).where(Entry.body.contains(UUID_LINE)).tuples()
    known: dict[str, int] = {}
    for entry_id, body in rows(query):
        for uuid in _UUID.findall(body):
            known.setdefault(uuid, int(entry_id))
    return known


def write_dayone(
    services: TransferContext,
    found: list[DayOneEntry],
    progress: Progress,
    ignored: Counter[str] | None = None,
    *,
    options: ImportOptions | None = None,
    skips: SkipList | None = None,
) -> ImportResult:
    """New entries added; entries imported before without some media completed with the
    files this export has; the rest (already here, or twice in the export) skipped. A
    preview counts the same and writes nothing."""
    preview = (options or ImportOptions()).preview
    backup = None if preview else backup_before_import(services, "dayone")
    writer = EntryWriter(services, dry_run=preview)
    counts: Counter[str] = Counter(ignored or {})
    completed = attached = 0
    seen: set[str] = set()
    total = len(found)
    with (
        contextlib.nullcontext() if preview else import_transaction(total, adds_entries=True),
        services.attachments.batch(),  # one folder fsync before the commit, not one a file
    ):
        known = known_entries()
        for done, item in enumerate(found):
            if done % 100 == 0:
                progress(done, total, item.new.where)
            if item.uuid in seen:
                writer.skipped += 1
                continue
            seen.add(item.uuid)
            entry_id = known.get(item.uuid)
            if entry_id is None:
                if writer.add(item.new) is not None:
                    counts[MISSING] += item.missing
                continue
            added, still_missing = _complete(services, entry_id, item, dry_run=preview)
            counts[MISSING] += still_missing
            if added:
                completed += 1
                attached += added
            else:
                writer.skipped += 1
    progress(total, total, "done")
    added_counts = {"entries": writer.added, "attachments": writer.images + attached}
    if completed:
        added_counts[COMPLETED] = completed
    return ImportResult(
        added=added_counts,
        skipped={"entries": writer.skipped},
        backup=backup,
        ignored={k: v for k, v in counts.items() if v},
        problems=tuple(skips.items) if skips is not None else (),
        preview=preview,
    )


def _complete(
    services: TransferContext, entry_id: int, item: DayOneEntry, *, dry_run: bool = False
) -> tuple[int, int]:
    """Swap the notes an earlier import left for files this export has: (files attached,
    notes still waiting for their file). The rest of the text, edits included, stays."""
    body = Entry.get_by_id(entry_id).body
    attached = 0
    waiting = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal attached, waiting
        media = item.media.get(match.group(2))
        if media is None or media.stored is None:
            waiting += 1
            return match.group(0)
        attached += 1
        if dry_run:
            return match.group(0)
        stored = services.attachments.add_file(entry_id, media.data)
        if stored.filename != media.stored:
            raise InvalidInput(f"attachment {media.stored} does not match its content")
        return link(media)

    new_body = _PLACEHOLDER.sub(swap, body)
    if attached and not dry_run:
        Entry.update(
            body=new_body, rev=Entry.rev + 1, updated_at=to_storage(services.clock())
        ).where(Entry.id == entry_id).execute()
    return attached, waiting
