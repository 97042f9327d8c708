"""OutputTableModel: the outputs of a day, one row each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from journal_app.services.tracking.outputs import OutputData

COLUMNS = ("Kind", "Title", "Status", "Words", "URL")
KIND, TITLE, STATUS, WORDS, URL = range(len(COLUMNS))
OUTPUT_ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


class OutputTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._outputs: list[OutputData] = []

    def set_outputs(self, outputs: list[OutputData]) -> None:
        self.beginResetModel()
        self._outputs = list(outputs)
        self.endResetModel()

    def output(self, row: int) -> OutputData:
        return self._outputs[row]

    def row_of(self, output_id: int) -> int | None:
        return next((r for r, o in enumerate(self._outputs) if o.id == output_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._outputs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._outputs):
            return None
        output = self._outputs[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(output, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, URL):
            return self._text(output, column) or None
        if role == OUTPUT_ID_ROLE:
            return output.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == WORDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(output: OutputData, column: int) -> str:
        if column == KIND:
            return output.kind_label
        if column == TITLE:
            return output.title
        if column == STATUS:
            return output.status
        if column == WORDS:
            return "" if output.words is None else f"{output.words:,}"
        if column == URL:
            return output.url
        return ""
