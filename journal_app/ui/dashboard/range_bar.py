"""The range selector: Week, Month, Quarter, Year, All or Custom (two dates), and the
dates the choice covers."""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from journal_app.services.dashboard import RANGE_KINDS, RANGE_LABELS, DateRange
from journal_app.ui.theme import mute
from journal_app.ui.widgets.fmt import date_format, to_qdate


class RangeBar(QWidget):
    range_chosen = Signal(str, object)  # kind, and (first, last) for "custom" else None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        for index, kind in enumerate(RANGE_KINDS):
            button = QToolButton()
            button.setText(RANGE_LABELS[kind])
            button.setCheckable(True)
            button.setAccessibleName(f"{RANGE_LABELS[kind]} range")
            self.group.addButton(button, index)
            self.buttons[kind] = button
            layout.addWidget(button)
        self.first_edit = self._date_edit("First day of the range")
        self.last_edit = self._date_edit("Last day of the range")
        self.to_label = QLabel("to")
        layout.addSpacing(8)
        for widget in (self.first_edit, self.to_label, self.last_edit):
            layout.addWidget(widget)
        layout.addSpacing(12)
        self.label = QLabel()
        mute(self.label)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.kind = "quarter"
        self.buttons[self.kind].setChecked(True)
        self._show_custom(False)
        self.group.idClicked.connect(self._on_button_clicked)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        edit.setKeyboardTracking(False)  # one change per finished date, not per digit
        edit.setAccessibleName(name)
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setMaximumDate(QDate(2100, 12, 31))
        edit.dateChanged.connect(self._on_custom_changed)
        return edit

    def choose(self, kind: str, custom: tuple[dt.date, dt.date] | None = None) -> None:
        """Select `kind` as a click would (custom: with these two days)."""
        if custom is not None:
            self._set_dates(*custom)
        self.buttons[kind].setChecked(True)
        self._on_button_clicked(RANGE_KINDS.index(kind))

    def custom_days(self) -> tuple[dt.date, dt.date]:
        first = cast(dt.date, self.first_edit.date().toPython())
        last = cast(dt.date, self.last_edit.date().toPython())
        return first, last

    def show_range(self, rng: DateRange) -> None:
        """Name the days the chosen range covers; the date edits start from them."""
        self.label.setText(rng.label())
        if self.kind != "custom":
            self._set_dates(rng.first, rng.last)

    def _set_dates(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.first_edit, first), (self.last_edit, last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _show_custom(self, shown: bool) -> None:
        for widget in (self.first_edit, self.to_label, self.last_edit):
            widget.setVisible(shown)

    def _on_button_clicked(self, index: int) -> None:
        self.kind = RANGE_KINDS[index]
        custom = self.kind == "custom"
        self._show_custom(custom)
        self.range_chosen.emit(self.kind, self._ordered() if custom else None)

    def _ordered(self) -> tuple[dt.date, dt.date]:
        first, last = self.custom_days()
        return (first, last) if first <= last else (last, first)

    def _on_custom_changed(self, _date: QDate) -> None:
        if self.kind == "custom":
            self.range_chosen.emit("custom", self._ordered())
