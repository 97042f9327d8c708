"""Tasks: the backlog, the board's columns and their order, moves, tags, bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db.models import Tag, Task, TaskTag
from journal_app.errors import InvalidInput

D = dt.date


@pytest.fixture
def sprint(planner):
    return planner.add_sprint("Sprint 1", D(2026, 11, 16), D(2026, 11, 29), capacity_hours=20)


def titles(tasks) -> list[str]:
    return [t.title for t in tasks]


def snapshot() -> list[tuple]:
    return list(
        Task.select(Task.id, Task.sprint, Task.status, Task.position, Task.done_at)
        .order_by(Task.id)
        .tuples()
    )


def test_a_task_keeps_its_details(planner, services, sprint):
    skill = services.skills.ensure("Machine learning")
    resource = services.resources.add(title="Deep Learning book", kind="book")
    task = planner.add_task(
        " Read chapter 6 ",
        sprint_id=sprint.id,
        estimate_hours=4.5,
        notes="Backprop, by hand",
        skill_id=skill.id,
        resource_id=resource.id,
        tags=["reading", "#ml", "reading", " "],
    )
    assert planner.task(task.id) == task
    assert (task.title, task.notes, task.estimate_hours) == (
        "Read chapter 6",
        "Backprop, by hand",
        4.5,
    )
    assert (task.skill, task.resource, task.tags) == (
        "Machine learning",
        "Deep Learning book",
        ("ml", "reading"),
    )
    assert (task.sprint_id, task.status, task.done_at) == (sprint.id, "todo", None)
    assert planner.tag_names() == ["ml", "reading"]
    changed = planner.update_task(task.id, tags=["ml"], estimate_hours=None, title="Ch. 6")
    assert (changed.title, changed.tags, changed.estimate_hours) == ("Ch. 6", ("ml",), None)
    assert planner.tag_names() == ["ml"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": ""}, "the task title cannot be empty"),
        ({"estimate_hours": -2}, "the estimate cannot be negative"),
        ({"estimate_hours": "3"}, "the estimate must be a number"),
        ({"estimate_hours": 1e9}, "the estimate cannot be more than 1000 hours"),
        ({"status": "blocked"}, "todo, doing or done"),
        ({"sprint_id": 999}, "there is no sprint 999"),
        ({"skill_id": 999}, "there is no skill 999"),
        ({"tags": ["a,b"]}, "without commas"),
        ({"status": "done"}, "the backlog is not done"),
    ],
)
def test_bad_tasks_are_refused_and_nothing_is_saved(planner, values, message):
    kwargs = {"title": "Read", **values}
    with pytest.raises(InvalidInput, match=message):
        planner.add_task(kwargs.pop("title"), **kwargs)
    assert Task.select().count() == 0
    assert TaskTag.select().count() == 0 and Tag.select().count() == 0


def test_new_tasks_go_to_the_end_of_their_column_or_before_one(planner, sprint):
    a = planner.add_task("a", sprint_id=sprint.id)
    planner.add_task("b", sprint_id=sprint.id)
    planner.add_task("c", sprint_id=sprint.id, before=a.id)
    planner.add_task("doing", sprint_id=sprint.id, status="doing")
    board = planner.board(sprint.id)
    assert titles(board.todo) == ["c", "a", "b"]
    assert titles(board.doing) == ["doing"]
    assert [t.position for t in board.todo] == [0, 1, 2]


def test_moving_across_columns_places_and_stamps_the_task(planner, services, clock, sprint):
    a, b, c = (planner.add_task(x, sprint_id=sprint.id) for x in "abc")
    doing = planner.add_task("d", sprint_id=sprint.id, status="doing")
    moved = planner.move_task(c.id, status="doing", before=doing.id)
    assert (moved.status, moved.done_at) == ("doing", None)
    clock.advance(minutes=30)
    done = planner.move_task(a.id, status="done")
    assert done.done_at == clock.now
    board = planner.board(sprint.id)
    assert (titles(board.todo), titles(board.doing), titles(board.done)) == (
        ["b"],
        ["c", "d"],
        ["a"],
    )
    back = planner.move_task(a.id, status="todo", before=b.id)
    assert (back.status, back.done_at) == ("todo", None)
    assert titles(planner.board(sprint.id).todo) == ["a", "b"]


def test_reordering_within_a_column_persists(planner, sprint):
    a, b, _, d = (planner.add_task(x, sprint_id=sprint.id) for x in "abcd")
    planner.move_task(d.id, before=a.id)  # to the top
    planner.move_task(a.id)  # to the end
    planner.move_task(b.id, before=b.id)  # onto itself: stays
    assert titles(planner.board(sprint.id).todo) == ["d", "b", "c", "a"]
    stored = Task.select(Task.title).order_by(Task.position).tuples()
    assert [t for (t,) in stored] == ["d", "b", "c", "a"]


def test_planning_from_the_backlog_and_back(planner, sprint):
    a = planner.add_task("a")
    b = planner.add_task("b")
    in_sprint = planner.add_task("s", sprint_id=sprint.id, status="doing")
    planner.move_task(b.id, sprint_id=sprint.id, status="todo")
    assert titles(planner.backlog()) == ["a"]
    assert titles(planner.board(sprint.id).todo) == ["b"]
    back = planner.move_task(in_sprint.id, sprint_id=None, before=a.id)
    assert (back.sprint_id, back.status) == (None, "todo")
    assert titles(planner.backlog()) == ["s", "a"]


def test_a_backlog_task_ticked_off_leaves_the_backlog(planner):
    task = planner.add_task("a")
    assert planner.move_task(task.id, status="done").status == "done"
    assert planner.backlog() == []


@pytest.mark.parametrize(
    ("move", "message"),
    [
        (lambda p, ids, s: p.move_task(ids[0], status="blocked"), "todo, doing or done"),
        (lambda p, ids, s: p.move_task(ids[0], sprint_id=999), "there is no sprint 999"),
        (lambda p, ids, s: p.move_task(999, status="done"), "there is no task 999"),
        (lambda p, ids, s: p.move_task(ids[0], before=ids[2]), "is not in that column"),
        (
            lambda p, ids, s: p.move_task(ids[0], sprint_id=None, before=ids[1]),
            "not in the backlog",
        ),
        (lambda p, ids, s: p.move_task(ids[2], sprint_id=None, status="done"), "still to do"),
    ],
)
def test_an_invalid_move_changes_nothing(planner, sprint, move, message):
    ids = [
        planner.add_task("a", sprint_id=sprint.id).id,
        planner.add_task("b", sprint_id=sprint.id).id,
        planner.add_task("c", sprint_id=sprint.id, status="done").id,
    ]
    before = snapshot()
    with pytest.raises(InvalidInput, match=message):
        move(planner, ids, sprint)
    assert snapshot() == before


def test_a_closed_sprint_keeps_its_tasks_where_they_are(planner, sprint):
    other = planner.add_sprint("Sprint 2", D(2026, 11, 30), D(2026, 12, 13), capacity_hours=1)
    task = planner.add_task("a", sprint_id=sprint.id, status="done")
    from journal_app.db.models import Sprint

    Sprint.update(status="closed").where(Sprint.id == sprint.id).execute()
    before = snapshot()
    with pytest.raises(InvalidInput, match="Sprint 1 is closed: reopen it to move its tasks"):
        planner.move_task(task.id, status="todo")
    with pytest.raises(InvalidInput, match="Sprint 1 is closed"):
        planner.move_task(task.id, sprint_id=other.id)
    with pytest.raises(InvalidInput, match="Sprint 1 is closed: reopen it to add to"):
        planner.add_task("late", sprint_id=sprint.id)
    backlog = planner.add_task("b")
    with pytest.raises(InvalidInput, match="Sprint 1 is closed"):
        planner.move_task(backlog.id, sprint_id=sprint.id)
    assert snapshot()[:-1] == before


def test_deleting_a_task(planner, sprint):
    task = planner.add_task("a", sprint_id=sprint.id, tags=["x"])
    planner.delete_task(task.id)
    assert planner.board(sprint.id).tasks == ()
    assert TaskTag.select().count() == 0


def test_the_board_sums_estimates_for_the_capacity_bar(planner, sprint):
    planner.add_task("a", sprint_id=sprint.id, estimate_hours=3)
    planner.add_task("b", sprint_id=sprint.id, estimate_hours=4.5, status="done")
    planner.add_task("c", sprint_id=sprint.id)
    board = planner.board(sprint.id)
    assert board.estimate_hours == 7.5
    assert board.sprint.capacity_hours == 20
