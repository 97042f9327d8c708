"""`dayone`: Day One's JSON export: the `.zip` it makes, the folder it unpacks to, or
its `Journal.json`.

    {"metadata": {"version": "1.0"}, "entries": [{"uuid": "...", "creationDate":
      "2026-03-10T08:15:00Z", "timeZone": "Europe/Berlin", "text": "# Title\\n\\nBody",
      "tags": ["ml"], "starred": false, "photos": [{"identifier": "AB12", "md5": "...",
      "type": "jpeg"}]}]}

The day is the creation date in the entry's own time zone; a first line `# Title` is the
title. Photos (`![](dayone-moment://ID)`, files in `photos/<md5>.<type>`) become
attachments. Day One's escaping of `.`, `!`, `(`, `)` and of `-` inside words is undone.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_app.errors import InvalidInput
from journal_app.services.attachments import MAX_BYTES
from journal_app.services.tracking.timeutil import zone_named
from journal_app.services.transfer.bulk import NewEntry, check_entry, image_name
from journal_app.services.transfer.common import ImportResult, Progress, bad_input, no_progress
from journal_app.services.transfer.entries_import import write_entries
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

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

_MOMENT = re.compile(r"dayone-moment://([A-Za-z0-9-]+)")
_ESCAPED = re.compile(r"\\([.!()])|(?<=\S)\\(-)")


class _Source:
    """The export's JSON files and photos, from a zip, a folder or one JSON file; every
    read goes through import_files' checks (sizes, links, special files, zip bombs)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self.scan = FolderScan(path if path.is_dir() else path.parent)
        self._photos: dict[str, str] = {}
        if path.is_file() and zipfile.is_zipfile(path):
            self._open_zip(path)
            names: list[str] = self._zip.namelist() if self._zip else []
            self.journals = sorted(n for n in names if n.endswith(".json") and "/" not in n)
            self._photos = {n.rsplit("/", 1)[-1]: n for n in names if "photos/" in n}
        elif path.is_dir():
            self.journals = [str(p) for p in sorted(path.glob("*.json")) if self.scan.admit(p)]
            self._photos = self._photo_files(path / "photos")
        elif path.is_file():
            self.journals = [str(path)]
            self._photos = self._photo_files(path.parent / "photos")
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

    def _photo_files(self, folder: Path) -> dict[str, str]:
        if not folder.is_dir() or not self.scan.inside(folder):
            return {}
        return {p.name: str(p) for p in sorted(folder.iterdir()) if self.scan.admit(p)}

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

    def photo(self, name: str) -> bytes | None:
        found = self._photos.get(name)
        if found is None:
            return None
        if self._zip is not None:
            if self._zip.getinfo(found).file_size > MAX_BYTES:
                return None
            return self._member(found, MAX_BYTES)
        path = Path(found)
        try:
            return read_bytes(path, MAX_BYTES)
        except InvalidInput:
            return None  # too large, or gone: the link stays as written


def _day(item: dict[str, Any], where: str, default_tz: dt.tzinfo) -> dt.date:
    raw = item.get("creationDate")
    if not isinstance(raw, str):
        raise bad_input(where, "creationDate: missing")
    try:
        instant = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise bad_input(where, f"creationDate: {shown(raw)} is not a date and time") from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    tz = default_tz
    name = item.get("timeZone")
    if isinstance(name, str) and name:
        tz = zone_named(name) or default_tz
    try:
        return instant.astimezone(tz).date()
    except (OverflowError, ValueError):
        raise bad_input(where, f"creationDate: {shown(raw)} is out of range") from None


def _split_title(text: str) -> tuple[str, str]:
    first, _sep, rest = text.partition("\n")
    if first.startswith("# "):
        return first[2:].strip(), rest.lstrip("\n")
    return "", text


def read_dayone(path: Path, tz: dt.tzinfo, skipped: Counter[str] | None = None) -> list[NewEntry]:
    """The entries of an export; files it did not read are counted in `skipped`."""
    source = _Source(path)
    try:
        found = _read(source, tz)
    finally:
        source.close()
    if skipped is not None:
        skipped.update(source.scan.skipped)
    return found


def _read(source: _Source, tz: dt.tzinfo) -> list[NewEntry]:
    found: list[NewEntry] = []
    for journal in source.journals:
        label = Path(journal).name
        document = load_json(source.text(journal), label)
        items = document.get("entries") if isinstance(document, dict) else None
        if not isinstance(items, list):
            raise bad_input(label, 'not a Day One JSON export (no "entries" list)')
        for n, item in enumerate(items, 1):
            where = f"{label} entry {n}"
            if not isinstance(item, dict):
                raise bad_input(where, "is not an object")
            text = item.get("text", "")
            if not isinstance(text, str):
                raise bad_input(where, f"text: {shown(text)} is not text")
            tags = item.get("tags") or []
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                raise bad_input(where, f"tags: {shown(tags)} is not a list of names")
            if item.get("starred") is True:
                tags = [*tags, "starred"]
            text = _ESCAPED.sub(lambda m: m.group(1) or m.group(2), text)
            title, body = _split_title(text.replace("\r\n", "\n"))
            new = NewEntry(where, _day(item, where, tz), title, body.strip("\n"), tags)
            new.body, new.images = _photos(new.body, item, source)
            found.append(check_entry(new))
    return found


def _photos(
    body: str, item: dict[str, Any], source: _Source
) -> tuple[str, list[tuple[str, bytes]]]:
    photos = item.get("photos") or []
    if "dayone-moment://" not in body or not isinstance(photos, list):
        return body, []
    files: dict[str, str] = {}
    for photo in photos:
        if isinstance(photo, dict) and isinstance(photo.get("identifier"), str):
            files[photo["identifier"]] = f"{photo.get('md5', '')}.{photo.get('type', 'jpeg')}"
    images: list[tuple[str, bytes]] = []

    def swap(match: re.Match[str]) -> str:
        name = files.get(match.group(1))
        data = source.photo(name) if name else None
        stored = image_name(data) if data else None
        if data is None or stored is None:
            return match.group(0)
        images.append((stored, data))
        return f"attachment:{stored}"

    return _MOMENT.sub(swap, body), images


def import_dayone(
    services: TransferContext, path: Path, progress: Progress = no_progress
) -> ImportResult:
    progress(0, 1, f"reading {path.name}")
    skipped: Counter[str] = Counter()
    found = read_dayone(path, services.tz, skipped)
    return write_entries(services, found, "dayone", progress, ignored=skipped)
