"""The board people know (issue 17): undo/redo of moves and edits through the window's
Edit menu and keys, the card fields in the edit dialog, the filter box, WIP limits, and
the column models passing Qt's model tester. Today is Sun 22 Nov 2026 (Berlin)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QColorDialog

from journal_app.services.planning.rules import default_label_color
from journal_app.ui.sprints.card_delegate import CardDelegate, due_text

from .conftest import D, above, drop

CTRL = Qt.KeyboardModifier.ControlModifier


def stored(planner, sprint_id, status) -> list[str]:
    return [t.title for t in planner.board(sprint_id).column(status)]


@pytest.fixture
def cards(planner, sprint):
    """To do: a, b, c; Doing: d."""
    made = {t: planner.add_task(t, sprint_id=sprint.id) for t in ("a", "b", "c")}
    made["d"] = planner.add_task("d", sprint_id=sprint.id, status="doing")
    return made


@pytest.fixture
def window_board(qtbot, make_window, planner, sprint, cards):
    """The Sprints area of a main window, its board on Sprint 1, the window active."""
    window = make_window()
    window.show_area("sprints")
    page = window.page("sprints")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, page, page.board


def _key(view, sequence: QKeySequence.StandardKey, qtbot) -> None:
    """Press the platform's first key binding for `sequence` on `view`."""
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(view, combo.key(), combo.keyboardModifiers())


def test_undo_and_redo_a_drag_from_the_edit_menu_and_keys(qtbot, planner, sprint, window_board):
    window, _page, board = window_board
    todo, doing = board.column("todo"), board.column("doing")
    todo.view.setFocus()
    qtbot.waitUntil(todo.view.hasFocus)
    assert not window.edit_actions["undo"].isEnabled()  # nothing done yet
    data = todo.model.mimeData([todo.model.index(1, 0)])  # "b"
    assert drop(doing.view, data, above(doing.view, 0))
    assert stored(planner, sprint.id, "doing") == ["b", "d"]
    qtbot.waitUntil(doing.view.hasFocus)  # the moved card is selected, its column focused

    undo = window.edit_actions["undo"]
    assert undo.isEnabled() and undo.text() == "&Undo Move “b”"
    undo.trigger()
    assert stored(planner, sprint.id, "todo") == ["a", "b", "c"]  # back in its place
    assert stored(planner, sprint.id, "doing") == ["d"]
    assert [t.title for t in todo.model.tasks()] == ["a", "b", "c"]  # and on screen
    assert window.edit_actions["redo"].text() == "&Redo Move “b”"

    view = board.column("todo").view
    qtbot.waitUntil(view.hasFocus)
    _key(view, QKeySequence.StandardKey.Redo, qtbot)
    assert stored(planner, sprint.id, "doing") == ["b", "d"]
    _key(board.column("doing").view, QKeySequence.StandardKey.Undo, qtbot)
    assert stored(planner, sprint.id, "todo") == ["a", "b", "c"]


