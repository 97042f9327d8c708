"""Add a category: a name and the side it counts on."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal_app.services import Services
from journal_app.services.tracking.categories import SIDES
from journal_app.ui.resources.category_model import SIDE_TIPS
from journal_app.ui.tracking.form_dialog import FormDialog
from journal_app.ui.widgets.form import combo, line_edit


class CategoryDialog(FormDialog):
    def __init__(self, services: Services, parent=None) -> None:
        super().__init__("New category", min_width=380, parent=parent)
        self._services = services
        self.name_edit = line_edit("Name", "Papers, Kaggle, Mentoring…")
        self.side_combo = combo("Side", [(s.capitalize(), s) for s in SIDES])
        for number, side in enumerate(SIDES):
            self.side_combo.setItemData(number, SIDE_TIPS[side], Qt.ItemDataRole.ToolTipRole)
        self.add_rows(("&Name:", self.name_edit), ("&Side:", self.side_combo))
        self.error_fields = {"category": self.name_edit}
        self.name_edit.setFocus()

    def write(self) -> int:
        return self._services.categories.add(
            self.name_edit.text(), self.side_combo.currentData()
        ).id
