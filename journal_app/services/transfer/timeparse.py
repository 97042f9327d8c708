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


# Date patterns as tools' settings name them -> strftime ("DD.MM.YYYY" -> "%d.%m.%Y").
_PATTERN_PARTS = (
    ("YYYY", "%Y"),
    ("yyyy", "%Y"),
    ("MM", "%m"),
    ("DD", "%d"),
    ("dd", "%d"),
    ("HH", "%H"),
    ("hh", "%I"),
    ("mm", "%M"),
    ("ss", "%S"),
    ("A", "%p"),
    ("a", "%p"),
)


def strftime_pattern(text: str) -> str:
    """A date format as the user gives it: strftime ('%d.%m.%Y') as it is, or a pattern
    like 'DD.MM.YYYY', 'MM/DD/YYYY hh:mm A' turned into one."""
    raw = text.strip()
    if not raw:
        raise InvalidInput("the date format is empty; give e.g. DD.MM.YYYY or %d.%m.%Y")
    if "%" in raw:
        pattern = raw
    else:
        pattern = ""
        i = 0
        while i < len(raw):
            for part, code in _PATTERN_PARTS:
                if raw.startswith(part, i):
                    pattern += code
                    i += len(part)
                    break
            else:
                pattern += raw[i]
                i += 1
    if not any(code in pattern for code in ("%d", "%m", "%Y", "%y", "%b", "%B")):
        raise InvalidInput(
            f"{shown(text)} is not a date format; give e.g. DD.MM.YYYY, MM/DD/YYYY or %d.%m.%Y"
        )
    try:
        dt.datetime(2026, 3, 10, 9, 30).strftime(pattern)
    except ValueError:
        raise InvalidInput(f"{shown(text)} is not a date format strftime knows") from None
    return pattern


# Dates in time logs: ISO, or the forms trackers write by locale. Slashes are read
# month-first or day-first, whichever reads every date of the file; dots and dashes
# after the day are day-first (DD.MM.YYYY, DD-MM-YYYY).
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_DOTTED = re.compile(r"(\d{1,2})[.-](\d{1,2})[.-](\d{4})\.?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH_FIRST = "%m/%d/%Y"
DAY_FIRST = "%d/%m/%Y"


class DateReader:
    """Reads the dates of one file the same way: by `--date-format` when given, else
    by what the file's dates allow (InvalidInput when day-first and month-first both
    read every date: day ≤ 12 throughout)."""

    def __init__(self, samples: list[str], given: str | None = None, where: str = "") -> None:
        self.pattern: str | None = strftime_pattern(given) if given else None
        if self.pattern is None:
            slashed = [s.strip() for s in samples if _SLASHED.fullmatch(s.strip()[:10])]
            if slashed:
                self.pattern = self._slash_order(slashed, where)

    @staticmethod
    def _slash_order(dates: list[str], where: str) -> str:
        parts = [_SLASHED.fullmatch(d[:10]) for d in dates]
        firsts = [int(m[1]) for m in parts if m]
        seconds = [int(m[2]) for m in parts if m]
        month_first = all(1 <= f <= 12 for f in firsts)
        day_first = all(1 <= s <= 12 for s in seconds)
        if month_first and day_first:
            raise InvalidInput(
                f"{where}the dates are ambiguous: every day is 12 or less, so "
                f"{dates[0]} could be either; give --date-format MM/DD/YYYY or DD/MM/YYYY"
            )
        if day_first:
            return DAY_FIRST
        return MONTH_FIRST  # or neither: the row that does not fit is named

    def __call__(self, text: str) -> dt.date:
        raw = text.strip()
        if self.pattern is not None and not _ISO_DAY.fullmatch(raw[:10]):
            try:
                return dt.datetime.strptime(raw, self.pattern).date()
            except ValueError:
                shown_pattern = self.pattern.replace("%d", "DD").replace("%m", "MM")
                shown_pattern = shown_pattern.replace("%Y", "YYYY")
                raise InvalidInput(f"{shown(text)} is not a date in {shown_pattern}") from None
        dotted = _DOTTED.fullmatch(raw)
        if dotted:
            try:
                return dt.date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
            except ValueError:
                raise InvalidInput(f"{shown(text)} is not a date like 31.12.2026") from None
        return parse_date(raw)
