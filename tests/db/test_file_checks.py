"""Start-up checks: a damaged journal is found, never written to, and a backup is offered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from journal_app.config import DataPaths
from journal_app.db.connection import open_database
from journal_app.db.file_check import DatabaseDamaged, check_file, read_file_state
from journal_app.errors import JournalError
from journal_app.services.backups import BackupService
from tests.services.backups.helpers import digest, wreck_middle_page, write_journal


@pytest.fixture
def journal(data_paths: DataPaths) -> DataPaths:
    # Enough entries that the middle page holds entries, not the schema.
    write_journal(data_paths, entries=120)
    return data_paths


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_whole_journal_passes_every_check(journal: DataPaths):
    assert check_file(journal.database) == []
    assert check_file(journal.database, full=True) == []
    opened = open_database(journal.database, journal.backups)
    try:
        assert opened.verification() is None
        opened.db.execute_sql("PRAGMA user_version")  # writes are allowed once it passed
    finally:
        opened.close()


def test_a_zero_byte_journal_is_damage_not_a_new_journal(data_paths: DataPaths):
    data_paths.database.write_bytes(b"")
    with pytest.raises(DatabaseDamaged, match=r"empty \(0 bytes\).*damaged journal"):
        open_database(data_paths.database, data_paths.backups)
    assert data_paths.database.read_bytes() == b""
    assert _files(data_paths.root) == {data_paths.database.name}  # no -wal, no new journal


def test_a_truncated_journal_is_found_from_its_header(journal: DataPaths):
    data = journal.database.read_bytes()
    journal.database.write_bytes(data[: len(data) // 2])
    before = digest(journal.database)
    with pytest.raises(DatabaseDamaged, match="truncated"):
        open_database(journal.database, journal.backups)
    assert digest(journal.database) == before
    assert _files(journal.root) == {journal.database.name}


def test_a_bad_header_is_damage_and_the_file_is_kept(journal: DataPaths):
    data = bytearray(journal.database.read_bytes())
    data[0:16] = b"SQLite format 2\x00"
    journal.database.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged, match="header is damaged"):
        read_file_state(journal.database)
    assert journal.database.read_bytes() == bytes(data)


def test_a_damaged_page_fails_the_start_up_check_and_no_write_reaches_it(journal: DataPaths):
    wreck_middle_page(journal.database)
    before = digest(journal.database)
    assert check_file(journal.database)  # SQLite's quick_check sees it
    # The header is fine, so the journal opens (fast start-up); the check runs meanwhile.
    opened = open_database(journal.database, journal.backups)
    try:
        problem = opened.verification()
        assert isinstance(problem, DatabaseDamaged)
        assert "failed its check" in str(problem)
        # The first statement that could write waits for the check and is refused.
        with pytest.raises(DatabaseDamaged):
            opened.db.execute_sql("UPDATE entry SET title = 'overwritten' WHERE id = 1")
    finally:
        opened.close()
    assert digest(journal.database) == before


def test_the_message_names_the_newest_good_backup_and_the_command(journal: DataPaths, clock):
    backups = BackupService(journal, clock)
    backups.create("manual")
    clock.advance(hours=2)
    newest = backups.create("manual")
    journal.database.write_bytes(b"")
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(journal.database, journal.backups)
    message = str(caught.value)
    assert caught.value.backup == newest.path
    assert f"journal-app restore {newest.name}" in message
    assert "\n" not in message


def test_a_damaged_backup_is_not_offered(journal: DataPaths, clock):
    backups = BackupService(journal, clock)
    older = backups.create("manual")
    clock.advance(hours=2)
    newest = backups.create("manual")
    wreck_middle_page(newest.path)
    journal.database.write_bytes(b"")
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(journal.database, journal.backups)
    assert caught.value.backup == older.path


def test_without_any_backup_the_message_says_so(data_paths: DataPaths):
    data_paths.database.write_bytes(b"")
    with pytest.raises(JournalError, match="no good backup was found"):
        open_database(data_paths.database, data_paths.backups)


def test_a_journal_whose_schema_page_is_wrecked_cannot_be_opened(journal: DataPaths):
    data = bytearray(journal.database.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    journal.database.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged, match="cannot be opened as a journal"):
        open_database(journal.database, journal.backups)


@pytest.mark.skipif(os.name != "posix", reason="WAL file semantics")
def test_a_wal_with_pages_is_not_mistaken_for_truncation(data_paths: DataPaths):
    from journal_app.services import Services

    services = Services.open(data_paths)
    try:
        services.entries.create(day=__import__("datetime").date(2026, 1, 1), title="t", body="b")
        # The journal is open and its newest pages are in the WAL: the header check
        # must not call it truncated.
        assert read_file_state(data_paths.database).exists
    finally:
        services.close()


def test_a_newer_journal_is_kept_and_the_newest_backup_this_version_opens_is_named(
    journal: DataPaths, clock
):
    import sqlite3

    from journal_app.db.migrations import LATEST_VERSION
    from journal_app.errors import NewerSchemaError

    saved = BackupService(journal, clock).create("manual")
    conn = sqlite3.connect(journal.database)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = digest(journal.database)
    with pytest.raises(NewerSchemaError) as caught:
        open_database(journal.database, journal.backups)
    assert f"journal-app restore {saved.name}" in str(caught.value)
    assert digest(journal.database) == before
