"""Dates and times as other tools write them, read in the journal's zone."""

from __future__ import annotations

import datetime as dt
import re

from journal_app.errors import InvalidInput
from journal_app.services.transfer.import_files import shown

_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?")


def parse_time(text: str) -> dt.time:
    """'09:00', '9:00:30', '9:05 PM'."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise InvalidInput(f"{shown(text)} is not a time like 09:30")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if match[4]:
        if not 1 <= hour <= 12:
            raise InvalidInput(f"{shown(text)} is not a time like 9:30 PM")
        hour = hour % 12 + (12 if match[4].lower() == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise InvalidInput(f"{shown(text)} is not a time of day")
    return dt.time(hour, minute, second)


def localize(naive: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    return naive.replace(tzinfo=tz) if naive.tzinfo is None else naive


def parse_instant(text: str, tz: dt.tzinfo, day: dt.date | None = None) -> dt.datetime:
    """An aware instant from ISO 8601 ('2026-03-10T09:00:00+01:00', '2026-03-10 09:00',
    '...Z'); a bare time of day is read on `day`. Without an offset: local time in `tz`."""
    raw = text.strip()
    if day is not None and _TIME.fullmatch(raw):
        return dt.datetime.combine(day, parse_time(raw), tzinfo=tz)
    try:
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"{shown(text)} is not a date and time like 2026-03-10 09:30") from None
    if len(raw) <= 10:
        raise InvalidInput(f"{shown(text)} has no time of day")
    return localize(value, tz)


def parse_date(text: str) -> dt.date:
    raw = text.strip()
    try:
        return dt.date.fromisoformat(raw[:10]) if len(raw) >= 10 else dt.date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"{shown(text)} is not a date like 2026-03-10") from None


def parse_duration(text: str) -> dt.timedelta:
    """'01:30:00', '1:30', '90 min', '1.5' (hours)."""
    raw = text.strip()
    parts = raw.split(":")
    try:
        if len(parts) in (2, 3) and all(p.isdigit() for p in parts):
            numbers = [int(p) for p in parts] + [0]
            return dt.timedelta(hours=numbers[0], minutes=numbers[1], seconds=numbers[2])
        if raw.lower().endswith("min"):
            return dt.timedelta(minutes=float(raw[:-3]))
        return dt.timedelta(hours=float(raw))
    except (ValueError, OverflowError):  # OverflowError: '1e308', 'inf', 99999999999 min
        raise InvalidInput(f"{shown(text)} is not a duration like 01:30:00") from None
