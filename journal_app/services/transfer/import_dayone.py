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
import json
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_app.errors import InvalidInput
from journal_app.services.attachments import MAX_BYTES
from journal_app.services.transfer.bulk import NewEntry, check_entry, image_name
from journal_app.services.transfer.common import ImportResult, Progress, bad_input, no_progress
from journal_app.services.transfer.entries_import import write_entries

if TYPE_CHECKING:
    from journal_app.services import Services

_MOMENT = re.compile(r"dayone-moment://([A-Za-z0-9-]+)")
_ESCAPED = re.compile(r"\\([.!()])|(?<=\S)\\(-)")


class _Source:
    """The export's JSON files and photos, from a zip, a folder or one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        if path.is_file() and zipfile.is_zipfile(path):
            self._zip = zipfile.ZipFile(path)
            names = self._zip.namelist()
            self.journals = sorted(n for n in names if n.endswith(".json") and "/" not in n)
            self._photos = {n.rsplit("/", 1)[-1]: n for n in names if "photos/" in n}
        elif path.is_dir():
            self.journals = sorted(str(p) for p in path.glob("*.json"))
            folder = path / "photos"
            self._photos = {p.name: str(p) for p in folder.glob("*")} if folder.is_dir() else {}
        elif path.is_file():
            self.journals = [str(path)]
            folder = path.parent / "photos"
            self._photos = {p.name: str(p) for p in folder.glob("*")} if folder.is_dir() else {}
        else:
            raise InvalidInput(f"{path} does not exist")
        if not self.journals:
            raise InvalidInput(f"{path} holds no Day One JSON file")

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def text(self, name: str) -> str:
        try:
            data = self._zip.read(name) if self._zip else Path(name).read_bytes()
            return data.decode("utf-8-sig")
        except (OSError, KeyError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"cannot read {Path(name).name}: {exc}") from None

    def photo(self, name: str) -> bytes | None:
        found = self._photos.get(name)
        if found is None:
            return None
        if self._zip is not None:
            if self._zip.getinfo(found).file_size > MAX_BYTES:
                return None
            return self._zip.read(found)
        path = Path(found)
        return path.read_bytes() if path.stat().st_size <= MAX_BYTES else None


def _day(item: dict[str, Any], where: str, default_tz: dt.tzinfo) -> dt.date:
    raw = item.get("creationDate")
    if not isinstance(raw, str):
        raise bad_input(where, "creationDate: missing")
    try:
        instant = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise bad_input(where, f"creationDate: {raw!r} is not a date and time") from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    tz = default_tz
    name = item.get("timeZone")
    if isinstance(name, str) and name:
        from journal_app.services.tracking.timeutil import zone_named

        tz = zone_named(name) or default_tz
    return instant.astimezone(tz).date()


def _split_title(text: str) -> tuple[str, str]:
    first, _sep, rest = text.partition("\n")
    if first.startswith("# "):
        return first[2:].strip(), rest.lstrip("\n")
    return "", text


def read_dayone(path: Path, tz: dt.tzinfo) -> list[NewEntry]:
    source = _Source(path)
    try:
        return _read(source, tz)
    finally:
        source.close()


def _read(source: _Source, tz: dt.tzinfo) -> list[NewEntry]:
    found: list[NewEntry] = []
    for journal in source.journals:
        label = Path(journal).name
        try:
            document = json.loads(source.text(journal))
        except json.JSONDecodeError as exc:
            raise bad_input(f"{label} line {exc.lineno}", f"not valid JSON ({exc.msg})") from None
        items = document.get("entries") if isinstance(document, dict) else None
        if not isinstance(items, list):
            raise bad_input(label, 'not a Day One JSON export (no "entries" list)')
        for n, item in enumerate(items, 1):
            where = f"{label} entry {n}"
            if not isinstance(item, dict):
                raise bad_input(where, "is not an object")
            text = item.get("text", "")
            if not isinstance(text, str):
                raise bad_input(where, f"text: {text!r} is not text")
            tags = item.get("tags") or []
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                raise bad_input(where, f"tags: {tags!r} is not a list of names")
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


def import_dayone(services: Services, path: Path, progress: Progress = no_progress) -> ImportResult:
    progress(0, 1, f"reading {path.name}")
    return write_entries(services, read_dayone(path, services.tz), "dayone", progress)
