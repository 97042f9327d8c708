"""Paints a task as a card: its title on up to two lines (a priority flag before it), its
coloured labels, then a line of badges — due date (red when overdue), checklist progress
with a small bar, links, notes — and the estimate and skill.

Every card has the same height, so a column of hundreds of tasks lays out at once
(``setUniformItemSizes``) and scrolls without measuring text.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from journal_app.services.planning.data import TaskData
from journal_app.ui.sprints.format import short_date
from journal_app.ui.sprints.task_list_model import TASK_ROLE, TODAY_ROLE

MARGIN = 4  # around the card, inside the row
PAD = 9  # inside the card
RADIUS = 6.0
STATUS_COLORS = {"todo": "#8b8b96", "doing": "#e0a526", "done": "#3fa66a"}
# Priority flags: low, medium, high (none has no flag); each readable with white text.
PRIORITY_COLORS = {1: "#4b6b8a", 2: "#b45309", 3: "#b91c1c"}
OVERDUE_COLOR = "#b91c1c"  # white on it: 6.5:1
CHIP_GAP = 4


def meta_text(task: TaskData) -> str:
    """Estimate and skill, after the badges."""
    parts = []
    if task.estimate_hours is not None:
        parts.append(f"{task.estimate_hours:g} h")
    if task.skill:
        parts.append(task.skill)
    return "  ·  ".join(parts)


def due_text(task: TaskData, today: dt.date | None) -> str:
    if task.due is None:
        return ""
    year = today is None or task.due.year != today.year
    when = short_date(task.due, year=year)
    if today is not None and task.overdue(today):
        return f"Overdue {when}"
    return f"Due {when}"


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background` (WCAG luminance)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(background.redF())
        + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF())
    )
    return QColor("#000000") if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else QColor("#ffffff")


def _chip(painter: QPainter, x: int, top: int, height: int, text: str, color: QColor) -> int:
    """A rounded chip of `color` with `text` at x; returns its right edge."""
    metrics = painter.fontMetrics()
    width = metrics.horizontalAdvance(text) + 10
    rect = QRectF(x, top, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(rect, height / 2, height / 2)
    painter.setPen(text_color_on(color))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return x + width


def _title_lines(text: str, metrics: QFontMetrics, width: int, lines: int = 2) -> list[str]:
    """The title wrapped to `width`, at most `lines` lines, the last elided."""
    layout = QTextLayout(text)
    layout.beginLayout()
    found: list[str] = []
    while len(found) < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(found) == lines - 1:
            rest = text[start:].replace("\n", " ")
            found.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        found.append(text[start : start + length].rstrip())
    layout.endLayout()
    return found or [""]


class CardDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, 2 * MARGIN + 2 * PAD + 4 * line + 10)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        task = index.data(TASK_ROLE)
        if not isinstance(task, TaskData):
            return
        palette = option.palette
        rect = QRectF(option.rect).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        stripe = QRectF(rect.left() + 1, rect.top() + PAD, 3, rect.height() - 2 * PAD)
        painter.fillRect(stripe, QColor(STATUS_COLORS.get(task.status, "#8b8b96")))

        inner = rect.toRect().adjusted(PAD + 2, PAD - 2, -PAD, -PAD + 2)
        metrics = QFontMetrics(option.font)
        line = metrics.lineSpacing()
        font = option.font
        title_left = inner.left()
        if task.priority:
            flag = QColor(PRIORITY_COLORS[task.priority])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(flag)
            size = max(line // 2, 6)
            painter.drawRoundedRect(
                QRectF(inner.left(), inner.top() + (line - size) / 2, size, size), 2, 2
            )
            title_left += size + 5
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        font.setStrikeOut(task.status == "done")
        painter.setFont(font)
        title_width = inner.right() - title_left
        for n, text in enumerate(_title_lines(task.title, metrics, title_width)):
            painter.drawText(
                QRect(title_left, inner.top() + n * line, title_width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        small = option.font
        small.setStrikeOut(False)
        small.setPointSizeF(max(small.pointSizeF() * 0.85, 6.0))
        painter.setFont(small)
        chip_height = QFontMetrics(small).height() + 2
        # Labels: coloured chips, as many as fit.
        x, top = inner.left(), inner.top() + 2 * line + 3
        for name, color in task.labels:
            if x + 24 > inner.right():
                break
            x = _chip(painter, x, top, chip_height, name, QColor(color)) + CHIP_GAP
        # Badges: due, checklist with a bar, links, notes; then estimate and skill.
        top = inner.bottom() - chip_height + 1
        x = inner.left()
        today = index.data(TODAY_ROLE)  # Qt hands a date back as a QDate
        if isinstance(today, QDate):
            today = today.toPython()
        due = due_text(task, today if isinstance(today, dt.date) else None)
        if due:
            late = due.startswith("Overdue")
            if late:
                x = _chip(painter, x, top, chip_height, due, QColor(OVERDUE_COLOR)) + CHIP_GAP
            else:
                x = self._text(painter, palette, x, top, chip_height, due) + 8
        if task.checklist:
            done, total = task.checked, len(task.checklist)
            x = self._text(painter, palette, x, top, chip_height, f"☑ {done}/{total}") + 3
            bar = QRectF(x, top + chip_height / 2 - 2, 28, 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Mid))
            painter.drawRoundedRect(bar, 2, 2)
            painter.setBrush(QColor(STATUS_COLORS["done"]))
            painter.drawRoundedRect(QRectF(bar.x(), bar.y(), bar.width() * done / total, 4), 2, 2)
            x += 28 + 8
        if task.links:
            n = len(task.links)
            x = self._text(painter, palette, x, top, chip_height, f"{n} link{'s' * (n != 1)}") + 8
        if task.notes:
            x = self._text(painter, palette, x, top, chip_height, "Notes") + 8
        meta = meta_text(task)
        if meta and x < inner.right() - 20:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRect(x, top, inner.right() - x, chip_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetrics(small).elidedText(
                    meta, Qt.TextElideMode.ElideRight, inner.right() - x
                ),
            )
        if focused and not selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), RADIUS, RADIUS)
        painter.restore()

    @staticmethod
    def _text(
        painter: QPainter, palette: QPalette, x: int, top: int, height: int, text: str
    ) -> int:
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        width = painter.fontMetrics().horizontalAdvance(text)
        painter.drawText(
            QRect(x, top, width + 1, height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        return x + width
