"""The Sprints area in the window: built on first show, sprint picker, dialogs to plan
and edit sprints and tasks, events announced after writes and heard from elsewhere."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from .conftest import D


def open_page(make_window):
    window = make_window()
    window.show_area("sprints")
    return window, window.page("sprints")


def test_the_page_opens_on_the_running_sprint(make_window, planner, sprint):
    planner.add_sprint("Sprint 0", D(2026, 11, 2), D(2026, 11, 15), capacity_hours=5)
    planner.add_task("a", sprint_id=sprint.id)
    _, page = open_page(make_window)
    assert page.current_sprint().id == sprint.id
    labels = [page.sprint_combo.itemText(i) for i in range(page.sprint_combo.count())]
    assert labels == [
        "Sprint 1 · 16 – 29 Nov 2026 · planned",
        "Sprint 0 · 2 – 15 Nov 2026 · planned",
    ]
    assert "Goal: Finish makemore" in page.summary.text()
    assert [t.title for t in page.board.column("todo").model.tasks()] == ["a"]
    page.sprint_combo.setCurrentIndex(1)
    assert page.current_sprint().name == "Sprint 0"
    assert page.board.column("todo").model.tasks() == []


def test_writes_are_announced_and_outside_changes_reload(qtbot, make_window, planner, sprint):
    window, page = open_page(make_window)
    todo = page.board.column("todo")
    with qtbot.waitSignal(window.events.sprints_changed):
        page.board.quick_add("todo", "Typed here")
    # Another part of the app (the Today view, the CLI...) changes a task and says so.
    task = planner.add_task("Added elsewhere", sprint_id=sprint.id)
    window.events.sprints_changed.emit()
    assert [t.id for t in todo.model.tasks()][-1] == task.id
    # Hidden, the page only notes it, and reloads when shown again.
    window.show_area("journal")
    planner.add_task("While away", sprint_id=sprint.id)
    window.events.sprints_changed.emit()
    assert todo.model.total == 2
    window.show_area("sprints")
    assert todo.model.total == 3


def test_new_sprint_dialog_suggests_and_saves(qtbot, make_window, planner, services, sprint):
    start = dt.datetime(2026, 11, 17, 9, tzinfo=dt.UTC)
    services.sessions.add(start, start + dt.timedelta(hours=6))
    window, page = open_page(make_window)
    page.new_sprint()
    dialog = page.dialog
    assert dialog.name.text() == "Sprint 2"
    assert (dialog.start.date(), dialog.end.date()) == (QDate(2026, 11, 30), QDate(2026, 12, 13))
    # Sprint 1 has not ended: nothing to learn from yet.
    assert dialog.capacity_hours() is None
    assert dialog.suggestion.text() == "Suggested: no earlier sprint to suggest from"
    dialog.goal.setText("Transformers from scratch")
    dialog.set_capacity(25)
    with qtbot.waitSignal(window.events.sprints_changed):
        assert dialog.try_accept()
    created = page.current_sprint()
    assert (created.name, created.goal, created.capacity_hours) == (
        "Sprint 2",
        "Transformers from scratch",
        25,
    )
    assert (created.start, created.end) == (D(2026, 11, 30), D(2026, 12, 13))
    assert not dialog.isVisible()


def test_a_refused_sprint_keeps_the_dialog_open(qtbot, make_window, planner, sprint):
    _, page = open_page(make_window)
    page.edit_sprint()
    dialog = page.dialog
    dialog.end.setDate(QDate(2026, 11, 10))
    assert not dialog.try_accept()
    assert dialog.error.text() == "the end (2026-11-10) is before the start (2026-11-16)"
    assert dialog.isVisible()
    assert planner.sprint(sprint.id).end == D(2026, 11, 29)
    dialog.end.setDate(QDate(2026, 12, 6))
    dialog.status.setCurrentIndex(dialog.status.findData("active"))
    assert dialog.try_accept()
    assert (planner.sprint(sprint.id).end, planner.sprint(sprint.id).status) == (
        D(2026, 12, 6),
        "active",
    )
    assert "active" in page.sprint_combo.currentText()


def test_editing_a_task_from_its_card(qtbot, make_window, planner, services, sprint):
    task = planner.add_task("Read", sprint_id=sprint.id)
    window, page = open_page(make_window)
    todo = page.board.column("todo")
    todo.view.activated.emit(todo.model.index(0, 0))  # Enter or double-click
    dialog = page.dialog
    dialog.title.setText("Read chapter 6")
    dialog.estimate.setValue(3)
    dialog.pickers.skill.setEditText("Deep learning")  # a new skill, created on save
    dialog.tags.setText("book, #ml")
    dialog.notes.setPlainText("by hand")
    with qtbot.waitSignal(window.events.sprints_changed):
        assert dialog.try_accept()
    saved = planner.task(task.id)
    assert (saved.title, saved.estimate_hours, saved.skill, saved.tags, saved.notes) == (
        "Read chapter 6",
        3,
        "Deep learning",
        ("book", "ml"),
        "by hand",
    )
    assert todo.model.tasks()[0].title == "Read chapter 6"
    todo.select(task.id)
    todo.edit_action.trigger()  # the card's menu: Edit Task…
    assert page.dialog.title.text() == "Read chapter 6"
    page.dialog.estimate.setValue(-0.5)  # "none"
    assert page.dialog.try_accept() and planner.task(task.id).estimate_hours is None
    page.edit_task(task.id)
    assert page.dialog.delete()
    assert planner.board(sprint.id).tasks == () and todo.model.total == 0


def test_a_new_sprint_is_named_after_the_last_numbered_one(make_window, planner, sprint):
    from journal_app.ui.sprints.sprint_dialog import next_name

    assert [next_name(n) for n in (None, "Sprint 9", "Block", "Q 2 sprint 10 ")] == [
        "Sprint 1",
        "Sprint 10",
        "Block 2",
        "Q 2 sprint 11",
    ]
    planner.add_sprint("Side quest", D(2026, 11, 30), D(2026, 12, 6), capacity_hours=1)
    _, page = open_page(make_window)
    page.new_sprint()
    assert page.dialog.name.text() == "Sprint 2"
    assert page.dialog.start.date().toPython() == D(2026, 12, 7)  # after the latest


def test_hours_logged_elsewhere_update_the_figures(make_window, planner, services, sprint):
    window, page = open_page(make_window)
    assert "0.0 h of deep work logged" in page.summary.text()
    start = dt.datetime(2026, 11, 18, 9, tzinfo=dt.UTC)
    services.sessions.add(start, start + dt.timedelta(hours=2.5))
    window.events.tracking_changed.emit()  # as the focus timer does after saving
    assert "2.5 h of deep work logged" in page.summary.text()
