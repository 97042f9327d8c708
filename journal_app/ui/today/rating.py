"""RatingBar: five toggle buttons for a 1–5 rating; clicking the chosen one clears it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from journal_app.ui.theme import style_with

_SHEET = """
QToolButton {
    min-width: 26px;
    min-height: 24px;
    border: 1px solid palette(mid);
    border-radius: 6px;
    background: palette(base);
}
QToolButton:hover { background: palette(midlight); }
QToolButton:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border-color: palette(highlight);
}
"""


class RatingBar(QWidget):
    changed = Signal(object)  # the new value: 1-5, or None when cleared by the user

    def __init__(self, name: str, hints: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self.setAccessibleName(name)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.buttons: list[QToolButton] = []
        for value, hint in enumerate(hints, start=1):
            button = QToolButton()
            button.setText(str(value))
            button.setCheckable(True)
            button.setToolTip(f"{value}: {hint} (click again to clear)")
            button.setAccessibleName(f"{name} {value}")
            button.clicked.connect(lambda _checked=False, v=value: self._on_clicked(v))
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        self._value: int | None = None
        style_with(self, _SHEET)

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Show `value` (no signal)."""
        self._value = value
        for number, button in enumerate(self.buttons, start=1):
            button.setChecked(number == value)

    def _on_clicked(self, value: int) -> None:
        new = None if self._value == value else value
        self.set_value(new)
        self.changed.emit(new)
