"""DayNavigator: previous day, a date picker, next day and Today. Days after today are
not offered (the picker's range ends today; Next is off on today)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

from journal_app.services.tracking.timeutil import FIRST_DAY
from journal_app.ui.journal.calendar import chevron_icon
from journal_app.ui.theme import style_with
from journal_app.ui.widgets.fmt import date_format, to_qdate
from journal_app.ui.widgets.style import TOOL_SHEET


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DayNavigator(QWidget):
    day_chosen = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = dt.date.today()
        self._today = self._day
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.previous_button = QToolButton()
        self.previous_button.setObjectName("flatButton")
        self.previous_button.setToolTip("Previous day (Alt+Left)")
        self.previous_button.setAccessibleName("Previous day")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setAccessibleName("Day shown")
        self.date_edit.setToolTip("Pick a day")
        self.date_edit.setMinimumDate(to_qdate(FIRST_DAY))
        calendar = self.date_edit.calendarWidget()
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.next_button = QToolButton()
        self.next_button.setObjectName("flatButton")
        self.next_button.setToolTip("Next day (Alt+Right)")
        self.next_button.setAccessibleName("Next day")
        self.today_button = QToolButton()
        self.today_button.setObjectName("flatButton")
        self.today_button.setText("Today")
        self.today_button.setToolTip("Back to today")
        for widget in (self.previous_button, self.date_edit, self.next_button, self.today_button):
            row.addWidget(widget)
        style_with(self, TOOL_SHEET)
        self.refresh_icons()

        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.day_chosen.emit(self._today))
        self.date_edit.dateChanged.connect(lambda d: self.day_chosen.emit(_pydate(d)))

    def refresh_icons(self) -> None:
        color = self.palette().color(QPalette.ColorRole.ButtonText)
        self.previous_button.setIcon(chevron_icon(color, left=True))
        self.next_button.setIcon(chevron_icon(color, left=False))

    def set_day(self, day: dt.date, today: dt.date) -> None:
        """Show `day` (no signal); `today` is the last day offered."""
        self._day, self._today = day, today
        with QSignalBlocker(self.date_edit):
            self.date_edit.setMaximumDate(to_qdate(today))
            self.date_edit.setDate(to_qdate(day))
        self.previous_button.setEnabled(day > FIRST_DAY)
        self.next_button.setEnabled(day < today)
        self.today_button.setEnabled(day != today)

    def step(self, days: int) -> None:
        """Ask for the day `days` away (never past today or before 1900)."""
        wanted = self._day + dt.timedelta(days=days)
        wanted = min(max(wanted, FIRST_DAY), self._today)
        if wanted != self._day:
            self.day_chosen.emit(wanted)