def test_a_keyboard_move_is_undone_with_ctrl_z(qtbot, planner, sprint, window_board):
    _window, _page, board = window_board
    todo = board.column("todo")
    board.select_task(planner.board(sprint.id).todo[0].id, focus=True)
    qtbot.waitUntil(todo.view.hasFocus)
    qtbot.keyClick(todo.view, Qt.Key.Key_Down, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert stored(planner, sprint.id, "todo") == ["b", "a", "c"]
    qtbot.keyClick(todo.view, Qt.Key.Key_Z, CTRL)
    assert stored(planner, sprint.id, "todo") == ["a", "b", "c"]


def test_a_text_field_keeps_its_own_undo(qtbot, window_board):
    window, _page, board = window_board
    board.search.setFocus()
    qtbot.waitUntil(board.search.hasFocus)
    qtbot.keyClicks(board.search, "zz")
    window.edit_actions["undo"].trigger()
    assert board.search.text() == ""


def test_an_edit_in_the_dialog_sets_every_field_and_is_undone(
    qtbot, monkeypatch, services, planner, sprint, cards, window_board
):
    window, page, board = window_board
    entry = services.entries.create(day=D(2026, 11, 20), title="Attention notes")
    task = cards["a"]
    page.edit_task(task.id)
    dialog = page.dialog
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Read the paper")
    qtbot.keyClicks(dialog.notes, "**Section 3**")
    dialog.has_due.setChecked(True)
    dialog.due.setDate(QDate(2026, 11, 20))
    dialog.priority.setCurrentIndex(dialog.priority.findData("high"))
    dialog.tags.setText("ml, paper")
    picked = iter([QColor("#112233"), QColor()])  # ml: chosen; paper: cancelled
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args: next(picked))
    qtbot.mouseClick(dialog.colors_button, Qt.MouseButton.LeftButton)
    for item in ("Read 3.1", "Read 3.2"):
        qtbot.keyClicks(dialog.check_adder, item)
        qtbot.keyClick(dialog.check_adder, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter in the item line adds an item; it does not save
    assert planner.task(task.id).title == "a"
    dialog.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.link_target.setCurrentIndex(dialog.link_target.findData(f"entry:{entry.id}"))
    qtbot.mouseClick(dialog.link_add, Qt.MouseButton.LeftButton)
    dialog.notes_tabs.setCurrentIndex(1)  # the Markdown preview (formatted, or as plain
    assert "Section 3" in dialog.preview.toPlainText()  # text past the renderer's deadline)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    saved = planner.task(task.id)
    assert (saved.title, saved.notes, saved.due, saved.priority_name) == (
        "Read the paper",
        "**Section 3**",
        D(2026, 11, 20),
        "high",
    )
    assert saved.labels == (("ml", "#112233"), ("paper", default_label_color("paper")))
    assert [(i.text, i.done) for i in saved.checklist] == [("Read 3.1", True), ("Read 3.2", False)]
    assert [(link.kind, link.title) for link in saved.links] == [("entry", "Attention notes")]
    card = board.column("todo").model.index(0, 0)
    tip = card.data(Qt.ItemDataRole.ToolTipRole)
    assert "Due: 2026-11-20 (overdue)" in tip and "Checklist: 1 of 2 done" in tip

    qtbot.waitUntil(board.column("todo").view.hasFocus)
    undo = window.edit_actions["undo"]
    assert undo.text() == "&Undo Edit “Read the paper”"
    undo.trigger()
    assert board.undo_stack.count() == 1  # one edit, one step
    back = planner.task(task.id)
    assert (back.title, back.notes, back.due, back.priority, back.tags) == ("a", "", None, 0, ())
    assert back.checklist == () and back.links == ()
    window.edit_actions["redo"].trigger()
    assert planner.task(task.id) == saved


def test_undo_after_the_task_was_deleted_elsewhere_says_so(qtbot, planner, sprint, window_board):
    window, _page, board = window_board
    todo = board.column("todo")
    board.select_task(planner.board(sprint.id).todo[0].id, focus=True)
    qtbot.waitUntil(todo.view.hasFocus)
    qtbot.keyClick(todo.view, Qt.Key.Key_Right, CTRL | Qt.KeyboardModifier.ShiftModifier)
    moved = planner.board(sprint.id).doing[-1]
    planner.delete_task(moved.id)  # as the CLI would, meanwhile
    with qtbot.waitSignal(board.message) as said:
        window.edit_actions["undo"].trigger()
    assert said.args == [f"there is no task {moved.id}"]
    assert board.undo_stack.count() == 0  # the command that cannot be undone is dropped
    assert not window.edit_actions["undo"].isEnabled()


def test_the_filter_box_keeps_cards_holding_every_word(qtbot, planner, sprint, make_board):
    planner.add_task("Read the attention paper", sprint_id=sprint.id)
    other = planner.add_task("Watch a lecture", sprint_id=sprint.id)
    planner.update_task(other.id, checklist=[("attention part", False)], tags=["video"])
    planner.add_task("Write", sprint_id=sprint.id)
    board = make_board(sprint.id)
    todo = board.column("todo")
    qtbot.keyClicks(board.search, "ATTENTION")
    assert [t.title for t in todo.model.tasks()] == ["Read the attention paper", "Watch a lecture"]
    assert todo.count.text() == "2 of 3"
    qtbot.keyClicks(board.search, " #video")
    assert [t.title for t in todo.model.tasks()] == ["Watch a lecture"]
    board.search.clear()
    assert todo.count.text() == "3"


def test_a_column_over_its_wip_limit_is_marked(qtbot, planner, sprint, cards, make_board):
    board = make_board(sprint.id)
    doing, todo = board.column("doing"), board.column("todo")
    assert not doing.wip_warning.isVisible()
    doing.wip.setFocus()
    doing.wip.selectAll()
    qtbot.keyClicks(doing.wip, "1")
    qtbot.keyClick(doing.wip, Qt.Key.Key_Return)
    assert planner.wip_limits() == {"doing": 1}
    assert not doing.wip_warning.isVisible()  # 1 card: at the limit, not over
    board.select_task(cards["a"].id, focus=True)
    qtbot.keyClick(todo.view, Qt.Key.Key_Right, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert doing.wip_warning.isVisible()
    assert doing.wip_warning.text() == "⚠ 2 cards: over the WIP limit of 1"
    assert doing.property("overLimit") is True
    board.reload()  # kept in the journal
    assert doing.wip.value() == 1 and doing.wip_warning.isVisible()


def test_cards_say_when_they_are_overdue(planner, sprint):
    task = planner.add_task("Late", sprint_id=sprint.id)
    task = planner.update_task(task.id, due=D(2026, 11, 20))
    today = D(2026, 11, 22)
    assert due_text(task, today) == "Overdue 20 Nov"
    assert due_text(task, D(2026, 11, 19)) == "Due 20 Nov"
    assert due_text(task, D(2027, 1, 1)) == "Overdue 20 Nov 2026"


def test_a_card_with_every_field_paints_within_its_height(qtbot, planner, sprint, make_board):
    task = planner.add_task("A long title " * 8, sprint_id=sprint.id)
    planner.update_task(
        task.id,
        due=D(2026, 11, 1),
        priority="high",
        tags=[f"label{n}" for n in range(12)],
        checklist=[("x", True), ("y", False)],
        notes="n",
        estimate_hours=2,
    )
    board = make_board(sprint.id)
    view = board.column("todo").view
    assert isinstance(view.itemDelegate(), CardDelegate)
    image = view.viewport().grab().toImage()
    rect = view.visualRect(board.column("todo").model.index(0, 0))
    # The overdue chip is painted (a red pixel on the card's badge line).
    reds = [
        (x, y)
        for y in range(rect.top(), rect.bottom())
        for x in range(rect.left(), rect.right())
        if image.pixelColor(x, y).name() == "#b91c1c"
    ]
    assert reds and all(rect.contains(x, y) for x, y in reds)


@pytest.mark.parametrize("filtered", [False, True])
def test_the_column_models_pass_the_model_tester(
    qtbot, qtmodeltester, planner, sprint, make_board, filtered
):
    task = planner.add_task("Rich", sprint_id=sprint.id)
    planner.update_task(task.id, due=D(2026, 11, 20), tags=["ml"], checklist=[("x", False)])
    planner.add_task("Plain", sprint_id=sprint.id, status="doing")
    planner.add_task("Backlog task")
    board = make_board(sprint.id)
    if filtered:
        qtbot.keyClicks(board.search, "rich")
    for column in board.columns.values():
        qtmodeltester.check(column.model, force_py=True)


def test_the_due_date_reaches_the_delegate_as_a_day(planner, sprint, make_board):
    from journal_app.ui.sprints.task_list_model import TODAY_ROLE

    planner.add_task("x", sprint_id=sprint.id)
    board = make_board(sprint.id)
    value = board.column("todo").model.index(0, 0).data(TODAY_ROLE)
    assert value in (dt.date(2026, 11, 22), QDate(2026, 11, 22))


def test_undoing_a_card_dragged_out_of_done_keeps_its_done_day(
    qtbot, clock, planner, sprint, make_board
):
    task = planner.add_task("Finished", sprint_id=sprint.id, status="done")
    done_at = planner.task(task.id).done_at
    clock.advance(days=1)
    board = make_board(sprint.id)
    done, doing = board.column("done"), board.column("doing")
    assert drop(doing.view, done.model.mimeData([done.model.index(0, 0)]), above(doing.view, 0))
    assert planner.task(task.id).done_at is None
    board.undo_stack.undo()
    back = planner.task(task.id)
    assert (back.status, back.done_at) == ("done", done_at)
