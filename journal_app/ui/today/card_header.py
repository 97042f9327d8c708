"""A card's heading row: the title, a muted count and buttons on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton

from journal_app.ui.theme import mute
from journal_app.ui.widgets.page import scaled_font_label


def flat_button(text: str, tip: str = "") -> QToolButton:
    button = QToolButton()
    button.setObjectName("flatButton")
    button.setText(text)
    if tip:
        button.setToolTip(tip)
    return button


class HeadingRow(QHBoxLayout):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setSpacing(8)
        self.title = scaled_font_label(title, 1.15, object_name="cardHeading")
        self.count_label = QLabel()
        mute(self.count_label)
        self.addWidget(self.title)
        self.addWidget(self.count_label)
        self.addStretch(1)

    def add_button(self, button: QToolButton) -> QToolButton:
        self.addWidget(button)
        return button
