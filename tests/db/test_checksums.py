"""Entry checksums (schema v5): kept on every write, recomputed by the checks, and they
catch damage inside a text value that SQLite's own checks miss."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from journal_app.config import DataPaths
from journal_app.db import checksums
from journal_app.db.connection import open_database
from journal_app.db.file_check import DatabaseDamaged, check_file
from journal_app.services import Services
from journal_app.services.backups import check_journal, restore_backup
from tests.services.backups.helpers import digest, flip_text, write_journal

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _stored(path: Path) -> dict[int, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT entry_id, checksum FROM entry_checksum"))
    finally:
        conn.close()


def test_a_v4_journal_gets_a_checksum_for_every_entry(tmp_path: Path):
    db_path = tmp_path / "journal.sqlite3"
    shutil.copy(FIXTURES / "schema_v4.sqlite3", db_path)
    opened = open_database(db_path, tmp_path / "backups")
    try:
        assert opened.migrated == [5]
        rows = opened.db.execute_sql("SELECT id, title, body FROM entry ORDER BY id").fetchall()
    finally:
        opened.close()
    assert len(rows) == 2
    assert _stored(db_path) == {
        i: checksums.entry_checksum(t.encode(), b.encode()) for i, t, b in rows
    }
    assert check_journal(DataPaths(tmp_path)).ok
    (backup,) = (tmp_path / "backups").iterdir()  # the v4 journal, copied first
    assert backup.name.startswith("pre-migration-v4-to-v5-")


def test_every_write_path_keeps_the_checksums(services, data_paths: DataPaths):
    entry = services.entries.create(day=dt.date(2026, 1, 2), title="Día 1", body="naïve ✓")
    other = services.entries.create(day=dt.date(2026, 1, 3), title="two", body="2")
    services.entries.update(entry.id, body="changed ünïcode \x00 nul", expected_rev=entry.rev)
    third = services.entries.create(day=dt.date(2026, 1, 4), title="three", body="3")
    services.entries.trash(other.id)  # in the trash: still an entry, still checked
    services.entries.trash(third.id)
    assert services.entries.empty_trash() == 2  # gone for good: their checksums too
    report = check_journal(data_paths)
    assert report.ok and report.entries_checked == 1
    stored = _stored(data_paths.database)
    assert stored[entry.id] == checksums.entry_checksum(
        "Día 1".encode(), "changed ünïcode \x00 nul".encode()
    )


def test_flipped_bytes_in_an_entry_body_are_caught(data_paths: DataPaths):
    ids = write_journal(data_paths, entries=30)
    flip_text(data_paths.database, b"entry-marker-0017", b"entry-marker-0071")
    # SQLite sees nothing wrong: the damage is inside a text value.
    assert check_file(data_paths.database, full=True) == []
    report = check_journal(data_paths)
    assert not report.ok
    assert report.damaged_entries == (ids[17],)
    assert f"ids {ids[17]}" in report.problems[0]


def test_flipped_bytes_fail_the_start_up_check_and_block_writes(data_paths: DataPaths):
    write_journal(data_paths, entries=10)
    flip_text(data_paths.database, b"entry-marker-0003", b"entry-marker-000\xff")
    before = digest(data_paths.database)
    opened = open_database(data_paths.database, data_paths.backups)
    try:
        problem = opened.verification()
        assert isinstance(problem, DatabaseDamaged) and "text damaged in 1 entry" in str(problem)
        with pytest.raises(DatabaseDamaged):
            opened.db.execute_sql("DELETE FROM entry WHERE id = 1")
    finally:
        opened.close()
    assert digest(data_paths.database) == before


def test_a_backup_with_damaged_text_is_not_restored(data_paths: DataPaths, clock):
    write_journal(data_paths, entries=10, clock=clock)
    with Services.open(data_paths, clock=clock) as services:
        info = services.backups.create("manual")
    flip_text(info.path, b"entry-marker-0005", b"entry-marker-0050")
    with pytest.raises(Exception, match="text damaged"):
        restore_backup(data_paths, info.path)


def test_a_connection_without_the_function_cannot_change_entry_text(services, data_paths):
    services.entries.create(day=dt.date(2026, 1, 2), title="kept", body="safe")
    conn = sqlite3.connect(data_paths.database)
    try:
        with pytest.raises(sqlite3.OperationalError, match="journal_checksum"):
            conn.execute("UPDATE entry SET body = 'unchecked'")
    finally:
        conn.close()
