"""ResourceTableModel: the learning resources, one row each."""

from __future__ import annotations

from journal_app.services.tracking.resources import ResourceData
from journal_app.ui.resources.format import host_text, hours_text
from journal_app.ui.resources.record_model import RIGHT, Column, RecordTableModel

STATUS_ORDER = {"active": 0, "planned": 1, "done": 2, "dropped": 3}


def _title_tip(r: ResourceData) -> str:
    return f"{r.title}\n\n{r.notes}" if r.notes else r.title


class ResourceTableModel(RecordTableModel[ResourceData]):
    COLUMNS = (
        Column("Title", lambda r: r.title, tip=_title_tip),
        Column("Kind", lambda r: r.kind.capitalize()),
        Column(
            "Status", lambda r: r.status.capitalize(), sort=lambda r: STATUS_ORDER.get(r.status, 9)
        ),
        Column(
            "Progress",
            lambda r: f"{r.progress:.0f} %",
            sort=lambda r: r.progress,
            align=RIGHT,
            value=lambda r: r.progress / 100,
        ),
        Column(
            "Hours", lambda r: hours_text(r.hours_spent), sort=lambda r: r.hours_spent, align=RIGHT
        ),
        Column("Skill", lambda r: r.skill or ""),
        Column("Link", lambda r: host_text(r.url), tip=lambda r: r.url or "No link"),
    )
