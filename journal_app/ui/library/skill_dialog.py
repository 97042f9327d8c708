"""Add or edit a skill: its name, the target (the tracking settings' default for a new
one) and the hours done before the app (the baseline)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.skills import MAX_TARGET_HOURS
from journal_app.ui.library.form import ErrorLabel


def _hours_spin(accessible: str, low: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setAccessibleName(accessible)
    spin.setRange(low, MAX_TARGET_HOURS)
    spin.setDecimals(1)
    spin.setSuffix(" h")
    spin.setGroupSeparatorShown(True)
    return spin


class SkillDialog(QDialog):
    saved = Signal(int)

    def __init__(
        self, services: Services, skill_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.skill_id = skill_id
        self.saved_id: int | None = None
        existing = services.skills.get(skill_id) if skill_id is not None else None
        self.setWindowTitle("Edit skill" if existing else "New skill")
        self.setMinimumWidth(420)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Name")
        self.name_edit.setPlaceholderText("Machine learning, Writing, Rust…")
        self.target_spin = _hours_spin("Target", 1.0)
        self.baseline_spin = _hours_spin("Baseline", 0.0)
        self.baseline_spin.setToolTip("Hours you had already put in before using the app")
        if existing is not None:
            self.name_edit.setText(existing.name)
            self.target_spin.setValue(existing.target_hours)
            self.baseline_spin.setValue(existing.baseline_hours)
        else:
            default = services.tracking_settings.get().default_skill_target_hours
            self.target_spin.setValue(default)

        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Target:", self.target_spin)
        form.addRow("&Before the app:", self.baseline_spin)
        self.error_label = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    def save(self) -> bool:
        skills = self._services.skills
        values = {
            "name": self.name_edit.text(),
            "target_hours": self.target_spin.value(),
            "baseline_hours": self.baseline_spin.value(),
        }
        try:
            if self.skill_id is None:
                saved = skills.add(**values)  # type: ignore[arg-type]
            else:
                saved = skills.update(self.skill_id, **values)  # type: ignore[arg-type]
        except InvalidInput as exc:
            self.error_label.show_error(str(exc), {"skill": self.name_edit})
            return False
        self.saved_id = self.skill_id = saved.id
        self.saved.emit(saved.id)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
