"""Small pieces every library form shares: the inline error line and a date field
(dates converted and shown by widgets/fmt.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from journal_app.ui.widgets.fmt import date_format, to_qdate

ERROR_COLOR = "#e5484d"  # readable on the light and the dark base colour
NONE_TEXT = "—"
FIRST_DAY = dt.date(1900, 1, 1)  # the services accept 1900-2100
LAST_DAY = dt.date(2100, 12, 31)


class ErrorLabel(QLabel):
    """One line under a form saying what is wrong; hidden while nothing is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formError")
        self.setWordWrap(True)
        self.setStyleSheet(f"QLabel#formError {{ color: {ERROR_COLOR}; }}")
        self.setAccessibleName("Error")
        self.hide()

    def show_error(self, text: str, fields: dict[str, QWidget] | None = None) -> None:
        """Show ``text``; with ``fields`` ({word: widget}), focus the first field whose
        word the message names, so the user lands where the fix goes."""
        self.setText(text[:1].upper() + text[1:])
        self.show()
        lowered = text.lower()
        for word, widget in (fields or {}).items():
            if word in lowered:
                widget.setFocus()
                if hasattr(widget, "selectAll"):
                    widget.selectAll()
                break

    def clear_error(self) -> None:
        self.clear()
        self.hide()


def date_edit(day: dt.date, accessible: str) -> QDateEdit:
    """A date field with a calendar pop-up, limited to the days the journal accepts."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))
    edit.setDate(to_qdate(day))
    edit.setAccessibleName(accessible)
    return edit


def line_edit(accessible: str, placeholder: str = "") -> QLineEdit:
    """A text field named for screen readers, with a hint of what goes in it."""
    edit = QLineEdit()
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    return edit


def combo(accessible: str, items: list[tuple[str, object]], *, none: bool = False) -> QComboBox:
    """A combo of (text, data) items, optionally led by "—" meaning none."""
    box = QComboBox()
    box.setAccessibleName(accessible)
    if none:
        box.addItem(NONE_TEXT, None)
    for text, data in items:
        box.addItem(text, data)
    return box


def select_data(box: QComboBox, data: object) -> None:
    """Select the item carrying ``data`` (the first item when none does)."""
    index = box.findData(data)
    box.setCurrentIndex(max(index, 0))
