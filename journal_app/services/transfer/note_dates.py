"""A note's date and moment, from wherever other apps put it (#16): a date property
(`date`, `created`, `created_at`, …) in any common form, else the first date in the file
name, else (when the user asks) the file's modification time.

A property with a time of day (or an offset) keeps that moment as the entry's created
time; a bare date gives the day only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from journal_app.errors import InvalidInput
from journal_app.services.transfer.import_files import shown

# Property names, case-insensitively, in the order they are trusted: the day a note is
# about first, then when it was made, then when it was last changed.
DATE_KEYS = (
    "day",
    "date",
    "created",
    "created_at",
    "createdat",
    "created on",
    "creation date",
    "date created",
    "date_created",
    "datecreated",
    "creationdate",
    "journal-day",
    "updated",
    "updated_at",
    "modified",
    "last modified",
    "date modified",
    "date_modified",
)

# What a source is called in the result's "Dates:" line.
FROM_PROPERTY = "properties"
FROM_NAME = "file names"
FROM_MTIME = "modification times"

PLACEHOLDER = re.compile(r"\{\{|\}\}|<%|%>")

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.I,
)
# Notesnook: `01-01-2024 01:23 AM` (day first).
_DMY = re.compile(
    r"(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?", re.I
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WORDS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b",
    re.I,
)
_NAME_DAY = re.compile(r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)")


def date_property(meta: Mapping[str, Any]) -> tuple[str, Any] | None:
    """The first date property a note has, as (its key as written, its value)."""
    folded = {str(k).strip().casefold(): k for k in meta}
    for key in DATE_KEYS:
        original = folded.get(key)
        if original is not None and meta[original] not in (None, ""):
            return str(original), meta[original]
    return None


def read_moment(value: Any, tz: dt.tzinfo) -> tuple[dt.date, dt.datetime | None]:
    """(day, moment or None) from a property's value: a YAML date or datetime, ISO text
    with or without a time and offset, `YYYY-MM-DD HH:mm`, `DD-MM-YYYY hh:mm AM`, `Sep
    14th, 2020`, or epoch seconds/milliseconds. InvalidInput with a plain reason."""
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=tz)
        return _local_day(moment, tz), moment
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, dict) or (isinstance(value, str) and PLACEHOLDER.search(value)):
        raise InvalidInput(f"{_shown_value(value)} is a template placeholder, not a date")
    if isinstance(value, bool):
        raise InvalidInput(f"{shown(value)} is not a date")
    if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
        return _epoch(float(value), tz)
    if isinstance(value, str):
        found = _from_text(value.strip(), tz)
        if found is not None:
            return found
    raise InvalidInput(f"{shown(value)} is not a date like 2026-03-10 or 2026-03-10 09:30")


def _shown_value(value: Any) -> str:
    if isinstance(value, dict):  # `{{date}}` read as YAML: a mapping inside a mapping
        return "{{" + ", ".join(str(k) for k in _keys(value)) + "}}"
    return shown(value)


def _keys(value: dict[Any, Any]) -> list[Any]:
    keys: list[Any] = []
    for key in value:
        keys.extend(_keys(dict(key)) if isinstance(key, tuple | frozenset) else [key])
    return keys


def _local_day(moment: dt.datetime, tz: dt.tzinfo) -> dt.date:
    return moment.astimezone(tz).date()


def _epoch(number: float, tz: dt.tzinfo) -> tuple[dt.date, dt.datetime]:
    seconds = number / 1000 if abs(number) >= 1e11 else number  # 13 digits: milliseconds
    try:
        moment = dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise InvalidInput(f"{shown(number)} is not a date") from None
    return _local_day(moment, tz), moment.astimezone(tz)


def _from_text(text: str, tz: dt.tzinfo) -> tuple[dt.date, dt.datetime | None] | None:
    try:
        iso = _ISO.fullmatch(text)
        if iso is not None:
            day = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
            if iso[4] is None:
                return day, None
            clock = dt.time(int(iso[4]), int(iso[5]), int(iso[6] or 0))
            moment = dt.datetime.combine(day, clock, tzinfo=_offset(iso[7]) or tz)
            return _local_day(moment, tz), moment
        dmy = _DMY.fullmatch(text)
        if dmy is not None:
            day = dt.date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
            if dmy[4] is None:
                return day, None
            hour = int(dmy[4])
            if dmy[7]:
                hour = hour % 12 + (12 if dmy[7].lower() == "pm" else 0)
            moment = dt.datetime.combine(day, dt.time(hour, int(dmy[5]), int(dmy[6] or 0)), tz)
            return day, moment
        words = _WORDS.fullmatch(text)
        if words is not None:
            return _word_day(words), None
    except ValueError:
        raise InvalidInput(f"{shown(text)} is not a real date") from None
    return None


def _offset(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text.upper() == "Z":
        return dt.UTC
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return dt.timezone(dt.timedelta(minutes=minutes if text[0] == "+" else -minutes))


def _word_day(match: re.Match[str]) -> dt.date:
    return dt.date(int(match[3]), _MONTHS.index(match[1][:3].lower()) + 1, int(match[2]))


def day_in_name(name: str) -> dt.date | None:
    """The first date in a file name: `2020_09_14`, `2020-09-14`, `20200914`,
    `Sep 14th, 2020` (None when there is none or it is not a real day)."""
    found = _NAME_DAY.search(name)
    if found is not None:
        try:
            return dt.date(int(found[1]), int(found[3]), int(found[4]))
        except ValueError:
            pass
    words = _WORDS.search(name)
    if words is not None:
        try:
            return _word_day(words)
        except ValueError:
            return None
    return None


def name_without_day(stem: str) -> str:
    """What a file name says besides its date: `2026-03-11 Backprop by hand` -> the rest."""
    rest = _NAME_DAY.sub("", stem, count=1)
    if rest == stem:
        rest = _WORDS.sub("", stem, count=1)
    return re.sub(r"\s+", " ", rest.strip(" -_.,")).strip()
