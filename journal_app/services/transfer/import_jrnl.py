"""`jrnl`: a jrnl journal — the JSON that `jrnl --export json` writes, or jrnl's own
plain-text journal file; which one is read from the file itself.

    {"tags": {"@work": 2}, "entries": [{"title": "...", "body": "...", "date": "2026-03-10",
      "time": "09:00", "tags": ["@work"], "starred": false}, ...]}

    [2026-03-10 09:00] Title. Body, with @tags…
    more body *

The text file's timestamps follow jrnl's `timeformat` setting ("%Y-%m-%d %H:%M" unless
changed); `--date-format` names another, and without it the common ones are tried (a
file two of them read alike is refused as ambiguous). As jrnl does: the first line (or,
in a one-line entry, the first sentence) is the title, `@words` anywhere are tags (lower
case), a `*` ending the first line stars the entry. Tags lose the `@`; a starred entry
gets the tag `starred`. The date and time written become the entry's day and created
time, in the journal's time zone (or `--tz`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_app.errors import InvalidInput
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
from journal_app.services.transfer.skips import ImportOptions, SkipList
from journal_app.services.transfer.timeparse import strftime_pattern

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

DEFAULT_FORMAT = "%Y-%m-%d %H:%M"
# Tried in this order when no --date-format is given: jrnl's default, then the
# timeformats people set (day first, month first, 12-hour clocks, seconds).
COMMON_FORMATS = (
    DEFAULT_FORMAT,
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %I:%M %p",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%d-%m-%Y %H:%M",
    "%Y/%m/%d %H:%M",
)
_STAMP = re.compile(r"^\[([^\]\n]+)\] ?", re.M)
_LOOKS_LIKE_DATE = re.compile(r"\d{1,4}[-./]\d{1,2}")
# jrnl's Entry.tag_regex with its default tag symbol, and its sentence splitter.
_TAG = re.compile(r"(?<!\S)@([-+*#/\w]+)")
_SENTENCE_END = re.compile(
    "([.!?\u2026\u203c\u203d\u2047\u2048\u2049\u22ef\ufe52\ufe57]['\u2019\"\u201d]?[\\])]*\\s+)"
    "|[\uff01\uff0e\uff1f\uff61\u3002]"
)


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise bad_input(where, f"{key}: {shown(value)} is not text")
    return value


def read_jrnl(
    path: Path,
    tz: dt.tzinfo | None = None,
    date_format: str | None = None,
    skips: SkipList | None = None,
) -> list[NewEntry]:
    """The entries of a jrnl JSON export or text journal (times in `tz` when given);
    entries that cannot be read are listed in `skips` (refused without one)."""
    skips = skips if skips is not None else SkipList(strict=True)
    text = read_text(path)
    if text.lstrip().startswith("{"):
        return _read_json(text, path.name, tz, skips)
    return _read_text(text, path.name, tz, date_format, skips)


# ---------------------------------------------------------------------- JSON export


def _read_json(text: str, name: str, tz: dt.tzinfo | None, skips: SkipList) -> list[NewEntry]:
    document = load_json(text, name)
    items = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise bad_input(name, 'not a jrnl JSON export (no "entries" list)' + _hint(document))
    if items and isinstance(items[0], dict) and "creationDate" in items[0]:
        raise bad_input(name, "this is a Day One export: import it with --format dayone")
    if items and not any(isinstance(i, dict) and "date" in i for i in items):
        # no entry at all is jrnl's: the wrong file, not a few bad entries
        raise bad_input(name, 'not a jrnl JSON export (no entry has a "date")' + _hint(document))
    found: list[NewEntry] = []
    for n, item in enumerate(items, 1):
        where = f"{name} entry {n}"
        entry = skips.attempt(where, partial(_json_entry, item, where, tz))
        if entry is not None:
            found.append(entry)
    return found


def _json_entry(item: object, where: str, tz: dt.tzinfo | None) -> NewEntry:
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
    created = _created(day, item.get("time"), tz, where)
    new = NewEntry(where, day, _text(item, "title", where), body, names, created_at=created)
    return check_entry(new)


def _hint(document: object) -> str:
    if isinstance(document, dict) and "tables" in document and "format" in document:
        return "; this is this app's own JSON export: import it with --format json"
    return ""


def _created(day: dt.date, time: object, tz: dt.tzinfo | None, where: str) -> dt.datetime | None:
    if tz is None or not isinstance(time, str) or not time.strip():
        return None
    try:
        clock = dt.time.fromisoformat(time.strip())
    except ValueError:
        raise bad_input(where, f"time: {shown(time)} is not a time like 09:30") from None
    return dt.datetime.combine(day, clock, tzinfo=tz)


# ---------------------------------------------------------------------- text journal


@dataclass
class _Stamp:
    line: int
    start: int  # where the entry's text begins
    end: int  # where the stamp begins
    when: dt.datetime | None  # None: a stamp that is not a date in the journal's format
    blob: str = ""


def _read_text(
    text: str, name: str, tz: dt.tzinfo | None, date_format: str | None, skips: SkipList
) -> list[NewEntry]:
    text = text.replace("\r\n", "\n")
    blobs = [(m, text.count("\n", 0, m.start()) + 1) for m in _STAMP.finditer(text)]
    if not blobs:
        raise bad_input(
            name,
            "not a jrnl journal: no entry starts with [date time], and a jrnl JSON "
            "export starts with '{'",
        )
    fmt = _choose_format(name, [m.group(1) for m, _line in blobs], date_format)
    stamps: list[_Stamp] = []
    for match, line in blobs:
        try:
            when = dt.datetime.strptime(match.group(1).strip(), fmt)
        except ValueError:
            if _LOOKS_LIKE_DATE.match(match.group(1)):  # an entry this import leaves out
                stamps.append(_Stamp(line, match.end(), match.start(), None, match.group(1)))
            continue  # "[1] a line starting with brackets" is text, as jrnl reads it
        stamps.append(_Stamp(line, match.end(), match.start(), when))
    found: list[NewEntry] = []
    for n, stamp in enumerate(stamps):
        end = stamps[n + 1].end if n + 1 < len(stamps) else len(text)
        if stamp.when is None:
            skips.skip(
                name,
                f"[{stamp.blob}] is not a date and time in the journal's format "
                f"({fmt}; name another with --date-format)",
                stamp.line,
            )
            continue
        read = partial(
            _entry, text[stamp.start : end], stamp, stamp.when, f"{name} line {stamp.line}", tz
        )
        entry = skips.attempt(f"{name} line {stamp.line}", read)
        if entry is not None:
            found.append(entry)
    return found


def _choose_format(name: str, blobs: list[str], given: str | None) -> str:
    if given:
        return strftime_pattern(given)
    readable = [fmt for fmt in COMMON_FORMATS if all(_reads(b, fmt) for b in blobs)]
    if not readable:
        readable = [fmt for fmt in COMMON_FORMATS if any(_reads(b, fmt) for b in blobs)][:1]
    if not readable:
        raise bad_input(
            name,
            f"[{blobs[0]}] is not a date and time in a format jrnl writes; name the "
            "journal's timeformat with --date-format, e.g. '%d.%m.%Y %H:%M'",
        )
    day_first = {f for f in readable if f.startswith("%d")}
    month_first = {f for f in readable if f.startswith("%m")}
    if day_first and month_first:
        raise InvalidInput(
            f"{name}: the dates are ambiguous (every day is 12 or less): give "
            "--date-format '%d.%m.%Y %H:%M' or '%m/%d/%Y %H:%M' (jrnl's timeformat)"
        )
    return readable[0]


def _reads(blob: str, fmt: str) -> bool:
    try:
        dt.datetime.strptime(blob.strip(), fmt)
    except ValueError:
        return False
    return True


def split_title(text: str) -> tuple[str, str]:
    """jrnl's split: the first line when there are several, else the first sentence."""
    stripped = text.strip()
    if "\n" in stripped:
        title, _sep, body = stripped.partition("\n")
        return title.strip(), body.strip()
    match = _SENTENCE_END.search(stripped)
    if match is None:
        return stripped, ""
    return stripped[: match.end()].strip(), stripped[match.end() :].strip()


def _entry(
    raw: str, stamp: _Stamp, when: dt.datetime, where: str, tz: dt.tzinfo | None
) -> NewEntry:
    first, sep, rest = raw.partition("\n")
    tags = [t.lower() for t in _TAG.findall(raw)]
    if first.rstrip().endswith("*"):
        first = first.rstrip().rstrip("*").rstrip()
        tags.append("starred")
    title, body = split_title(first + sep + rest)
    created = when.replace(tzinfo=tz) if tz is not None else None
    new = NewEntry(where, when.date(), title, body, tags, created_at=created)
    return check_entry(new)


def import_jrnl(
    services: TransferContext,
    path: Path,
    progress: Progress = no_progress,
    *,
    date_format: str | None = None,
    tz: dt.tzinfo | None = None,
    options: ImportOptions | None = None,
) -> ImportResult:
    options = options or ImportOptions()
    skips = SkipList(options.strict)
    progress(0, 1, f"reading {path.name}")
    found = read_jrnl(path, tz or services.tz, date_format, skips)
    return write_entries(services, found, "jrnl", progress, options=options, skips=skips)
