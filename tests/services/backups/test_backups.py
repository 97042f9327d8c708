"""Backups: verified snapshots, listing, failures that leave nothing, restore, check."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
from pathlib import Path

import pytest

from journal_app.config import DataPaths
from journal_app.db.backup_files import parse_backup_name
from journal_app.db.file_check import check_file
from journal_app.errors import InvalidInput, JournalError
from journal_app.services import Services
from journal_app.services.backups import BackupService, check_journal, restore_backup
from tests.services.backups.helpers import (
    count_entries,
    digest,
    wreck_middle_page,
    write_journal,
)


@pytest.fixture
def journal(data_paths: DataPaths, clock) -> DataPaths:
    write_journal(data_paths, entries=50, clock=clock)
    return data_paths


@pytest.fixture
def backups(journal: DataPaths, clock) -> BackupService:
    return BackupService(journal, clock)


def _leftovers(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir())


def test_a_backup_is_a_verified_copy_named_for_its_reason_and_time(backups, journal, clock):
    info = backups.create("manual")
    assert info.path.parent == journal.backups
    assert info.name == "manual-20261122-203000Z.sqlite3"
    assert parse_backup_name(info.name).created_at == clock.now
    assert info.entries == 50
    assert info.size_bytes == info.path.stat().st_size > 0
    assert check_file(info.path, full=True) == []
    assert _leftovers(journal.backups) == [info.name]  # no .partial, no -wal


def test_a_backup_of_an_open_journal_has_everything_committed(journal, clock):
    with Services.open(journal, clock=clock) as services:
        services.entries.create(day=dt.date(2026, 5, 1), title="written just now", body="x")
        info = services.backups.create("manual")  # the new entry is still in the WAL
    assert info.entries == 51
    assert count_entries(info.path) == 51


def test_listing_reads_counts_without_touching_the_backups(backups, clock):
    first = backups.create("manual")
    clock.advance(minutes=5)
    second = backups.create("pre-import")
    before = {p: digest(p) for p in (first.path, second.path)}
    listed = backups.list()
    assert [b.name for b in listed] == [second.name, first.name]  # newest first
    assert [(b.reason, b.entries) for b in listed] == [("pre-import", 50), ("manual", 50)]
    assert {p: digest(p) for p in before} == before
    assert _leftovers(first.path.parent) == sorted([first.name, second.name])


def test_two_backups_in_the_same_second_get_distinct_names(backups):
    a = backups.create("manual")
    b = backups.create("manual")
    assert a.name != b.name and a.path.exists() and b.path.exists()


def test_backup_to_a_chosen_folder_or_file(backups, tmp_path):
    into_folder = backups.create("manual", to=tmp_path)
    assert into_folder.path.parent == tmp_path and into_folder.entries == 50
    chosen = tmp_path / "before-the-trip.sqlite3"
    assert backups.create("manual", to=chosen).path == chosen
    with pytest.raises(InvalidInput, match="already exists"):
        backups.create("manual", to=chosen)
    with pytest.raises(InvalidInput, match="does not exist"):
        backups.create("manual", to=tmp_path / "missing" / "x.sqlite3")


def test_disk_full_while_writing_leaves_no_partial_file(backups, journal, monkeypatch):
    import journal_app.db.snapshot as snapshot_module

    def full_disk(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(snapshot_module.os, "fsync", full_disk)
    with pytest.raises(JournalError) as caught:
        backups.create("manual")
    message = str(caught.value)
    assert "disk is full" in message and "\n" not in message
    assert _leftovers(journal.backups) == []


def test_a_copy_that_fails_midway_leaves_no_partial_file(backups, journal, monkeypatch):
    """The pages are written, then the disk fills up: the half-made copy goes away."""
    import journal_app.services.backups as module

    real = module._source
    seen: list[Path] = []

    class FillsUp:
        def __init__(self, path):
            self._conn = real(path)

        def backup(self, target, **kwargs):
            self._conn.backup(target, **kwargs)
            seen.extend(journal.backups.glob("*.partial"))
            raise sqlite3.OperationalError("database or disk is full")

        def close(self):
            self._conn.close()

    monkeypatch.setattr(module, "_source", FillsUp)
    with pytest.raises(JournalError, match="disk is full"):
        backups.create("manual")
    assert seen and seen[0].name.endswith(".partial")  # it existed while being written
    assert _leftovers(journal.backups) == []


def test_a_read_only_backups_folder_fails_in_one_line(backups, journal):
    # Root ignores permission bits, so the folder is made impossible to write another
    # way: a file stands where the folder should be.
    journal.backups.write_text("not a folder")
    with pytest.raises(JournalError) as caught:
        backups.create("manual")
    assert "could not write backup" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert journal.backups.read_text() == "not a folder"
    assert sorted(p.name for p in journal.root.iterdir() if "partial" in p.name) == []


@pytest.mark.skipif(
    not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
    reason="root may write into a chmod 0555 folder",
)
def test_a_chmod_read_only_backups_folder_leaves_nothing(backups, journal):
    journal.backups.mkdir()
    journal.backups.chmod(0o555)
    try:
        with pytest.raises(JournalError, match="could not write backup"):
            backups.create("manual")
        assert _leftovers(journal.backups) == []
    finally:
        journal.backups.chmod(0o755)


def test_once_a_day_at_most(backups, clock):
    assert backups.due()
    assert backups.backup_if_due("startup") is not None
    clock.advance(hours=3)
    assert not backups.due()
    assert backups.backup_if_due("daily") is None
    assert backups.create("manual")  # asked for: always made, and not the day's copy
    clock.advance(days=1)
    assert backups.backup_if_due("daily").reason == "daily"


def test_restore_round_trip_keeps_the_replaced_journal(journal, clock):
    with Services.open(journal, clock=clock) as services:
        saved = services.backups.create("manual")
        clock.advance(minutes=10)
        extra = services.entries.create(day=dt.date(2026, 6, 1), title="after the backup")
        assert len(services.entries.summaries()) == 51
        clock.advance(minutes=10)
        result = services.backups.restore(saved.name)
        # The facade's journal was closed and reopened in place: it sees the restored one.
        titles = [s.title for s in services.entries.summaries()]
        assert len(titles) == 50 and "after the backup" not in titles
        assert result.entries == 50 and result.damaged_kept_as is None
        assert result.pre_restore_backup is not None
        assert count_entries(result.pre_restore_backup) == 51
        # ...and the restore can itself be undone.
        services.backups.restore(result.pre_restore_backup)
        assert services.entries.get(extra.id).title == "after the backup"
        services.entries.create(day=dt.date(2026, 6, 2), title="the journal still writes")


def test_restoring_over_a_damaged_journal_keeps_it_as_corrupt(journal, backups, clock):
    saved = backups.create("manual")
    wreck_middle_page(journal.database)
    damaged = digest(journal.database)
    clock.advance(hours=1)
    result = restore_backup(journal, saved.path, clock=clock)
    kept = result.damaged_kept_as
    assert kept is not None and kept.name == "journal.sqlite3.corrupt-20261122-213000Z"
    assert digest(kept) == damaged  # moved, never written to
    assert result.pre_restore_backup is None
    assert check_journal(journal).ok
    with Services.open(journal) as services:
        assert len(services.entries.summaries()) == 50


def test_a_damaged_backup_is_refused_and_nothing_changes(journal, backups):
    saved = backups.create("manual")
    wreck_middle_page(saved.path)
    before = digest(journal.database)
    with pytest.raises(JournalError, match="is not a good backup"):
        restore_backup(journal, saved.path)
    assert digest(journal.database) == before
    assert [p.name for p in journal.backups.iterdir()] == [saved.name]  # no pre-restore


def test_restoring_an_unknown_name_says_so(journal):
    with pytest.raises(InvalidInput, match=r"there is no backup nope\.sqlite3"):
        restore_backup(journal, "nope.sqlite3")


def test_check_reports_a_whole_journal_and_a_damaged_one(journal):
    report = check_journal(journal)
    assert report.ok and report.problems == []
    wreck_middle_page(journal.database)
    damaged = check_journal(journal)
    assert not damaged.ok
    assert any("Page" in p or "malformed" in p for p in damaged.problems)


def test_check_of_a_zero_byte_journal(data_paths):
    data_paths.database.write_bytes(b"")
    report = check_journal(data_paths)
    assert not report.ok and "empty (0 bytes)" in report.problems[0]


def test_newest_good_skips_a_damaged_backup(backups, clock):
    good = backups.create("manual")
    clock.advance(hours=1)
    bad = backups.create("manual")
    wreck_middle_page(bad.path)
    assert backups.newest_good().name == good.name


def test_a_read_only_file_system_leaves_nothing(backups, journal, monkeypatch):
    """As on a read-only mount: the copy cannot even be created."""
    import journal_app.db.snapshot as snapshot_module

    real_connect = snapshot_module.sqlite3.connect

    def read_only(path, *args, **kwargs):
        if str(path).endswith(".partial"):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(snapshot_module.sqlite3, "connect", read_only)
    with pytest.raises(JournalError, match=r"could not write backup .*unable to open"):
        backups.create("manual")
    assert _leftovers(journal.backups) == []
