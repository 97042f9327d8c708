"""SessionTableModel: the parts of a day's sessions, one row each.

A session across midnight shows its part of the day, marked "↤" when it began the day
before and "↦" when it goes on into the next; the tooltip gives the whole session.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from journal_app.ui.today.fmt import clock_text, length_text, short_day_text
from journal_app.ui.today.style import side_color

if TYPE_CHECKING:
    from journal_app.services.tracking.sessions import SessionPart

COLUMNS = ("Time", "Duration", "Category", "Skill", "Resource / task", "Note", "Source")
TIME, DURATION, CATEGORY, SKILL, WORK, NOTE, SOURCE = range(len(COLUMNS))
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole
FROM_BEFORE = "↤"
INTO_NEXT = "↦"

Index = QModelIndex | QPersistentModelIndex


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


class SessionTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._parts: list[SessionPart] = []

    # -- our API -------------------------------------------------------------------------

    def set_parts(self, parts: list[SessionPart]) -> None:
        self.beginResetModel()
        self._parts = list(parts)
        self.endResetModel()

    def part(self, row: int) -> SessionPart:
        return self._parts[row]

    def parts(self) -> list[SessionPart]:
        return list(self._parts)

    def row_of(self, session_id: int) -> int | None:
        return next((r for r, p in enumerate(self._parts) if p.session.id == session_id), None)

    # -- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._parts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._parts):
            return None
        part = self._parts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(part, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(part, column)
        if role == SESSION_ID_ROLE:
            return part.session.id
        if role == Qt.ItemDataRole.DecorationRole and column == CATEGORY:
            return side_color(part.session.side)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(part: SessionPart, column: int) -> str:
        s = part.session
        if column == TIME:
            return time_text(part)
        if column == DURATION:
            return length_text(part_length(part))
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

    @staticmethod
    def _tip(part: SessionPart, column: int) -> str | None:
        s = part.session
        if column in (TIME, DURATION) and part.is_split:
            return split_tip(part)
        if column == CATEGORY and s.side:
            return f"{s.category}: {s.side}"
        if column == NOTE and s.note:
            return s.note
        if column == SOURCE:
            return "Timed with the focus timer" if s.source == "timer" else "Added by hand"
        return None
