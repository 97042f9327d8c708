"""LinkTab: a library tab whose records carry a status and an optional link (outputs,
resources). Its filter combos sit above the table; Open link… (or a double click on the
Link column) opens the link after asking; the context menu offers the link and
"Mark as" each status."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton

from journal_app.services import Services
from journal_app.ui.resources import prompts
from journal_app.ui.resources.record_model import RecordTableModel
from journal_app.ui.resources.record_tab import RecordTab


class LinkTab(RecordTab):
    SERVICE = ""  # the Services attribute that writes these records: "outputs"
    STATUSES: Sequence[str] = ()

    def __init__(
        self,
        services: Services,
        model: RecordTableModel[Any],
        filters: Sequence[QComboBox],
        parent=None,
    ) -> None:
        super().__init__(services, model, parent)
        for box in filters:
            box.currentIndexChanged.connect(lambda _i: self.reload())
            self.filters.addWidget(box)
        # After the filters, so Tab reaches it after them.
        self.open_button = QPushButton("&Open link…")
        self.open_button.setToolTip(f"Open the {self.NOUN}'s link in your browser (asks first)")
        self.open_button.clicked.connect(self.open_link)
        self.buttons.insertWidget(2, self.open_button)
        self._on_selection_changed()

    def status_changes(self, status: str) -> dict[str, object]:
        """What "Mark as ``status``" writes (a subclass may add to it)."""
        return {"status": status}

    def set_status(self, status: str) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        service = getattr(self._services, self.SERVICE)
        changes = self.status_changes(status)
        self.write(lambda: service.update(chosen.id, **changes), chosen.id)

    def selected_url(self) -> str:
        chosen = self.selected()
        return chosen.url if chosen is not None else ""

    def open_link(self) -> bool:
        return prompts.offer_link(self, self.selected_url())

    # -- RecordTab hooks -----------------------------------------------------------------

    def selection_changed(self) -> None:
        if hasattr(self, "open_button"):  # RecordTab asks before the button exists
            self.open_button.setEnabled(bool(self.selected_url()))

    def activate(self, index: QModelIndex) -> None:
        if index.column() == self.model.column_of("Link") and self.selected_url():
            self.open_link()
        else:
            self.edit()

    def add_menu_actions(self, menu: QMenu, record: Any) -> None:
        if record.url:
            menu.addAction("Open link…", self.open_link)
        marks = menu.addMenu("Mark as")
        for status in self.STATUSES:
            action = marks.addAction(status.capitalize(), partial(self.set_status, status))
            action.setEnabled(status != record.status)
