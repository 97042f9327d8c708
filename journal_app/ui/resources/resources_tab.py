"""The Resources tab: courses, books, papers, videos and curricula, with status, progress,
the hours spent on each (its sessions) and a link that opens only after asking."""

from __future__ import annotations

from journal_app.services import Services
from journal_app.services.tracking.resources import STATUSES, ResourceData
from journal_app.ui.resources import prompts
from journal_app.ui.resources.format import hours_text, plural
from journal_app.ui.resources.link_tab import LinkTab
from journal_app.ui.resources.progress_delegate import ProgressDelegate
from journal_app.ui.resources.resource_dialog import ResourceDialog
from journal_app.ui.resources.resource_model import ResourceTableModel
from journal_app.ui.widgets.form import combo

DELETE_ANYWAY = "Delete anyway"
MARK_DROPPED = "Mark dropped"


class ResourcesTab(LinkTab):
    NOUN = "resource"
    SERVICE = "resources"
    STATUSES = STATUSES
    DIALOG = ResourceDialog
    COLUMN_WIDTHS = (260, 90, 82, 120, 74, 130, 120)

    def __init__(self, services: Services, parent=None) -> None:
        status_filter = combo(
            "Show resources", [("All statuses", None), *((s.capitalize(), s) for s in STATUSES)]
        )
        super().__init__(services, ResourceTableModel(), (status_filter,), parent)
        self.status_filter = status_filter
        self.view.setItemDelegateForColumn(
            self.model.column_of("Progress"), ProgressDelegate(self.view)
        )

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

    def status_changes(self, status: str) -> dict[str, object]:
        """Done also means 100 %."""
        if status == "done":
            return {"status": status, "progress": 100.0}
        return {"status": status}

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
