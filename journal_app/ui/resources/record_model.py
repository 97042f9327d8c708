"""RecordTableModel: a read-mostly table over a list of the services' frozen records.

Each subclass names its columns (header, text, sort key, alignment); the model sorts
itself (``sort(-1)`` puts back the services' order), so no proxy sits between the view
and the records, and rows are looked up by record id to keep the selection across
reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's id (int)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what the column sorts by
VALUE_ROLE = Qt.ItemDataRole.UserRole + 3  # a 0..1 share for the progress columns

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None  # default: the text, case-folded
    align: Qt.AlignmentFlag = LEFT
    tip: Callable[[T], str] | None = None
    value: Callable[[T], float] | None = None  # VALUE_ROLE (progress bars)


class RecordTableModel(QAbstractTableModel, Generic[T]):
    COLUMNS: Sequence[Column[Any]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[T] = []
        self._given: list[T] = []  # in the services' order
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    # -- records ----------------------------------------------------------------------

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._given = list(records)
        self._records = self._sorted(self._given)
        self.endResetModel()

    def records(self) -> list[T]:
        """The records in the order shown."""
        return list(self._records)

    def record(self, row: int) -> T:
        return self._records[row]

    def row_of(self, record_id: int) -> int:
        """The row showing the record with this id, or -1."""
        for row, record in enumerate(self._records):
            if record.id == record_id:  # type: ignore[attr-defined]
                return row
        return -1

    def column_of(self, header: str) -> int:
        return [c.header for c in self.COLUMNS].index(header)

    # -- Qt ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip(record) if column.tip is not None else None
        if role == ID_ROLE:
            return record.id  # type: ignore[attr-defined]
        if role == SORT_ROLE:
            return self._key(column, record)
        if role == VALUE_ROLE:
            return column.value(record) if column.value is not None else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        column = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            sorted_by, order = self._sort
            if section == sorted_by:  # the arrow is part of the text: never over it
                return column.header + (" ↑" if order == Qt.SortOrder.AscendingOrder else " ↓")
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; -1 shows the services' order again."""
        self._sort = (column if 0 <= column < len(self.COLUMNS) else -1, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._records[i.row()].id for i in before]  # type: ignore[attr-defined]
        self._records = self._sorted(self._given)
        rows = {r.id: n for n, r in enumerate(self._records)}  # type: ignore[attr-defined]
        after = [self.index(rows[i], old.column()) for i, old in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
        if self.COLUMNS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    # -- helpers ------------------------------------------------------------------------

    @staticmethod
    def _key(column: Column[Any], record: Any) -> Any:
        if column.sort is not None:
            return column.sort(record)
        return column.text(record).casefold()

    def _sorted(self, records: list[T]) -> list[T]:
        column, order = self._sort
        if column < 0:
            return list(records)
        spec = self.COLUMNS[column]
        # Blanks last in both orders: a (present, key) pair, flipped for descending.
        keyed = [(self._key(spec, r), r) for r in records]
        present = [(k, r) for k, r in keyed if k is not None and k != ""]
        blank = [r for k, r in keyed if k is None or k == ""]
        present.sort(key=lambda kr: kr[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [r for _k, r in present] + blank
