"""FormDialog: the frame every add/edit dialog of the tracking records shares — a form,
one error line under it and Save/Cancel. Save writes through the service; a value the
service refuses (InvalidInput) shows in the error line and the dialog stays open, so
nothing is saved wrong.

A subclass builds its fields, hands them to ``add_rows`` and implements ``write()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from journal_app.errors import InvalidInput
from journal_app.ui.widgets.form import ErrorLabel


class FormDialog(QDialog):
    saved = Signal(int)  # the id of the record just written

    def __init__(self, title: str, *, min_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved_id: int | None = None
        # {word: field}: a refused value naming the word puts the cursor in the field.
        self.error_fields: dict[str, QWidget] = {}
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        self.error_label = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def add_rows(self, *rows: tuple[str, QWidget]) -> None:
        """Lay out the (label, field) rows above the error line and the buttons. The
        dialog takes its widgets only here, so Tab walks the fields before the buttons."""
        form = QFormLayout()
        for label, field in rows:
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def write(self) -> int:
        """Write the fields through the service and return the record's id; raise
        InvalidInput for a refused value."""
        raise NotImplementedError

    def save(self) -> bool:
        """Write the fields; on a refused value show it and return False."""
        try:
            saved_id = self.write()
        except InvalidInput as exc:
            self.error_label.show_error(str(exc), self.error_fields)
            return False
        self.error_label.clear_error()
        self.saved_id = saved_id
        self.saved.emit(saved_id)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
