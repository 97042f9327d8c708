"""The Skills tab: the 10,000-hour ledger of every skill, the selected one in detail."""

from __future__ import annotations

from journal_app.services import Services
from journal_app.services.tracking.skills import SkillLedger
from journal_app.ui.resources import prompts
from journal_app.ui.resources.format import hours_text, plural
from journal_app.ui.resources.progress_delegate import ProgressDelegate
from journal_app.ui.resources.record_tab import ROW_HEIGHT, RecordTab
from journal_app.ui.resources.skill_dialog import SkillDialog
from journal_app.ui.resources.skill_model import SkillLedgerTableModel
from journal_app.ui.resources.skill_panel import SkillLedgerPanel

MIN_ROWS, MAX_ROWS = 3, 8  # the table's height, in rows


class SkillsTab(RecordTab):
    NOUN = "skill"
    DIALOG = SkillDialog
    COLUMN_WIDTHS = (200, 84, 90, 130, 104, 114, 130)

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(services, SkillLedgerTableModel(), parent)
        self.view.setItemDelegateForColumn(
            self.model.column_of("Progress"), ProgressDelegate(self.view)
        )
        self.panel = SkillLedgerPanel()
        # Few skills: the table is as tall as its rows, the ledger right below it.
        at = self.body.indexOf(self.view)
        self.body.setStretch(at, 0)
        self.body.insertWidget(at + 1, self.panel)
        self.body.insertStretch(at + 2, 1)
        self._on_selection_changed()

    def fetch(self) -> list[SkillLedger]:
        return self._services.skills.ledgers()

    def reload(self) -> None:
        super().reload()
        rows = min(max(self.model.rowCount(), MIN_ROWS), MAX_ROWS)
        frame = 2 * self.view.frameWidth()
        self.view.setFixedHeight(self.view.horizontalHeader().height() + rows * ROW_HEIGHT + frame)
        if self.selected_id() is None and self.model.rowCount():
            self.view.selectRow(0)  # the panel always shows a skill when there is one

    def summary(self, records: list[SkillLedger]) -> str:
        if not records:
            return "No skills yet: add the one you count hours toward (Insert)."
        total = sum(s.total_hours for s in records)
        return f"{plural(len(records), 'skill')} · {hours_text(total)} in all"

    def selection_changed(self) -> None:
        if hasattr(self, "panel"):
            self.panel.set_ledger(self.selected())

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        skills = self._services.skills
        used = skills.usage(chosen.id)
        if used:
            text = (
                f"{plural(used, 'session')} count toward it. They keep their time but will "
                "count toward no skill."
            )
        else:
            text = "No sessions count toward it. This cannot be undone."
        if prompts.confirm(self, f"Delete the skill “{chosen.name}”?", text, "Delete"):
            self.write(lambda: skills.delete(chosen.id, force=bool(used)))
