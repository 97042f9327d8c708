"""Add a category: a name and the side it counts on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.categories import SIDES
from journal_app.ui.library.category_model import SIDE_TIPS
from journal_app.ui.library.form import ErrorLabel, combo


class CategoryDialog(QDialog):
    saved = Signal(int)

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(parent)
        self._services = services
        self.saved_id: int | None = None
        self.setWindowTitle("New category")
        self.setMinimumWidth(380)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Name")
        self.name_edit.setPlaceholderText("Papers, Kaggle, Mentoring…")
        self.side_combo = combo("Side", [(s.capitalize(), s) for s in SIDES])
        for number, side in enumerate(SIDES):
            self.side_combo.setItemData(number, SIDE_TIPS[side], Qt.ItemDataRole.ToolTipRole)
        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Side:", self.side_combo)
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
        try:
            saved = self._services.categories.add(
                self.name_edit.text(), self.side_combo.currentData()
            )
        except InvalidInput as exc:
            self.error_label.show_error(str(exc), {"category": self.name_edit})
            return False
        self.saved_id = saved.id
        self.saved.emit(saved.id)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
