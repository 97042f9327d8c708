"""Short texts for sprints in lists and headings."""

from __future__ import annotations

import datetime as dt

from journal_app.services.planning.data import SprintData

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(day: dt.date, *, year: bool = True) -> str:
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def date_range(start: dt.date, end: dt.date) -> str:
    """ "3 – 16 Mar 2026", "23 Nov – 6 Dec 2026", "29 Dec 2025 – 11 Jan 2026"."""
    if start.year != end.year:
        return f"{short_date(start)} – {short_date(end)}"
    if start.month == end.month:
        return f"{start.day} – {short_date(end)}"
    return f"{short_date(start, year=False)} – {short_date(end)}"


def sprint_label(sprint: SprintData) -> str:
    """ "Sprint 8 · 23 Nov – 6 Dec 2026 · active"."""
    return f"{sprint.name} · {date_range(sprint.start, sprint.end)} · {sprint.status}"
