"""Plan a new sprint or change one: name, goal, career goal, dates and capacity.

The capacity starts at the planner's suggestion (the pace of the last three sprints);
"Suggest" fills it again after the dates change. What the planner refuses is shown in
the dialog, which stays open with everything typed.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from journal_app.errors import InvalidInput
from journal_app.services.planning import PlanningService
from journal_app.services.planning.data import SprintData
from journal_app.ui.widgets.fmt import date_format, from_qdate, to_qdate

NO_CAPACITY = "none"
DEFAULT_DAYS = 14


def next_name(name: str | None) -> str:
    """ "Sprint 8" after "Sprint 7"; "Sprint 1" to start with."""
    if not name:
        return "Sprint 1"
    match = re.search(r"(\d+)\s*$", name)
    if match is None:
        return f"{name} 2"
    return name[: match.start()] + str(int(match.group(1)) + 1)


class SprintDialog(QDialog):
    saved = Signal(object)  # the SprintData written

    def __init__(
        self, planner: PlanningService, sprint: SprintData | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self._planner = planner
        self._sprint = sprint
        self.setWindowTitle("New Sprint" if sprint is None else f"Edit {sprint.name}")
        self.name = QLineEdit()
        self.goal = QLineEdit()
        self.goal.setPlaceholderText("What this sprint is for")
        self.career_goal = QLineEdit()
        self.career_goal.setPlaceholderText("e.g. ML engineer role by June")
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
        self.length = QLabel()
        self.capacity = QDoubleSpinBox()
        self.capacity.setRange(-1, 24 * 56)  # -1 shows as "none"
        self.capacity.setSpecialValueText(NO_CAPACITY)
        self.capacity.setDecimals(1)
        self.capacity.setSuffix(" h")
        self.capacity.setAccessibleName("Capacity in hours")
        self.suggest_button = QPushButton("Suggest")
        self.suggest_button.setToolTip("The hours of your last three sprints, per day")
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.status = QComboBox()
        self.status.addItem("Planned", "planned")
        self.status.addItem("Active", "active")
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c9302c;")
        self.error.hide()

        capacity_row = QHBoxLayout()
        capacity_row.addWidget(self.capacity, 1)
        capacity_row.addWidget(self.suggest_button)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.end)
        dates.addWidget(self.length, 1)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Goal:", self.goal)
        form.addRow("&Career goal:", self.career_goal)
        dates_label = QLabel("&Dates:")
        dates_label.setBuddy(self.start)
        capacity_label = QLabel("Ca&pacity:")
        capacity_label.setBuddy(self.capacity)
        form.addRow(dates_label, dates)
        form.addRow(capacity_label, capacity_row)
        form.addRow("", self.suggestion)
        if sprint is not None and not sprint.closed:
            form.addRow("&Status:", self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

        self.start.dateChanged.connect(self._on_dates_changed)
        self.end.dateChanged.connect(self._on_dates_changed)
        self.suggest_button.clicked.connect(self.suggest)
        self._fill()

    # -- values -----------------------------------------------------------------------------

    def _fill(self) -> None:
        sprint = self._sprint
        if sprint is None:
            latest = self._planner.sprints()
            last = latest[0].sprint if latest else None
            today = self._planner.today()
            start = today if last is None else max(last.end + dt.timedelta(days=1), today)
            length = DEFAULT_DAYS if last is None else last.days
            numbered = [o.sprint.name for o in latest if re.search(r"\d+\s*$", o.sprint.name)]
            self.name.setText(next_name(numbered[0] if numbered else None))
            self.career_goal.setText("" if last is None else last.career_goal)
            self.start.setDate(to_qdate(start))
            self.end.setDate(to_qdate(start + dt.timedelta(days=length - 1)))
            self.set_capacity(None)
            self.suggest()
        else:
            self.name.setText(sprint.name)
            self.goal.setText(sprint.goal)
            self.career_goal.setText(sprint.career_goal)
            self.start.setDate(to_qdate(sprint.start))
            self.end.setDate(to_qdate(sprint.end))
            self.set_capacity(sprint.capacity_hours)
            self.status.setCurrentIndex(max(self.status.findData(sprint.status), 0))
        self._on_dates_changed()

    def set_capacity(self, hours: float | None) -> None:
        self.capacity.setValue(-1 if hours is None else hours)

    def capacity_hours(self) -> float | None:
        value = self.capacity.value()
        return None if value < 0 else value

    def dates(self) -> tuple[dt.date, dt.date]:
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def suggest(self) -> None:
        start, end = self.dates()
        exclude = None if self._sprint is None else self._sprint.id
        try:
            found = self._planner.suggest_capacity(start, end, exclude=exclude)
        except InvalidInput as exc:
            self.suggestion.setText(str(exc))
            return
        self.suggestion.setText("Suggested: " + found.describe())
        if found.hours is not None:
            self.set_capacity(found.hours)

    def _on_dates_changed(self, *_args: object) -> None:
        start, end = self.dates()
        days = (end - start).days + 1
        weeks = f"{days / 7:g} weeks" if days % 7 == 0 else f"{days} days"
        self.length.setText(weeks if days > 0 else "")

    # -- saving -----------------------------------------------------------------------------

    def try_accept(self) -> bool:
        """Save and close; on a refusal, say why and stay open."""
        start, end = self.dates()
        values: dict[str, object] = {
            "goal": self.goal.text(),
            "career_goal": self.career_goal.text(),
            "capacity_hours": self.capacity_hours(),
        }
        try:
            if self._sprint is None:
                saved = self._planner.add_sprint(
                    self.name.text(),
                    start,
                    end,
                    goal=self.goal.text(),
                    career_goal=self.career_goal.text(),
                    capacity_hours=self.capacity_hours(),
                )
            else:
                if not self._sprint.closed:
                    values["status"] = self.status.currentData()
                saved = self._planner.update_sprint(
                    self._sprint.id, name=self.name.text(), start=start, end=end, **values
                )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self._sprint = saved
        self.saved.emit(saved)
        self.accept()
        return True
