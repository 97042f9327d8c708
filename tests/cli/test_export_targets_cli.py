"""Exports (and `backup --to`) write only where they may: never into the data folder, never
over a device, a folder or an existing file without --force, never into a missing folder.
Each refusal is one line, and leaves the target and everything around it as it was."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from journal_app.config import DATA_DIR_ENV, check_data_dir
from journal_app.services import Services
from tests.cli.helpers import one_error_line, run_main


@pytest.fixture
def journal(tmp_path, monkeypatch):
    paths = check_data_dir(tmp_path / "journal", create=True)
    with Services.open(paths) as services:
        services.entries.create(day=dt.date(2026, 3, 10), title="Day one", body="Hello")
        services.entries.create(day=dt.date(2026, 3, 11), title="Day two", body="Again")
    monkeypatch.setenv(DATA_DIR_ENV, str(paths.root))
    return paths


def _state(folder: Path) -> dict[str, tuple[int, int, int, int]]:
    """Every file under `folder` (the journal's own folder left out: opening it touches
    it) with its type, inode, size and mtime; nothing is opened."""
    found = {}
    for path in folder.rglob("*"):
        if "journal" in path.relative_to(folder).parts[:1]:
            continue
        info = os.lstat(path)
        found[str(path)] = (info.st_mode, info.st_ino, info.st_size, info.st_mtime_ns)
    return found


def _journal_state(paths) -> tuple[list[str], int]:
    """The data folder's names (SQLite's -wal/-shm left out) and the database's inode."""
    names = sorted(
        str(p.relative_to(paths.root))
        for p in paths.root.rglob("*")
        if not p.name.endswith(("-wal", "-shm"))
    )
    return names, os.stat(paths.database).st_ino


def _entries(paths) -> int:
    with Services.open(paths, create=False) as services:
        return services.entries.count()


@pytest.mark.parametrize(
    ("fmt", "name", "extra"),
    [
        ("json", "journal.sqlite3", ["--force"]),
        ("html", "journal.sqlite3", ["--force", "--entry", "1"]),
        ("json", "backups/new.json", []),
        ("markdown", "export", []),
        ("hugo", "attachments/site", []),
    ],
)
def test_an_export_into_the_data_folder_is_refused(journal, capsys, fmt, name, extra):
    before = _journal_state(journal)
    code = run_main("export", "--format", fmt, str(journal.root / name), *extra)
    assert code == 2
    assert "inside the journal's data folder" in one_error_line(capsys)
    assert _journal_state(journal) == before
    assert _entries(journal) == 2


def test_a_link_into_the_data_folder_is_followed_and_refused(journal, tmp_path, capsys):
    link = tmp_path / "innocent"
    link.symlink_to(journal.root)
    file_link = tmp_path / "journal.json"
    file_link.symlink_to(journal.database)
    before = _journal_state(journal)
    for target in (link / "journal.sqlite3", file_link):
        assert run_main("export", "--format", "json", "--force", str(target)) == 2
        assert "inside the journal's data folder" in one_error_line(capsys)
    assert _journal_state(journal) == before
    assert _entries(journal) == 2


def test_a_device_a_fifo_or_a_folder_is_not_a_file_to_replace(journal, tmp_path, capsys):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    before = _state(tmp_path)
    for target in ("/dev/null", str(fifo), str(folder)):
        assert run_main("export", "--format", "json", "--force", target) == 2
        assert "is not a regular file" in one_error_line(capsys)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _state(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.json", "journal", "pipe.json"]


def test_a_folder_export_over_a_file_or_a_full_folder_is_refused(journal, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n")
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.md").write_text("keep\n")
    before = _state(tmp_path)
    assert run_main("export", "--format", "markdown", "--force", str(notes)) == 2
    assert "is not a folder" in one_error_line(capsys)
    assert run_main("export", "--format", "csv", "--force", str(full)) == 2
    assert "is not an empty folder" in one_error_line(capsys)
    assert _state(tmp_path) == before


def test_an_existing_file_is_replaced_only_with_force(journal, tmp_path, capsys):
    out = tmp_path / "journal.json"
    out.write_text("my own notes\n")
    before = _state(tmp_path)
    assert run_main("export", "--format", "json", str(out)) == 2
    line = one_error_line(capsys)
    assert line.endswith(f"{out} already exists; add --force to replace it")
    assert _state(tmp_path) == before and out.read_text() == "my own notes\n"

    assert run_main("export", "--format", "json", "--force", str(out)) == 0
    assert capsys.readouterr().out.startswith("Exported 2 entries")
    assert out.read_text().startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal", "journal.json"]  # no temp


@pytest.mark.parametrize("fmt", ["json", "html", "markdown", "csv", "hugo"])
def test_a_missing_folder_is_named_not_created(journal, tmp_path, capsys, fmt):
    missing = tmp_path / "no" / "such"
    extra = ["--from", "2026-03-01", "--to", "2026-03-31"] if fmt == "html" else []
    assert run_main("export", "--format", fmt, str(missing / "out"), *extra) == 2
    assert f"the folder {missing} does not exist" in one_error_line(capsys)
    assert not (tmp_path / "no").exists()


def test_backup_to_refuses_the_data_folder_and_a_missing_one(journal, tmp_path, capsys):
    before = _journal_state(journal)
    assert run_main("backup", "--to", str(journal.root / "copy.sqlite3")) == 2
    assert "inside the journal's data folder" in one_error_line(capsys)
    assert run_main("backup", "--to", str(tmp_path / "gone" / "copy.sqlite3")) == 2
    assert f"the folder {tmp_path / 'gone'} does not exist" in one_error_line(capsys)
    assert run_main("backup", "--to", "/dev/null") == 2
    assert "is not a regular file" in one_error_line(capsys)
    assert _journal_state(journal) == before
    assert not (tmp_path / "gone").exists()
