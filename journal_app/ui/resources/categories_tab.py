"""The Categories tab: the kinds of deep work and the side each counts on (production or
consumption). Names are renamed in place (Enter, F2 or a double click), the side picked
from a list or switched with a button, the order changed with Move up / Move down
(Alt+Up / Alt+Down); a category in use is deleted only when the user says so."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QPushButton

from journal_app.services import Services
from journal_app.ui.resources import prompts
from journal_app.ui.resources.category_dialog import CategoryDialog
from journal_app.ui.resources.category_model import CategoryRow, CategoryTableModel
from journal_app.ui.resources.format import plural
from journal_app.ui.resources.record_tab import RecordTab
from journal_app.ui.resources.side_delegate import SideDelegate

OTHER_SIDE = {"production": "consumption", "consumption": "production"}


class CategoriesTab(RecordTab):
    NOUN = "category"
    COLUMN_WIDTHS = (300, 140, 100)
    SORTABLE = False  # the user's order is the order
    DIALOG = CategoryDialog  # adds only: a name is renamed in place
    model: CategoryTableModel

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(services, CategoryTableModel(), parent)
        self.model.on_edit = self._on_edit
        self.view.setAccessibleName("Categories")
        self.view.setItemDelegateForColumn(1, SideDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.edit_button.setText("&Rename")
        self.edit_button.setToolTip("Rename the selected category (Enter or F2)")
        self.side_button = QPushButton("S&witch side")
        self.side_button.setToolTip("Move the category to the other side")
        self.side_button.clicked.connect(self.switch_side)
        self.up_button = QPushButton("Move &up")
        self.up_button.setToolTip("Earlier in the lists (Alt+Up)")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Move d&own")
        self.down_button.setToolTip("Later in the lists (Alt+Down)")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.restore_button = QPushButton("Restore &defaults")
        self.restore_button.setToolTip("Add back any of the seven default categories")
        self.restore_button.clicked.connect(self.restore_defaults)
        for button in (self.up_button, self.down_button, self.side_button):
            self.filters.addWidget(button)
        self.buttons.insertWidget(0, self.restore_button)
        self._on_selection_changed()

    def fetch(self) -> list[CategoryRow]:
        categories = self._services.categories
        return [
            CategoryRow(c.id, c.name, c.side, c.position, categories.usage(c.id))
            for c in categories.list()
        ]

    def summary(self, records: list[CategoryRow]) -> str:
        production = sum(c.side == "production" for c in records)
        return (
            f"{plural(production, 'production category', 'production categories')} · "
            f"{plural(len(records) - production, 'consumption category', 'consumption categories')}"
        )

    def selection_changed(self) -> None:
        if not hasattr(self, "up_button"):
            return
        row = self._row()
        self.side_button.setEnabled(row >= 0)
        self.up_button.setEnabled(self._neighbour(row, -1) >= 0)
        self.down_button.setEnabled(self._neighbour(row, 1) >= 0)
        if row >= 0:
            other = OTHER_SIDE[self.model.record(row).side]
            self.side_button.setToolTip(f"Move it to {other}")

    # -- editing -----------------------------------------------------------------------

    def _on_edit(self, category_id: int, field: str, value: str) -> bool:
        categories = self._services.categories
        if field == "name":
            return self.write(lambda: categories.rename(category_id, value), category_id)
        return self.write(lambda: categories.set_side(category_id, value), category_id)

    def add_menu_actions(self, menu: QMenu, record: CategoryRow) -> None:
        menu.addAction(f"Move to {OTHER_SIDE[record.side]}", self.switch_side)
        up = menu.addAction("Move up", lambda: self.move_selected(-1))
        up.setEnabled(self.up_button.isEnabled())
        down = menu.addAction("Move down", lambda: self.move_selected(1))
        down.setEnabled(self.down_button.isEnabled())

    def activate(self, index: QModelIndex) -> None:
        """A double click edits the cell in place (the view's own trigger)."""

    def edit(self) -> None:
        row = self._row()
        if row >= 0:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def switch_side(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            categories = self._services.categories
            self.write(lambda: categories.set_side(chosen.id, OTHER_SIDE[chosen.side]), chosen.id)

    def move_selected(self, step: int) -> None:
        """Swap the selected category with its neighbour on the same side."""
        row = self._row()
        other = self._neighbour(row, step)
        if other < 0:
            return
        ids = [c.id for c in self.model.records()]
        ids[row], ids[other] = ids[other], ids[row]
        self.write(lambda: self._services.categories.reorder(ids), ids[other])

    def restore_defaults(self) -> None:
        categories = self._services.categories
        before = {c.id for c in self.model.records()}

        def restore() -> None:
            added = [c.name for c in categories.restore_defaults() if c.id not in before]
            self.notice = (
                "Added back: " + ", ".join(added) if added else "Every default category is there"
            )

        self.write(restore)

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        categories = self._services.categories
        if chosen.sessions:
            text = (
                f"{plural(chosen.sessions, 'session')} {'uses' if chosen.sessions == 1 else 'use'}"
                " it. Deleting it keeps their time, but they will have no category. "
                "Renaming it, or moving it to the other side, keeps them labelled."
            )
        else:
            text = "No sessions use it."
        if prompts.confirm(self, f"Delete the category “{chosen.name}”?", text, "Delete"):
            self.write(lambda: categories.delete(chosen.id, force=chosen.sessions > 0))

    # -- helpers --------------------------------------------------------------------------

    def _row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _neighbour(self, row: int, step: int) -> int:
        """The row ``step`` away if it is on the same side, else -1."""
        other = row + step
        if row < 0 or not 0 <= other < self.model.rowCount():
            return -1
        if self.model.record(other).side != self.model.record(row).side:
            return -1
        return other

    def _on_view_key(self, event: QKeyEvent) -> bool:
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super()._on_view_key(event)
