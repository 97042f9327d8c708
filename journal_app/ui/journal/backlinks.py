""" "Linked from": the entries whose text links to the open one, each with its sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from journal_app.ui.theme import ThemeManager, mute

if TYPE_CHECKING:
    from journal_app.services.links import Backlink

MAX_ROWS_SHOWN = 5  # taller than this, the list scrolls
ITEM_SHEET = "QListWidget#backlinksList::item { padding: 3px 2px; }"


class BacklinksPanel(QWidget):
    """Hidden while nothing links here. Enter or a click on a row opens that entry."""

    entry_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backlinks")
        self.heading = QLabel("Linked from")
        self.heading.setObjectName("backlinksHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("backlinksList")
        self.list.setAccessibleName("Linked from")
        self.list.setAccessibleDescription("Entries that link to this one; Enter opens one")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Re-applied on a theme change, so the sheet follows the light/dark palette.
        ThemeManager.shared().attach_sheet(self.list, ITEM_SHEET)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        self.heading.setBuddy(self.list)
        self._pending: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 8)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        mute(self.heading)
        self.set_backlinks([])

    def set_backlinks(self, backlinks: list[Backlink]) -> None:
        self.list.clear()
        for link in backlinks:
            title = link.title.strip() or "Untitled"
            text = f"{title} · {link.day:%d %b %Y}\n“{link.sentence}”"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, link.entry_id)
            item.setToolTip(f"Open “{title}”")
            self.list.addItem(item)
        count = len(backlinks)
        self.heading.setText(f"Linked from ({count})" if count else "Linked from")
        rows = min(count, MAX_ROWS_SHOWN)
        height = sum(self.list.sizeHintForRow(i) for i in range(rows))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 4)
        self.setVisible(count > 0)

    def entry_ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def _on_item(self, item: QListWidgetItem) -> None:
        # After the click is handled (opening refills this list), and once when a style
        # reports the same click as both clicked and activated.
        if self._pending is None:
            QTimer.singleShot(0, self, self._emit)
        self._pending = int(item.data(Qt.ItemDataRole.UserRole))

    def _emit(self) -> None:
        entry_id, self._pending = self._pending, None
        if entry_id is not None:
            self.entry_activated.emit(entry_id)
