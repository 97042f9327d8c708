"""A journal on a read-only mount (a backup drive, a locked-down share): the commands that
only read work; the ones that write say why in one line; nothing is written."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from journal_app.config import check_data_dir
from journal_app.services import Services
from tests.cli.helpers import one_error_line, run_main


@pytest.fixture
def read_only_journal(small_disk, clock):
    paths = check_data_dir(small_disk.root / "journal", create=True)
    with Services.open(paths, clock=clock) as services:
        services.entries.create(day=dt.date(2026, 11, 1), title="Kept", body="searchable words")
    small_disk.make_read_only()
    return paths


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["info"], "Entries"),
        (["check"], "OK: "),
        (["show", "1"], "searchable words"),
        (["search", "searchable"], "Kept"),
        (["backups"], "No backups yet"),
        (["stats"], "Deep work"),
        (["day", "2026-11-01"], "Deep work"),
    ],
)
def test_reading_commands_work(read_only_journal, capsys, argv, expected):
    code = run_main(argv[0], "--data-dir", str(read_only_journal.root), *argv[1:])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert expected in out


def test_export_works_to_a_writable_place(read_only_journal, tmp_path, capsys):
    target = tmp_path / "journal.json"
    code = run_main(
        "export", "--data-dir", str(read_only_journal.root), "--format", "json", str(target)
    )
    assert code == 0, capsys.readouterr().err
    assert json.loads(target.read_text())


def test_writing_says_the_folder_is_read_only(read_only_journal, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("body"))
    code = run_main("new", "--data-dir", str(read_only_journal.root), "--title", "No")
    line = one_error_line(capsys)
    assert code == 1 and "read-only" in line
