"""Closing a sprint: rollover to the next sprint or the backlog, and the review entry
written from the "Sprint review" template with the sprint's real figures."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db.models import Entry, Sprint, Task
from journal_app.errors import InvalidInput

from .conftest import log_hours

D = dt.date


@pytest.fixture
def world(planner, services):
    """Sprint 7 (9–22 Nov, today its last day) with work, sleep, outputs and tasks, and
    Sprint 8 after it holding one task already."""
    seven = planner.add_sprint(
        "Sprint 7",
        D(2026, 11, 9),
        D(2026, 11, 22),
        goal="Finish makemore and write it up",
        career_goal="ML engineer role by June",
        capacity_hours=30,
    )
    eight = planner.add_sprint("Sprint 8", D(2026, 11, 23), D(2026, 12, 6), capacity_hours=30)
    planner.add_task("Already planned", sprint_id=eight.id)
    log_hours(services, D(2026, 11, 8), 4)  # the day before: not this sprint's
    log_hours(services, D(2026, 11, 10), 3)
    log_hours(services, D(2026, 11, 11), 2, side="consumption")
    log_hours(services, D(2026, 11, 21), 1.5)
    log_hours(services, D(2026, 11, 22), 1)
    for day, hours in ((D(2026, 11, 10), 7), (D(2026, 11, 11), 8), (D(2026, 11, 21), 6)):
        services.day_logs.save(day, hours=hours)
    services.day_logs.save(D(2026, 11, 8), hours=3)  # outside
    outputs = services.outputs
    outputs.add(
        kind="explainer",
        title="Backprop by hand",
        status="published",
        words=1200,
        day=D(2026, 11, 12),
        sprint_id=seven.id,
        url="https://example.org/bp",
    )
    outputs.add(kind="code", title="makemore port", status="draft", day=D(2026, 11, 15))
    outputs.add(kind="comment", title="Too early", day=D(2026, 11, 5))
    outputs.add(kind="x_thread", title="Other sprint's", day=D(2026, 11, 16), sprint_id=eight.id)
    tasks = {
        "a": planner.add_task("Watch lecture 3", sprint_id=seven.id, estimate_hours=2),
        "b": planner.add_task("Port makemore", sprint_id=seven.id, estimate_hours=6),
        "c": planner.add_task("Write the explainer", sprint_id=seven.id, estimate_hours=3),
        "d": planner.add_task("Read the paper", sprint_id=seven.id, status="doing"),
    }
    planner.move_task(tasks["a"].id, status="done")
    planner.move_task(tasks["b"].id, status="done")
    return seven, eight, tasks


def test_closing_into_the_next_sprint_writes_the_review(planner, services, world):
    seven, eight, _ = world
    closed = planner.close_sprint(seven.id, "next")
    assert closed.sprint.status == "closed"
    assert closed.rolled_to.id == eight.id
    assert [t.title for t in closed.done] == ["Watch lecture 3", "Port makemore"]
    assert [t.title for t in closed.rolled_over] == ["Write the explainer", "Read the paper"]
    # The unfinished tasks follow what was planned in Sprint 8, keeping their status.
    board = planner.board(eight.id)
    assert [t.title for t in board.todo] == ["Already planned", "Write the explainer"]
    assert [t.title for t in board.doing] == ["Read the paper"]
    assert [t.title for t in planner.board(seven.id).done] == ["Watch lecture 3", "Port makemore"]

    entry = services.entries.get(closed.review_entry_id)
    assert entry.title == "Self Study Journal #1 — Sprint 7 review"
    assert (entry.day, entry.sprint_id, entry.tags) == (
        D(2026, 11, 22),
        seven.id,
        ["sprint-review"],
    )
    assert (entry.series, entry.number) == ("Self Study Journal", 1)
    body = entry.body
    assert "**Goal:** Finish makemore and write it up" in body
    assert "**Career goal:** ML engineer role by June" in body
    assert "**Dates:** 9 Nov 2026 – 22 Nov 2026 (14 days), capacity 30 h" in body
    # Hours: 3 + 2 (consumption) + 1.5 + 1 on the sprint's days; sleep (7 + 8 + 6) / 3;
    # a streak of two days (21 and 22 November).
    assert "| 7.5 h | 5.5 h | 2.0 h | 30 h | 7.0 h | 2 days |" in body
    assert "Deep work on 4 of 14 days; 2 tasks done, 2 rolled over to Sprint 8." in body
    assert "- [x] Watch lecture 3 (2 h)\n- [x] Port makemore (6 h)\n" in body
    assert "- [ ] Write the explainer (3 h) — rolled over to Sprint 8\n" in body
    assert "- [ ] Read the paper — rolled over to Sprint 8\n" in body
    assert (
        "- Explainer: “Backprop by hand” (published, 1,200 words) <https://example.org/bp>\n"
        "- Code / repo: “makemore port” (draft)\n"
    ) in body
    assert "Too early" not in body and "Other sprint's" not in body
    # The template's own prompts stay for the reflection; no placeholder is left.
    assert "What was Sprint 7 for" in body and "## What worked" in body
    assert "{{" not in body and "\n- [x]\n" not in body
    # Each figure sits under its heading.
    assert body.index("## Done") < body.index("Watch lecture 3") < body.index("## Not done")
    assert body.index("## Hours and sleep") < body.index("| 7.5 h")


def test_closing_into_the_backlog(planner, world):
    seven, eight, _ = world
    planner.add_task("Old idea")
    closed = planner.close_sprint(seven.id, "backlog")
    assert closed.rolled_to is None
    backlog = planner.backlog()
    assert [(t.title, t.status) for t in backlog] == [
        ("Old idea", "todo"),
        ("Write the explainer", "todo"),
        ("Read the paper", "todo"),
    ]
    assert [t.title for t in planner.board(eight.id).tasks] == ["Already planned"]
    from journal_app.services.entries import EntryService  # noqa: F401 - the facade's

    body = planner.entries.get(closed.review_entry_id).body
    assert "- [ ] Read the paper — rolled over to the backlog" in body
    assert "2 rolled over to the backlog." in body


def _state():
    return (
        list(Task.select(Task.id, Task.sprint, Task.status, Task.position).tuples()),
        list(Sprint.select(Sprint.id, Sprint.status).tuples()),
        Entry.select().count(),
    )


def test_without_a_next_sprint_rolling_over_to_it_is_refused(planner, world):
    seven, eight, _ = world
    planner.close_sprint(eight.id, "backlog")
    before = _state()
    with pytest.raises(InvalidInput, match="there is no sprint after Sprint 7 to roll over to"):
        planner.close_sprint(seven.id, "next")
    assert _state() == before


def test_bad_choices_and_a_second_close_are_refused(planner, world):
    seven, _, _ = world
    before = _state()
    with pytest.raises(InvalidInput, match="'next' or 'backlog'"):
        planner.close_sprint(seven.id, "later")
    with pytest.raises(InvalidInput, match="there is no sprint 999"):
        planner.close_sprint(999, "backlog")
    assert _state() == before
    planner.close_sprint(seven.id, "backlog")
    with pytest.raises(InvalidInput, match="Sprint 7 is already closed"):
        planner.close_sprint(seven.id, "backlog")


def test_a_failure_while_closing_leaves_everything_as_it_was(planner, world, monkeypatch):
    seven, _, _ = world
    before = _state()

    def broken(**_kw):
        raise OSError("disk full")

    monkeypatch.setattr(planner.entries, "create", broken)
    with pytest.raises(OSError, match="disk full"):
        planner.close_sprint(seven.id, "next")
    assert _state() == before


def test_the_review_names_this_sprint_when_another_runs_alongside(planner, services):
    side = planner.add_sprint("Side quest", D(2026, 11, 16), D(2026, 11, 29), capacity_hours=5)
    planner.add_sprint("Main", D(2026, 11, 9), D(2026, 11, 22), status="active", capacity_hours=5)
    closed = planner.close_sprint(side.id, "backlog")
    entry = services.entries.get(closed.review_entry_id)
    assert entry.title.endswith("Side quest review")
    assert "What was Side quest for" in entry.body
