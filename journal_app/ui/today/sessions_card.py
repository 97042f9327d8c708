"""The day's sessions: a table of their parts with Add, Edit and Delete (and Undo)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QToolButton, QWidget

from journal_app.ui.pages.base import Card
from journal_app.ui.theme import mute, style_with
from journal_app.ui.today import sessions_model as cols
from journal_app.ui.today.card_header import HeadingRow, flat_button
from journal_app.ui.today.fmt import hours_text
from journal_app.ui.today.sessions_model import SESSION_ID_ROLE, SessionTableModel, part_length
from journal_app.ui.today.style import TOOL_SHEET
from journal_app.ui.today.table import DayTable
from journal_app.ui.today.undo_bar import UndoBar

if TYPE_CHECKING:
    from journal_app.services.tracking.sessions import SessionPart

ADD_KEYS = "Ctrl+Shift+N"
EMPTY_TEXT = "Nothing logged on this day yet: add a session ({keys}) or start the focus timer."


class SessionsCard(Card):
    add_requested = Signal()
    edit_requested = Signal(int)  # session id
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.heading_row = HeadingRow("Sessions")
        self.add_button = self.heading_row.add_button(
            flat_button("Add session…", f"Add a session by hand ({ADD_KEYS})")
        )
        self.edit_button = self.heading_row.add_button(
            flat_button("Edit…", "Edit the selected session (Enter or double-click)")
        )
        self.delete_button = self.heading_row.add_button(
            flat_button("Delete", "Delete the selected session (Delete); you can undo it")
        )
        self.focus_button: QToolButton = flat_button("Start focus…")
        self.focus_button.setVisible(False)
        self._focus_action: QAction | None = None
        self.heading_row.add_button(self.focus_button)
        self.body.addLayout(self.heading_row)

        self.model = SessionTableModel(self)
        self.table = DayTable(self.model)
        self.table.setAccessibleName("Sessions of the day")
        header = self.table.horizontalHeader()
        for column in (cols.TIME, cols.DURATION, cols.SOURCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The text columns share what is left, so every column stays on screen when the
        # window is narrow (the table never scrolls sideways).
        for column in (cols.CATEGORY, cols.SKILL, cols.WORK, cols.NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(EMPTY_TEXT.format(keys=ADD_KEYS))
        self.empty_label.setWordWrap(True)
        mute(self.empty_label)
        self.undo_bar = UndoBar()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty_label)
        self.body.addWidget(self.undo_bar)
        style_with(self, TOOL_SHEET)

        self.add_button.clicked.connect(self.add_requested)
        self.focus_button.clicked.connect(self._on_focus_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.table.activated.connect(lambda index: self._request(self.edit_requested, index.row()))
        self.table.delete_pressed.connect(self._on_delete_clicked)
        self.table.undo_requested.connect(self.undo_bar.undo)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_parts([])

    # -- our API -------------------------------------------------------------------------

    def show_parts(self, parts: list[SessionPart]) -> None:
        """Show the day's parts, keeping the selected session selected."""
        kept = self.selected_session_id()
        self.model.set_parts(parts)
        self.select_session(kept)
        empty = not parts
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        total = sum((part_length(p).total_seconds() for p in parts), 0.0) / 3600
        count = len(parts)
        self.heading_row.count_label.setText("" if empty else f"{count} · {hours_text(total)}")
        self._update_buttons()

    def selected_session_id(self) -> int | None:
        row = self.table.selected_row()
        return None if row is None else self.model.part(row).session.id

    def select_session(self, session_id: int | None) -> None:
        row = None if session_id is None else self.model.row_of(session_id)
        self.table.select_row(row)

    def set_focus_action(self, action: QAction | None) -> None:
        """Offer the focus timer's Start action here (hidden without a timer); the button
        keeps its own short label and is enabled while the action is."""
        if self._focus_action is not None:
            self._focus_action.changed.disconnect(self._sync_focus_button)
        self._focus_action = action
        self.focus_button.setVisible(action is not None)
        if action is not None:
            action.changed.connect(self._sync_focus_button)
            self._sync_focus_button()

    def _sync_focus_button(self) -> None:
        action = self._focus_action
        if action is None:
            return
        self.focus_button.setEnabled(action.isEnabled())
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = "Time a deep-work session with the focus timer"
        self.focus_button.setToolTip(f"{tip} ({keys})" if keys else tip)

    def _on_focus_clicked(self) -> None:
        if self._focus_action is not None and self._focus_action.isEnabled():
            self._focus_action.trigger()

    # -- slots ---------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        selected = self.table.selected_row() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _request(self, signal: Signal, row: int | None) -> None:
        if row is not None and 0 <= row < self.model.rowCount():
            signal.emit(self.model.index(row, 0).data(SESSION_ID_ROLE))

    def _on_edit_clicked(self) -> None:
        self._request(self.edit_requested, self.table.selected_row())

    def _on_delete_clicked(self) -> None:
        self._request(self.delete_requested, self.table.selected_row())
