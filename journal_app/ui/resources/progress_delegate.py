"""A thin progress bar behind a cell's text, for the progress columns (resources, skills).

The share (0..1) comes from the model's VALUE_ROLE; the text is the cell's own. Colours
come from the palette, so the bar follows the light and the dark look.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from journal_app.ui.resources.record_model import VALUE_ROLE

BAR_HEIGHT = 6
TEXT_WIDTH = 46  # room for "100 %" right of the bar


class ProgressDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        share = index.data(VALUE_ROLE)
        if share is None:
            super().paint(painter, option, index)
            return
        # Background and selection as usual, then our bar and text.
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(8, 0, -8, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        bar = QRectF(
            rect.left(),
            rect.center().y() - BAR_HEIGHT / 2 + 1,
            max(0, rect.width() - TEXT_WIDTH),
            BAR_HEIGHT,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = palette.color(
            QPalette.ColorRole.Midlight if not selected else QPalette.ColorRole.Mid
        )
        painter.setBrush(track)
        painter.drawRoundedRect(bar, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        done = QRectF(bar)
        done.setWidth(bar.width() * max(0.0, min(1.0, float(share))))
        if done.width() > 0:
            fill = palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            )
            painter.setBrush(fill)
            painter.drawRoundedRect(done, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        text_rect = rect.adjusted(rect.width() - TEXT_WIDTH + 4, 0, 0, 0)
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()
