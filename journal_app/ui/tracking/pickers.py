"""The four "what was this about" pickers of a session or a timer: category, skill,
resource and task. Skills can be typed: a new name is created when the labels are read."""

from __future__ import annotations

from typing import Any, TypedDict

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from journal_app.services import Services

NONE_TEXT = "—"


class LabelIds(TypedDict, total=False):
    """The pickers' ids as keyword arguments for the session and timer services (None:
    not chosen). Not total: the timer's remembered labels start empty."""

    category_id: int | None
    skill_id: int | None
    resource_id: int | None
    task_id: int | None


def _combo(accessible: str, *, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible)
    combo.setEditable(editable)
    combo.setMinimumContentsLength(18)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    if editable:
        line = combo.lineEdit()
        assert line is not None  # the combo is editable
        line.setPlaceholderText("none, or type a new skill")
    return combo


def _select(combo: QComboBox, item_id: int | None) -> None:
    index = combo.findData(item_id)
    combo.setCurrentIndex(index if index >= 0 else 0)


class LabelPickers:
    """Combo boxes for a session's labels; add them to a form with ``add_rows``."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self.category = _combo("Category")
        self.skill = _combo("Skill", editable=True)
        self.resource = _combo("Resource")
        self.task = _combo("Task")
        self.reload()

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow("&Category:", self.category)
        form.addRow("S&kill:", self.skill)
        form.addRow("&Resource:", self.resource)
        form.addRow("T&ask:", self.task)

    def widgets(self) -> list[QWidget]:
        return [self.category, self.skill, self.resource, self.task]

    def reload(self) -> None:
        """Fill the lists from the journal, keeping what is selected."""
        kept = self.ids()
        s = self._services
        self.category.clear()
        self.category.addItem(NONE_TEXT, None)
        for category in s.categories.list():
            self.category.addItem(f"{category.name}  ({category.side})", category.id)
        self.skill.clear()
        self.skill.addItem("", None)
        for skill in s.skills.list():
            self.skill.addItem(skill.name, skill.id)
        self.resource.clear()
        self.resource.addItem(NONE_TEXT, None)
        for resource in s.resources.list():
            if resource.status in ("planned", "active") or resource.id == kept["resource_id"]:
                self.resource.addItem(f"{resource.title}  ({resource.kind})", resource.id)
        self.task.clear()
        self.task.addItem(NONE_TEXT, None)
        for task in s.sprints.open_tasks():
            where = task.sprint or "backlog"
            self.task.addItem(f"{task.title}  ({where})", task.id)
        self.set_ids(**kept)

    def set_ids(
        self,
        category_id: int | None = None,
        skill_id: int | None = None,
        resource_id: int | None = None,
        task_id: int | None = None,
    ) -> None:
        _select(self.category, category_id)
        _select(self.skill, skill_id)
        _select(self.resource, resource_id)
        _select(self.task, task_id)

    def ids(self) -> LabelIds:
        """The selected ids, without creating anything (a typed new skill counts as none)."""
        return {
            "category_id": self.category.currentData(),
            "skill_id": self._typed_skill_id(),
            "resource_id": self.resource.currentData(),
            "task_id": self.task.currentData(),
        }

    def _typed_skill_id(self) -> Any:
        text = self.skill.currentText().strip()
        if not text:
            return None
        index = self.skill.findText(text)
        return self.skill.itemData(index) if index >= 0 else None

    def resolve(self) -> LabelIds:
        """The selected ids; a skill typed by name is created first (may raise
        InvalidInput for a bad name)."""
        ids = self.ids()
        text = self.skill.currentText().strip()
        if text and ids["skill_id"] is None:
            ids["skill_id"] = self._services.skills.ensure(text).id
            self.reload()
            _select(self.skill, ids["skill_id"])
        return ids
