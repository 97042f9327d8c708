"""SkillLedgerTableModel: one row per skill with its 10,000-hour ledger."""

from __future__ import annotations

from journal_app.services.tracking.skills import SkillLedger
from journal_app.ui.resources.format import day_text, hours_text
from journal_app.ui.resources.record_model import RIGHT, Column, RecordTableModel

NOT_AT_PACE = "not at the current pace"
REACHED = "reached"


def projected_text(ledger: SkillLedger) -> str:
    if ledger.reached:
        return REACHED
    if ledger.projected_date is None:
        return NOT_AT_PACE
    return day_text(ledger.projected_date)


def _projected_sort(ledger: SkillLedger) -> int:
    if ledger.reached:
        return 0
    if ledger.projected_date is None:
        return 10**7  # after every date
    return ledger.projected_date.toordinal()


def _total_tip(ledger: SkillLedger) -> str:
    return (
        f"{hours_text(ledger.logged_hours)} logged in the app"
        f" + {hours_text(ledger.baseline_hours)} before it"
    )


class SkillLedgerTableModel(RecordTableModel[SkillLedger]):
    COLUMNS = (
        Column("Skill", lambda s: s.name),
        Column(
            "Total",
            lambda s: hours_text(s.total_hours),
            sort=lambda s: s.total_hours,
            align=RIGHT,
            tip=_total_tip,
        ),
        Column(
            "Target",
            lambda s: hours_text(s.target_hours),
            sort=lambda s: s.target_hours,
            align=RIGHT,
        ),
        Column(
            "Progress",
            lambda s: f"{s.progress * 100:.0f} %",
            sort=lambda s: s.progress,
            align=RIGHT,
            value=lambda s: s.progress,
        ),
        Column(
            "Last 7 days",
            lambda s: hours_text(s.hours_last_7_days),
            sort=lambda s: s.hours_last_7_days,
            align=RIGHT,
        ),
        Column(
            "Last 30 days",
            lambda s: hours_text(s.hours_last_30_days),
            sort=lambda s: s.hours_last_30_days,
            align=RIGHT,
        ),
        Column(
            "Projected",
            projected_text,
            sort=_projected_sort,
            align=RIGHT,
            tip=lambda s: "At the last 4 weeks' pace",
        ),
    )
