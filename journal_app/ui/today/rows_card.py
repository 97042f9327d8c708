"""RowsCard: a Today card listing the day's records (sessions, outputs) in a DayTable,
with Add, Edit and Delete in its heading row, a muted line when the day has none and an
undo bar. It asks, by signal, for what the page does: add, edit or delete a record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Signal, SignalInstance
from PySide6.QtWidgets import QHeaderView, QLabel, QToolButton, QWidget

from journal_app.ui.theme import mute, style_with
from journal_app.ui.today.card_header import HeadingRow, flat_button
from journal_app.ui.today.row_model import ID_ROLE, DayRowModel
from journal_app.ui.today.table import DayTable
from journal_app.ui.today.undo_bar import UndoBar
from journal_app.ui.widgets.page import Card
from journal_app.ui.widgets.style import TOOL_SHEET


class RowsCard(Card):
    add_requested = Signal()
    edit_requested = Signal(int)  # the record's id
    delete_requested = Signal(int)

    def __init__(
        self,
        model: DayRowModel,
        *,
        title: str,
        noun: str,
        add: tuple[str, str],
        fit_columns: Sequence[int],
        stretch_columns: Sequence[int],
        empty_text: str,
        extra_buttons: Sequence[QToolButton] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``add`` is the Add button's (text, tip); ``fit_columns`` keep their contents'
        width and ``stretch_columns`` share the rest; ``extra_buttons`` follow Delete."""
        super().__init__("", parent)
        self.heading_row = HeadingRow(title)
        self.add_button = self.heading_row.add_button(flat_button(*add))
        self.edit_button = self.heading_row.add_button(
            flat_button("Edit…", f"Edit the selected {noun} (Enter or double-click)")
        )
        self.delete_button = self.heading_row.add_button(
            flat_button("Delete", f"Delete the selected {noun} (Delete); you can undo it")
        )
        for button in extra_buttons:
            self.heading_row.add_button(button)
        self.body.addLayout(self.heading_row)
        model.setParent(self)
        self.model = model
        self.table = DayTable(model)
        self.table.setAccessibleName(f"{title} of the day")
        header = self.table.horizontalHeader()
        for column in fit_columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in stretch_columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setWordWrap(True)
        mute(self.empty_label)
        self.undo_bar = UndoBar()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty_label)
        self.body.addWidget(self.undo_bar)
        style_with(self, TOOL_SHEET)

        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.table.activated.connect(self._on_activated)
        self.table.delete_pressed.connect(lambda: self._request(self.delete_requested))
        self.table.undo_requested.connect(self.undo_bar.undo)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_rows([])

    def show_rows(self, rows: Sequence[Any]) -> None:
        """Show the day's records, keeping the selected one selected."""
        kept = self.selected_id()
        self.model.set_rows(rows)
        self.select_id(kept)
        empty = not rows
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self.heading_row.count_label.setText("" if empty else self.count_text(rows))
        self._update_buttons()

    def count_text(self, rows: Sequence[Any]) -> str:
        """What the heading says beside the title for a day with ``rows``."""
        return str(len(rows))

    def selected_id(self) -> int | None:
        row = self.table.selected_row()
        return None if row is None else self.model.row_id(self.model.item(row))

    def select_id(self, record_id: int | None) -> None:
        self.table.select_row(None if record_id is None else self.model.row_of(record_id))

    def target_row(self) -> int | None:
        """The row Edit, Delete and the Delete key act on."""
        return self.table.selected_row()

    def _on_activated(self, index: QModelIndex) -> None:
        self._request(self.edit_requested, index.row())

    def _update_buttons(self) -> None:
        selected = self.table.selected_row() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _request(self, signal: SignalInstance, row: int | None = None) -> None:
        if row is None:
            row = self.target_row()
        if row is not None and 0 <= row < self.model.rowCount():
            signal.emit(self.model.index(row, 0).data(ID_ROLE))
