"""Every library model passes pytest-qt's model tester, sorts by a column and back to the
services' order, and keeps the selection on the same record while sorting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt

from journal_app.ui.resources.category_model import CategoryRow, CategoryTableModel
from journal_app.ui.resources.output_model import OutputTableModel
from journal_app.ui.resources.record_model import ID_ROLE, SORT_ROLE, VALUE_ROLE
from journal_app.ui.resources.resource_model import ResourceTableModel
from journal_app.ui.resources.skill_model import NOT_AT_PACE, SkillLedgerTableModel

from .conftest import TODAY, texts


def _resources(journal):
    ml = journal.skills.add("Machine learning")
    course = journal.resources.add(
        "Transformers from scratch",
        url="https://example.org/t",
        status="active",
        progress=40,
        skill_id=ml.id,
    )
    journal.resources.add("Deep Learning", kind="book")
    journal.resources.add("Attention is all you need", kind="paper", status="done", progress=100)
    journal.sessions.add_local(TODAY, dt.time(9), dt.time(11), resource_id=course.id)
    return journal.resources.list()


def test_resource_model(qtmodeltester, journal):
    model = ResourceTableModel()
    model.set_records(_resources(journal))
    qtmodeltester.check(model)
    assert texts(model, "Title")[0] == "Transformers from scratch"  # active first
    assert texts(model, "Hours") == ["2.0 h", "0.0 h", "0.0 h"]
    assert texts(model, "Link") == ["example.org", "", ""]
    progress = model.index(0, model.column_of("Progress"))
    assert progress.data() == "40 %" and progress.data(VALUE_ROLE) == 0.4
    assert model.index(0, 0).data(ID_ROLE) == journal.resources.list()[0].id

    model.sort(model.column_of("Progress"), Qt.SortOrder.DescendingOrder)
    assert texts(model, "Progress") == ["100 %", "40 %", "0 %"]
    model.sort(model.column_of("Title"))
    assert texts(model, "Title") == [
        "Attention is all you need",
        "Deep Learning",
        "Transformers from scratch",
    ]
    model.sort(-1)
    assert texts(model, "Title")[0] == "Transformers from scratch"
    qtmodeltester.check(model)


def test_sorting_keeps_the_selected_record_selected(qapp, journal):
    from PySide6.QtWidgets import QTableView

    model = ResourceTableModel()
    model.set_records(_resources(journal))
    view = QTableView()
    view.setModel(model)
    view.selectionModel().select(
        model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.sort(model.column_of("Title"))
    selected = view.selectionModel().selectedRows()
    assert [model.record(i.row()).title for i in selected] == ["Transformers from scratch"]


def test_skill_ledger_model(qtmodeltester, journal):
    ml = journal.skills.add("Machine learning", target_hours=1000, baseline_hours=100)
    journal.skills.add("Rust", target_hours=50, baseline_hours=60)  # reached
    journal.skills.add("Writing")  # no recent work
    for back in range(28):
        day = TODAY - dt.timedelta(days=back)
        journal.sessions.add_local(day, dt.time(9), dt.time(11), skill_id=ml.id)
    model = SkillLedgerTableModel()
    model.set_records(journal.skills.ledgers())
    qtmodeltester.check(model)
    assert texts(model, "Skill") == ["Machine learning", "Rust", "Writing"]
    assert texts(model, "Total") == ["156 h", "60.0 h", "0.0 h"]
    assert texts(model, "Last 7 days")[0] == "14.0 h"
    assert texts(model, "Last 30 days")[0] == "56.0 h"
    # 844 h left at 2 h a day: 422 days from today.
    assert texts(model, "Projected") == ["Tue 18 Jan 2028", "reached", NOT_AT_PACE]
    model.sort(model.column_of("Projected"))
    assert texts(model, "Skill") == ["Rust", "Machine learning", "Writing"]
    model.sort(model.column_of("Progress"), Qt.SortOrder.DescendingOrder)
    assert texts(model, "Skill") == ["Rust", "Machine learning", "Writing"]
    assert model.index(1, model.column_of("Progress")).data(SORT_ROLE) == 0.156


def test_output_model(qtmodeltester, journal):
    journal.outputs.add(kind="explainer", title="Attention", day=TODAY, words=2400)
    journal.outputs.add(kind="x_thread", title="RLHF thread", day=TODAY - dt.timedelta(days=3))
    journal.outputs.add(
        kind="code",
        title="nanoGPT fork",
        status="published",
        url="https://github.com/me/nanogpt",
        day=TODAY - dt.timedelta(days=1),
    )
    model = OutputTableModel()
    model.set_records(journal.outputs.list())
    qtmodeltester.check(model)
    assert texts(model, "Title") == ["Attention", "nanoGPT fork", "RLHF thread"]
    assert texts(model, "Date") == ["Sun 22 Nov 2026", "Sat 21 Nov 2026", "Thu 19 Nov 2026"]
    assert texts(model, "Kind") == ["Explainer", "Code / repo", "X thread"]
    assert texts(model, "Words") == ["2,400", "", ""]
    model.sort(model.column_of("Words"), Qt.SortOrder.DescendingOrder)
    assert texts(model, "Title")[0] == "Attention"  # blanks stay last
    model.sort(model.column_of("Date"))
    assert texts(model, "Title") == ["RLHF thread", "nanoGPT fork", "Attention"]


def test_category_model(qtmodeltester, journal):
    rows = [CategoryRow(c.id, c.name, c.side, c.position, 0) for c in journal.categories.list()]
    model = CategoryTableModel()
    model.set_records(rows)
    qtmodeltester.check(model)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    edits = []
    model.on_edit = lambda *args: edits.append(args) or True
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, 1).data(Qt.ItemDataRole.EditRole) == "production"
    assert model.setData(model.index(0, 0), "Blogging")
    assert not model.setData(model.index(0, 0), "Writing")  # unchanged: no write
    assert model.setData(model.index(0, 1), "consumption")
    assert edits == [(rows[0].id, "name", "Blogging"), (rows[0].id, "side", "consumption")]
    qtmodeltester.check(model)
