"""Edit the entry templates: the three built-ins and any the user adds.

Changes are written when the user moves to another template or closes the dialog; a
built-in can always be put back to its shipped text with "Reset".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import JournalError
from journal_app.services.templates import TemplateData, TemplateService
from journal_app.ui.theme import mute

PLACEHOLDER_HELP = (
    "Placeholders: {{date}} {{weekday}} {{long_date}} {{series}} {{number}} {{sprint}} "
    "{{yesterday_hours}} {{yesterday_sleep}} {{week_hours}} {{week_sleep_avg}}"
)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask yes/no; replaced in tests."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class TemplatesDialog(QDialog):
    def __init__(
        self,
        templates: TemplateService,
        parent: QWidget | None = None,
        *,
        ask: Callable[[QWidget, str, str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Entry templates")
        self.resize(820, 560)
        self._templates = templates
        self._ask = ask or confirm
        self._current: TemplateData | None = None

        self.list = QListWidget()
        self.list.setMaximumWidth(230)
        self.name_edit = QLineEdit()
        self.title_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(False)
        help_label = QLabel(PLACEHOLDER_HELP)
        help_label.setWordWrap(True)
        help_label.setObjectName("muted")
        mute(help_label)
        help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.hide()

        self.add_button = QPushButton("Add")
        self.delete_button = QPushButton("Delete…")
        self.reset_button = QPushButton("Reset to shipped text")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        form.addRow("Title", self.title_edit)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.body_edit, 1)
        right.addWidget(help_label)
        right.addWidget(self.error_label)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        left.addWidget(self.reset_button)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)

        self.list.currentItemChanged.connect(self._on_current_changed)
        self.add_button.clicked.connect(self._on_add)
        self.delete_button.clicked.connect(self._on_delete)
        self.reset_button.clicked.connect(self._on_reset)
        self._reload()

    # -- data -----------------------------------------------------------------------------

    def _reload(self, select_id: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for template in self._templates.list():
            item = QListWidgetItem(
                template.name + ("" if not template.builtin else "  ·  built-in")
            )
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = 0
        for index in range(self.list.count()):
            if self.list.item(index).data(Qt.ItemDataRole.UserRole) == select_id:
                row = index
        self._current = None
        if self.list.count():
            self.list.setCurrentRow(row)
            self._show(self._templates.get(self.list.item(row).data(Qt.ItemDataRole.UserRole)))

    def _show(self, template: TemplateData) -> None:
        self._current = template
        self.name_edit.setText(template.name)
        self.title_edit.setText(template.title)
        self.body_edit.setPlainText(template.body)
        self.delete_button.setEnabled(not template.builtin)
        self.reset_button.setEnabled(template.builtin)
        self.error_label.hide()

    def commit(self) -> bool:
        """Write the shown template's edits; False (with the reason shown) if refused."""
        current = self._current
        if current is None:
            return True
        name = self.name_edit.text().strip()
        title, body = self.title_edit.text(), self.body_edit.toPlainText()
        if (name, title, body) == (current.name, current.title, current.body):
            return True
        try:
            self._current = self._templates.update(current.id, name=name, title=title, body=body)
        except JournalError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        item = self.list.currentItem()
        if item is not None:
            item.setText(name + ("" if not current.builtin else "  ·  built-in"))
        return True

    # -- slots ----------------------------------------------------------------------------

    def _on_current_changed(
        self, item: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if item is None:
            return
        if not self.commit():
            self.list.blockSignals(True)
            # Qt takes None here (no current item); the stubs omit it.
            self.list.setCurrentItem(previous)  # type: ignore[arg-type]
            self.list.blockSignals(False)
            return
        self._show(self._templates.get(item.data(Qt.ItemDataRole.UserRole)))

    def _on_add(self) -> None:
        if not self.commit():
            return
        names = {t.name for t in self._templates.list()}
        name, n = "New template", 2
        while name in names:
            name, n = f"New template {n}", n + 1
        created = self._templates.create(name=name, title="", body="## \n")
        self._reload(created.id)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _on_delete(self) -> None:
        current = self._current
        if current is None or current.builtin:
            return
        if not self._ask(self, "Delete template", f"Delete the template “{current.name}”?"):
            return
        self._templates.delete(current.id)
        self._current = None
        self._reload()

    def _on_reset(self) -> None:
        current = self._current
        if current is None or not current.builtin:
            return
        if not self._ask(
            self, "Reset template", f"Put “{current.name}” back to the text it shipped with?"
        ):
            return
        self._current = None
        self._reload(self._templates.reset(current.id).id)

    def done(self, result: int) -> None:
        if not self.commit():
            return  # keep the dialog open: the error is shown inline
        super().done(result)
