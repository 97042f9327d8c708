"""The Outputs tab: everything written, built or posted, newest first, with a count of
outputs and words; added and edited with the shared OutputDialog."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton

from journal_app.services import Services
from journal_app.services.tracking.outputs import KINDS, STATUSES, OutputData
from journal_app.ui.library import prompts
from journal_app.ui.library.format import plural
from journal_app.ui.library.output_model import OutputTableModel
from journal_app.ui.library.record_tab import RecordTab
from journal_app.ui.tracking.output_dialog import OutputDialog


class OutputsTab(RecordTab):
    NOUN = "output"
    STRETCH_COLUMN = 1
    COLUMN_WIDTHS = (104, 260, 110, 84, 76, 130, 120)

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(services, OutputTableModel(), parent)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Show kind")
        self.kind_filter.addItem("All kinds", None)
        for key, label in KINDS.items():
            self.kind_filter.addItem(label, key)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show status")
        self.status_filter.addItem("All statuses", None)
        for status in STATUSES:
            self.status_filter.addItem(status.capitalize(), status)
        for box in (self.kind_filter, self.status_filter):
            box.currentIndexChanged.connect(lambda _i: self.reload())
            self.filters.addWidget(box)
        self.open_button = QPushButton("&Open link…")
        self.open_button.setToolTip("Open the output's link in your browser (asks first)")
        self.open_button.clicked.connect(self.open_link)
        self.buttons.insertWidget(2, self.open_button)
        self._on_selection_changed()

    def fetch(self) -> list[OutputData]:
        return self._services.outputs.list(
            kind=self.kind_filter.currentData(), status=self.status_filter.currentData()
        )

    def summary(self, records: list[OutputData]) -> str:
        if not records:
            filtered = self.kind_filter.currentData() or self.status_filter.currentData()
            if filtered:
                return "No outputs of this kind or status."
            return "No outputs yet: add what you wrote, built or posted (Insert)."
        published = sum(o.status == "published" for o in records)
        words = sum(o.words or 0 for o in records)
        return (
            f"{plural(len(records), 'output')} · {published:,} published · {plural(words, 'word')}"
        )

    def selection_changed(self) -> None:
        chosen = self.selected()
        if hasattr(self, "open_button"):
            self.open_button.setEnabled(bool(chosen and chosen.url))

    def activate(self, index: QModelIndex) -> None:
        chosen = self.selected()
        if index.column() == self.model.column_of("Link") and chosen and chosen.url:
            self.open_link()
        else:
            self.edit()

    def add_menu_actions(self, menu: QMenu, record: OutputData) -> None:
        if record.url:
            menu.addAction("Open link…", self.open_link)
        marks = menu.addMenu("Mark as")
        for status in STATUSES:
            action = marks.addAction(status.capitalize(), partial(self.set_status, status))
            action.setEnabled(status != record.status)

    def set_status(self, status: str) -> None:
        chosen = self.selected()
        if chosen is not None:
            outputs = self._services.outputs
            self.write(lambda: outputs.update(chosen.id, status=status), chosen.id)

    def open_link(self) -> bool:
        chosen = self.selected()
        return prompts.offer_link(self, chosen.url if chosen else "")

    def add(self) -> None:
        self.open_dialog(OutputDialog(self._services, parent=self), self._on_saved)

    def edit(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.open_dialog(OutputDialog(self._services, chosen, parent=self), self._on_saved)

    def _on_saved(self, dialog: OutputDialog) -> None:
        self.written(dialog.saved_id)

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if prompts.confirm(self, f"Delete “{chosen.title}”?", "This cannot be undone.", "Delete"):
            self.write(lambda: self._services.outputs.delete(chosen.id))
