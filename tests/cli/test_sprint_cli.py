"""Sprints and tasks from a terminal (issue #5): `sprint add|list|show|close`,
`task add|move`. Days are cut in Asia/Tokyo and the clock is injected, so no figure
depends on the machine or the hour; one test runs a real process."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from journal_app.config import DATA_DIR_ENV, DataPaths
from journal_app.services import Services
from journal_app.services.planning import planning_of
from tests.cli.helpers import one_error_line, run_main, tokyo_journal


@pytest.fixture
def journal(tmp_path, monkeypatch, clock) -> DataPaths:
    return tokyo_journal(tmp_path, monkeypatch, clock)


def _id(capsys) -> int:
    out, _err = capsys.readouterr()
    return int(out.strip())


def _everything(paths: DataPaths) -> tuple:
    """All a sprint command could write, to check bad input changed nothing."""
    with Services.open(paths) as services:
        planner = planning_of(services)
        sprints = [o.as_dict() for o in planner.sprints()]
        tasks = [[t.as_dict() for t in planner.tasks(s["id"])] for s in sprints] + [
            [t.as_dict() for t in planner.backlog()]
        ]
        return sprints, tasks, services.entries.count()


def _sprint(paths: DataPaths, name: str, start: str, end: str, **kw) -> int:
    with Services.open(paths) as services:
        return (
            planning_of(services)
            .add_sprint(name, dt.date.fromisoformat(start), dt.date.fromisoformat(end), **kw)
            .id
        )


def test_sprint_add_prints_the_id_and_keeps_every_field(journal, capsys):
    code = run_main(
        "sprint",
        "add",
        "Sprint 1",
        "--start",
        "2026-03-09",
        "--end",
        "2026-03-22",
        "--goal",
        "Finish makemore",
        "--career-goal",
        "ML engineer role by June",
        "--capacity",
        "35",
    )
    assert code == 0
    out, err = capsys.readouterr()
    assert err == ""
    with Services.open(journal) as services:
        sprint = planning_of(services).sprint(int(out))
    assert (sprint.name, sprint.goal, sprint.career_goal) == (
        "Sprint 1",
        "Finish makemore",
        "ML engineer role by June",
    )
    assert (sprint.start, sprint.end, sprint.capacity_hours, sprint.status) == (
        dt.date(2026, 3, 9),
        dt.date(2026, 3, 22),
        35.0,
        "planned",
    )


def test_without_capacity_the_suggestion_is_taken_and_said(journal, capsys):
    old = _sprint(journal, "Old", "2026-02-09", "2026-02-22", capacity_hours=5)
    with Services.open(journal) as services:
        start = dt.datetime(2026, 2, 10, 9, tzinfo=dt.UTC)
        for day in range(3):
            begin = start + dt.timedelta(days=day)
            services.sessions.add(begin, begin + dt.timedelta(hours=8))
    assert run_main("sprint", "add", "New", "--start", "2026-03-09", "--end", "2026-03-15") == 0
    out, err = capsys.readouterr()
    assert err == "journal-app: note: capacity 12 h, suggested from the last three sprints\n"
    with Services.open(journal) as services:
        assert planning_of(services).sprint(int(out)).capacity_hours == 12  # 24 h / 2
    assert old


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--start", "2026-03-22", "--end", "2026-03-09"],
            "the end (2026-03-09) is before the start (2026-03-22)",
        ),
        (["--start", "2026-03-09", "--end", "2026-03-09"], "zero length"),
        (["--start", "2026-03-09", "--end", "2026-05-31"], "at most 8 weeks"),
        (["--start", "2026-03-09", "--end", "2026-03-12"], "at least a week"),
        (["--start", "9 March", "--end", "2026-03-22"], "--start: '9 March' is not a date"),
        (["--start", "2026-03-09"], "the following arguments are required: --end"),
        (
            ["--start", "2026-03-09", "--end", "2026-03-22", "--capacity", "-4"],
            "the capacity cannot be negative",
        ),
        (
            ["--start", "2026-03-09", "--end", "2026-03-22", "--capacity", "lots"],
            "'lots' is not a number",
        ),
    ],
)
def test_sprint_add_refuses_bad_input_in_one_line_and_writes_nothing(
    journal, capsys, args, message
):
    before = _everything(journal)
    assert run_main("sprint", "add", "Sprint 1", *args) == 2
    assert message in one_error_line(capsys)
    assert _everything(journal) == before


def test_bad_input_does_not_even_create_a_journal(tmp_path, monkeypatch, capsys):
    target = tmp_path / "never"
    monkeypatch.setenv(DATA_DIR_ENV, str(target))
    assert run_main("sprint", "add", "S", "--start", "2026-03-09", "--end", "2026-03-01") == 2
    assert "before the start" in one_error_line(capsys)
    assert run_main("task", "add", "T", "--estimate", "-1") == 2
    assert "the estimate cannot be negative" in one_error_line(capsys)
    assert not target.exists()


def test_sprint_list_as_text_and_json(journal, capsys):
    run_main("sprint", "list")
    assert capsys.readouterr().out == "No sprints yet; plan one with 'journal-app sprint add'\n"
    one = _sprint(journal, "Sprint 1", "2026-02-23", "2026-03-08", capacity_hours=20)
    two = _sprint(journal, "Sprint 2", "2026-03-09", "2026-03-22", capacity_hours=None)
    run_main("task", "add", "Read", "--sprint", str(two), "--estimate", "2.5")
    capsys.readouterr()
    assert run_main("sprint", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in listed] == [two, one]
    assert listed[0] | {} == {
        "id": two,
        "name": "Sprint 2",
        "goal": "",
        "career_goal": "",
        "start": "2026-03-09",
        "end": "2026-03-22",
        "days": 14,
        "capacity_hours": None,
        "status": "planned",
        "tasks_total": 1,
        "tasks_done": 0,
        "estimate_hours": 2.5,
    }
    assert run_main("sprint", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "Sprint", "Dates", "Status", "Done", "Planned"]
    assert lines[1].split() == [
        str(two),
        "Sprint",
        "2",
        "2026-03-09",
        "–",
        "2026-03-22",
        "planned",
        "0/1",
        "2.5",
        "of",
        "—",
        "h",
    ]


def test_task_add_and_move_then_sprint_show(journal, capsys):
    sprint = _sprint(journal, "Sprint 1", "2026-03-09", "2026-03-22", capacity_hours=20)
    assert (
        run_main("task", "add", "Watch lecture 3", "--sprint", str(sprint), "--estimate", "2") == 0
    )
    first = _id(capsys)
    assert run_main("task", "add", "Write the explainer", "--sprint", str(sprint)) == 0
    second = _id(capsys)
    assert run_main("task", "add", "Someday: read SICP") == 0
    backlog = _id(capsys)
    assert run_main("task", "move", str(first), "--status", "done") == 0
    assert capsys.readouterr().out == "Task 1 “Watch lecture 3” is done (Sprint 1)\n"
    assert run_main("task", "move", str(second), "--status", "doing") == 0
    capsys.readouterr()

    assert run_main("sprint", "show", str(sprint), "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["id"], shown["name"], shown["capacity_hours"]) == (sprint, "Sprint 1", 20)
    assert [(t["id"], t["title"], t["status"]) for t in shown["tasks"]] == [
        (second, "Write the explainer", "doing"),
        (first, "Watch lecture 3", "done"),
    ]
    assert shown["tasks"][1]["done_at"] == "2026-03-10T03:00:00+00:00"
    assert shown["estimate_hours"] == 2
    assert backlog not in [t["id"] for t in shown["tasks"]]

    assert run_main("sprint", "show", str(sprint)) == 0
    text = capsys.readouterr().out
    assert text.startswith("Sprint 1 (#1)\nDates        2026-03-09 – 2026-03-22 (14 days)\n")
    assert "\nDoing (1)\n      2  Write the explainer\n" in text
    assert "\nDone (1)\n      1  Watch lecture 3  2 h\n" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["task", "add", "T", "--sprint", "99"], "there is no sprint 99"),
        (["task", "add", "  "], "TITLE: the task title cannot be empty"),
        (["task", "add", "T", "--estimate", "-0.5"], "the estimate cannot be negative"),
        (["task", "move", "99", "--status", "done"], "there is no task 99"),
        (["task", "move", "1", "--status", "blocked"], "invalid choice: 'blocked'"),
        (["task", "move", "1"], "say where to: --status todo|doing|done, --sprint ID or --backlog"),
        (["task", "move", "0", "--status", "done"], "0 is outside"),
        (["sprint", "show", "99"], "there is no sprint 99"),
        (["sprint", "show", "x"], "'x' is not a whole number"),
        (["sprint", "close", "99", "--rollover", "backlog"], "there is no sprint 99"),
        (["sprint", "close", "1"], "the following arguments are required: --rollover"),
        (["sprint", "close", "1", "--rollover", "later"], "invalid choice: 'later'"),
        (["sprint", "close", "1", "--rollover", "next"], "there is no sprint after Sprint 1"),
        (["sprint"], "the following arguments are required: ACTION"),
        (["sprint", "start", "99"], "there is no sprint 99"),
        (["task", "list", "--sprint", "99"], "there is no sprint 99"),
        (["task", "list", "--sprint", "1", "--backlog"], "not allowed with argument"),
        (["task", "edit", "1"], "nothing to change"),
        (["task", "edit", "99", "--title", "X"], "there is no task 99"),
        (["task", "edit", "1", "--priority", "urgent"], "--priority: a task's priority is none"),
        (["task", "edit", "1", "--due", "soon"], "--due: 'soon' is not a date"),
        (["task", "edit", "1", "--estimate", "lots"], "--estimate: 'lots' is not a number"),
        (["task", "edit", "1", "--check", "1"], "task 1 has 0 checklist item(s), not 1"),
        (["task", "edit", "1", "--link-entry", "42"], "there is no entry 42"),
        (["task", "edit", "1", "--unlink-resource", "3"], "task 1 has no link to resource 3"),
        (["task", "edit", "1", "--label-color", "ml=red"], "a label colour is written #rrggbb"),
        (["task", "edit", "1", "--tags", "ml", "--label-color", "x=#ffffff"], "no label 'x'"),
        (["task", "delete", "99"], "there is no task 99"),
        (["task", "move", "1", "--backlog", "--status", "done"], "the backlog holds work"),
        (["task", "move", "1", "--sprint", "99"], "there is no sprint 99"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2_and_changes_nothing(journal, capsys, args, message):
    sprint = _sprint(journal, "Sprint 1", "2026-03-09", "2026-03-22", capacity_hours=20)
    with Services.open(journal) as services:
        planning_of(services).add_task("A task", sprint_id=sprint)
    before = _everything(journal)
    assert run_main(*args) == 2
    assert message in one_error_line(capsys)
    assert _everything(journal) == before


def test_a_closed_sprint_takes_no_new_task(journal, capsys):
    sprint = _sprint(journal, "Sprint 1", "2026-02-23", "2026-03-08", capacity_hours=20)
    assert run_main("sprint", "close", str(sprint), "--rollover", "backlog") == 0
    capsys.readouterr()
    before = _everything(journal)
    assert run_main("task", "add", "More", "--sprint", str(sprint)) == 2
    assert "Sprint 1 is closed: reopen it to add to its tasks" in one_error_line(capsys)
    assert _everything(journal) == before


def test_sprint_close_rolls_over_and_prints_the_review_entry(journal, capsys):
    one = _sprint(
        journal,
        "Sprint 1",
        "2026-02-23",
        "2026-03-08",
        capacity_hours=20,
        goal="Backprop from scratch",
    )
    two = _sprint(journal, "Sprint 2", "2026-03-09", "2026-03-22", capacity_hours=20)
    run_main("task", "add", "Done thing", "--sprint", str(one), "--estimate", "3")
    done = _id(capsys)
    run_main("task", "move", str(done), "--status", "done")
    capsys.readouterr()
    run_main("task", "add", "Unfinished thing", "--sprint", str(one))
    left = _id(capsys)
    with Services.open(journal) as services:
        start = dt.datetime(2026, 3, 2, 0, tzinfo=dt.UTC)  # 09:00 in Tokyo
        services.sessions.add(start, start + dt.timedelta(hours=4))
    assert run_main("sprint", "close", str(one), "--rollover", "next") == 0
    out, err = capsys.readouterr()
    assert err == (
        "journal-app: closed Sprint 1: 1 done, 1 rolled over to Sprint 2; review entry 1\n"
    )
    with Services.open(journal) as services:
        entry = services.entries.get(int(out))
        planner = planning_of(services)
        assert planner.sprint(one).status == "closed"
        assert planner.task(left).sprint_id == two
    assert entry.title == "Self Study Journal #1 — Sprint 1 review"
    assert entry.day == dt.date(2026, 3, 8)  # closed after its end: dated on its last day
    assert "**Goal:** Backprop from scratch" in entry.body
    assert "| 4.0 h | 0.0 h | 0.0 h | 20 h | — | 0 days |" in entry.body
    assert "(and 4.0 h without a category)" in entry.body
    assert "- [x] Done thing (3 h)" in entry.body
    assert "- [ ] Unfinished thing — rolled over to Sprint 2" in entry.body


def test_importing_the_cli_loads_no_service(tmp_path):
    """Building every command's parser loads no service and no part of the database
    layer: they load when a command runs."""
    code = (
        "import sys; from journal_app.cli import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith(('journal_app.services', "
        "'journal_app.db', 'peewee'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
def test_a_real_process_honours_the_data_dir_variable(run_cli, tmp_path):
    env = {DATA_DIR_ENV: str(tmp_path / "j")}
    added = run_cli(
        "sprint",
        "add",
        "Sprint 1",
        "--start",
        "2026-03-09",
        "--end",
        "2026-03-22",
        "--capacity",
        "10",
        env=env,
    )
    assert added.returncode == 0, added.stderr
    sprint = added.stdout.strip()
    task = run_cli("task", "add", "Read", "--sprint", sprint, env=env)
    shown = run_cli("sprint", "show", sprint, "--json", env=env)
    assert json.loads(shown.stdout)["tasks"] == [
        json.loads(shown.stdout)["tasks"][0]
        | {"id": int(task.stdout), "title": "Read", "status": "todo"}
    ]
    bad = run_cli("sprint", "close", sprint, "--rollover", "next", env=env)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.strip().count("\n") == 0 and "no sprint after Sprint 1" in bad.stderr
