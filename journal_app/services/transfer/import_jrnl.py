"""`jrnl`: the JSON that `jrnl --export json` writes.

    {"tags": {"@work": 2}, "entries": [{"title": "...", "body": "...", "date": "2026-03-10",
      "time": "09:00", "tags": ["@work"], "starred": false}, ...]}

Tags lose jrnl's `@`; a starred entry gets the tag `starred`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_app.services.transfer.bulk import NewEntry, check_entry
from journal_app.services.transfer.common import (
    ImportResult,
    Progress,
    bad_input,
    no_progress,
    parse_day,
    read_text,
)
from journal_app.services.transfer.entries_import import write_entries
from journal_app.services.transfer.import_files import load_json, shown

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise bad_input(where, f"{key}: {shown(value)} is not text")
    return value


def read_jrnl(path: Path) -> list[NewEntry]:
    document = load_json(read_text(path), path.name)
    items = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise bad_input(path.name, 'not a jrnl JSON export (no "entries" list)')
    found: list[NewEntry] = []
    for n, item in enumerate(items, 1):
        where = f"{path.name} entry {n}"
        if not isinstance(item, dict):
            raise bad_input(where, "is not an object")
        if "date" not in item:
            raise bad_input(where, "date: missing")
        day = parse_day(item["date"], f"{where}: date")
        tags = item.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise bad_input(where, f"tags: {shown(tags)} is not a list of names")
        names = [t.lstrip("@") for t in tags]
        if item.get("starred") is True:
            names.append("starred")
        body = _text(item, "body", where).strip("\n")
        found.append(check_entry(NewEntry(where, day, _text(item, "title", where), body, names)))
    return found


def import_jrnl(
    services: TransferContext, path: Path, progress: Progress = no_progress
) -> ImportResult:
    progress(0, 1, f"reading {path.name}")
    return write_entries(services, read_jrnl(path), "jrnl", progress)
