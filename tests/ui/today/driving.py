"""Driving the Today view as a user would: click, type over a field, leave it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
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


def type_date(qtbot, edit: QDateEdit, digits: str) -> None:
    """Type "20261025" into a date field from its year on."""
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(edit, digits)


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
