"""The day's outputs (explainers, posts, code…): a table with Add, Edit and Delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from journal_app.ui.today import outputs_model as cols
from journal_app.ui.today.outputs_model import OutputTableModel
from journal_app.ui.today.rows_card import RowsCard

if TYPE_CHECKING:
    from journal_app.services.tracking.outputs import OutputData

EMPTY_TEXT = "Nothing shipped on this day. Explainers, posts, threads and code go here."


class OutputsCard(RowsCard):
    model: OutputTableModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            OutputTableModel(),
            title="Outputs",
            noun="output",
            add=("Add output…", "Record something you wrote, posted or shipped"),
            fit_columns=(cols.KIND, cols.STATUS, cols.WORDS),
            stretch_columns=(cols.TITLE, cols.URL),
            empty_text=EMPTY_TEXT,
            parent=parent,
        )

    def show_outputs(self, outputs: list[OutputData]) -> None:
        self.show_rows(outputs)

    def selected_output_id(self) -> int | None:
        return self.selected_id()

    def select_output(self, output_id: int | None) -> None:
        self.select_id(output_id)
