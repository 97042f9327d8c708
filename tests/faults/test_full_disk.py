"""A full disk says "the disk is full; nothing was saved", never "unexpected error" and
never "damaged"; the journal stays whole and takes the change once space is freed."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from journal_app.config import check_data_dir
from journal_app.errors import DiskFull
from journal_app.services import Services
from tests.cli.helpers import one_error_line, run_main

BIG = "A long day of notes on attention and transformers. " * 40_000  # ~2 MB


@pytest.fixture
def journal(small_disk, clock):
    paths = check_data_dir(small_disk.root / "journal", create=True)
    with Services.open(paths, clock=clock) as services:
        services.entries.create(day=dt.date(2026, 11, 1), title="Before", body="kept")
    return paths


def _whole(paths) -> list[str]:
    with Services.open(paths, create=False) as services:
        assert services.backups.check().problems == []
        return [e.title for e in services.entries.recent()]


def test_an_entry_save_on_a_full_disk(journal, small_disk, clock):
    with Services.open(journal, clock=clock) as services:
        small_disk.fill(leave=64 * 1024)
        with pytest.raises(DiskFull, match="disk is full; nothing was saved"):
            services.entries.create(day=dt.date(2026, 11, 2), title="Too big", body=BIG)
        small_disk.free_up()
        services.entries.create(day=dt.date(2026, 11, 2), title="After", body="fits")
    assert _whole(journal) == ["After", "Before"]


def test_the_cli_says_the_disk_is_full_in_one_line(journal, small_disk, capsys, monkeypatch):
    small_disk.fill(leave=64 * 1024)
    monkeypatch.setattr("sys.stdin", io.StringIO(BIG))
    code = run_main("new", "--data-dir", str(journal.root), "--title", "Too big")
    line = one_error_line(capsys)
    assert code == 1
    assert "disk is full" in line and "nothing was saved" in line
    assert "unexpected" not in line and "rollback" not in line and "damaged" not in line
    small_disk.free_up()
    assert _whole(journal) == ["Before"]


def test_an_import_on_a_full_disk(journal, small_disk, tmp_path, capsys):
    notes = tmp_path / "notes"
    notes.mkdir()
    for n in range(40):
        (notes / f"2026-10-{n % 28 + 1:02d}-note-{n}.md").write_text(
            f"# Note {n}\n\n{BIG[:60_000]}"
        )
    small_disk.fill(leave=256 * 1024)
    code = run_main("import", "--data-dir", str(journal.root), "--format", "markdown", str(notes))
    _out, err = capsys.readouterr()
    line = err.strip().splitlines()[-1]  # after the progress lines
    assert code == 1 and "Traceback" not in err
    assert "disk is full" in line and "unexpected" not in line and "damaged" not in line
    small_disk.free_up()
    assert _whole(journal) == ["Before"]


def test_a_backup_on_a_full_disk(journal, small_disk, capsys):
    small_disk.fill(leave=16 * 1024)
    code = run_main("backup", "--data-dir", str(journal.root))
    line = one_error_line(capsys)
    assert code == 1
    assert "disk is full" in line and "unexpected" not in line
    small_disk.free_up()
    assert not [p for p in (journal.backups).iterdir() if "partial" in p.name]
    assert _whole(journal) == ["Before"]


def test_opening_on_a_full_disk_never_calls_the_journal_damaged(journal, small_disk, capsys):
    small_disk.fill(leave=0)
    code = run_main("info", "--data-dir", str(journal.root))
    _out, err = capsys.readouterr()
    assert "damaged" not in err and "unexpected" not in err and "afresh" not in err
    assert code == 0 or "disk is full" in err
    small_disk.free_up()
    assert _whole(journal) == ["Before"]
