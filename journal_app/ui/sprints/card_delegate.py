"""Paints a task as a card: its title on up to two lines, then estimate, skill and tags.

Every card has the same height, so a column of hundreds of tasks lays out at once
(``setUniformItemSizes``) and scrolls without measuring text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from journal_app.services.planning.data import TaskData
from journal_app.ui.sprints.task_list_model import TASK_ROLE

MARGIN = 4  # around the card, inside the row
PAD = 9  # inside the card
RADIUS = 6.0
STATUS_COLORS = {"todo": "#8b8b96", "doing": "#e0a526", "done": "#3fa66a"}


def meta_text(task: TaskData) -> str:
    parts = []
    if task.estimate_hours is not None:
        parts.append(f"{task.estimate_hours:g} h")
    if task.skill:
        parts.append(task.skill)
    parts += [f"#{tag}" for tag in task.tags]
    return "  ·  ".join(parts)


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
        return QSize(200, 2 * MARGIN + 2 * PAD + 3 * line + 4)

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
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        font = option.font
        font.setStrikeOut(task.status == "done")
        painter.setFont(font)
        for n, text in enumerate(_title_lines(task.title, metrics, inner.width())):
            painter.drawText(
                QRect(inner.left(), inner.top() + n * line, inner.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        meta = meta_text(task)
        if meta:
            small = option.font
            small.setStrikeOut(False)
            small.setPointSizeF(max(small.pointSizeF() * 0.88, 6.0))
            painter.setFont(small)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            meta_rect = QRect(inner.left(), inner.bottom() - line + 1, inner.width(), line)
            painter.drawText(
                meta_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetrics(small).elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()),
            )
        if focused and not selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), RADIUS, RADIUS)
        painter.restore()
