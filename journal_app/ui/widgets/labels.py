"""Dates and labels as the journal's browsing widgets show them."""

from __future__ import annotations

import datetime as dt

from journal_app.ui.widgets.fmt import date_text

UNTITLED = "(untitled)"


def day_label(day: dt.date) -> str:
    """'Wed 25 Nov 2026' (the system locale's date: widgets/fmt.py)."""
    return date_text(day)


def short_day_label(day: dt.date) -> str:
    """'Wed 25': enough under a week or month header."""
    return f"{day:%a} {day.day}"


def month_label(year: int, month: int) -> str:
    """'November 2026'."""
    return f"{dt.date(year, month, 1):%B %Y}"


def week_bounds(iso_year: int, week: int) -> tuple[dt.date, dt.date]:
    monday = dt.date.fromisocalendar(iso_year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def week_label(iso_year: int, week: int) -> str:
    """'Week 47 · 16–22 Nov 2026', '30 Nov – 6 Dec 2026', '28 Dec 2026 – 3 Jan 2027'."""
    first, last = week_bounds(iso_year, week)
    if first.year != last.year:
        span = f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
    elif first.month != last.month:
        span = f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    else:
        span = f"{first.day}–{last.day} {last:%b %Y}"
    return f"Week {week} · {span}"


def entries_text(count: int) -> str:
    return f"{count:,} entr{'y' if count == 1 else 'ies'}"


def series_text(series: str | None, number: int | None) -> str:
    """'Self Study Journal #6', '#6' or '' (a series alone says nothing new)."""
    if number is None:
        return ""
    return f"{series} #{number}" if series else f"#{number}"


def series_badge(title: str, series: str | None, number: int | None) -> str:
    """The series text to show beside a title, unless the title already says it."""
    text = series_text(series, number)
    return "" if text and text.casefold() in title.casefold() else text


def local_time_label(instant: dt.datetime) -> str:
    """An aware instant in the local zone: 'Wed 18 Nov 2026, 14:05'."""
    local = instant.astimezone() if instant.tzinfo else instant
    return f"{day_label(local.date())}, {local:%H:%M}"
