"""Opening a journal: pragmas, first-run creation, and files we refuse untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from journal_app.db.connection import open_database
from journal_app.db.file_check import APPLICATION_ID
from journal_app.db.migrations import LATEST_VERSION
from journal_app.errors import DatabaseRefused, NewerSchemaError


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_first_open_creates_a_current_journal_with_production_pragmas(tmp_path: Path):
    opened = open_database(tmp_path / "j.sqlite3", tmp_path / "backups")
    try:
        pragma = lambda name: opened.db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("application_id") == APPLICATION_ID
        assert opened.schema_version == LATEST_VERSION
        assert opened.migrated == list(range(1, LATEST_VERSION + 1))
    finally:
        opened.close()
    # A brand-new journal has nothing to lose, so no pre-migration backup is made.
    assert not (tmp_path / "backups").exists()


def test_reopening_a_current_journal_applies_nothing(tmp_path: Path):
    open_database(tmp_path / "j.sqlite3", tmp_path / "b").close()
    again = open_database(tmp_path / "j.sqlite3", tmp_path / "b")
    assert again.migrated == []
    again.close()


def _newer_journal(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO entry (body) VALUES ('from the future')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()


def test_newer_schema_is_refused_and_left_byte_identical(tmp_path: Path):
    db_path = tmp_path / "j.sqlite3"
    _newer_journal(db_path)
    before, files_before = _digest(db_path), _siblings(db_path)
    with pytest.raises(NewerSchemaError, match=rf"newer version .*schema {LATEST_VERSION + 5}"):
        open_database(db_path, tmp_path / "backups")
    assert _digest(db_path) == before
    assert _siblings(db_path) == files_before  # no -wal, -shm or backup appeared


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"empty \(0 bytes\)"),
        (b"# my notes\n" * 50, "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x00" * 20, "not an SQLite file"),  # truncated header
    ],
    ids=["zero-bytes", "text-file", "truncated"],
)
def test_files_that_are_not_journals_are_refused_untouched(tmp_path, content, message):
    db_path = tmp_path / "j.sqlite3"
    db_path.write_bytes(content)
    with pytest.raises(DatabaseRefused, match=message):
        open_database(db_path, tmp_path / "backups")
    assert db_path.read_bytes() == content
    assert _siblings(db_path) == {"j.sqlite3"}


def test_another_programs_sqlite_database_is_refused_untouched(tmp_path: Path):
    db_path = tmp_path / "j.sqlite3"
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(db_path, tmp_path / "backups")
    assert _digest(db_path) == before
    assert _siblings(db_path) == {"j.sqlite3"}


def test_a_damaged_file_with_a_valid_header_gets_a_clear_error(tmp_path: Path):
    db_path = tmp_path / "j.sqlite3"
    open_database(db_path, tmp_path / "b").close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseRefused, match="cannot be opened as a journal"):
        open_database(db_path, tmp_path / "b")
