"""Shared layout for the area pages: a title, a subtitle and cards below."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal_app.ui.theme import PAGE_SHEET, ThemeManager

CONTENT_MAX_WIDTH = 1400  # tables use the width of a 1280-1600 px window; no wider lines


def scaled_font_label(text: str, factor: float, *, object_name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    label.setFont(font)
    return label


class Card(QFrame):
    """A rounded panel with an optional heading; add widgets to ``body``."""

    def __init__(self, heading: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 16, 20, 18)
        self.body.setSpacing(10)
        self.heading: QLabel | None = None
        if heading:
            self.heading = scaled_font_label(heading, 1.15, object_name="cardHeading")
            self.body.addWidget(self.heading)


class Page(QWidget):
    """A scrolling page: ``title``, ``subtitle`` and a column of cards."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = scaled_font_label(title, 1.9, object_name="pageTitle")
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setWordWrap(True)

        content = QWidget()
        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(36, 28, 36, 28)
        self.column.setSpacing(16)
        header = QVBoxLayout()
        header.setSpacing(4)
        header.addWidget(self.title_label)
        header.addWidget(self.subtitle_label)
        self.column.addLayout(header)
        self.column.addSpacing(4)
        self._stretch_added = False

        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(content, 1)
        row.addStretch(0)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setObjectName("pageScroll")
        # It takes the focus so arrows and Page Up/Down scroll the page: name it.
        scroll.setAccessibleName(title)
        scroll.setAccessibleDescription("Arrows and Page Up/Down scroll the page")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        self.scroll_area = scroll
        # The viewport is made transparent by the style sheet: the first call of
        # QScrollArea.viewport() costs PySide ~8 ms, a twentieth of start-up.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        manager = ThemeManager.instance()
        if manager is not None:
            manager.attach_sheet(self, PAGE_SHEET)
        else:
            self.setStyleSheet(PAGE_SHEET)

    def add_card(self, card: QWidget, stretch: int = 0) -> QWidget:
        self.column.addWidget(card, stretch)
        return card

    def finish(self) -> None:
        """Push the cards to the top (call after the last ``add_card``)."""
        if not self._stretch_added:
            self.column.addStretch(1)
            self._stretch_added = True

    def add_coming_soon(self, heading: str, intro: str, points: Sequence[str]) -> Card:
        """A friendly note of what this area will hold once it is built."""
        card = Card(heading)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        card.body.addWidget(intro_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setContentsMargins(2, 2, 0, 0)
        for row, point in enumerate(points):
            dot = QLabel("•")
            dot.setObjectName("bullet")
            dot.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            text = QLabel(point)
            text.setWordWrap(True)
            grid.addWidget(dot, row, 0)
            grid.addWidget(text, row, 1)
        grid.setColumnStretch(1, 1)
        card.body.addLayout(grid)
        self.add_card(card)
        return card
