"""How the window writes times, lengths and days. Dates come from the system locale
through `date_format`/`date_text`, the one format every page, list and date field uses
("Sun 6 Dec 2026" without a locale, "Sun 12/6/2026" in the US, "So. 06.12.2026" in
Germany); `to_qdate`/`from_qdate` convert for Qt's date widgets."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from PySide6.QtCore import QDate, QLocale

_PLAIN = "ddd d MMM yyyy"  # without a locale (C/POSIX), whose short format is "d MM yyyy"


@lru_cache(maxsize=1)
def _formats() -> tuple[str, str]:
    """The system locale's formats, read once."""
    return formats_of(QLocale.system())


def formats_of(locale: QLocale) -> tuple[str, str]:
    """(short with the weekday and a four-digit year, long) Qt date formats of `locale`."""
    if locale.language() == QLocale.Language.C:
        return _PLAIN, "dddd, d MMMM yyyy"
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    short = re.sub(r"(?<!y)yy(?!y)", "yyyy", short)  # never a two-digit year
    return f"ddd {short}", locale.dateFormat(QLocale.FormatType.LongFormat)


def date_format() -> str:
    """The display format of every date field (QDateEdit.setDisplayFormat)."""
    return _formats()[0]


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_text(day: dt.date) -> str:
    """A date as the date fields show it: 'Sun 22 Nov 2026' without a locale."""
    return QLocale.system().toString(to_qdate(day), _formats()[0])


def clock_text(instant: dt.datetime, day: dt.date) -> str:
    """HH:MM of a local instant; the midnight that ends `day` reads 24:00."""
    if instant.date() > day and instant.time() == dt.time():
        return "24:00"
    return instant.strftime("%H:%M")


def length_text(delta: dt.timedelta) -> str:
    """'45 min', '2 h', '1 h 30 min' (rounded to the minute)."""
    minutes = max(0, round(delta.total_seconds() / 60))
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def hours_text(hours: float) -> str:
    """One decimal: '1.5 h'."""
    return f"{hours:.1f} h"


def target_text(hours: float) -> str:
    """A target as the user set it: '2 h', '7.5 h'."""
    return f"{hours:g} h"


def day_text(day: dt.date) -> str:
    """The locale's long date, for headings: 'Sunday, 22 November 2026'."""
    return QLocale.system().toString(to_qdate(day), _formats()[1])


def short_day_text(day: dt.date) -> str:
    """'Sun 22 Nov'."""
    return f"{day:%a} {day.day} {day:%b}"


def relative_day(day: dt.date, today: dt.date) -> str:
    """'Today', 'Yesterday', or the weekday and date."""
    if day == today:
        return "Today"
    if day == today - dt.timedelta(days=1):
        return "Yesterday"
    return day_text(day)


def parse_hours(text: str) -> float:
    """Hours typed as '7.5', '7,5' or '7:30' (raises ValueError)."""
    raw = text.strip().lower().removesuffix("h").strip()
    if ":" in raw:
        hours, _, minutes = raw.partition(":")
        if not hours.lstrip("-").isdigit() or not minutes.isdigit() or len(minutes) != 2:
            raise ValueError(text)
        sign = -1 if hours.startswith("-") else 1
        return sign * (abs(int(hours)) + int(minutes) / 60)
    return float(raw.replace(",", "."))
