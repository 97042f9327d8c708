"""`task list|edit|move|delete` and `sprint start` (issue 17): the board's cards from a
terminal, in a Tokyo journal whose clock reads 2026-03-10 (see tests/cli/helpers.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from journal_app.config import DataPaths
from journal_app.services import Services
from journal_app.services.planning import planning_of
from tests.cli.helpers import run_main, tokyo_journal


@pytest.fixture
def journal(tmp_path, monkeypatch, clock) -> DataPaths:
    return tokyo_journal(tmp_path, monkeypatch, clock)


@pytest.fixture
def board(journal):
    """Sprint 1 (9–22 March, planned) with two tasks, and one task in the backlog."""
    with Services.open(journal) as services:
        planner = planning_of(services)
        sprint = planner.add_sprint("Sprint 1", dt.date(2026, 3, 9), dt.date(2026, 3, 22))
        first = planner.add_task("Watch lecture 3", sprint_id=sprint.id)
        second = planner.add_task("Write the explainer", sprint_id=sprint.id, status="doing")
        later = planner.add_task("Someday: read SICP")
        entry = services.entries.create(day=dt.date(2026, 3, 9), title="Lecture notes")
        resource = services.resources.add("Zero to Hero")
    return {
        "sprint": sprint.id,
        "first": first.id,
        "second": second.id,
        "later": later.id,
        "entry": entry.id,
        "resource": resource.id,
    }


def _task(journal, task_id):
    with Services.open(journal) as services:
        return planning_of(services).task(task_id)


def test_sprint_start_makes_the_running_sprint_active(journal, board, capsys):
    assert run_main("sprint", "start", str(board["sprint"])) == 0
    assert capsys.readouterr().out == "Sprint 1 (#1) is active\n"
    with Services.open(journal) as services:
        assert planning_of(services).sprint(board["sprint"]).status == "active"


def test_task_list_shows_a_sprint_the_backlog_or_both(journal, board, capsys):
    assert run_main("task", "list", "--sprint", str(board["sprint"]), "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(t["title"], t["status"]) for t in listed] == [
        ("Watch lecture 3", "todo"),
        ("Write the explainer", "doing"),
    ]
    assert run_main("task", "list", "--backlog", "--json") == 0
    assert [t["id"] for t in json.loads(capsys.readouterr().out)] == [board["later"]]
    assert run_main("task", "list") == 0
    text = capsys.readouterr().out.splitlines()
    heading = ["ID", "Task", "Where", "Status", "Priority", "Due", "Checklist", "Labels"]
    assert text[0].split() == heading
    assert [line.split()[0] for line in text[1:]] == [
        str(board["later"]),
        str(board["first"]),
        str(board["second"]),
    ]


def test_task_edit_sets_every_new_field_together(journal, board, capsys):
    first = str(board["first"])
    code = run_main(
        "task", "edit", first,
        "--title", "Watch lecture 3 again",
        "--notes", "**Attention** part",
        "--due", "2026-03-09",
        "--priority", "high",
        "--tags", "ml, video",
        "--label-color", "ml=#112233",
        "--check-add", "Part 1",
        "--check-add", "Part 2",
        "--link-entry", str(board["entry"]),
        "--link-resource", str(board["resource"]),
    )  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out == f"Task {first} “Watch lecture 3 again” changed\n"
    task = _task(journal, board["first"])
    assert (task.title, task.notes, task.due, task.priority_name) == (
        "Watch lecture 3 again",
        "**Attention** part",
        dt.date(2026, 3, 9),
        "high",
    )
    assert task.labels[0] == ("ml", "#112233")
    assert [(i.text, i.done) for i in task.checklist] == [("Part 1", False), ("Part 2", False)]
    assert [(link.kind, link.title) for link in task.links] == [
        ("entry", "Lecture notes"),
        ("resource", "Zero to Hero"),
    ]

    assert run_main("task", "edit", first, "--check", "2", "--check-remove", "1") == 0
    assert run_main("task", "edit", first, "--unlink-entry", str(board["entry"])) == 0
    assert run_main("task", "edit", first, "--due", "none", "--estimate", "1.5") == 0
    task = _task(journal, board["first"])
    assert [(i.text, i.done) for i in task.checklist] == [("Part 2", True)]
    assert [link.kind for link in task.links] == ["resource"]
    assert (task.due, task.estimate_hours) == (None, 1.5)

    assert run_main("task", "edit", first, "--due", "2026-03-01") == 0
    capsys.readouterr()
    assert run_main("task", "list", "--sprint", str(board["sprint"])) == 0
    row = capsys.readouterr().out.splitlines()[1]  # under the heading: the first task
    assert "2026-03-01 overdue" in row and "1/1" in row and "#ml #video" in row


def test_task_move_to_another_sprint_and_back_to_the_backlog(journal, board, capsys):
    with Services.open(journal) as services:
        two = planning_of(services).add_sprint(
            "Sprint 2", dt.date(2026, 3, 23), dt.date(2026, 4, 5)
        )
    later = str(board["later"])
    assert run_main("task", "move", later, "--sprint", str(two.id), "--status", "doing") == 0
    assert capsys.readouterr().out.endswith("is doing (Sprint 2)\n")
    assert (_task(journal, board["later"]).sprint_id, _task(journal, board["later"]).status) == (
        two.id,
        "doing",
    )
    assert run_main("task", "move", later, "--backlog") == 0
    assert capsys.readouterr().out.endswith("is todo (the backlog)\n")
    assert _task(journal, board["later"]).sprint_id is None


def test_task_delete_removes_it(journal, board, capsys):
    assert run_main("task", "delete", str(board["later"])) == 0
    assert capsys.readouterr().out == f"Deleted task {board['later']} “Someday: read SICP”\n"
    with Services.open(journal) as services:
        assert planning_of(services).backlog() == []


def test_status_help_lists_the_values(capsys):
    assert run_main("task", "move", "--help") == 0
    out = capsys.readouterr().out
    assert "--status {todo,doing,done}" in out
    assert "todo (To do), doing (Doing) or done (Done)" in " ".join(out.split())


def test_task_add_takes_a_due_date_and_a_priority(journal, board, capsys):
    sprint = str(board["sprint"])
    assert run_main("task", "add", "Write", "--sprint", sprint, "--due", "2026-03-12",
                    "--priority", "medium") == 0  # fmt: skip
    task = _task(journal, int(capsys.readouterr().out))
    assert (task.due, task.priority_name, task.sprint_id) == (
        dt.date(2026, 3, 12),
        "medium",
        board["sprint"],
    )
