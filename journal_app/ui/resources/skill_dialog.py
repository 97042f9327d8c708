"""Add or edit a skill: its name, the target (the tracking settings' default for a new
one) and the hours done before the app (the baseline)."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from journal_app.services import Services
from journal_app.services.tracking.skills import MAX_TARGET_HOURS
from journal_app.ui.tracking.form_dialog import FormDialog
from journal_app.ui.widgets.form import line_edit


def _hours_spin(accessible: str, low: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setAccessibleName(accessible)
    spin.setRange(low, MAX_TARGET_HOURS)
    spin.setDecimals(1)
    spin.setSuffix(" h")
    spin.setGroupSeparatorShown(True)
    return spin


class SkillDialog(FormDialog):
    def __init__(
        self, services: Services, skill_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        existing = services.skills.get(skill_id) if skill_id is not None else None
        super().__init__("Edit skill" if existing else "New skill", min_width=420, parent=parent)
        self._services = services
        self.skill_id = skill_id

        self.name_edit = line_edit("Name", "Machine learning, Writing, Rust…")
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

        self.add_rows(
            ("&Name:", self.name_edit),
            ("&Target:", self.target_spin),
            ("&Before the app:", self.baseline_spin),
        )
        self.error_fields = {"skill": self.name_edit}
        self.name_edit.setFocus()

    def write(self) -> int:
        skills = self._services.skills
        values = {
            "name": self.name_edit.text(),
            "target_hours": self.target_spin.value(),
            "baseline_hours": self.baseline_spin.value(),
        }
        if self.skill_id is None:
            saved = skills.add(**values)  # type: ignore[arg-type]
        else:
            saved = skills.update(self.skill_id, **values)  # type: ignore[arg-type]
        self.skill_id = saved.id
        return saved.id
