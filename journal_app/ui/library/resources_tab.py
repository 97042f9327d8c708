"""The Resources tab: courses, books, papers, videos and curricula, with status, progress,
the hours spent on each (its sessions) and a link that opens only after asking."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton

from journal_app.services import Services
from journal_app.services.tracking.resources import STATUSES, ResourceData
from journal_app.ui.library import prompts
from journal_app.ui.library.format import hours_text, plural
from journal_app.ui.library.progress_delegate import ProgressDelegate
from journal_app.ui.library.record_tab import RecordTab
from journal_app.ui.library.resource_dialog import ResourceDialog
from journal_app.ui.library.resource_model import ResourceTableModel

DELETE_ANYWAY = "Delete anyway"
MARK_DROPPED = "Mark dropped"


class ResourcesTab(RecordTab):
    NOUN = "resource"
    COLUMN_WIDTHS = (260, 90, 82, 120, 74, 130, 120)

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(services, ResourceTableModel(), parent)
        self.view.setItemDelegateForColumn(
            self.model.column_of("Progress"), ProgressDelegate(self.view)
        )
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show resources")
        self.status_filter.addItem("All statuses", None)
        for status in STATUSES:
            self.status_filter.addItem(status.capitalize(), status)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.filters.addWidget(self.status_filter)
        self.open_button = QPushButton("&Open link…")
        self.open_button.setToolTip("Open the resource's link in your browser (asks first)")
        self.open_button.clicked.connect(self.open_link)
        self.buttons.insertWidget(2, self.open_button)
        self._on_selection_changed()

    def fetch(self) -> list[ResourceData]:
        return self._services.resources.list(status=self.status_filter.currentData())

    def summary(self, records: list[ResourceData]) -> str:
        if not records:
            if self.status_filter.currentData() is not None:
                return "No resources with this status."
            return "No resources yet: add the course, book or paper you study (Insert)."
        active = sum(r.status == "active" for r in records)
        hours = sum(r.hours_spent for r in records)
        return f"{plural(len(records), 'resource')} · {active:,} active · {hours_text(hours)} spent"

    def selection_changed(self) -> None:
        chosen = self.selected()
        if hasattr(self, "open_button"):
            self.open_button.setEnabled(bool(chosen and chosen.url))

    def activate(self, index: QModelIndex) -> None:
        if index.column() == self.model.column_of("Link") and self.selected_url():
            self.open_link()
        else:
            self.edit()

    def add_menu_actions(self, menu: QMenu, record: ResourceData) -> None:
        if record.url:
            menu.addAction("Open link…", self.open_link)
        marks = menu.addMenu("Mark as")
        for status in STATUSES:
            action = marks.addAction(status.capitalize(), partial(self.set_status, status))
            action.setEnabled(status != record.status)

    def set_status(self, status: str) -> None:
        """Quick status change of the selected resource; "done" also means 100 %."""
        chosen = self.selected()
        if chosen is None:
            return
        changes: dict[str, object] = {"status": status}
        if status == "done":
            changes["progress"] = 100.0
        resources = self._services.resources
        self.write(lambda: resources.update(chosen.id, **changes), chosen.id)  # type: ignore[arg-type]

    def selected_url(self) -> str:
        chosen = self.selected()
        return chosen.url if chosen is not None else ""

    # -- actions --------------------------------------------------------------------------

    def add(self) -> None:
        self.open_dialog(ResourceDialog(self._services, parent=self), self._on_saved)

    def edit(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.open_dialog(ResourceDialog(self._services, chosen, parent=self), self._on_saved)

    def _on_saved(self, dialog: ResourceDialog) -> None:
        self.written(dialog.saved_id)

    def open_link(self) -> bool:
        return prompts.offer_link(self, self.selected_url())

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        resources = self._services.resources
        sessions, tasks = resources.usage(chosen.id)
        force = False
        if sessions or tasks:
            links = " and ".join(
                plural(n, word) for n, word in ((sessions, "session"), (tasks, "task")) if n
            )
            answer = prompts.choose(
                self,
                f"Delete “{chosen.title}”?",
                f"It is linked to {links}. Deleting it keeps their time but drops the link; "
                "marking it dropped keeps the history.",
                [DELETE_ANYWAY, MARK_DROPPED],
            )
            if answer == MARK_DROPPED:
                self.write(lambda: resources.update(chosen.id, status="dropped"), chosen.id)
                return
            if answer != DELETE_ANYWAY:
                return
            force = True
        elif not prompts.confirm(
            self, f"Delete “{chosen.title}”?", "This cannot be undone.", "Delete"
        ):
            return
        self.write(lambda: resources.delete(chosen.id, force=force))
