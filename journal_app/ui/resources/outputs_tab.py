"""The Outputs tab: everything written, built or posted, newest first, with a count of
outputs and words; added and edited with the shared OutputDialog."""

from __future__ import annotations

from journal_app.services import Services
from journal_app.services.tracking.outputs import KINDS, STATUSES, OutputData
from journal_app.ui.resources import prompts
from journal_app.ui.resources.format import plural
from journal_app.ui.resources.link_tab import LinkTab
from journal_app.ui.resources.output_model import OutputTableModel
from journal_app.ui.tracking.output_dialog import OutputDialog
from journal_app.ui.widgets.form import combo


class OutputsTab(LinkTab):
    NOUN = "output"
    SERVICE = "outputs"
    STATUSES = STATUSES
    DIALOG = OutputDialog
    STRETCH_COLUMN = 1
    COLUMN_WIDTHS = (104, 260, 110, 84, 76, 130, 120)

    def __init__(self, services: Services, parent=None) -> None:
        kind_filter = combo(
            "Show kind", [("All kinds", None), *((label, key) for key, label in KINDS.items())]
        )
        status_filter = combo(
            "Show status", [("All statuses", None), *((s.capitalize(), s) for s in STATUSES)]
        )
        super().__init__(services, OutputTableModel(), (kind_filter, status_filter), parent)
        self.kind_filter, self.status_filter = kind_filter, status_filter

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

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if prompts.confirm(self, f"Delete “{chosen.title}”?", "This cannot be undone.", "Delete"):
            self.write(lambda: self._services.outputs.delete(chosen.id))
