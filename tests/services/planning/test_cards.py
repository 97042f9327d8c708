"""A board card's details (schema v7, issue 17): due date, priority, coloured labels, a
checklist and links to entries and resources, each written in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.planning.data import CheckItem, Place, TaskLink
from journal_app.services.planning.rules import default_label_color
from tests.services.planning.conftest import TODAY


@pytest.fixture
def sprint(planner):
    return planner.add_sprint("Sprint 1", dt.date(2026, 11, 16), dt.date(2026, 11, 29))


def test_every_new_field_is_stored_and_read_back(planner, services, sprint):
    entry = services.entries.create(day=dt.date(2026, 11, 20), title="Attention notes")
    resource = services.resources.add("Zero to Hero", kind="course")
    task = planner.add_task("Watch makemore", sprint_id=sprint.id)
    planner.update_task(
        task.id,
        due=dt.date(2026, 11, 21),
        priority="high",
        tags=["ml", "video"],
        checklist=[("Part 1", True), ("  ", False), ("Part 2", False)],
        links=[("entry", entry.id), ("resource", resource.id), ("entry", entry.id)],
    )
    planner.set_label_color("ml", "#112233")
    got = planner.task(task.id)
    assert got.due == dt.date(2026, 11, 21) and got.priority_name == "high"
    assert got.overdue(TODAY) and not got.overdue(dt.date(2026, 11, 21))
    assert got.labels == (("ml", "#112233"), ("video", default_label_color("video")))
    assert got.checklist == (CheckItem("Part 1", True), CheckItem("Part 2", False))
    assert got.checked == 1
    assert got.links == (
        TaskLink("entry", entry.id, "Attention notes"),
        TaskLink("resource", resource.id, "Zero to Hero"),
    )
    board_card = planner.board(sprint.id).todo[0]
    assert board_card == got  # the board reads the same details
    assert got.as_dict()["checklist"] == [
        {"text": "Part 1", "done": True},
        {"text": "Part 2", "done": False},
    ]


def test_a_done_task_is_never_overdue(planner, sprint):
    task = planner.add_task("Old", sprint_id=sprint.id, status="done")
    task = planner.update_task(task.id, due=dt.date(2026, 1, 1))
    assert not task.overdue(TODAY)


@pytest.mark.parametrize(
    "change",
    [
        {"priority": "urgent"},
        {"due": "2026-11-21"},
        {"links": [("entry", 999)]},
        {"links": [("page", 1)]},
        {"checklist": [("two\nlines", False)]},
    ],
)
def test_a_bad_value_changes_nothing(planner, sprint, change):
    task = planner.add_task("Keep", sprint_id=sprint.id)
    planner.update_task(task.id, checklist=[("one", False)], priority="low")
    before = planner.task(task.id)
    with pytest.raises(InvalidInput):
        planner.update_task(task.id, title="Changed", **change)
    assert planner.task(task.id) == before


def test_a_link_to_a_deleted_resource_goes_with_it(planner, services, sprint):
    resource = services.resources.add("Old book", kind="book")
    task = planner.add_task("Read", sprint_id=sprint.id)
    planner.update_task(task.id, links=[("resource", resource.id)])
    services.resources.delete(resource.id)
    assert planner.task(task.id).links == ()


def test_wip_limits_are_kept_per_column(planner):
    assert planner.wip_limits() == {}
    planner.set_wip_limit("doing", 2)
    assert planner.wip_limits() == {"doing": 2}
    planner.set_wip_limit("doing", None)
    assert planner.wip_limits() == {}
    with pytest.raises(InvalidInput, match="WIP limit"):
        planner.set_wip_limit("doing", 0)


def test_start_makes_a_planned_sprint_active_once(planner, sprint):
    assert sprint.status == "planned"
    assert planner.start_sprint(sprint.id).status == "active"
    other = planner.add_sprint("Overlap", dt.date(2026, 11, 23), dt.date(2026, 11, 30))
    with pytest.raises(InvalidInput, match=r"Sprint 1 .* is active"):
        planner.start_sprint(other.id)


def test_put_back_returns_cards_in_one_transaction(planner, sprint):
    a, b, c = (planner.add_task(t, sprint_id=sprint.id) for t in "abc")
    planner.move_tasks([a.id, b.id], sprint_id=sprint.id, status="doing")
    planner.put_back(
        [Place(b.id, (sprint.id, "todo"), c.id), Place(a.id, (sprint.id, "todo"), b.id)]
    )
    assert [t.title for t in planner.board(sprint.id).todo] == ["a", "b", "c"]
    # A neighbour that left meanwhile: to the column's end instead.
    planner.move_task(a.id, status="doing")
    planner.delete_task(c.id)
    planner.put_back([Place(a.id, (sprint.id, "todo"), c.id)])
    assert [t.title for t in planner.board(sprint.id).todo] == ["b", "a"]
    # One that cannot go back: none does.
    planner.move_tasks([a.id, b.id], sprint_id=sprint.id, status="doing")
    with pytest.raises(InvalidInput):
        planner.put_back([Place(a.id, (sprint.id, "todo"), None), Place(b.id, (999, "todo"), None)])
    assert [t.title for t in planner.board(sprint.id).doing] == ["a", "b"]


def test_put_back_into_done_keeps_the_day_it_was_done(planner, clock, sprint):
    task = planner.add_task("Done on Friday", sprint_id=sprint.id, status="done")
    done = planner.task(task.id)
    clock.advance(days=2)  # the mistaken move and its undo, later
    planner.move_task(task.id, status="doing")
    back = planner.put_back([Place(task.id, (sprint.id, "done"), None, done.done_at)])
    assert back[0].done_at == done.done_at
