"""Closing a sprint: where its unfinished tasks go (the next sprint or the backlog), then
the review entry is written in the journal from the "Sprint review" template."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from journal_app.errors import InvalidInput
from journal_app.services.planning import PlanningService
from journal_app.services.planning.data import SprintData
from journal_app.ui.sprints.format import date_range


class CloseSprintDialog(QDialog):
    closed = Signal(object)  # the ClosedSprint

    def __init__(self, planner: PlanningService, sprint: SprintData, parent=None) -> None:
        super().__init__(parent)
        self._planner = planner
        self._sprint = sprint
        self.setWindowTitle(f"Close {sprint.name}")
        tasks = planner.tasks(sprint.id)
        done = sum(1 for t in tasks if t.status == "done")
        unfinished = len(tasks) - done
        self.next_sprint = planner.next_sprint(sprint.id)

        intro = QLabel(
            f"<b>{sprint.name}</b> ({date_range(sprint.start, sprint.end)}): "
            f"{done} of {len(tasks)} task{'s' if len(tasks) != 1 else ''} done, "
            f"{unfinished} unfinished."
        )
        intro.setWordWrap(True)
        question = QLabel("Where should the unfinished tasks go?")
        self.to_next = QRadioButton()
        if self.next_sprint is None:
            self.to_next.setText("To the next sprint (none is planned after this one)")
            self.to_next.setEnabled(False)
        else:
            nxt = self.next_sprint
            self.to_next.setText(
                f"To the next sprint, {nxt.name} ({date_range(nxt.start, nxt.end)})"
            )
        self.to_backlog = QRadioButton("Back to the backlog")
        group = QButtonGroup(self)
        group.addButton(self.to_next)
        group.addButton(self.to_backlog)
        (self.to_next if self.next_sprint is not None else self.to_backlog).setChecked(True)
        note = QLabel(
            "A sprint review is then written in your journal, filled with the goal, the "
            "hours of production and consumption, sleep, outputs, the tasks and your "
            "streak — you add the reflection."
        )
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c9302c;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(
            "Close Sprint and Write Review", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addSpacing(6)
        box.addWidget(question)
        box.addWidget(self.to_next)
        box.addWidget(self.to_backlog)
        box.addSpacing(6)
        box.addWidget(note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def choice(self) -> str:
        return "next" if self.to_next.isChecked() else "backlog"

    def choose(self, rollover: str) -> None:
        (self.to_next if rollover == "next" else self.to_backlog).setChecked(True)

    def try_accept(self) -> bool:
        choice = self.choice()
        into = self.next_sprint.id if choice == "next" and self.next_sprint else None
        try:
            result = self._planner.close_sprint(self._sprint.id, choice, into=into)
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.closed.emit(result)
        self.accept()
        return True
