"""`journal-app backup | backups | check | restore`, and damage reported at start."""

from __future__ import annotations

import json

import pytest

from journal_app.cli import main
from journal_app.config import DataPaths
from journal_app.services import Services
from tests.services.backups.helpers import (
    count_entries,
    digest,
    wreck_a_page_of,
    wreck_middle_page,
    write_journal,
)


@pytest.fixture
def journal(data_paths: DataPaths) -> DataPaths:
    write_journal(data_paths, entries=30)
    return data_paths


def _run(capsys, *args: str, data: DataPaths) -> tuple[int, str, str]:
    code = main([*args, "--data-dir", str(data.root)])
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_lists_and_json(capsys, journal):
    code, out, err = _run(capsys, "backup", data=journal)
    assert code == 0 and err == ""
    assert out.startswith("Backed up 30 entries to ") and "backups/manual-" in out
    code, out, _ = _run(capsys, "backups", "--json", data=journal)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1
    assert rows[0]["reason"] == "manual" and rows[0]["entries"] == 30
    assert rows[0]["size_bytes"] > 0 and rows[0]["created_at"].endswith("+00:00")
    code, out, _ = _run(capsys, "backups", data=journal)
    assert "30 entries" in out and rows[0]["name"] in out


def test_backup_to_a_path(capsys, journal, tmp_path):
    target = tmp_path / "copy.sqlite3"
    code, out, _ = _run(capsys, "backup", "--to", str(target), data=journal)
    assert code == 0 and str(target) in out
    assert count_entries(target) == 30
    code, _, err = _run(capsys, "backup", "--to", str(target), data=journal)
    assert code == 2 and "already exists" in err and len(err.strip().splitlines()) == 1


def test_a_failed_backup_says_so_in_one_line(capsys, journal):
    journal.backups.write_text("a file where the folder should be")
    code, out, err = _run(capsys, "backup", data=journal)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "could not write backup" in err


def test_check_passes_a_whole_journal(capsys, journal):
    code, out, err = _run(capsys, "check", data=journal)
    assert code == 0 and err == ""
    assert out.startswith("OK: ") and "integrity_check" in out


def test_check_fails_a_damaged_page_and_offers_the_backup(capsys, journal):
    _run(capsys, "backup", data=journal)
    (backup,) = journal.backups.iterdir()
    wreck_middle_page(journal.database)
    before = digest(journal.database)
    code, out, err = _run(capsys, "check", data=journal)
    assert code == 1 and out == ""
    assert err.startswith("DAMAGED: ")
    assert f"journal-app restore {backup.name}" in err
    assert digest(journal.database) == before  # check never writes


def test_check_fails_a_zero_byte_journal(capsys, journal):
    journal.database.write_bytes(b"")
    code, _, err = _run(capsys, "check", data=journal)
    assert code == 1 and "empty (0 bytes)" in err


def test_restore_round_trip(capsys, journal):
    _run(capsys, "backup", data=journal)
    (backup,) = journal.backups.iterdir()
    with Services.open(journal) as services:
        services.entries.create(day=__import__("datetime").date(2026, 4, 1), title="later")
    code, out, err = _run(capsys, "restore", backup.name, data=journal)
    assert code == 0, err
    assert f"Restored {backup.name} (30 entries)." in out
    assert "pre-restore-" in out
    assert count_entries(journal.database) == 30
    pre = next(p for p in journal.backups.iterdir() if p.name.startswith("pre-restore-"))
    assert count_entries(pre) == 31


def test_a_damaged_journal_at_start_names_the_backup_and_the_command(capsys, journal):
    _run(capsys, "backup", data=journal)
    (backup,) = journal.backups.iterdir()
    data = journal.database.read_bytes()
    journal.database.write_bytes(data[: len(data) // 3])  # truncated
    code, out, err = _run(capsys, "info", data=journal)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "truncated" in lines[0]
    assert f"`journal-app restore {backup.name}`" in lines[0]
    assert journal.database.read_bytes() == data[: len(data) // 3]
    # The advice works: restore, then the journal opens again.
    assert _run(capsys, "restore", backup.name, data=journal)[0] == 0
    corrupt = [p for p in journal.root.iterdir() if p.name.startswith("journal.sqlite3.corrupt-")]
    assert len(corrupt) == 1 and corrupt[0].read_bytes() == data[: len(data) // 3]
    code, out, _ = _run(capsys, "info", data=journal)
    assert code == 0 and "30" in out


def test_a_write_to_a_journal_with_a_damaged_page_is_refused(capsys, journal, monkeypatch):
    import io

    # A page of the entries: the middle of the file fell into the schema's own pages
    # once schema v10 added its triggers (then the journal does not open at all).
    wreck_a_page_of(journal.database, "entry")
    before = digest(journal.database)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"text"), encoding="utf-8"))
    code, out, err = _run(capsys, "new", "--title", "x", data=journal)
    assert code == 1 and out == ""
    assert "failed its check" in err and len(err.strip().splitlines()) == 1
    assert digest(journal.database) == before


def test_restore_refuses_a_damaged_backup(capsys, journal):
    _run(capsys, "backup", data=journal)
    (backup,) = journal.backups.iterdir()
    wreck_middle_page(backup)
    before = digest(journal.database)
    code, _, err = _run(capsys, "restore", backup.name, data=journal)
    assert code == 1 and "is not a good backup" in err
    assert digest(journal.database) == before


def test_the_module_is_cheap_to_import():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", "import journal_app.cli.safety, sys; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "journal_app.services" not in out and "peewee" not in out and "sqlite3" not in out
