"""Edit a task: title, Markdown notes (with a preview), estimate, due date, priority,
skill, resource, labels (with their colours), a checklist and links to journal entries
and resources — or delete it.

Save hands the changed values to `save` (the board's undoable `apply_edit`), which writes
them in one transaction or raises InvalidInput, shown in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.planning import PlanningService
from journal_app.services.planning.data import TaskData
from journal_app.services.planning.rules import PRIORITIES, default_label_color
from journal_app.ui.tracking.pickers import LabelPickers

NO_ESTIMATE = "none"
LINK_ROLE = Qt.ItemDataRole.UserRole + 1  # link_key(kind, id)


def link_key(kind: str, target_id: int) -> str:
    """A link as item data: "entry:12" (Qt keeps a string as it is, not a tuple)."""
    return f"{kind}:{target_id}"


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose mnemonic focuses `widget` (a row holding a layout has none)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class TaskDialog(QDialog):
    saved = Signal(object)  # the TaskData written
    deleted = Signal(int)

    def __init__(
        self,
        services: Services,
        planner: PlanningService,
        task_id: int,
        parent: QWidget | None = None,
        *,
        save: Callable[[dict[str, Any]], TaskData] | None = None,
        open_entry: Callable[[int], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._planner = planner
        self._save = save or (lambda values: planner.update_task(task_id, **values))
        self._open_entry = open_entry
        task = planner.task(task_id)
        self.task = task
        self.setWindowTitle("Edit Task")
        self.title = QLineEdit(task.title)

        # Notes: Markdown, with a preview tab.
        self.notes = QPlainTextEdit(task.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Markdown: **bold**, lists, [links](https://…)")
        self.preview = QTextBrowser()
        self.preview.setOpenExternalLinks(True)
        self.notes_tabs = QTabWidget()
        self.notes_tabs.setDocumentMode(True)
        self.notes_tabs.addTab(self.notes, "Write")
        self.notes_tabs.addTab(self.preview, "Preview")
        self.notes_tabs.currentChanged.connect(self._on_notes_tab)
        self.notes_tabs.setMaximumHeight(170)

        self.estimate = QDoubleSpinBox()
        self.estimate.setRange(-0.5, 1000)
        self.estimate.setSingleStep(0.5)
        self.estimate.setDecimals(1)
        self.estimate.setSpecialValueText(NO_ESTIMATE)
        self.estimate.setSuffix(" h")
        self.estimate.setValue(-0.5 if task.estimate_hours is None else task.estimate_hours)

        self.has_due = QCheckBox("Due on")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        today = planner.today()
        shown = task.due or today
        self.due.setDate(QDate(shown.year, shown.month, shown.day))
        self.has_due.setChecked(task.due is not None)
        self.due.setEnabled(task.due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)

        self.priority = QComboBox()
        for name in PRIORITIES:
            self.priority.addItem(name.title(), name)
        self.priority.setCurrentIndex(task.priority)

        self.pickers = LabelPickers(services)
        self.pickers.set_ids(skill_id=task.skill_id, resource_id=task.resource_id)
        self.tags = QLineEdit(", ".join(task.tags))
        self.tags.setPlaceholderText("comma separated, e.g. reading, paper")
        self.label_colors: dict[str, str | None] = {}  # chosen here, saved with the task
        self.colors_button = QPushButton("Colours…")
        self.colors_button.setToolTip("Choose the colour of a label")
        self.colors_button.clicked.connect(self._on_colors_clicked)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags, 1)
        tags_row.addWidget(self.colors_button)

        # Checklist: tick boxes, editable lines; a line to add more.
        self.checklist = QListWidget()
        self.checklist.setAccessibleName("Checklist")
        self.checklist.setMaximumHeight(130)
        for item in task.checklist:
            self._add_check_item(item.text, item.done)
        self.check_adder = QLineEdit()
        self.check_adder.setPlaceholderText("Add an item, press Enter")
        self.check_adder.setAccessibleName("Add a checklist item")
        self.check_adder.installEventFilter(self)  # Enter adds the item (eventFilter)
        self.check_remove = QPushButton("Remove")
        self.check_remove.clicked.connect(self._on_check_removed)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_adder, 1)
        check_row.addWidget(self.check_remove)
        check_box = QVBoxLayout()
        check_box.addWidget(self.checklist)
        check_box.addLayout(check_row)

        # Links to entries and resources.
        self.links = QListWidget()
        self.links.setAccessibleName("Links")
        self.links.setMaximumHeight(100)
        for link in task.links:
            self._add_link(link.kind, link.target_id, link.title)
        self.links.itemActivated.connect(self._on_link_activated)
        self.link_target = QComboBox()
        self.link_target.setAccessibleName("Entry or resource to link")
        self.link_target.setMinimumContentsLength(24)
        self._fill_link_targets()
        self.link_add = QPushButton("Link")
        self.link_add.clicked.connect(self._on_link_added)
        self.link_remove = QPushButton("Unlink")
        self.link_remove.clicked.connect(self._on_link_removed)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_target, 1)
        link_row.addWidget(self.link_add)
        link_row.addWidget(self.link_remove)
        link_box = QVBoxLayout()
        link_box.addWidget(self.links)
        link_box.addLayout(link_row)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c9302c;")
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Notes:", self.notes_tabs)
        form.addRow("&Estimate:", self.estimate)
        form.addRow(_buddy("D&ue:", self.has_due), due_row)
        form.addRow("&Priority:", self.priority)
        form.addRow("S&kill:", self.pickers.skill)
        form.addRow("&Resource:", self.pickers.resource)
        form.addRow(_buddy("&Labels:", self.tags), tags_row)
        form.addRow(_buddy("&Checklist:", self.checklist), check_box)
        form.addRow(_buddy("Lin&ks:", self.links), link_box)
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
        self.resize(560, 640)

    # -- reading the form -------------------------------------------------------------------

    def estimate_hours(self) -> float | None:
        value = self.estimate.value()
        return None if value < 0 else value

    def checklist_items(self) -> list[tuple[str, bool]]:
        return [
            (item.text(), item.checkState() == Qt.CheckState.Checked)
            for item in (self.checklist.item(i) for i in range(self.checklist.count()))
        ]

    def link_targets(self) -> list[tuple[str, int]]:
        keys = [str(self.links.item(i).data(LINK_ROLE)) for i in range(self.links.count())]
        return [(k.partition(":")[0], int(k.partition(":")[2])) for k in keys]

    def values(self) -> dict[str, Any]:
        ids = self.pickers.resolve()
        due = self.due.date().toPython() if self.has_due.isChecked() else None
        return {
            "title": self.title.text(),
            "notes": self.notes.toPlainText(),
            "estimate_hours": self.estimate_hours(),
            "skill_id": ids["skill_id"],
            "resource_id": ids["resource_id"],
            "tags": self.tags.text().split(","),
            "due": due,
            "priority": self.priority.currentIndex(),
            "checklist": self.checklist_items(),
            "links": self.link_targets(),
            **({"label_colors": dict(self.label_colors)} if self.label_colors else {}),
        }

    def try_accept(self) -> bool:
        try:
            saved = self._save(self.values())
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the checklist's line adds the item; it must not also press Save.
        if (
            watched is self.check_adder
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_check_added()
            return True
        return super().eventFilter(watched, event)

    # -- notes ------------------------------------------------------------------------------

    def _on_notes_tab(self, index: int) -> None:
        if self.notes_tabs.widget(index) is self.preview:
            # lazy: markdown loads only when used
            from journal_app.markdown import render

            self.preview.setHtml(render(self.notes.toPlainText()))

    # -- checklist --------------------------------------------------------------------------

    def _add_check_item(self, text: str, done: bool) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        self.checklist.addItem(item)
        return item

    def _on_check_added(self) -> None:
        text = self.check_adder.text().strip()
        if text:
            self._add_check_item(text, False)
            self.check_adder.clear()

    def _on_check_removed(self) -> None:
        row = self.checklist.currentRow()
        if row >= 0:
            self.checklist.takeItem(row)

    # -- links ------------------------------------------------------------------------------

    def _fill_link_targets(self) -> None:
        """Recent entries and every resource, to pick one to link."""
        for entry in self._services.entries.recent(200):
            title = entry.title or f"Entry of {entry.day.isoformat()}"
            self.link_target.addItem(
                f"Entry: {title} ({entry.day.isoformat()})", link_key("entry", entry.id)
            )
        for resource in self._services.resources.list():
            self.link_target.addItem(
                f"Resource: {resource.title}", link_key("resource", resource.id)
            )

    def _add_link(self, kind: str, target_id: int, title: str) -> None:
        item = QListWidgetItem(f"{kind.title()}: {title}")
        item.setData(LINK_ROLE, link_key(kind, target_id))
        item.setToolTip("Double-click or Enter to open" if kind == "entry" else "")
        self.links.addItem(item)

    def _on_link_added(self) -> None:
        key = self.link_target.currentData()
        if not isinstance(key, str):
            return
        kind, _, number = key.partition(":")
        if (kind, int(number)) in self.link_targets():
            return
        title = self.link_target.currentText().split(": ", 1)[-1]
        self._add_link(kind, int(number), title)

    def _on_link_removed(self) -> None:
        row = self.links.currentRow()
        if row >= 0:
            self.links.takeItem(row)

    def _on_link_activated(self, item: QListWidgetItem) -> None:
        kind, _, number = str(item.data(LINK_ROLE)).partition(":")
        target_id = int(number)
        if kind == "entry" and self._open_entry is not None and self._open_entry(target_id):
            self.reject()  # the entry is shown in the Journal; nothing was changed here

    # -- label colours ----------------------------------------------------------------------

    def _on_colors_clicked(self) -> None:
        """Pick a colour for each label in the field; they are saved with the task."""
        current = dict(self.task.labels)
        for name in [t.strip() for t in self.tags.text().split(",") if t.strip()]:
            shown = self.label_colors.get(name) or current.get(name) or default_label_color(name)
            color = QColorDialog.getColor(QColor(shown), self, f"Colour of “{name}”")
            if color.isValid():
                self.label_colors[name] = color.name()
