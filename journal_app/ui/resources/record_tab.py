"""RecordTab: one tab of the library — filters and buttons above a sortable table, a
summary line below — and the keys every tab shares: Insert adds, Delete deletes, Enter
(or a double click) edits.

A tab writes through the services, then emits ``changed``; the page answers with
``events.tracking_changed`` and reloads the tabs (``reload``) when they are seen. The
dialog a tab opens is kept in ``dialog`` until it closes, so tests can fill it in.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.ui.resources.record_model import RecordTableModel
from journal_app.ui.theme import mute, style_with
from journal_app.ui.tracking.form_dialog import FormDialog
from journal_app.ui.widgets.form import ErrorLabel

ROW_HEIGHT = 30
# Room between a right-aligned figure and the text of the next column; flat headers
# whose text lines up with the cells'.
TABLE_SHEET = """
QTableView#libraryTable::item { padding: 0px 8px; }
QTableView#libraryTable QHeaderView::section {
    padding: 5px 8px;
    border: none;
    border-bottom: 1px solid palette(mid);
    background: palette(base);
    color: palette(placeholder-text);
    font-weight: 600;
}
"""
ADD_KEYS_TEXT = "Insert or Ctrl+Shift+A"


class RecordTab(QWidget):
    changed = Signal()  # the tab wrote to the journal
    NOUN = "record"  # for the buttons' tips: "Add a resource"
    STRETCH_COLUMN = 0
    SORTABLE = True  # click a header to sort by it
    COLUMN_WIDTHS: Sequence[int] = ()
    # Adds and edits a record: DIALOG(services[, record_id], parent=tab), a FormDialog.
    DIALOG: Callable[..., FormDialog] | None = None

    def __init__(self, services: Services, model: RecordTableModel[Any], parent=None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = model
        self.dirty = True  # reload before the tab is next seen
        self.dialog: QDialog | None = None
        self._select_next: int | None = None
        self.notice = ""  # said once, before the summary, after the next reload

        self.view = QTableView()
        self.view.setModel(model)
        self.view.setAccessibleName(self.NOUN.capitalize() + "s")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setObjectName("libraryTable")
        style_with(self.view, TABLE_SHEET)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate(self.COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(self.STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        if self.SORTABLE:
            # No indicator at first: the services' order until a header is clicked.
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.view.setSortingEnabled(True)
            # After enabling, which shows the indicator: the model's header text carries
            # the arrow instead, so it never covers a right-aligned title.
            header.setSortIndicatorShown(False)
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu_requested)

        self.add_button = QPushButton("&Add…")
        self.add_button.setToolTip(f"Add a {self.NOUN} ({ADD_KEYS_TEXT})")
        self.edit_button = QPushButton("Ed&it…")
        self.edit_button.setToolTip(f"Edit the selected {self.NOUN} (Enter)")
        self.delete_button = QPushButton("De&lete…")
        self.delete_button.setToolTip(f"Delete the selected {self.NOUN} (Delete)")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)

        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(8)
        self.filters = QHBoxLayout()
        self.filters.setSpacing(8)
        self.toolbar.addLayout(self.filters)
        self.toolbar.addStretch(1)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(6)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.edit_button)
        self.buttons.addWidget(self.delete_button)
        self.toolbar.addLayout(self.buttons)

        self.message = ErrorLabel()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("muted")
        mute(self.summary_label)

        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 12, 0, 0)
        self.body.setSpacing(8)
        self.body.addLayout(self.toolbar)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.message)
        self.body.addWidget(self.summary_label)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._on_selection_changed()
        self._tab_ordered = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._tab_ordered:  # once the tab sits in the window: see set_tab_order
            self._tab_ordered = True
            self.set_tab_order()
        super().showEvent(event)

    def set_tab_order(self) -> None:
        """Tab walks the bar left to right (filters, then buttons), then the table: the
        order they are read in, whatever order they were made in (subclasses add filters
        last). Done once the tab is in its window: within a lone widget the chain is a
        circle with nowhere to start, and Qt leaves it as it is."""
        widgets: list[QWidget] = []

        def collect(layout: QLayout) -> None:
            for index in range(layout.count()):
                item = layout.itemAt(index)
                if item is None:
                    continue
                widget, inner = item.widget(), item.layout()
                if widget is not None:
                    widgets.append(widget)
                elif inner is not None:
                    collect(inner)

        collect(self.toolbar)
        widgets.append(self.view)
        for before, after in itertools.pairwise(widgets):
            QWidget.setTabOrder(before, after)

    # -- for subclasses ---------------------------------------------------------------

    def fetch(self) -> list[Any]:
        """The records to show, from the services."""
        raise NotImplementedError

    def summary(self, records: list[Any]) -> str:
        return ""

    def add(self) -> None:
        self.open_form()

    def edit(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.open_form(chosen)

    def delete(self) -> None:
        raise NotImplementedError

    def activate(self, index: QModelIndex) -> None:
        """A double click on a row: edit it unless a subclass knows better."""
        self.edit()

    def selection_changed(self) -> None:
        """Hook for subclasses (buttons that depend on the selected record)."""

    def add_menu_actions(self, menu: QMenu, record: Any) -> None:
        """Hook: actions on ``record`` between Edit and Delete in its context menu."""

    def context_menu(self) -> QMenu | None:
        """The menu of the selected record: Edit, the tab's own actions, Delete."""
        record = self.selected()
        if record is None:
            return None
        menu = QMenu(self)
        menu.addAction(self.edit_button.text().replace("&", ""), self.edit)
        self.add_menu_actions(menu, record)
        menu.addSeparator()
        menu.addAction(self.delete_button.text().replace("&", ""), self.delete)
        return menu

    # -- reloading ----------------------------------------------------------------------

    def reload(self) -> None:
        """Show the journal's records again, keeping (or moving to) the selected one."""
        keep = self._select_next if self._select_next is not None else self.selected_id()
        self._select_next = None
        records = self.fetch()
        self.model.set_records(records)
        self.dirty = False
        text = self.summary(records)
        if self.notice:
            text, self.notice = f"{self.notice} · {text}", ""
        self.summary_label.setText(text)
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select_id(keep)
        elif self.model.rowCount() and self.view.hasFocus():
            self.view.selectRow(0)
        self._on_selection_changed()

    def write(self, change: Callable[[], object], select_id: int | None = None) -> bool:
        """Run one service call; a refusal shows under the table, else ``written``."""
        try:
            change()
        except InvalidInput as exc:
            self.message.show_error(str(exc))
            return False
        self.written(select_id)
        return True

    def written(self, select_id: int | None = None) -> None:
        """After a write: select ``select_id`` once reloaded, and tell the page."""
        self.message.clear_error()
        if select_id is not None:
            self._select_next = select_id
        self.dirty = True
        self.changed.emit()

    # -- selection ------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(rows[0].row()).id

    def selected(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_id(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    # -- dialogs --------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog, on_saved) -> None:
        """Show ``dialog`` window-modal without blocking; ``on_saved(dialog)`` after Save."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_saved(dialog))
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def open_form(self, record_id: int | None = None) -> None:
        """Open ``DIALOG`` on ``record_id`` (None: a new record); once saved, the saved
        record is selected."""
        assert self.DIALOG is not None, f"{type(self).__name__} has no DIALOG"
        ids = () if record_id is None else (record_id,)
        self.open_dialog(self.DIALOG(self._services, *ids, parent=self), self._on_form_saved)

    def _on_form_saved(self, dialog: FormDialog) -> None:
        self.written(dialog.saved_id)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
        self.view.setFocus()

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._on_view_key(event):
                return True
        return super().eventFilter(watched, event)

    def _on_view_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if self.view.state() == QAbstractItemView.State.EditingState or not plain:
            return False
        if key == Qt.Key.Key_Insert:
            self.add()
        elif key == Qt.Key.Key_Delete and self.selected_id() is not None:
            self.delete()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id() is not None:
            self.edit()
        else:
            return False
        return True

    def _on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
        menu = self.context_menu()
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.view.viewport().mapToGlobal(pos))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activate(index)

    def _on_selection_changed(self, *_args: object) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.selection_changed()
