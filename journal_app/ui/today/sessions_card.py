"""The day's sessions: a table of their parts with Add, Edit and Delete (and Undo)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from journal_app.ui.today import sessions_model as cols
from journal_app.ui.today.card_header import flat_button
from journal_app.ui.today.rows_card import RowsCard
from journal_app.ui.today.sessions_model import SessionTableModel
from journal_app.ui.widgets.fmt import hours_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal_app.services.tracking.sessions import SessionPart

ADD_KEYS = "Ctrl+Shift+N"
EMPTY_TEXT = "Nothing logged on this day yet: add a session ({keys}) or start the focus timer."


class SessionsCard(RowsCard):
    model: SessionTableModel

    def __init__(self, parent: QWidget | None = None) -> None:
        focus_button = flat_button("Start focus…")
        focus_button.setVisible(False)
        super().__init__(
            SessionTableModel(),
            title="Sessions",
            noun="session",
            add=("Add session…", f"Add a session by hand ({ADD_KEYS})"),
            fit_columns=(cols.TIME, cols.DURATION, cols.SOURCE),
            # The text columns share what is left, so every column stays on screen when
            # the window is narrow (the table never scrolls sideways).
            stretch_columns=(cols.CATEGORY, cols.SKILL, cols.WORK, cols.NOTE),
            empty_text=EMPTY_TEXT.format(keys=ADD_KEYS),
            extra_buttons=(focus_button,),
            parent=parent,
        )
        self.focus_button: QToolButton = focus_button
        self._hours = 0.0
        self._focus_action: QAction | None = None
        self.focus_button.clicked.connect(self._on_focus_clicked)

    # -- our API -------------------------------------------------------------------------

    def show_parts(self, parts: list[SessionPart], hours: float) -> None:
        """Show the day's parts, keeping the selected session selected; `hours` is the
        day's deep work (the services' total: overlapping sessions count once)."""
        self._hours = hours
        self.show_rows(parts)

    def count_text(self, rows: Sequence[SessionPart]) -> str:
        return f"{len(rows)} · {hours_text(self._hours)}"

    def selected_session_id(self) -> int | None:
        return self.selected_id()

    def select_session(self, session_id: int | None) -> None:
        self.select_id(session_id)

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
