"""The burn-up: hours logged and tasks done so far, day by day, against the ideal."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import BERLIN, TODAY, log_hours

D = dt.date


def test_hours_and_tasks_accumulate_up_to_today(planner, services, clock):
    # A one-week sprint, Wednesday to Tuesday; today is its fifth day (Sunday).
    sprint = planner.add_sprint("S", D(2026, 11, 18), D(2026, 11, 24), capacity_hours=14)
    log_hours(services, D(2026, 11, 18), 2)
    log_hours(services, D(2026, 11, 20), 3.5, side="consumption")
    log_hours(services, TODAY, 1)
    log_hours(services, D(2026, 11, 17), 5)  # the day before: not in the sprint
    tasks = [planner.add_task(x, sprint_id=sprint.id, estimate_hours=2) for x in "abcd"]
    now = clock.now
    # 00:30 in Berlin on the 20th is still the 19th in UTC: the journal's zone decides.
    done_at = [
        dt.datetime(2026, 11, 20, 0, 30, tzinfo=BERLIN),
        dt.datetime(2026, 11, 21, 8, tzinfo=BERLIN),
    ]
    for task, when in zip(tasks, done_at, strict=False):
        clock.now = when.astimezone(dt.UTC)
        planner.move_task(task.id, status="done")
    clock.now = now
    burn = planner.burn_up(sprint.id)
    assert burn.days[0] == D(2026, 11, 18) and len(burn.days) == 7
    assert burn.hours == (2, 2, 5.5, 5.5, 6.5, None, None)
    assert burn.tasks_done == (0, 0, 1, 2, 2, None, None)
    assert burn.ideal_hours == pytest.approx([2, 4, 6, 8, 10, 12, 14])
    assert burn.ideal_tasks[-1] == 4 and burn.tasks_total == 4
    assert burn.target_hours == 14


def test_without_a_capacity_the_estimates_are_the_target(planner):
    sprint = planner.add_sprint("S", D(2026, 12, 1), D(2026, 12, 7), capacity_hours=None)
    planner.add_task("a", sprint_id=sprint.id, estimate_hours=3)
    planner.add_task("b", sprint_id=sprint.id, estimate_hours=4)
    burn = planner.burn_up(sprint.id)
    assert burn.target_hours == 7
    assert burn.hours == (None,) * 7  # it has not started
