"""Add or edit a learning resource: title, kind, status, progress, link, skill, notes.
A refused value shows as one line in the dialog, which stays open."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QSpinBox, QWidget

from journal_app.services import Services
from journal_app.services.tracking.resources import KINDS, STATUSES
from journal_app.ui.tracking.form_dialog import FormDialog
from journal_app.ui.widgets.form import combo, line_edit, select_data


class ResourceDialog(FormDialog):
    def __init__(
        self, services: Services, resource_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        existing = services.resources.get(resource_id) if resource_id is not None else None
        super().__init__(
            "Edit resource" if existing else "New resource", min_width=480, parent=parent
        )
        self._services = services
        self.resource_id = resource_id

        self.title_edit = line_edit("Title", "“Transformers from scratch”, a book, a paper…")
        self.kind_combo = combo("Kind", [(k.capitalize(), k) for k in KINDS])
        self.status_combo = combo("Status", [(s.capitalize(), s) for s in STATUSES])
        self.progress_spin = QSpinBox()
        self.progress_spin.setAccessibleName("Progress")
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSuffix(" %")
        self.url_edit = line_edit("URL", "https://… (optional)")
        self.skill_combo = combo(
            "Skill", [(s.name, s.id) for s in services.skills.list()], none=True
        )
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName("Notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(90)

        self.add_rows(
            ("&Title:", self.title_edit),
            ("&Kind:", self.kind_combo),
            ("&Status:", self.status_combo),
            ("&Progress:", self.progress_spin),
            ("&URL:", self.url_edit),
            ("S&kill:", self.skill_combo),
            ("&Notes:", self.notes_edit),
        )
        self.error_fields = {"title": self.title_edit, "url": self.url_edit}

        if existing is not None:
            self.title_edit.setText(existing.title)
            select_data(self.kind_combo, existing.kind)
            select_data(self.status_combo, existing.status)
            self.progress_spin.setValue(round(existing.progress))
            self.url_edit.setText(existing.url)
            select_data(self.skill_combo, existing.skill_id)
            self.notes_edit.setPlainText(existing.notes)
        self.title_edit.setFocus()

    def values(self) -> dict[str, object]:
        return {
            "title": self.title_edit.text(),
            "kind": self.kind_combo.currentData(),
            "status": self.status_combo.currentData(),
            "progress": float(self.progress_spin.value()),
            "url": self.url_edit.text(),
            "skill_id": self.skill_combo.currentData(),
            "notes": self.notes_edit.toPlainText(),
        }

    def write(self) -> int:
        resources = self._services.resources
        if self.resource_id is None:
            saved = resources.add(**self.values())  # type: ignore[arg-type]
        else:
            saved = resources.update(self.resource_id, **self.values())  # type: ignore[arg-type]
        self.resource_id = saved.id
        return saved.id
