"""DayTable: the short read-only tables of the day (sessions, outputs).

The page scrolls, so a table is as tall as its rows and never scrolls itself. Enter or a
double-click emits `activated` (edit); Delete or Backspace emits `delete_pressed`; Ctrl+Z
(Edit ▸ Undo, which calls the focused widget's `undo`) emits `undo_requested`.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

from journal_app.ui.theme import style_with

_SHEET = """
QTableView {
    border: none;
    background: palette(base);
    alternate-background-color: palette(alternate-base);
    selection-background-color: palette(highlight);
    selection-color: palette(highlighted-text);
}
QHeaderView::section {
    background: palette(base);
    color: palette(placeholder-text);
    border: none;
    border-bottom: 1px solid palette(mid);
    padding: 4px 6px;
    font-weight: 600;
}
"""


class DayTable(QTableView):
    delete_pressed = Signal()
    undo_requested = Signal()

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        delete = QAction("Delete", self)
        delete.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_pressed)
        self.addAction(delete)
        style_with(self, _SHEET)
        model.modelReset.connect(self.fit_rows)
        model.rowsInserted.connect(self.fit_rows)
        model.rowsRemoved.connect(self.fit_rows)
        self.fit_rows()

    def fit_rows(self) -> None:
        """As tall as the header and every row (at least one row's height)."""
        rows = max(1, self.model().rowCount())
        height = self.horizontalHeader().sizeHint().height()
        height += rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()
        self.setFixedHeight(height)

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int | None) -> None:
        if row is None or not 0 <= row < self.model().rowCount():
            self.clearSelection()
            return
        self.selectRow(row)

    def undo(self) -> None:
        self.undo_requested.emit()
