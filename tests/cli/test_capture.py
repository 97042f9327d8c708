"""Quick capture from a terminal: `new` reads stdin, `search` finds, `show` prints."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from journal_app.cli import main
from journal_app.config import DATA_DIR_ENV, DataPaths, check_data_dir
from journal_app.services import Services
from tests.cli.helpers import one_error_line


class _Stdin(io.TextIOWrapper):
    """A stdin with bytes underneath, like the real one; `tty` makes it a terminal."""

    def __init__(self, data: bytes, *, tty: bool = False) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def _new(monkeypatch, args: list[str], body: str | bytes = "", *, tty: bool = False) -> int:
    data = body.encode("utf-8") if isinstance(body, str) else body
    monkeypatch.setattr("sys.stdin", _Stdin(data, tty=tty))
    return main(["new", *args])


@pytest.fixture
def journal(tmp_path, monkeypatch) -> DataPaths:
    """An existing journal, chosen through JOURNAL_APP_DATA_DIR as a user would."""
    paths = check_data_dir(tmp_path / "journal", create=True)
    Services.open(paths).close()
    monkeypatch.setenv(DATA_DIR_ENV, str(paths.root))
    return paths


def _entries(paths: DataPaths):
    with Services.open(paths) as services:
        return [services.entries.get(s.id) for s in services.entries.summaries()]


# --------------------------------------------------------------------------- new


def test_new_reads_the_body_from_stdin_and_prints_only_the_id(journal, monkeypatch, capsys):
    body = "# Day 12\n\nRead about **attention**.\n"
    args = ["--title", "Day 12", "--tag", "ml", "--tag", "#reading", "--day", "2026-03-01"]
    assert _new(monkeypatch, [*args, "--public"], body) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.strip().isdigit() and out.endswith("\n")
    (entry,) = _entries(journal)
    assert entry.id == int(out)
    assert entry.title == "Day 12"
    assert entry.body == "# Day 12\n\nRead about **attention**."  # final newline dropped
    assert entry.day == dt.date(2026, 3, 1)
    assert sorted(entry.tags) == ["ml", "reading"]
    assert entry.visibility == "public" and entry.series is None and entry.number is None


def test_new_defaults_to_today_private_and_keeps_text_as_typed(journal, monkeypatch, capsys):
    body = "\ufeffline one\r\nemoji 👩‍👩‍👧 and NUL \x00 kept  \r\n\r\n".encode()
    assert _new(monkeypatch, [], body) == 0
    (entry,) = _entries(journal)
    assert entry.body == "line one\nemoji 👩‍👩‍👧 and NUL \x00 kept  "
    assert entry.day == dt.date.today() and entry.visibility == "private"
    assert entry.title == ""


def test_new_in_a_series_takes_the_next_number(journal, monkeypatch, capsys):
    with Services.open(journal) as services:
        services.entries.create(
            day=dt.date(2026, 1, 1), title="old", series="Self Study Journal", number=6
        )
    for _ in range(2):
        assert _new(monkeypatch, ["--series", "Self Study Journal"], "text") == 0
    assert _new(monkeypatch, ["--series", "Day of ML"], "text") == 0
    numbers = sorted((e.series, e.number) for e in _entries(journal))
    assert numbers == [("Day of ML", 1), *[("Self Study Journal", n) for n in (6, 7, 8)]]


def test_new_prompts_on_a_terminal_only(journal, monkeypatch, capsys):
    assert _new(monkeypatch, [], "typed by hand", tty=True) == 0
    out, err = capsys.readouterr()
    assert err.strip() == "Type the entry; end with Ctrl+D"
    assert out.strip().isdigit()  # stdout stays the id alone


@pytest.mark.parametrize("body", ["", "   \n\n\t\n"])
def test_nothing_to_save_is_refused_and_nothing_is_written(tmp_path, monkeypatch, capsys, body):
    target = tmp_path / "fresh"
    assert _new(monkeypatch, ["--data-dir", str(target)], body) == 2
    assert "nothing to save" in one_error_line(capsys)
    assert not target.exists()


def test_a_title_alone_is_enough(journal, monkeypatch, capsys):
    assert _new(monkeypatch, ["--title", "Just a title"], "") == 0
    assert [e.title for e in _entries(journal)] == ["Just a title"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--day", "2026-02-30"], "'2026-02-30' is not a date like 2026-03-01"),
        (["--day", "yesterday"], "'yesterday' is not a date"),
        (["--day", "20260301"], "'20260301' is not a date"),
        (["--day", "1850-01-01"], "outside"),
        (["--series", "  "], "--series needs a name"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(journal, monkeypatch, capsys, args, message):
    try:
        code = _new(monkeypatch, args, "body")
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    assert code == 2
    assert message in one_error_line(capsys)
    assert _entries(journal) == []


def test_stdin_that_is_not_utf8_is_refused(journal, monkeypatch, capsys):
    assert _new(monkeypatch, ["--title", "T"], b"caf\xe9 latin-1") == 2
    assert "not UTF-8" in one_error_line(capsys)
    assert _entries(journal) == []


@contextlib.contextmanager
def _app_has_it_open(paths: DataPaths):
    """What the running app holds: the instance lock and a connection mid-read."""
    from journal_app.instance_lock import InstanceLock

    with InstanceLock(paths), contextlib.closing(sqlite3.connect(paths.database)) as conn:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM entry").fetchone()
        yield
        conn.execute("COMMIT")


def test_new_works_while_the_app_has_the_journal_open(journal, monkeypatch, capsys):
    with _app_has_it_open(journal):
        assert _new(monkeypatch, ["--title", "from the terminal"], "quick note") == 0
        capsys.readouterr()
        assert main(["search", "quick", "--json"]) == 0
        assert [h["title"] for h in json.loads(capsys.readouterr().out)] == ["from the terminal"]


# --------------------------------------------------------------------------- search


@pytest.fixture
def filled(journal) -> dict[str, int]:
    with Services.open(journal) as services:
        create = services.entries.create
        return {
            "title": create(
                day=dt.date(2026, 1, 5), title="Attention heads", body="Notes.", tags=["ml"]
            ).id,
            "body": create(
                day=dt.date(2026, 2, 1),
                title="Tuesday",
                body="Spent the **morning** on attention and the evening on sleep.",
                tags=["ml", "health"],
            ).id,
            "other": create(day=dt.date(2026, 3, 1), title="Sleep", body="Only sleep.").id,
        }


def test_search_prints_two_lines_per_hit_with_marked_matches(filled, capsys):
    assert main(["search", "attention"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"2026-01-05  #{filled['title']}  Attention heads",
        "    Notes.",
        f"2026-02-01  #{filled['body']}  Tuesday",
        "    Spent the morning on [attention] and the evening on sleep.",
    ]


def test_search_json(filled, capsys):
    assert main(["search", "attention", "sleep", "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["id"] == filled["body"] and hit["day"] == "2026-02-01"
    assert hit["title"] == "Tuesday"
    assert hit["snippet"] == "Spent the morning on attention and the evening on sleep."
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["attention", "sleep"]
    assert hit["tags"] == ["health", "ml"] and isinstance(hit["rank"], float)


def test_search_words_may_come_unquoted_and_prefix_the_last(filled, capsys):
    assert main(["search", "evening", "sle", "--json"]) == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)] == [filled["body"]]


def test_search_filters_and_limit(filled, capsys):
    def ids(*args: str) -> list[int]:
        assert main(["search", *args, "--json"]) == 0
        return [h["id"] for h in json.loads(capsys.readouterr().out)]

    assert ids("sleep", "--tag", "health") == [filled["body"]]
    assert ids("sleep", "--from", "2026-03-01") == [filled["other"]]
    assert ids("sleep", "--to", "2026-02-01") == [filled["body"]]
    assert len(ids("sleep")) == 2 and len(ids("sleep", "--limit", "1")) == 1


def test_search_without_hits(filled, capsys):
    assert main(["search", "nonexistentword"]) == 0
    assert capsys.readouterr().out == "No entries match\n"
    assert main(["search", "nonexistentword", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_search_any_text_is_fine(filled, capsys):
    assert main(["search", '"unclosed (NOT * -', "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--limit", "0"], "0 is outside 1..1000"),
        (["--from", "2026-1-1"], "is not a date"),
        (["--from", "2026-03-01", "--to", "2026-02-01"], "after the end date"),
    ],
)
def test_search_bad_arguments(filled, capsys, args, message):
    try:
        code = main(["search", "sleep", *args])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert message in one_error_line(capsys)


@pytest.mark.parametrize("command", [["search", "word"], ["show", "1"]])
def test_read_commands_never_create_a_journal(tmp_path, monkeypatch, capsys, command):
    missing = tmp_path / "missing"
    monkeypatch.setenv(DATA_DIR_ENV, str(missing))
    assert main(command) == 1
    assert "does not exist" in one_error_line(capsys)
    assert not missing.exists()
    # An existing empty folder is not turned into a journal either.
    missing.mkdir()
    assert main(command) == 1
    assert "there is no journal" in one_error_line(capsys)
    assert list(missing.iterdir()) == []


# --------------------------------------------------------------------------- show


def test_show_prints_the_markdown_exactly_and_a_final_newline(journal, capsys):
    body = "# Title\n\n<script>alert(1)</script>\n\x00 trailing spaces   "
    with Services.open(journal) as services:
        entry = services.entries.create(day=dt.date(2026, 1, 1), body=body)
    assert main(["show", str(entry.id)]) == 0
    assert capsys.readouterr().out == body + "\n"
    assert main(["show", str(entry.id), "--format", "md"]) == 0
    assert capsys.readouterr().out == body + "\n"


def test_show_html_is_the_sanitized_preview_html(journal, capsys):
    from journal_app.markdown import render

    body = "# Plan\n\n- [x] **done**\n\n<script>alert(1)</script> [x](javascript:alert(1))"
    with Services.open(journal) as services:
        entry = services.entries.create(day=dt.date(2026, 1, 1), body=body)
    assert main(["show", str(entry.id), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip("\n") == render(body).rstrip("\n")
    assert "<strong>done</strong>" in out
    assert "<script" not in out and "javascript:" not in out


def test_show_unknown_or_bad_id(journal, capsys):
    assert main(["show", "4242"]) == 2
    assert "there is no entry 4242" in one_error_line(capsys)
    with pytest.raises(SystemExit) as exit_info:
        main(["show", "first"])
    assert exit_info.value.code == 2
    assert "'first' is not a whole number" in one_error_line(capsys)


def test_show_notes_an_entry_in_the_trash_on_stderr(journal, capsys):
    with Services.open(journal) as services:
        entry = services.entries.create(day=dt.date(2026, 1, 1), body="binned")
        services.entries.trash(entry.id)
    assert main(["show", str(entry.id)]) == 0
    out, err = capsys.readouterr()
    assert out == "binned\n" and "in the trash" in err


# --------------------------------------------------------------------------- real process


def _closed_pipe_run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`journal-app ARGS | head` once head has exited: stdout is a pipe nobody reads."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    try:
        return subprocess.run(
            [sys.executable, "-m", "journal_app", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **env},
            timeout=120,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [["search", "backprop"], ["search", "backprop", "--json"], ["show", "1"]],
    ids=["search", "search-json", "show"],
)
def test_output_into_a_closed_pipe_ends_quietly(journal: DataPaths, args):
    """`journal-app search … | head` printed "unexpected error: BrokenPipeError"."""
    with Services.open(journal) as services:
        services.entries.create(day=dt.date(2026, 1, 1), title="Backprop", body="backprop " * 9)
    done = _closed_pipe_run(args, {DATA_DIR_ENV: str(journal.root)})
    assert (done.returncode, done.stderr) == (141, "")  # as a program killed by SIGPIPE


def test_show_ends_its_output_with_a_newline_in_a_pipe(run_cli, journal: DataPaths):
    with Services.open(journal) as services:
        entry = services.entries.create(day=dt.date(2026, 1, 1), body="no newline at the end")
    shown = run_cli("show", str(entry.id), env={DATA_DIR_ENV: str(journal.root)})
    assert (shown.returncode, shown.stdout) == (0, "no newline at the end\n")


@pytest.mark.slow
def test_round_trip_in_real_processes_while_the_app_is_open(run_cli, journal: DataPaths):
    env = {DATA_DIR_ENV: str(journal.root)}
    body = "Deep work on **backpropagation** 反向传播 today.\n"
    with _app_has_it_open(journal):
        made = run_cli("new", "--title", "Backprop day", "--tag", "ml", stdin=body, env=env)
        assert (made.returncode, made.stderr) == (0, "")
        entry_id = int(made.stdout)
        assert made.stdout == f"{entry_id}\n"

        found = run_cli("search", "backprop", "--json", env=env)
        assert found.returncode == 0, found.stderr
        (hit,) = json.loads(found.stdout)
        assert hit["id"] == entry_id and hit["title"] == "Backprop day"
        assert hit["day"] == dt.date.today().isoformat()
        assert "backpropagation" in hit["snippet"]
        chinese = run_cli("search", "传播", "--json", env=env)
        assert [h["id"] for h in json.loads(chinese.stdout)] == [entry_id]

        shown = run_cli("show", str(entry_id), env=env)
        assert shown.returncode == 0 and shown.stdout == body  # ended by one newline
        html = run_cli("show", str(entry_id), "--format", "html", env=env)
        assert "<strong>backpropagation</strong>" in html.stdout
    missing = run_cli("show", "999", env=env)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr
