"""How a search hit is drawn in the results list: its title, day and snippet as rich text,
wrapped to the list's width (never wider, so no sideways scroll bar).

A delegate rather than a QLabel per row: a label per row cost about 3 ms each to create
and to measure, so 50 hits took a third of a second on every keystroke's answer; the
delegate lays out only the rows it is asked for, and remembers their heights.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QListWidget, QStyledItemDelegate, QStyleOptionViewItem

HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's rich text
MUTED = "color:gray"  # secondary text (the day); readable on the selection colour too
PAD_X, PAD_Y = 6, 4
_CACHE_LIMIT = 4000

Index = QModelIndex | QPersistentModelIndex


class HitDelegate(QStyledItemDelegate):
    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[str, int, str], int] = {}

    def _document(self, html: str, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml(html)
        document.setTextWidth(max(1, width - 2 * PAD_X))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._view.viewport().width()
        html = str(index.data(HTML_ROLE) or "")
        key = (html, width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > _CACHE_LIMIT:
                self._heights.clear()
            document = self._document(html, width, option)
            height = self._heights[key] = math.ceil(document.size().height()) + 2 * PAD_Y
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # lazy: importing QStyle makes PySide build all its enums (~7 ms of start-up)
        from PySide6.QtWidgets import QStyle

        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        styled.text = ""  # the background and selection only; the text is drawn below
        widget = styled.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, styled, painter, widget)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        html = str(index.data(HTML_ROLE) or "")
        if selected:  # grey on the selection colour is hard to read
            html = html.replace(MUTED, "")
        document = self._document(html, rect.width(), option)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(
            QPalette.ColorRole.Text,
            option.palette.color(role),
        )
        painter.save()
        painter.translate(rect.left() + PAD_X, rect.top() + PAD_Y)
        document.documentLayout().draw(painter, context)
        painter.restore()
