"""`json`: our own export, read back.

Into a journal that holds nothing yet, the file is restored exactly: every row with its
id (the built-in categories and templates of the new journal give way to the file's),
so exporting again gives the same file. Into a journal with data, the rows are merged:
each is matched on what identifies it (an entry by day, title and body; a session by its
start and end; a skill, category, tag or template by name; ...) and only rows not found
are added, with their references renumbered.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_app.db.models import (
    DayLog,
    Entry,
    Output,
    Resource,
    Skill,
    Sprint,
    Tag,
    Task,
    WorkSession,
)
from journal_app.errors import InvalidInput
from journal_app.services.transfer import tables
from journal_app.services.transfer.bulk import backup_before_import, import_transaction
from journal_app.services.transfer.common import (
    ImportResult,
    Progress,
    bad_input,
    no_progress,
)
from journal_app.services.transfer.export_json import FORMAT, VERSION
from journal_app.services.transfer.import_files import (
    MAX_JSON_BYTES,
    load_json,
    read_bytes,
    shown,
)

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

# What makes a row "the same" when merging into a journal that has data.
MERGE_KEYS: dict[str, tuple[str, ...]] = {
    "skill": ("name",),
    "category": ("name",),
    "tag": ("name",),
    "template": ("name",),
    "setting": ("key",),
    "personal_word": ("word",),
    "sprint": ("name", "start", "end"),
    "resource": ("title", "kind"),
    "task": ("title", "sprint_id", "created_at"),
    "entry": ("day", "title", "body"),
    "entry_revision": ("entry_id", "rev", "created_at"),
    "entry_tag": ("entry_id", "tag_id"),
    "task_tag": ("task_id", "tag_id"),
    # The board's cards (schema v7): a label's colour stays the one chosen here.
    "tag_color": ("tag_id",),
    "task_check_item": ("task_id", "text"),
    "task_link": ("task_id", "entry_id", "resource_id"),
    "attachment": ("entry_id", "filename"),
    "day_log": ("day",),
    "work_session": ("start", "end"),
    "output": ("kind", "title", "day"),
}
# Other unique columns: a row matching on one of them is the same row (a renamed
# built-in template is still that built-in).
ALSO_UNIQUE: dict[str, tuple[str, ...]] = {"template": ("builtin_key",)}
_SAFE_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,200}")
_NOUNS = {
    "entry": "entries",
    "work_session": "sessions",
    "day_log": "nights",
    "output": "outputs",
    "attachment": "attachments",
}


def _is_empty() -> bool:
    """Nothing the user wrote or logged (built-in categories and templates aside)."""
    models = (Entry, WorkSession, DayLog, Output, Sprint, Task, Resource, Skill, Tag)
    return not any(m.select().exists() for m in models)


def read_document(path: Path, schema_version: int) -> dict[str, Any]:
    document = load_json(read_bytes(path, MAX_JSON_BYTES), path.name)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise bad_input(path.name, f'not a {FORMAT} export (no "format": "{FORMAT}")')
    if document.get("version") != VERSION:
        raise bad_input(
            path.name, f"export version {shown(document.get('version'))} is not {VERSION}"
        )
    version = document.get("schema_version")
    if not isinstance(version, int) or version > schema_version:
        raise bad_input(
            path.name,
            f"written by a newer version of the app (schema {shown(version)}, this one reads "
            f"up to {schema_version})",
        )
    data = document.get("tables")
    if not isinstance(data, dict):
        raise bad_input(path.name, '"tables" is missing')
    known = {info.name: info for info in tables.journal_tables()}
    for name in [n for n in data if tables.is_derived(n)]:
        del data[name]  # rebuilt from the entries, never taken from a file
    for name, table in data.items():
        where = f"{path.name}: table {name}"
        if name not in known:
            raise InvalidInput(f"{where}: this journal has no such table")
        if not isinstance(table, dict):
            raise InvalidInput(f"{where}: not an object with columns and rows")
        columns, rows = table.get("columns"), table.get("rows")
        if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
            raise InvalidInput(f'{where}: "columns" is not a list of names')
        unknown = [c for c in columns if c not in known[name].columns]
        if unknown:
            raise InvalidInput(f"{where}: unknown column {shown(unknown[0])}")
        if not isinstance(rows, list):
            raise InvalidInput(f'{where}: "rows" is not a list')
        for n, row in enumerate(rows, 1):
            if not isinstance(row, list) or len(row) != len(columns):
                raise InvalidInput(
                    f"{where} row {n}: expected {len(columns)} values, found "
                    f"{len(row) if isinstance(row, list) else type(row).__name__}"
                )
            for value in row:
                if not _storable(value):
                    raise InvalidInput(f"{where} row {n}: {shown(value)} is not a plain value")
    files = document.get("attachments", {})
    if not isinstance(files, dict):
        raise bad_input(path.name, '"attachments" is not an object')
    for name, encoded in files.items():
        if not _SAFE_FILE.fullmatch(name) or ".." in name or not isinstance(encoded, str):
            raise bad_input(path.name, f"attachment {shown(name)} has an unsafe name or no data")
    return document


def _storable(value: object) -> bool:
    """Text, nothing, a finite number, an integer SQLite can hold (64 bits)."""
    if value is None or isinstance(value, str):
        return True
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    return isinstance(value, float) and math.isfinite(value)


def import_json(
    services: TransferContext, path: Path, progress: Progress = no_progress
) -> ImportResult:
    progress(0, 1, f"reading {path.name}")
    document = read_document(path, services.schema_version)
    files = {
        name: _decode(path.name, name, encoded)
        for name, encoded in document.get("attachments", {}).items()
    }
    data: dict[str, Any] = document["tables"]
    ordered = [info for info in tables.journal_tables() if info.name in data]
    total = sum(len(data[info.name]["rows"]) for info in ordered)
    backup = backup_before_import(services, "json")
    _write_files(services, files)
    restore = _is_empty()
    with import_transaction(total):
        if restore:
            added = _restore(ordered, data, progress, total)
            skipped: dict[str, int] = {}
        else:
            added, skipped = _merge(ordered, data, progress, total)
    progress(total, total, "done")
    nouns = list(dict.fromkeys(_NOUNS.values()))
    return ImportResult(
        added={noun: added.get(noun, 0) for noun in nouns},
        skipped={noun: skipped.get(noun, 0) for noun in nouns},
        backup=backup,
    )


def _decode(source: str, name: str, encoded: str) -> bytes:
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise bad_input(source, f"attachment {shown(name)} is not valid base64") from None


def _write_files(services: TransferContext, files: dict[str, bytes]) -> None:
    """Content-named files first (rows never point at a missing file); a rolled-back
    import leaves at most unused copies behind, never a changed one."""
    for name, data in files.items():  # sealed in an encrypted journal
        services.attachments.store_file(name, data)


def _restore(
    ordered: list[tables.TableInfo], data: dict[str, Any], progress: Progress, total: int
) -> dict[str, int]:
    for info in reversed(ordered):  # children first: no reference is left dangling
        tables.delete_all(info.name)
    added: dict[str, int] = {}
    done = 0
    for info in ordered:
        table = data[info.name]
        progress(done, total, f"table {info.name}")
        tables.insert_rows(info.name, table["columns"], table["rows"])
        done += len(table["rows"])
        if info.name in _NOUNS:
            added[_NOUNS[info.name]] = len(table["rows"])
    return added


def _merge(
    ordered: list[tables.TableInfo], data: dict[str, Any], progress: Progress, total: int
) -> tuple[dict[str, int], dict[str, int]]:
    ids: dict[str, dict[Any, Any]] = {}  # table -> old id -> id in this journal
    added: dict[str, int] = {}
    skipped: dict[str, int] = {}
    done = 0
    for info in ordered:
        key = MERGE_KEYS.get(info.name)
        table = data[info.name]
        progress(done, total, f"table {info.name}")
        done += len(table["rows"])
        if key is None:
            continue  # a table this version cannot match rows of: left as it is
        single_id = info.primary_key == ["id"]
        mapping = ids.setdefault(info.name, {})
        noun = _NOUNS.get(info.name)
        for row in table["rows"]:
            values = dict(zip(table["columns"], row, strict=True))
            dangling = False
            for column, parent in info.references.items():
                old = values.get(column)
                if old is not None:
                    new = ids.get(parent, {}).get(old)
                    if new is None:
                        dangling = True
                    values[column] = new
            if dangling and any(c in info.references for c in key):
                continue  # its parent was not imported (e.g. a tag of a skipped entry)
            old_id = values.pop("id", None) if single_id else None
            found = tables.find_row(
                info.name, {c: values.get(c) for c in key}, "id" if single_id else key[0]
            )
            for column in ALSO_UNIQUE.get(info.name, ()):
                if found is None and values.get(column) is not None:
                    found = tables.find_row(info.name, {column: values[column]}, "id")
            if found is not None:
                if single_id:
                    mapping[old_id] = found
                if noun:
                    skipped[noun] = skipped.get(noun, 0) + 1
                continue
            if info.name == "entry_revision" and values.get("entry_id") not in _new_entries(ids):
                continue  # history travels only with entries this import adds
            uid = values.get("uid")
            if uid is not None and tables.find_row(info.name, {"uid": uid}, "uid") is not None:
                # That sync id (#15) names another row here (this one, since edited): the
                # copy merged in is a row of its own and gets its own id when first sent.
                values["uid"] = None
            new_id = tables.insert_row(info.name, values)
            if single_id:
                mapping[old_id] = new_id
                if info.name == "entry":
                    ids.setdefault("__new_entries", {})[new_id] = True
            if noun:
                added[noun] = added.get(noun, 0) + 1
    return added, skipped


def _new_entries(ids: dict[str, dict[Any, Any]]) -> dict[Any, Any]:
    return ids.get("__new_entries", {})
