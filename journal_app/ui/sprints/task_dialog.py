"""Edit a task: title, notes, estimate, skill, resource and tags (or delete it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.planning import PlanningService
from journal_app.ui.tracking.pickers import LabelPickers

NO_ESTIMATE = "none"


class TaskDialog(QDialog):
    saved = Signal(object)  # the TaskData written
    deleted = Signal(int)

    def __init__(
        self, services: Services, planner: PlanningService, task_id: int, parent=None
    ) -> None:
        super().__init__(parent)
        self._planner = planner
        task = planner.task(task_id)
        self.task = task
        self.setWindowTitle("Edit Task")
        self.title = QLineEdit(task.title)
        self.notes = QPlainTextEdit(task.notes)
        self.notes.setTabChangesFocus(True)
        self.estimate = QDoubleSpinBox()
        self.estimate.setRange(-0.5, 1000)
        self.estimate.setSingleStep(0.5)
        self.estimate.setDecimals(1)
        self.estimate.setSpecialValueText(NO_ESTIMATE)
        self.estimate.setSuffix(" h")
        self.estimate.setValue(-0.5 if task.estimate_hours is None else task.estimate_hours)
        self.pickers = LabelPickers(services)
        self.pickers.set_ids(skill_id=task.skill_id, resource_id=task.resource_id)
        self.tags = QLineEdit(", ".join(task.tags))
        self.tags.setPlaceholderText("comma separated, e.g. reading, paper")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c9302c;")
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Notes:", self.notes)
        form.addRow("&Estimate:", self.estimate)
        form.addRow("S&kill:", self.pickers.skill)
        form.addRow("&Resource:", self.pickers.resource)
        form.addRow("Ta&gs:", self.tags)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.delete_button = self.buttons.addButton(
            "Delete Task", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def estimate_hours(self) -> float | None:
        value = self.estimate.value()
        return None if value < 0 else value

    def try_accept(self) -> bool:
        try:
            ids = self.pickers.resolve()
            saved = self._planner.update_task(
                self.task.id,
                title=self.title.text(),
                notes=self.notes.toPlainText(),
                estimate_hours=self.estimate_hours(),
                skill_id=ids["skill_id"],
                resource_id=ids["resource_id"],
                tags=self.tags.text().split(","),
            )
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.saved.emit(saved)
        self.accept()
        return True

    def delete(self) -> bool:
        try:
            self._planner.delete_task(self.task.id)
        except InvalidInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.deleted.emit(self.task.id)
        self.saved.emit(None)
        self.accept()
        return True

    def _on_delete_clicked(self) -> None:
        answer = QMessageBox.question(
            self, "Delete Task", f"Delete “{self.task.title}”? This cannot be undone."
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete()
