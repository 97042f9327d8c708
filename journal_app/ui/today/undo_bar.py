"""UndoBar: a one-line message with an Undo button, e.g. "Session deleted — Undo".

It stays until the user undoes, closes it, or the next message replaces it; `undo()`
runs the stored action once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from journal_app.ui.theme import style_with
from journal_app.ui.widgets.style import TOOL_SHEET

_SHEET = (
    TOOL_SHEET
    + """
QFrame#undoBar {
    background: palette(alternate-base);
    border: 1px solid palette(mid);
    border-radius: 8px;
}
"""
)


class UndoBar(QFrame):
    undone = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 6, 4)
        self.label = QLabel()
        self.undo_button = QToolButton()
        self.undo_button.setObjectName("flatButton")
        self.undo_button.setText("Undo")
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss")
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.close_button)
        self._action: Callable[[], None] | None = None
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.dismiss)
        style_with(self, _SHEET)
        self.setVisible(False)

    def offer(self, message: str, action: Callable[[], None]) -> None:
        self.label.setText(message)
        self._action = action
        self.setVisible(True)

    def can_undo(self) -> bool:
        return self._action is not None

    def undo(self) -> None:
        action, self._action = self._action, None
        self.setVisible(False)
        if action is not None:
            action()
            self.undone.emit()

    def dismiss(self) -> None:
        self._action = None
        self.setVisible(False)
