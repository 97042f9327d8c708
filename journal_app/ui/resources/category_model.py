"""CategoryTableModel: the categories in the user's order, production first, with the
number of sessions in each. The name is edited in place and the side picked from a list;
the model hands each edit to ``on_edit(category_id, field, value) -> bool``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from journal_app.ui.resources.format import plural
from journal_app.ui.resources.record_model import RIGHT, Column, RecordTableModel

_Index = QModelIndex | QPersistentModelIndex
EDITABLE = ("name", "side")  # the fields of the first two columns
SIDE_TIPS = {
    "production": "Production: writing, coding, teaching, explaining",
    "consumption": "Consumption: reading, watching, courses",
}


@dataclass(frozen=True)
class CategoryRow:
    id: int
    name: str
    side: str  # production / consumption
    position: int
    sessions: int


class CategoryTableModel(RecordTableModel[CategoryRow]):
    COLUMNS = (
        Column("Name", lambda c: c.name),
        Column("Side", lambda c: c.side.capitalize(), tip=lambda c: SIDE_TIPS.get(c.side, "")),
        Column(
            "Sessions",
            lambda c: f"{c.sessions:,}",
            sort=lambda c: c.sessions,
            align=RIGHT,
            tip=lambda c: plural(c.sessions, "session"),
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.on_edit: Callable[[int, str, str], bool] | None = None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() < len(EDITABLE) and self.on_edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() < 2:
            record = self.record(index.row())
            return record.name if index.column() == 0 else record.side
        return super().data(index, role)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() >= len(EDITABLE)
            or self.on_edit is None
        ):
            return False
        record = self.record(index.row())
        field = EDITABLE[index.column()]
        text = str(value)
        if text == getattr(record, field):
            return False
        return self.on_edit(record.id, field, text)
