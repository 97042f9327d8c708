"""The board's item model: Qt's model checks, the cards' data, drag data."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt

from journal_app.ui.sprints.task_list_model import (
    ID_ROLE,
    MIME_TYPE,
    TASK_ROLE,
    TaskListModel,
    task_ids,
)


def test_a_column_model_passes_the_model_tester(qtmodeltester, planner, sprint, services):
    skill = services.skills.ensure("Machine learning").id
    planner.add_task("a", sprint_id=sprint.id, estimate_hours=2, tags=["paper"], skill_id=skill)
    planner.add_task("b", sprint_id=sprint.id, notes="why\nhow")
    planner.add_task("c", sprint_id=sprint.id)
    model = TaskListModel((sprint.id, "todo"))
    model.set_tasks(planner.board(sprint.id).todo)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    first = model.index(0, 0)
    assert first.data() == "a"
    assert first.data(ID_ROLE) == planner.board(sprint.id).todo[0].id
    assert first.data(TASK_ROLE).tags == ("paper",)
    assert "Estimate: 2 h" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert "Skill: Machine learning" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert model.flags(first) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(model.index(-1, 0)) & Qt.ItemFlag.ItemIsDropEnabled
    model.set_filter(lambda t: t.title != "b")
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["a", "c"]
    assert model.total == 3


def test_drag_data_carries_the_ids_and_nothing_else_is_taken(planner, sprint):
    tasks = [planner.add_task(x, sprint_id=sprint.id) for x in "ab"]
    model = TaskListModel((sprint.id, "todo"))
    model.set_tasks(planner.board(sprint.id).todo)
    data = model.mimeData([model.index(1, 0), model.index(0, 0)])
    assert model.mimeTypes() == [MIME_TYPE]
    assert task_ids(data) == [tasks[0].id, tasks[1].id]
    for raw in (b"nope", b'{"ids": 1}', b'[1, "2"]', b"[true]", b"\xff"):
        bad = QMimeData()
        bad.setData(MIME_TYPE, raw)
        assert task_ids(bad) == []
        assert not model.canDropMimeData(bad, Qt.DropAction.MoveAction, 0, 0, model.index(-1, 0))
    assert task_ids(None) == []
    assert not model.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, model.index(-1, 0))
