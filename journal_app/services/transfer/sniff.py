"""Which import format a file looks like, for the message when another was chosen
("this looks like a jrnl journal: use --format jrnl"). A guess from the first bytes;
never used to pick a format by itself."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from journal_app.errors import InvalidInput
from journal_app.services.transfer.import_files import MAX_JSON_BYTES, read_bytes

NAMES = {
    "jrnl": "jrnl journal",
    "dayone": "Day One export",
    "json": "journal JSON export (this app's)",
    "toggl": "Toggl or Clockify CSV",
    "csv": "CSV",
}
_JRNL_STAMP = re.compile(r"\A\s*\[\d{1,4}[-./]\d{1,2}[-./]\d{1,4}[^\]\n]*\] ")


def guess_format(path: Path) -> str | None:
    """'jrnl', 'dayone', 'json', 'toggl' or None (unreadable, a folder, unknown)."""
    try:
        if not path.is_file():
            return None
        if zipfile.is_zipfile(path):
            return "dayone"
        head = read_bytes(path, MAX_JSON_BYTES).decode("utf-8-sig", "replace")
    except (InvalidInput, OSError):
        return None
    text = head.lstrip()
    if text.startswith("{"):
        return _json_kind(text)
    if _JRNL_STAMP.match(text):
        return "jrnl"
    header = text.split("\n", 1)[0].lower()
    if "start date" in header and "start time" in header:
        return "toggl"
    return None


def _json_kind(text: str) -> str | None:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict):
        return None
    if "tables" in document:
        return "json"
    entries = document.get("entries")
    if isinstance(entries, list) and entries and isinstance(entries[0], dict):
        if "creationDate" in entries[0]:
            return "dayone"
        if "date" in entries[0] and "title" in entries[0]:
            return "jrnl"
    return None


def with_hint(message: str, fmt: str, path: Path) -> str:
    """`message`, plus which --format the file looks like when that is another one."""
    if "--format" in message:
        return message
    guess = guess_format(path)
    if guess is None or guess == fmt or (guess == "toggl" and fmt == "csv"):
        return message
    return f"{message} (this looks like a {NAMES[guess]}: use --format {guess})"
