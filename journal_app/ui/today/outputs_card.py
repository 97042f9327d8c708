"""The day's outputs (explainers, posts, code…): a table with Add, Edit and Delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QWidget

from journal_app.ui.pages.base import Card
from journal_app.ui.theme import mute, style_with
from journal_app.ui.today import outputs_model as cols
from journal_app.ui.today.card_header import HeadingRow, flat_button
from journal_app.ui.today.outputs_model import OUTPUT_ID_ROLE, OutputTableModel
from journal_app.ui.today.style import TOOL_SHEET
from journal_app.ui.today.table import DayTable
from journal_app.ui.today.undo_bar import UndoBar

if TYPE_CHECKING:
    from journal_app.services.tracking.outputs import OutputData

EMPTY_TEXT = "Nothing shipped on this day. Explainers, posts, threads and code go here."


class OutputsCard(Card):
    add_requested = Signal()
    edit_requested = Signal(int)  # output id
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.heading_row = HeadingRow("Outputs")
        self.add_button = self.heading_row.add_button(
            flat_button("Add output…", "Record something you wrote, posted or shipped")
        )
        self.edit_button = self.heading_row.add_button(
            flat_button("Edit…", "Edit the selected output (Enter or double-click)")
        )
        self.delete_button = self.heading_row.add_button(
            flat_button("Delete", "Delete the selected output (Delete); you can undo it")
        )
        self.body.addLayout(self.heading_row)
        self.model = OutputTableModel(self)
        self.table = DayTable(self.model)
        self.table.setAccessibleName("Outputs of the day")
        header = self.table.horizontalHeader()
        for column in (cols.KIND, cols.STATUS, cols.WORDS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (cols.TITLE, cols.URL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(EMPTY_TEXT)
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
        self.table.activated.connect(lambda _index: self._request(self.edit_requested))
        self.table.delete_pressed.connect(lambda: self._request(self.delete_requested))
        self.table.undo_requested.connect(self.undo_bar.undo)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_outputs([])

    def show_outputs(self, outputs: list[OutputData]) -> None:
        kept = self.selected_output_id()
        self.model.set_outputs(outputs)
        self.table.select_row(None if kept is None else self.model.row_of(kept))
        empty = not outputs
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self.heading_row.count_label.setText("" if empty else str(len(outputs)))
        self._update_buttons()

    def selected_output_id(self) -> int | None:
        row = self.table.selected_row()
        return None if row is None else self.model.output(row).id

    def select_output(self, output_id: int | None) -> None:
        self.table.select_row(None if output_id is None else self.model.row_of(output_id))

    def _update_buttons(self) -> None:
        selected = self.table.selected_row() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _request(self, signal: Signal) -> None:
        row = self.table.selected_row()
        if row is None:
            index = self.table.currentIndex()
            row = index.row() if index.isValid() else None
        if row is not None:
            signal.emit(self.model.index(row, 0).data(OUTPUT_ID_ROLE))
