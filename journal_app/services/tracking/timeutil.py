"""Local time for tracking: the user's zone (honouring `TZ`), day bounds, DST-correct
durations and splitting a span at local midnights.

Instants are stored as naive UTC (services/clock.py) and arrive here aware. Durations are
always computed between UTC instants, so a night across a clock change has its real
length (23:00→07:00 is 9 h in Berlin's autumn change, 7 h in spring), and no span is
ever negative: an end at or before the start has length zero.

This module imports neither the database nor Qt, so the UI may use it for display.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from journal_app.errors import InvalidInput

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
ZERO = dt.timedelta(0)
_UTC = dt.UTC
_LOCALTIME = Path("/etc/localtime")


# --------------------------------------------------------------------------- zones


class SystemLocal(dt.tzinfo):
    """The C library's local zone (which reads `TZ`, POSIX rules included).

    Used when no IANA database entry is found: on Windows without the `tzdata` package,
    or for a `TZ` such as "CET-1CEST,M3.5.0,M10.5.0/3". `fold` picks the first or second
    of a repeated wall time, as with zoneinfo.
    """

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta:
        if value is None:
            return dt.timedelta(seconds=-time.timezone)
        return dt.timedelta(seconds=self._offset(value))

    def dst(self, value: dt.datetime | None) -> dt.timedelta:
        if value is None:
            return ZERO
        standard = -time.timezone
        return dt.timedelta(seconds=max(0, self._offset(value) - standard))

    def tzname(self, value: dt.datetime | None) -> str:
        if value is None:
            return time.tzname[0]
        return time.localtime(self._timestamp(value)).tm_zone or "local"

    def fromutc(self, value: dt.datetime) -> dt.datetime:
        naive = value.replace(tzinfo=None)
        stamp = (naive - dt.datetime(1970, 1, 1)).total_seconds()
        local = naive + dt.timedelta(seconds=time.localtime(stamp).tm_gmtoff)
        # The second of two equal wall times (autumn) has fold=1.
        candidates = self._candidates(local)
        fold = 1 if len(candidates) > 1 and stamp == candidates[-1] else 0
        return local.replace(tzinfo=self, fold=fold)

    @staticmethod
    def _candidates(naive: dt.datetime) -> list[float]:
        """The instants (epoch seconds) showing this wall time: one, two (autumn) or none
        (a wall time skipped in spring)."""
        guess = (naive.replace(tzinfo=None) - dt.datetime(1970, 1, 1)).total_seconds()
        found: set[float] = set()
        for probe in (guess - 14 * 3600, guess, guess + 14 * 3600):
            offset = time.localtime(probe).tm_gmtoff
            stamp = guess - offset
            if time.localtime(stamp).tm_gmtoff == offset:
                found.add(stamp)
        return sorted(found)

    def _offset(self, value: dt.datetime) -> int:
        """The UTC offset (seconds) of a local wall time, as zoneinfo reads it: `fold`
        picks one of two equal wall times; in a spring gap fold=0 uses the offset before
        the change and fold=1 the one after."""
        guess = (value.replace(tzinfo=None) - dt.datetime(1970, 1, 1)).total_seconds()
        candidates = self._candidates(value)
        if not candidates:
            probe = guess + 14 * 3600 if value.fold else guess - 14 * 3600
            return time.localtime(probe).tm_gmtoff
        stamp = candidates[-1] if value.fold else candidates[0]
        return round(guess - stamp)

    def _timestamp(self, value: dt.datetime) -> float:
        guess = (value.replace(tzinfo=None) - dt.datetime(1970, 1, 1)).total_seconds()
        return guess - self._offset(value)

    def __repr__(self) -> str:
        return "SystemLocal()"


def zone_named(name: str) -> dt.tzinfo | None:
    """The IANA zone `name` ("Europe/Berlin", "UTC"), or None when it is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def local_zone() -> dt.tzinfo:
    """The user's zone: `TZ` if set (an IANA name, a path, or POSIX rules), else the
    system's (/etc/localtime), else the C library's local time."""
    raw = os.environ.get("TZ")
    if raw is not None and raw.strip():
        name = raw.strip().removeprefix(":")
        zone = _zone_file(Path(name)) if name.startswith("/") else zone_named(name)
        if zone is not None:
            return zone
        _tzset()
        return SystemLocal()
    if _LOCALTIME.exists():
        key = _zone_key(_LOCALTIME)
        zone = zone_named(key) if key else None
        if zone is None:
            zone = _zone_file(_LOCALTIME)
        if zone is not None:
            return zone
    _tzset()
    return SystemLocal()


def _tzset() -> None:
    tzset = getattr(time, "tzset", None)  # not on Windows
    if tzset is not None:
        tzset()


def _zone_key(path: Path) -> str | None:
    """'Europe/Berlin' from a link such as /etc/localtime -> .../zoneinfo/Europe/Berlin."""
    try:
        target = str(path.resolve())
    except OSError:
        return None
    marker = "/zoneinfo/"
    if marker not in target:
        return None
    return target.split(marker, 1)[1].removeprefix("posix/").removeprefix("right/") or None


def _zone_file(path: Path) -> dt.tzinfo | None:
    try:
        with path.open("rb") as handle:
            return ZoneInfo.from_file(handle, key=_zone_key(path))
    except (OSError, ValueError):
        return None


