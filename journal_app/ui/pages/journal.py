"""Journal: for now, the most recent entries (read-only) and how many there are.

The Markdown editor (issue #3) replaces the list's read-only role later.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from journal_app.services import Services
from journal_app.ui.pages.base import Card, Page

RECENT_LIMIT = 20
UNTITLED = "(untitled)"


def format_day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def count_text(count: int) -> str:
    if count == 0:
        return "No entries yet"
    return f"{count:,} entr{'y' if count == 1 else 'ies'}"


class JournalPage(Page):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Journal", "", parent)
        self._services = services
        self.entry_count = 0  # as of the last refresh()

        self.recent_card = Card("Recent entries")
        self.recent_list = QTreeWidget()
        self.recent_list.setObjectName("recentEntries")
        self.recent_list.setColumnCount(2)
        self.recent_list.setHeaderLabels(["Day", "Title"])
        self.recent_list.setHeaderHidden(True)
        self.recent_list.setRootIsDecorated(False)
        self.recent_list.setUniformRowHeights(True)
        self.recent_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.recent_list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(
            "No entries yet. Once you write your first entry it will appear here, newest first."
        )
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)
        self.recent_card.body.addWidget(self.recent_list)
        self.recent_card.body.addWidget(self.empty_label)
        self.add_card(self.recent_card)

        self.add_coming_soon(
            "Coming to this page",
            "The journal will become a full Markdown editor:",
            [
                "Write with a live preview; every keystroke is saved within a second.",
                "Numbered series (“Self Study Journal #6”), tags, and backdated days.",
                "Full-text search across years of entries as you type.",
                "Mark entries public and keep the link where you published them.",
            ],
        )
        self.finish()
        self.refresh()

    def refresh(self) -> None:
        """Reload the count and the list from the journal."""
        count = self.entry_count = self._services.entries.count()
        self.subtitle_label.setText(f"{count_text(count)} in your journal.")
        recent = self._services.entries.recent(RECENT_LIMIT)
        self.recent_list.clear()
        for summary in recent:
            item = QTreeWidgetItem([format_day(summary.day), summary.title or UNTITLED])
            item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            item.setToolTip(1, summary.title or UNTITLED)
            if not summary.title:
                font = item.font(1)
                font.setItalic(True)
                item.setFont(1, font)
            self.recent_list.addTopLevelItem(item)
        self.recent_list.setVisible(bool(recent))
        self.empty_label.setVisible(not recent)
        self._fit_list_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_list_height()  # rows are taller once the style sheet has polished them

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_list_height()

    def _fit_list_height(self) -> None:
        rows = self.recent_list.topLevelItemCount()
        if not rows:
            return
        row_height = self.recent_list.sizeHintForRow(0)
        frame = 2 * self.recent_list.frameWidth()
        self.recent_list.setFixedHeight(row_height * rows + frame + 2)
