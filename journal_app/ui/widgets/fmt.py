"""How the Today view writes times, lengths and days (Qt-free, so tests can read it)."""

from __future__ import annotations

import datetime as dt


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
    """'Sunday, 22 November 2026'."""
    return f"{day:%A}, {day.day} {day:%B %Y}"


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
