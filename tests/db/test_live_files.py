"""The live-file guard (db.live_files): nothing opens a journal file that this process has
open through SQLite any other way, since closing that descriptor would drop SQLite's
locks and let another process delete the WAL under the live connection."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os

import pytest

from journal_app.cli import build_parser
from journal_app.db import cipher, live_files
from journal_app.db.file_check import read_file_state
from journal_app.services import Services
from tests.cli.helpers import run_main


@pytest.fixture
def opened(data_paths, clock):
    svc = Services.open(data_paths, clock=clock)
    svc.entries.create(day=dt.date(2026, 11, 1), title="one", body="kept")
    yield svc
    svc.close()


def _caught(action) -> str:
    with pytest.raises(live_files.LiveFileOpened) as info:
        action()
    assert live_files.violations  # recorded even where a caller swallows it
    live_files.violations.clear()
    return str(info.value)


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_opening_a_live_journal_file_another_way_is_refused(opened, data_paths, suffix):
    path = data_paths.database.with_name(data_paths.database.name + suffix)
    assert path.exists()
    assert "open through SQLite" in _caught(lambda: path.read_bytes())
    _caught(lambda: open(path, "rb"))  # noqa: SIM115
    _caught(lambda: os.open(path, os.O_RDONLY))
    _caught(lambda: io.open(str(path), "rb"))  # noqa: UP020, SIM115


def test_once_closed_the_file_may_be_read(opened, data_paths):
    opened.close()
    assert data_paths.database.read_bytes().startswith(b"SQLite format 3\x00")
    assert not live_files.violations


def test_header_readers_go_through_sqlite_while_the_journal_is_open(opened, data_paths):
    state = read_file_state(data_paths.database)
    assert state.exists and state.user_version > 0 and state.schema_cookie > 0
    assert not cipher.is_encrypted_file(data_paths.database)
    assert opened.backups.check().problems == []
    assert not live_files.violations


# Every command of the CLI, run in this process while the journal is open here (as the
# window holds it): none may open the journal's files another way. A new command must be
# added to this table, or the coverage test below fails.
COMMANDS: dict[str, list[list[str]]] = {
    "demo": [["demo"]],
    "info": [["info"], ["info", "--json"]],
    "new": [["new", "--title", "Guarded"]],
    "search": [["search", "kept"]],
    "show": [["show", "1"]],
    "edit": [["edit", "1", "--title", "Edited"]],
    "log": [
        ["log", "session", "--minutes", "30"],
        ["log", "sleep", "--hours", "7"],
        ["log", "output", "--kind", "explainer", "--title", "Attention"],
    ],
    "timer": [["timer", "start"], ["timer", "status"], ["timer", "stop"]],
    "day": [["day"], ["day", "--json"]],
    "stats": [["stats"], ["stats", "--json"]],
    "sprint": [
        ["sprint", "add", "Sprint 1", "--start", "2026-11-16", "--end", "2026-11-29"],
        ["sprint", "list"],
        ["sprint", "start", "1"],
    ],
    "task": [
        ["task", "add", "Read a paper"],
        ["task", "list", "--json"],
        ["task", "edit", "1", "--due", "2026-11-20", "--check-add", "part 1"],
        ["task", "move", "1", "--sprint", "1", "--status", "doing"],
        ["task", "delete", "1"],
    ],
    "backup": [["backup"], ["backup", "--to", "{tmp}/copy.sqlite3"]],
    "backups": [["backups"]],
    "check": [["check"]],
    "restore": [["restore", "manual"]],
    "export": [
        ["export", "--format", fmt, f"{{tmp}}/out-{fmt}"]
        for fmt in ("markdown", "json", "csv", "hugo", "html")
    ],
    "import": [["import", "--format", "json", "{tmp}/out-json"]],
    "encrypt": [["encrypt"]],
    "rekey": [["rekey"]],
    "decrypt": [["decrypt"]],
    "sync": [
        ["sync", "setup", "{tmp}/Sync", "--name", "here"],
        ["sync", "now"],
        ["sync", "status", "--json"],
        ["sync", "leave"],
    ],
}


def _subcommands() -> set[str]:
    parser = build_parser(commands=True)
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(actions[0].choices)


def test_the_table_names_every_command():
    assert _subcommands() == set(COMMANDS)


def test_no_command_opens_the_live_journal_another_way(
    opened, data_paths, tmp_path, monkeypatch, capsys
):
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("a long enough passphrase\n")
    monkeypatch.setenv("JOURNAL_APP_PASSPHRASE_FILE", str(passphrase))
    monkeypatch.setenv("JOURNAL_APP_NEW_PASSPHRASE_FILE", str(passphrase))
    monkeypatch.setattr("sys.stdin", io.StringIO("body from stdin\n"))
    base = ["--data-dir", str(data_paths.root)]
    ran = 0
    for name, runs in COMMANDS.items():
        for argv in runs:
            argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
            if name == "restore":
                argv = ["restore", opened.backups.list()[0].path.name]
            run_main(*argv[:1], *base, *argv[1:])
            _out, err = capsys.readouterr()
            assert "unexpected error" not in err, (argv, err)
            assert not live_files.violations, (argv, live_files.violations)
            ran += 1
    assert ran >= len(COMMANDS)
