"""The Today view's item models pass pytest-qt's model tester and say what a user reads."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from journal_app.ui.today.outputs_model import OutputTableModel
from journal_app.ui.today.sessions_model import SESSION_ID_ROLE, SessionTableModel
from tests.ui.today.conftest import at


def test_sessions_model(qtmodeltester, tracking):
    writing = tracking.categories.find("Writing")
    rust = tracking.skills.ensure("Rust")
    resource = tracking.resources.add(kind="book", title="The Book")
    tracking.sessions.add(
        at(2026, 11, 21, 22, 30),
        at(2026, 11, 22, 0, 45),
        category_id=writing.id,
        skill_id=rust.id,
        resource_id=resource.id,
        note="late\nnight",
    )
    tracking.sessions.add(at(2026, 11, 21, 9, 0), at(2026, 11, 21, 9, 40))
    model = SessionTableModel()
    model.set_parts(tracking.sessions.for_day(dt.date(2026, 11, 21)))
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert rows == [
        ["09:00 – 09:40", "40 min", "—", "", "", "", "manual"],
        ["22:30 – 24:00 ↦", "1 h 30 min", "Writing", "Rust", "The Book", "late night", "manual"],
    ]
    assert model.index(1, 0).data(SESSION_ID_ROLE) == model.part(1).session.id
    assert model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) == "Writing: production"
    model.set_parts([])
    qtmodeltester.check(model)


def test_outputs_model(qtmodeltester, tracking):
    day = dt.date(2026, 11, 22)
    tracking.outputs.add(kind="code", title="tiny-grad", status="published", words=None, day=day)
    tracking.outputs.add(
        kind="x_thread", title="Attention", url="https://x.com/a/1", words=1234, day=day
    )
    model = OutputTableModel()
    model.set_outputs(tracking.outputs.for_day(day))
    qtmodeltester.check(model)
    assert [model.index(1, c).data() for c in range(5)] == [
        "X thread",
        "Attention",
        "idea",
        "1,234",
        "https://x.com/a/1",
    ]
    assert model.index(0, 3).data() == ""
