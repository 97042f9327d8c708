"""TrashDialog: the deleted entries, with Restore, Delete forever and Empty trash.

It talks to an object with ``trashed()``, ``restore(id)`` and ``empty_trash()`` (and,
when it has one, ``delete_forever(id)``): ``services.entries`` in the app, a fake in tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import JournalError
from journal_app.ui.journal import prompts
from journal_app.ui.theme import mute
from journal_app.ui.widgets.labels import UNTITLED, day_label, entries_text, local_time_label

if TYPE_CHECKING:
    from journal_app.services.entries import EntrySummary

ID_ROLE = Qt.ItemDataRole.UserRole
EMPTY_TEXT = "The trash is empty. Entries you delete wait here until you empty it."
EMPTY_NOTE = "Nothing here."


Confirm = Callable[[QWidget | None, str, str, str], bool]  # (parent, title, text, action)


class TrashApi(Protocol):
    def trashed(self) -> list[EntrySummary]: ...
    def restore(self, entry_id: int) -> object: ...
    def empty_trash(self) -> int: ...


class TrashDialog(QDialog):
    restored = Signal(int)  # an entry came back out of the trash
    deleted_forever = Signal(int)
    emptied = Signal(int)  # how many entries went for good

    def __init__(
        self,
        entries: TrashApi,
        parent: QWidget | None = None,
        *,
        confirm: Confirm | None = None,
    ) -> None:
        super().__init__(parent)
        self._entries = entries
        self._confirm = confirm
        self.setWindowTitle("Trash")
        self.setObjectName("trashDialog")
        self.resize(560, 400)

        self.heading = QLabel("Trash")
        self.heading.setObjectName("dialogHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("muted")
        mute(self.summary_label)
        self.summary_label.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setObjectName("trashList")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["Title", "Day", "Deleted"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setStyleSheet("QTreeWidget#trashList::item { padding: 5px 4px; }")

        self.empty_label = QLabel(EMPTY_NOTE)
        self.empty_label.setObjectName("muted")
        mute(self.empty_label)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.restore_button = QPushButton("&Restore")
        self.restore_button.setToolTip("Put the selected entries back in the journal")
        self.restore_button.setDefault(True)
        self.delete_button: QPushButton | None = None
        if callable(getattr(entries, "delete_forever", None)):
            self.delete_button = QPushButton("&Delete forever…")
        self.empty_button = QPushButton("&Empty trash…")
        self.close_button = QPushButton("Close")
        self.close_button.setAutoDefault(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        if self.delete_button is not None:
            buttons.addWidget(self.delete_button)
            self.delete_button.clicked.connect(self._on_delete_forever)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(buttons)

        self.restore_button.clicked.connect(self._on_restore)
        self.empty_button.clicked.connect(self._on_empty)
        self.close_button.clicked.connect(self.accept)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- our API -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the trash again; keeps the selection where the entries are still there."""
        keep = set(self.selected_ids())
        self.list.clear()
        trashed = self._entries.trashed()
        for summary in trashed:
            self.list.addTopLevelItem(self._item(summary))
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            assert item is not None  # row is in range
            if item.data(0, ID_ROLE) in keep:
                item.setSelected(True)
        first = self.list.topLevelItem(0)
        if trashed and not self.list.selectedItems() and first is not None:
            self.list.setCurrentItem(first)
        count = len(trashed)
        self.summary_label.setText(
            f"{entries_text(count)}. Restore puts an entry back in the journal; emptying "
            "the trash deletes them for good."
            if count
            else EMPTY_TEXT
        )
        self.list.setVisible(bool(count))
        self.empty_label.setVisible(not count)
        self._update_buttons()

    def ids(self) -> list[int]:
        items = (self.list.topLevelItem(row) for row in range(self.list.topLevelItemCount()))
        return [item.data(0, ID_ROLE) for item in items if item is not None]

    def selected_ids(self) -> list[int]:
        return [item.data(0, ID_ROLE) for item in self.list.selectedItems()]

    def select(self, entry_id: int) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == entry_id:
                self.list.setCurrentItem(item)
                return

    # -- building ------------------------------------------------------------------------

    def _item(self, summary: EntrySummary) -> QTreeWidgetItem:
        deleted = local_time_label(summary.deleted_at) if summary.deleted_at else ""
        item = QTreeWidgetItem([summary.title or UNTITLED, day_label(summary.day), deleted])
        item.setData(0, ID_ROLE, summary.id)
        item.setToolTip(0, summary.title or UNTITLED)
        if not summary.title:
            font = item.font(0)
            font.setItalic(True)
            item.setFont(0, font)
            item.setForeground(0, self.palette().color(QPalette.ColorRole.PlaceholderText))
        return item

    def _update_buttons(self) -> None:
        has_selection = bool(self.list.selectedItems())
        self.restore_button.setEnabled(has_selection)
        if self.delete_button is not None:
            self.delete_button.setEnabled(has_selection)
        self.empty_button.setEnabled(self.list.topLevelItemCount() > 0)

    # -- actions -------------------------------------------------------------------------

    def _ask(self, title: str, text: str, action: str) -> bool:
        return (self._confirm or prompts.confirm)(self, title, text, action)

    def _on_restore(self) -> None:
        for entry_id in self.selected_ids():
            try:
                self._entries.restore(entry_id)
            except JournalError as exc:
                prompts.show_error(self, "Could not restore", str(exc))
                break
            self.restored.emit(entry_id)
        self.refresh()

    def _on_delete_forever(self) -> None:
        chosen = self.selected_ids()
        if not chosen:
            return
        what = "this entry" if len(chosen) == 1 else f"these {len(chosen)} entries"
        if not self._ask(
            "Delete forever?",
            f"This deletes {what} with its history and images. It cannot be undone.",
            "Delete forever",
        ):
            return
        delete = getattr(self._entries, "delete_forever")  # noqa: B009 - optional method
        for entry_id in chosen:
            try:
                delete(entry_id)
            except JournalError as exc:
                prompts.show_error(self, "Could not delete", str(exc))
                break
            self.deleted_forever.emit(entry_id)
        self.refresh()

    def _on_empty(self) -> None:
        count = self.list.topLevelItemCount()
        if not count:
            return
        if not self._ask(
            "Empty the trash?",
            f"The {entries_text(count)} in the trash will be deleted for good, with their "
            "history and images. This cannot be undone.",
            "Empty trash",
        ):
            return
        try:
            gone = self._entries.empty_trash()
        except JournalError as exc:
            prompts.show_error(self, "Could not empty the trash", str(exc))
            gone = None
        self.refresh()
        if gone is not None:
            self.emptied.emit(gone)
