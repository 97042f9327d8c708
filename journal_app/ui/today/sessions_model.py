"""SessionTableModel: the parts of a day's sessions, one row each.

A session across midnight shows its part of the day, marked "↤" when it began the day
before and "↦" when it goes on into the next; the tooltip gives the whole session.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from journal_app.ui.today.row_model import ID_ROLE, DayRowModel
from journal_app.ui.widgets.fmt import clock_text, length_text, short_day_text
from journal_app.ui.widgets.style import side_color

if TYPE_CHECKING:
    from journal_app.services.tracking.sessions import SessionPart

COLUMNS = ("Time", "Duration", "Category", "Skill", "Resource / task", "Note", "Source")
TIME, DURATION, CATEGORY, SKILL, WORK, NOTE, SOURCE = range(len(COLUMNS))
SESSION_ID_ROLE = ID_ROLE
FROM_BEFORE = "↤"
INTO_NEXT = "↦"


def part_length(part: SessionPart) -> dt.timedelta:
    """Real elapsed time of a part (across a clock change too)."""
    return part.duration


def time_text(part: SessionPart) -> str:
    start, end = clock_text(part.start, part.day), clock_text(part.end, part.day)
    text = f"{start} – {end}"
    if part.start != part.session.start.astimezone(part.start.tzinfo):
        text = f"{FROM_BEFORE} {text}"
    if part.end != part.session.end.astimezone(part.end.tzinfo):
        text = f"{text} {INTO_NEXT}"
    return text


def split_tip(part: SessionPart) -> str:
    """Where the rest of a session split at midnight lies ('' for a whole one)."""
    if not part.is_split:
        return ""
    zone = part.start.tzinfo
    start, end = part.session.start.astimezone(zone), part.session.end.astimezone(zone)
    whole = (
        f"{short_day_text(start.date())} {start:%H:%M} – "
        f"{short_day_text(end.date())} {end:%H:%M} ({length_text(part.session.duration)})"
    )
    moves = []
    if start.date() < part.day:
        moves.append(f"began on {short_day_text(start.date())}")
    if end > part.end:
        moves.append(f"continues on {short_day_text(part.day + dt.timedelta(days=1))}")
    return f"Part of a session across midnight: {whole}; it {' and '.join(moves)}."


class SessionTableModel(DayRowModel):
    columns = COLUMNS
    number_column = DURATION

    def set_parts(self, parts: list[SessionPart]) -> None:
        self.set_rows(parts)

    def part(self, row: int) -> SessionPart:
        return self.item(row)

    def parts(self) -> list[SessionPart]:
        return self.items()

    def row_id(self, item: SessionPart) -> int:
        return item.session.id

    def decoration(self, item: SessionPart, column: int) -> QColor | None:
        return side_color(item.session.side) if column == CATEGORY else None

    def text(self, item: SessionPart, column: int) -> str:
        s = item.session
        if column == TIME:
            return time_text(item)
        if column == DURATION:
            return length_text(part_length(item))
        if column == CATEGORY:
            return s.category or "—"
        if column == SKILL:
            return s.skill or ""
        if column == WORK:
            return " · ".join(t for t in (s.resource, s.task) if t)
        if column == NOTE:
            return s.note.replace("\n", " ")
        if column == SOURCE:
            return s.source
        return ""

    def tip(self, item: SessionPart, column: int) -> str | None:
        s = item.session
        if column in (TIME, DURATION) and item.is_split:
            return split_tip(item)
        if column == CATEGORY and s.side:
            return f"{s.category}: {s.side}"
        if column == NOTE and s.note:
            return s.note
        if column == SOURCE:
            return "Timed with the focus timer" if s.source == "timer" else "Added by hand"
        return None
