"""OutputTableModel: the outputs of a day, one row each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal_app.ui.today.row_model import ID_ROLE, DayRowModel

if TYPE_CHECKING:
    from journal_app.services.tracking.outputs import OutputData

COLUMNS = ("Kind", "Title", "Status", "Words", "URL")
KIND, TITLE, STATUS, WORDS, URL = range(len(COLUMNS))
OUTPUT_ID_ROLE = ID_ROLE


class OutputTableModel(DayRowModel):
    columns = COLUMNS
    number_column = WORDS

    def set_outputs(self, outputs: list[OutputData]) -> None:
        self.set_rows(outputs)

    def output(self, row: int) -> OutputData:
        return self.item(row)

    def row_id(self, item: OutputData) -> int:
        return item.id

    def tip(self, item: OutputData, column: int) -> str | None:
        return (self.text(item, column) or None) if column in (TITLE, URL) else None

    def text(self, item: OutputData, column: int) -> str:
        if column == KIND:
            return item.kind_label
        if column == TITLE:
            return item.title
        if column == STATUS:
            return item.status
        if column == WORDS:
            return "" if item.words is None else f"{item.words:,}"
        if column == URL:
            return item.url
        return ""
