"""Sprints: created with checked dates and a suggested capacity, listed, changed, deleted."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db.models import Sprint
from journal_app.errors import InvalidInput

from .conftest import TODAY, log_hours, monday

D = dt.date


def test_a_sprint_keeps_its_goal_career_goal_dates_and_capacity(planner):
    sprint = planner.add_sprint(
        "Sprint 1",
        D(2026, 11, 23),
        D(2026, 12, 6),
        goal="Finish makemore",
        career_goal="ML engineer role by June",
        capacity_hours=40,
    )
    assert planner.sprint(sprint.id) == sprint
    assert (sprint.name, sprint.goal, sprint.career_goal) == (
        "Sprint 1",
        "Finish makemore",
        "ML engineer role by June",
    )
    assert (sprint.start, sprint.end, sprint.days) == (D(2026, 11, 23), D(2026, 12, 6), 14)
    assert (sprint.capacity_hours, sprint.status) == (40.0, "planned")
    assert sprint.as_dict()["start"] == "2026-11-23"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (D(2026, 3, 10), D(2026, 3, 2), "the end (2026-03-02) is before the start (2026-03-10)"),
        (D(2026, 3, 2), D(2026, 3, 2), "cannot start and end on the same day"),
        (D(2026, 3, 2), D(2026, 3, 7), "at least a week; 2026-03-02 to 2026-03-07 is 6 days"),
        (D(2026, 3, 2), D(2026, 4, 27), "at most 8 weeks (56 days); 2026-03-02 to 2026-04-27"),
    ],
)
def test_bad_dates_are_refused_and_nothing_is_saved(planner, start, end, message):
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        planner.add_sprint("Sprint 1", start, end, capacity_hours=10)
    assert Sprint.select().count() == 0


def test_one_and_eight_weeks_are_the_limits(planner):
    assert planner.add_sprint("Week", D(2026, 3, 2), D(2026, 3, 8)).days == 7
    assert planner.add_sprint("Long", D(2026, 3, 2), D(2026, 4, 26)).days == 56


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"name": "  "}, "the sprint name cannot be empty"),
        ({"name": "a\nb"}, "the sprint name is one line"),
        ({"capacity_hours": -1}, "the capacity cannot be negative"),
        ({"capacity_hours": float("nan")}, "the capacity must be a number"),
        ({"status": "closed"}, "close a sprint with"),
        ({"status": "later"}, "planned or active"),
    ],
)
def test_bad_fields_are_refused(planner, values, message):
    kwargs = {"name": "Sprint 1", "capacity_hours": 10, **values}
    name = kwargs.pop("name")
    with pytest.raises(InvalidInput, match=message):
        planner.add_sprint(name, D(2026, 3, 2), D(2026, 3, 15), **kwargs)
    assert Sprint.select().count() == 0


def test_without_a_capacity_the_suggestion_from_the_last_three_sprints_is_used(planner, services):
    # Three two-week sprints that ended, with 20, 30 and 40 hours, and an older one.
    for n, hours in enumerate((100, 20, 30, 40)):
        start = monday(10 - 2 * n)
        sprint = planner.add_sprint(f"S{n}", start, start + dt.timedelta(days=13))
        for day in range(hours // 10):
            log_hours(services, start + dt.timedelta(days=day), 10)
        assert planner.sprint_hours(sprint.id) == pytest.approx(hours)
        if n == 0:
            assert sprint.capacity_hours is None  # nothing earlier to learn from
    # The sprint running now does not count: its hours are not all in yet.
    running = planner.add_sprint("Now", monday(1), monday(1) + dt.timedelta(days=13))
    assert running.capacity_hours == 30
    log_hours(services, TODAY, 9)
    suggestion = planner.suggest_capacity(
        TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=14)
    )
    assert suggestion.hours == 30  # 90 h in 42 days, for 14 days
    assert [name for name, _, _ in suggestion.basis] == ["S1", "S2", "S3"]
    assert suggestion.describe() == "30 h at the pace of S1 20 h, S2 30 h, S3 40 h"
    # A one-week sprint gets half; the new sprint takes it when no capacity is given.
    week = planner.add_sprint("Next", TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=7))
    assert week.capacity_hours == 15


def test_no_suggestion_without_an_earlier_sprint(planner):
    suggestion = planner.suggest_capacity(D(2026, 11, 23), D(2026, 12, 6))
    assert suggestion.hours is None
    assert suggestion.describe() == "no earlier sprint to suggest from"


def test_the_list_counts_tasks_and_estimates_latest_first(planner):
    one = planner.add_sprint("One", D(2026, 11, 2), D(2026, 11, 15), capacity_hours=10)
    two = planner.add_sprint("Two", D(2026, 11, 16), D(2026, 11, 29), capacity_hours=10)
    planner.add_task("a", sprint_id=two.id, estimate_hours=2)
    planner.add_task("b", sprint_id=two.id, estimate_hours=3.5, status="done")
    planner.add_task("c", sprint_id=two.id)
    planner.add_task("in the backlog", estimate_hours=50)
    listed = planner.sprints()
    assert [o.sprint.id for o in listed] == [two.id, one.id]
    assert (listed[0].tasks_total, listed[0].tasks_done, listed[0].estimate_hours) == (3, 1, 5.5)
    assert (listed[1].tasks_total, listed[1].tasks_done, listed[1].estimate_hours) == (0, 0, 0)


def test_dates_change_one_at_a_time_and_are_checked_together(planner):
    sprint = planner.add_sprint("One", D(2026, 11, 2), D(2026, 11, 15), capacity_hours=10)
    moved = planner.update_sprint(sprint.id, end=D(2026, 11, 22))
    assert (moved.start, moved.end) == (D(2026, 11, 2), D(2026, 11, 22))
    with pytest.raises(InvalidInput, match="at most 8 weeks"):
        planner.update_sprint(sprint.id, start=D(2026, 9, 1))
    with pytest.raises(InvalidInput, match="before the start"):
        planner.update_sprint(sprint.id, name="Renamed", start=D(2026, 12, 1))
    assert planner.sprint(sprint.id) == moved  # nothing of a refused change is kept
    assert planner.update_sprint(sprint.id, status="active", goal=" Ship it ").goal == "Ship it"


def test_the_current_sprint_is_the_running_one_else_the_next_else_the_latest(planner):
    assert planner.current() is None
    old = planner.add_sprint("Old", D(2026, 10, 5), D(2026, 10, 18), capacity_hours=1)
    assert planner.current().id == old.id
    later = planner.add_sprint("Later", D(2026, 12, 7), D(2026, 12, 20), capacity_hours=1)
    nearer = planner.add_sprint("Nearer", D(2026, 11, 23), D(2026, 12, 6), capacity_hours=1)
    assert planner.current().id == nearer.id
    running = planner.add_sprint("Now", D(2026, 11, 16), D(2026, 11, 29), capacity_hours=1)
    assert planner.current().id == running.id
    assert later.id != running.id


def test_deleting_a_sprint_sends_its_unfinished_tasks_to_the_backlog(planner):
    sprint = planner.add_sprint("One", D(2026, 11, 16), D(2026, 11, 29), capacity_hours=1)
    planner.add_task("kept in the backlog")
    doing = planner.add_task("doing", sprint_id=sprint.id, status="doing")
    done = planner.add_task("done", sprint_id=sprint.id, status="done")
    planner.delete_sprint(sprint.id)
    assert [(t.title, t.status) for t in planner.backlog()] == [
        ("kept in the backlog", "todo"),
        ("doing", "todo"),
    ]
    assert planner.task(done.id).sprint_id is None
    assert planner.task(doing.id).status == "todo"
    with pytest.raises(InvalidInput, match="there is no sprint"):
        planner.sprint(sprint.id)


def test_unknown_sprints_get_one_line(planner):
    for bad in (999, "1", True, None):
        with pytest.raises(InvalidInput, match="there is no sprint"):
            planner.sprint(bad)
