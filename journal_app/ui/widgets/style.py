"""Colours and small style sheets of the Today view, for the light and dark looks."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from journal_app.ui.theme import ACCENT, ACCENT_DARK, is_dark

# Production in the accent colour, consumption in teal, unlabelled time in grey: the
# same colours in the header's split bar and beside each session's category.
_SIDES = {
    "production": (ACCENT, ACCENT_DARK),
    "consumption": ("#1f9e89", "#3cc7ae"),
    None: ("#9a9aa4", "#6d6d78"),
}
_ERROR = ("#c62828", "#ff8a80")
_WARNING_BG = ("#fff4e0", "#3a2f1c")


def _dark() -> bool:
    return is_dark(QApplication.palette())


def side_color(side: str | None) -> QColor:
    light, dark = _SIDES.get(side, _SIDES[None])
    return QColor(dark if _dark() else light)


def error_color() -> QColor:
    return QColor(_ERROR[1] if _dark() else _ERROR[0])


def warning_background() -> QColor:
    return QColor(_WARNING_BG[1] if _dark() else _WARNING_BG[0])


def error_label() -> QLabel:
    """A hidden label for an inline error; `show_error` fills and shows it."""
    label = QLabel()
    label.setObjectName("inlineError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_error(label: QLabel, message: str) -> None:
    """Show `message` in the look's error colour (hidden when empty). The services' messages
    are lower-case clauses (made for the CLI too); inline they read as sentences."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, error_color())
    label.setPalette(palette)
    label.setText(message[:1].upper() + message[1:])
    label.setVisible(bool(message))


TOOL_SHEET = """
QToolButton#flatButton {
    border: 1px solid palette(mid);
    border-radius: 6px;
    padding: 4px 10px;
    background: palette(button);
}
QToolButton#flatButton:hover { background: palette(midlight); }
QToolButton#flatButton:disabled { color: palette(placeholder-text); }
"""

# Cards share the Base colour with fields, so fields get a visible frame of their own.
FIELD_SHEET = """
QLineEdit, QPlainTextEdit {
    border: 1px solid palette(mid);
    border-radius: 5px;
    padding: 3px 6px;
    background: palette(base);
}
QLineEdit:focus, QPlainTextEdit:focus { border-color: palette(highlight); }
"""