def resolve_zone(tz: dt.tzinfo | str | None) -> dt.tzinfo:
    """A zone from a tzinfo, an IANA name, or None (the local zone)."""
    if tz is None:
        return local_zone()
    if isinstance(tz, str):
        zone = zone_named(tz)
        if zone is None:
            raise InvalidInput(f"unknown time zone {tz!r}")
        return zone
    return tz


# --------------------------------------------------------------------------- instants


def aware(value: dt.datetime) -> dt.datetime:
    """An aware instant; naive values are refused (they are ambiguous)."""
    if not isinstance(value, dt.datetime):
        raise InvalidInput(f"a time must be a date and time, not {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput("a time needs a time zone")
    return value


def to_utc(value: dt.datetime) -> dt.datetime:
    """Aware UTC, whole seconds: finer precision means nothing for a session and would
    make sums in SQL and in Python disagree."""
    return aware(value).astimezone(_UTC).replace(microsecond=0)


def to_storage(value: dt.datetime) -> dt.datetime:
    """Aware instant -> naive UTC whole seconds (the database convention)."""
    return to_utc(value).replace(tzinfo=None)


def from_storage(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=_UTC)


def local_date(instant: dt.datetime, tz: dt.tzinfo) -> dt.date:
    return aware(instant).astimezone(tz).date()


def at_local(day: dt.date, wall: dt.time, tz: dt.tzinfo, *, fold: int = 0) -> dt.datetime:
    """The instant (aware UTC) of wall-clock `wall` on `day` in `tz`.

    A time skipped by a spring change (02:30 in Berlin) is read with the offset before the
    change, i.e. it lands one hour later on the clock; a time repeated in autumn means the
    first of the two unless `fold=1`.
    """
    local = dt.datetime.combine(day, wall.replace(tzinfo=None, fold=fold), tzinfo=tz)
    return local.astimezone(_UTC)


def start_of_day(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """Aware UTC instant of the local midnight that starts `day` (or of the first instant
    of the day where a clock change skips midnight)."""
    return at_local(day, dt.time(), tz)


def day_bounds(first: dt.date, last: dt.date, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """[start of `first`, start of the day after `last`) as aware UTC instants."""
    return start_of_day(first, tz), start_of_day(last + dt.timedelta(days=1), tz)


def duration(start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """Real elapsed time between two aware instants; never negative."""
    elapsed = aware(end).astimezone(_UTC) - aware(start).astimezone(_UTC)
    return max(elapsed, ZERO)


def hours(delta: dt.timedelta) -> float:
    return delta.total_seconds() / 3600


def today(clock_now: dt.datetime, tz: dt.tzinfo) -> dt.date:
    return local_date(clock_now, tz)


# --------------------------------------------------------------------------- splitting


@dataclass(frozen=True)
class DayPart:
    """The part of a span that falls on one local day (instants aware, in UTC)."""

    day: dt.date
    start: dt.datetime
    end: dt.datetime

    @property
    def duration(self) -> dt.timedelta:
        return duration(self.start, self.end)


def split_by_day(start: dt.datetime, end: dt.datetime, tz: dt.tzinfo) -> list[DayPart]:
    """`[start, end)` cut at each local midnight in `tz`; empty parts are left out.

    Parts are in order, never negative, and their durations add up to `duration(start,
    end)` (zero for an end at or before the start: then there are no parts).
    """
    begin = aware(start).astimezone(_UTC)
    stop = aware(end).astimezone(_UTC)
    parts: list[DayPart] = []
    if stop <= begin:
        return parts
    day = begin.astimezone(tz).date()
    cursor = begin
    while cursor < stop:
        following = start_of_day(day + dt.timedelta(days=1), tz)
        part_end = min(following, stop)
        if part_end > cursor:
            parts.append(DayPart(day, cursor, part_end))
            cursor = part_end
        day += dt.timedelta(days=1)
    return parts


# --------------------------------------------------------------------------- checks


def check_day(day: object, what: str = "the day") -> dt.date:
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise InvalidInput(f"{what} must be a date, not {day!r}")
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(f"{day.isoformat()} is outside 1900-2100")
    return day


def parse_day(text: str) -> dt.date:
    """A date typed as YYYY-MM-DD (for the CLI), checked to lie in 1900-2100."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date (use YYYY-MM-DD)") from None
    return check_day(day)


def parse_clock_time(text: str) -> dt.time:
    """A wall-clock time typed as HH:MM (or H:MM), for the CLI and forms."""
    raw = text.strip()
    hour, sep, minute = raw.partition(":")
    if (
        not sep
        or not hour.isdigit()
        or not minute.isdigit()
        or len(minute) != 2
        or not 1 <= len(hour) <= 2
    ):
        raise InvalidInput(f"{text!r} is not a time of day (use HH:MM)")
    if int(hour) > 23 or int(minute) > 59:
        raise InvalidInput(f"{text!r} is not a time of day (00:00 to 23:59)")
    return dt.time(int(hour), int(minute))


def format_hours(value: float | None) -> str:
    """Hours as the app shows them: one decimal, "—" for nothing logged."""
    return "—" if value is None else f"{value:.1f}"
