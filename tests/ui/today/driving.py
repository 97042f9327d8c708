"""Driving the Today view as a user would: click, type over a field, leave it."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QTimeEdit,
    QWidget,
)


def retype(qtbot, widget: QWidget, text: str) -> None:
    """Click into a field, select what it holds and type `text` over it."""
    widget.setFocus()
    if isinstance(widget, QAbstractSpinBox):
        widget.selectAll()
    else:
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def type_time(qtbot, edit: QTimeEdit, digits: str) -> None:
    """Type "0930" into a time field from its hour on (as after a click on the hour)."""
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, digits)


_TOKENS = re.compile(r"d{1,4}|M{1,4}|y{4}|y{2}|'[^']*'|.")


def _section_spans(edit: QDateEdit) -> dict[str, tuple[int, int]]:
    """{"day"/"month"/"year": (start, length)} of the numbers' sections in the text."""
    locale = QLocale.system()
    spans: dict[str, tuple[int, int]] = {}
    position = 0
    for token in _TOKENS.findall(edit.displayFormat()):
        if token.startswith("'"):
            shown = token.strip("'")
        elif token[0] in "dMy":
            shown = locale.toString(edit.date(), token)
        else:
            shown = token
        kind = {"d": "day", "M": "month", "y": "year"}.get(token[0])
        if kind and token != "ddd" and token != "dddd":
            spans[kind] = (position, len(shown))
        position += len(shown)
    return spans


def type_date(qtbot, edit: QDateEdit, digits: str) -> None:
    """Type the date "20261025" into a date field section by section, as a user selects
    the year, the month and the day wherever the locale's format shows them (a
    month shown by name is typed by name)."""
    parts = [("year", digits[:4])]
    if len(digits) >= 6:  # "2025" types only the year, "202503" the year and month
        month = int(digits[4:6])
        by_name = "MMM" in edit.displayFormat()
        name = QLocale.system().monthName(month, QLocale.FormatType.ShortFormat)
        parts.append(("month", name if by_name else f"{month:02}"))
    if len(digits) == 8:
        parts.append(("day", digits[6:]))
    edit.setFocus()
    line = edit.findChild(QLineEdit)
    for kind, text in parts:
        start, length = _section_spans(edit)[kind]
        line.setSelection(start, length)
        qtbot.keyClicks(edit, text)


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an item of a list by typing its first letters, as with the keyboard."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def leave(qtbot, widget: QWidget) -> None:
    """Finish editing a field as Tab would (focus moves on)."""
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    QApplication.processEvents()


def click(qtbot, button: QWidget) -> None:
    assert button.isEnabled(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def activate(qtbot, window: QWidget) -> None:
    """Make `window` the active one, as a click on it would (offscreen, closing a dialog
    leaves no window active; keys and focus then go nowhere)."""
    QApplication.processEvents()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
