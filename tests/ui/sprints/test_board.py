"""The board: drag and drop by mouse (simulated drops on the views) and by keyboard,
order persisted, counts, capacity bar, filters and quick add."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QKeySequence

from journal_app.db.models import Sprint, Task

from .conftest import D, above, below_all, drop


def titles(column) -> list[str]:
    return [t.title for t in column.model.tasks()]


def stored(planner, sprint_id, status) -> list[str]:
    return [t.title for t in planner.board(sprint_id).column(status)]


def snapshot() -> list[tuple]:
    return list(Task.select(Task.id, Task.sprint, Task.status, Task.position).tuples())


def fill(planner, sprint, todo=("a", "b", "c"), doing=("d",)):
    tasks = {}
    for t in todo:
        tasks[t] = planner.add_task(t, sprint_id=sprint.id, estimate_hours=2)
    for t in doing:
        tasks[t] = planner.add_task(t, sprint_id=sprint.id, status="doing", estimate_hours=3)
    return tasks


def test_dragging_a_card_across_columns_persists_status_and_place(
    qtbot, planner, sprint, make_board
):
    fill(planner, sprint)
    board = make_board(sprint.id)
    todo, doing = board.column("todo"), board.column("doing")
    data = todo.model.mimeData([todo.model.index(1, 0)])  # "b"
    with qtbot.waitSignal(board.changed):
        assert drop(doing.view, data, above(doing.view, 0))
    assert stored(planner, sprint.id, "todo") == ["a", "c"]
    assert stored(planner, sprint.id, "doing") == ["b", "d"]
    assert (titles(todo), titles(doing)) == (["a", "c"], ["b", "d"])
    assert (todo.count.text(), doing.count.text()) == ("2", "2")
    assert doing.selected_task_id() == planner.board(sprint.id).doing[0].id  # follows it
    # Onto Done, below everything: stamped done.
    data = doing.model.mimeData([doing.model.index(0, 0)])
    done = board.column("done")
    assert drop(done.view, data, below_all(done.view))
    moved = planner.board(sprint.id).done[0]
    assert (moved.title, moved.done_at is not None) == ("b", True)


def test_reordering_within_a_column(qtbot, planner, sprint, make_board):
    fill(planner, sprint, todo=("a", "b", "c", "d"), doing=())
    board = make_board(sprint.id)
    todo = board.column("todo")
    assert drop(todo.view, todo.model.mimeData([todo.model.index(3, 0)]), above(todo.view, 1))
    assert stored(planner, sprint.id, "todo") == ["a", "d", "b", "c"]
    assert drop(todo.view, todo.model.mimeData([todo.model.index(0, 0)]), below_all(todo.view))
    assert stored(planner, sprint.id, "todo") == ["d", "b", "c", "a"]
    assert titles(todo) == ["d", "b", "c", "a"]
    positions = [t.position for t in planner.board(sprint.id).todo]
    assert positions == sorted(set(positions))  # the stored order, without ties


def test_planning_from_the_backlog_by_dragging(qtbot, planner, sprint, make_board):
    fill(planner, sprint, todo=("a",), doing=())
    planner.add_task("Read the attention paper", estimate_hours=5)
    planner.add_task("Someday")
    board = make_board(sprint.id)
    backlog, todo = board.column("backlog"), board.column("todo")
    assert backlog.count.text() == "2"
    assert board.capacity.label.text() == "2 of 20 h planned"
    assert drop(todo.view, backlog.model.mimeData([backlog.model.index(0, 0)]), above(todo.view, 0))
    assert stored(planner, sprint.id, "todo") == ["Read the attention paper", "a"]
    assert [t.title for t in planner.backlog()] == ["Someday"]
    assert titles(backlog) == ["Someday"] and backlog.count.text() == "1"
    assert board.capacity.label.text() == "7 of 20 h planned"
    # And back: a card dropped on the backlog leaves the sprint, as to do.
    doing = board.column("doing")
    planner.move_task(planner.board(sprint.id).todo[1].id, status="doing")
    board.reload()
    assert drop(
        backlog.view, doing.model.mimeData([doing.model.index(0, 0)]), above(backlog.view, 0)
    )
    assert [(t.title, t.status) for t in planner.backlog()] == [("a", "todo"), ("Someday", "todo")]


def test_a_drop_on_a_closed_sprint_is_refused_with_a_message(qtbot, planner, sprint, make_board):
    fill(planner, sprint, todo=("a",), doing=())
    planner.add_task("Backlog task")
    Sprint.update(status="closed").where(Sprint.id == sprint.id).execute()
    board = make_board(sprint.id)
    before = snapshot()
    backlog, todo = board.column("backlog"), board.column("todo")
    with qtbot.waitSignal(board.message) as said:
        accepted = drop(
            todo.view, backlog.model.mimeData([backlog.model.index(0, 0)]), below_all(todo.view)
        )
    assert not accepted
    assert said.args == ["Sprint 1 is closed: reopen it to add to its tasks"]
    assert board.notice.isVisible() and "is closed" in board.notice.text()
    assert snapshot() == before
    assert titles(backlog) == ["Backlog task"] and titles(todo) == ["a"]
    assert not todo.adder.isEnabled()


def test_a_drop_of_anything_but_cards_is_ignored(qtbot, planner, sprint, make_board):
    fill(planner, sprint)
    board = make_board(sprint.id)
    before = snapshot()
    text = QMimeData()
    text.setText("3")
    assert not drop(board.column("doing").view, text, above(board.column("doing").view, 0))
    forged = QMimeData()
    forged.setData("application/x-journal-task-ids", b"[999]")
    assert not drop(board.column("doing").view, forged, above(board.column("doing").view, 0))
    assert "there is no task 999" in board.notice.text()
    assert snapshot() == before


def test_keyboard_moves_between_columns_and_up_and_down(qtbot, planner, sprint, make_board):
    fill(planner, sprint)
    board = make_board(sprint.id)
    todo = board.column("todo")
    todo.select(planner.board(sprint.id).todo[0].id)  # "a"
    todo.view.setFocus()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(todo.view, Qt.Key.Key_Down, keys)
    assert stored(planner, sprint.id, "todo") == ["b", "a", "c"]
    qtbot.keyClick(todo.view, Qt.Key.Key_Down, keys)
    assert stored(planner, sprint.id, "todo") == ["b", "c", "a"]
    qtbot.keyClick(todo.view, Qt.Key.Key_Up, keys)
    assert stored(planner, sprint.id, "todo") == ["b", "a", "c"]
    qtbot.keyClick(todo.view, Qt.Key.Key_Right, keys)
    assert stored(planner, sprint.id, "doing") == ["d", "a"]
    doing = board.column("doing")
    assert doing.view.hasFocus() and doing.selected_task_id() is not None
    qtbot.keyClick(doing.view, Qt.Key.Key_Right, keys)
    assert stored(planner, sprint.id, "done") == ["a"]
    done = board.column("done")
    qtbot.keyClick(done.view, Qt.Key.Key_Right, keys)  # no column further right
    assert stored(planner, sprint.id, "done") == ["a"]
    # Back left past To do: into the backlog.
    todo.select(planner.board(sprint.id).todo[0].id)  # "b"
    todo.view.setFocus()
    qtbot.keyClick(todo.view, Qt.Key.Key_Left, keys)
    assert [t.title for t in planner.backlog()] == ["b"]
    assert board.column("backlog").view.hasFocus()


def test_card_shortcuts_clash_with_nothing_in_the_window(make_window, planner, sprint):
    window = make_window()
    window.show_area("sprints")
    page = window.page("sprints")
    ours = {a.shortcut().toString() for a in page.board.column("todo").move_actions.values()}
    assert ours == {"Ctrl+Shift+Left", "Ctrl+Shift+Right", "Ctrl+Shift+Up", "Ctrl+Shift+Down"}
    board_actions = {a for c in page.board.columns.values() for a in c.move_actions.values()}
    others = [
        key.toString()
        for action in window.findChildren(QAction)
        if action not in board_actions
        for key in action.shortcuts()
    ]
    assert not ours & set(others)
    assert all(a.shortcutContext() == Qt.ShortcutContext.WidgetShortcut for a in board_actions)
    assert QKeySequence("Ctrl+Shift+Left").toString() == "Ctrl+Shift+Left"


def test_counts_filters_and_capacity(qtbot, planner, services, sprint, make_board):
    ml = services.skills.ensure("Machine learning").id
    writing = services.skills.ensure("Writing").id
    planner.add_task("a", sprint_id=sprint.id, skill_id=ml, tags=["paper"], estimate_hours=8)
    planner.add_task("b", sprint_id=sprint.id, skill_id=writing, estimate_hours=8)
    planner.add_task("c", sprint_id=sprint.id, skill_id=ml, status="doing", estimate_hours=6)
    planner.add_task("backlog idea", skill_id=writing, tags=["paper"])
    board = make_board(sprint.id)
    assert board.capacity.over and board.capacity.label.text() == "22 of 20 h planned · 2 h over"
    items = [board.skill_filter.itemText(i) for i in range(board.skill_filter.count())]
    assert items == ["All skills", "Machine learning", "Writing"]
    board.skill_filter.setCurrentIndex(board.skill_filter.findData("Machine learning"))
    assert titles(board.column("todo")) == ["a"] and board.column("todo").count.text() == "1 of 2"
    assert titles(board.column("doing")) == ["c"] and titles(board.column("backlog")) == []
    board.tag_filter.setCurrentIndex(board.tag_filter.findData("paper"))
    assert titles(board.column("doing")) == [] and titles(board.column("todo")) == ["a"]
    board.set_filter(skill=None, tag="paper")
    assert titles(board.column("backlog")) == ["backlog idea"]
    # A drop into a filtered column lands before the card shown under it.
    todo = board.column("todo")
    board.set_filter(skill="Machine learning", tag=None)
    doing = board.column("doing")
    assert drop(todo.view, doing.model.mimeData([doing.model.index(0, 0)]), above(todo.view, 0))
    assert stored(planner, sprint.id, "todo") == ["c", "a", "b"]
    board.reload()  # the filter survives a reload
    assert board.skill_filter.currentData() == "Machine learning"


def test_quick_add_types_a_title_and_enter(qtbot, planner, sprint, make_board):
    fill(planner, sprint, todo=("a",), doing=())
    board = make_board(sprint.id)
    todo = board.column("todo")
    with qtbot.waitSignal(board.changed):
        qtbot.keyClicks(todo.adder, "Read the GPT-2 paper")
        qtbot.keyClick(todo.adder, Qt.Key.Key_Return)
    assert stored(planner, sprint.id, "todo") == ["a", "Read the GPT-2 paper"]
    assert todo.adder.text() == "" and titles(todo)[-1] == "Read the GPT-2 paper"
    backlog = board.column("backlog")
    qtbot.keyClicks(backlog.adder, "Learn Rust")
    qtbot.keyClick(backlog.adder, Qt.Key.Key_Enter)
    assert [t.title for t in planner.backlog()] == ["Learn Rust"]
    qtbot.keyClicks(backlog.adder, "x" * 300)
    qtbot.keyClick(backlog.adder, Qt.Key.Key_Return)
    assert "at most 200 characters" in board.notice.text()
    assert backlog.adder.text() == "x" * 300  # kept to fix, not lost
    assert [t.title for t in planner.backlog()] == ["Learn Rust"]


def test_without_a_sprint_only_the_backlog_works(qtbot, planner, make_board):
    planner.add_task("idea")
    board = make_board(None)
    assert titles(board.column("backlog")) == ["idea"]
    assert not board.column("todo").isEnabled()
    assert board.capacity.label.text() == "0 h estimated · no capacity set"
    backlog = board.column("backlog")
    backlog.select(planner.backlog()[0].id)
    backlog.view.setFocus()
    assert not board.move_selected("backlog", "right")
    assert "Choose or plan a sprint" in board.notice.text()
    assert D(2026, 1, 1)  # the module's date helper stays importable for other tests
