"""OutputTableModel: outputs, newest first."""

from __future__ import annotations

from journal_app.services.tracking.outputs import OutputData
from journal_app.ui.resources.format import day_text, host_text
from journal_app.ui.resources.record_model import RIGHT, Column, RecordTableModel

STATUS_ORDER = {"idea": 0, "draft": 1, "published": 2}


class OutputTableModel(RecordTableModel[OutputData]):
    COLUMNS = (
        Column("Date", lambda o: day_text(o.day), sort=lambda o: (o.day.toordinal(), o.id)),
        Column("Title", lambda o: o.title, tip=lambda o: o.title),
        Column("Kind", lambda o: o.kind_label),
        Column(
            "Status", lambda o: o.status.capitalize(), sort=lambda o: STATUS_ORDER.get(o.status, 9)
        ),
        Column(
            "Words",
            lambda o: "" if o.words is None else f"{o.words:,}",
            sort=lambda o: o.words,
            align=RIGHT,
        ),
        Column("Skill", lambda o: o.skill or ""),
        Column("Link", lambda o: host_text(o.url), tip=lambda o: o.url or "No link"),
    )
