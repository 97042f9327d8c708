"""Row checksums (schema v6): kept on every write to every table of the user's data,
recomputed by the checks, and they catch damage inside a stored value that SQLite's own
checks miss, naming its table and row."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from journal_app.cli import main
from journal_app.config import DataPaths
from journal_app.db import checksums
from journal_app.db.checksums import RowRef
from journal_app.db.connection import open_database
from journal_app.db.file_check import DatabaseDamaged, check_file
from journal_app.services import Services
from journal_app.services.backups import check_journal, restore_backup
from tests.services.backups.helpers import digest, flip_text, write_journal

FIXTURES = Path(__file__).parent.parent / "fixtures"

# One row in every table of the user's data, every column set (categories and the
# built-in templates come with the schema).
EVERY_TABLE = """
INSERT INTO skill VALUES (1, 'Machine learning', 10000.0, 350.25, '2025-01-01 08:00:00',
  '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a10');
INSERT INTO sprint VALUES (1, 'Sprint 1', 'Finish makemore', 'ML role', '2025-01-06',
  '2025-01-19', 40.5, 'closed', '2025-01-05 20:00:00', '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a11');
INSERT INTO resource VALUES (1, 'Zero to Hero', 'course', 'https://example.org/z2h',
  'active', 37.5, 'Lecture 3 next', 1, '2025-01-02 10:00:00', '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a15');
INSERT INTO task VALUES (1, 'Watch makemore', 'part 1', 1, 'done', 3, 2.5, 1, 1,
  '2025-01-07 12:00:00', '2025-01-05 20:00:00', '2025-01-10', 2,
  '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a16', 'V');
INSERT INTO entry VALUES (1, '2025-01-06', 'Day 0 of ML', 'Backprop ünïcode ✓',
  'Self Study Journal', 7, 'public', 'https://example.org/day-0', 1, 3,
  '2025-01-06 21:00:00', '2025-01-06 21:30:00', '2025-02-01 09:00:00',
  '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a12');
INSERT INTO entry_revision VALUES (1, 1, 2, 'Day 0', 'Backprop.', 'autosave',
  '2025-01-06 21:10:00');
INSERT INTO tag VALUES (1, 'ml', '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a13'),
  (2, 'review', '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a14');
INSERT INTO entry_tag VALUES (1, 2);
INSERT INTO task_tag VALUES (1, 2);
INSERT INTO attachment VALUES (1, 1, '0123456789abcdef.png', 'image/png', 2048,
  '0123456789abcdef0123', '2025-01-06 21:05:00');
INSERT INTO day_log VALUES (1, '2025-01-06', '2025-01-05 23:00:00', '2025-01-06 07:00:00',
  7.75, 4, 3, 'slept well', '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a17');
INSERT INTO work_session VALUES (1, '2025-01-06 09:00:00', '2025-01-06 16:00:00', 1, 1, 1, 1,
  'seven-hour explainer', 'timer', '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a18');
INSERT INTO output VALUES (1, 'explainer', 'Backprop by hand', 'published',
  'https://example.org/backprop', 2400, '2025-01-06', 1, 1, 1, '2025-01-06 16:00:00',
  '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a19');
INSERT INTO setting VALUES ('deep_work_target_hours', '4.0');
INSERT INTO tag_color VALUES (2, '#3fa66a', '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a1a');
INSERT INTO task_check_item VALUES (1, 1, 'Part 1', 1, 0, '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a1b');
INSERT INTO task_link VALUES (1, 1, 1, NULL, '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a1c');
INSERT INTO personal_word VALUES ('backprop', '2025-01-06 21:20:00',
  '9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a1d');
"""


def _every_table_journal(paths: DataPaths) -> None:
    opened = open_database(paths.database, paths.backups)
    try:
        with opened.db.atomic():
            for statement in EVERY_TABLE.strip().split(";\n"):
                opened.db.execute_sql(statement.rstrip(";"))
    finally:
        opened.close()


def _raw(path: Path) -> sqlite3.Connection:
    """A connection of another program: it has not got the checksum function."""
    return sqlite3.connect(path, isolation_level=None)


def _first_row(conn: sqlite3.Connection, table: str) -> dict[str, Any]:
    keys = ", ".join(f'"{k}"' for k in checksums.COVERED[table])
    cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY {keys} LIMIT 1')
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def _changed(value: Any) -> Any:
    """One flipped bit (or byte) of ``value``; a text's may no longer be valid UTF-8."""
    if value is None:
        return 1
    if isinstance(value, float):
        return math.nextafter(value, math.inf)
    if isinstance(value, int):
        return value ^ 1
    raw = bytearray(str(value).encode())
    raw[-1] ^= 0x40
    return bytes(raw)


def _set_behind_its_back(path: Path, table: str, row: dict[str, Any], column: str, value: Any):
    """Change one stored value and leave its checksum as it was (as a flipped bit on the
    disk would): the table's checksum triggers are set aside meanwhile."""

    def param(v: Any) -> str:
        return "CAST(? AS TEXT)" if isinstance(v, bytes) else "?"

    keys = checksums.COVERED[table]
    conn = _raw(path)
    try:
        conn.execute("BEGIN")
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            (f"{table}_row_checksum_%",),
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        where = " AND ".join(f'"{k}" = {param(row[k])}' for k in keys)
        conn.execute(
            f'UPDATE "{table}" SET "{column}" = {param(value)} WHERE {where}',
            (value, *(row[k] for k in keys)),
        )
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _key(table: str, row: dict[str, Any]) -> str:
    return "/".join(
        v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
        for v in (row[k] for k in checksums.COVERED[table])
    )


@pytest.mark.parametrize("table", list(checksums.COVERED))
def test_a_flipped_value_in_any_column_names_its_table_and_row(data_paths, table, capsys):
    _every_table_journal(data_paths)
    conn = _raw(data_paths.database)
    row = _first_row(conn, table)
    conn.close()
    assert check_journal(data_paths, full=False).ok
    label = "/".join(checksums.COVERED[table])
    for n, (column, value) in enumerate(row.items()):
        changed = {**row, column: _changed(value)}
        _set_behind_its_back(data_paths.database, table, row, column, changed[column])
        report = check_journal(data_paths, full=False)
        if column in checksums.COVERED[table]:  # the row now has another key
            assert report.problems == [
                f"table {table}: 1 row ({label} {_key(table, changed)}) without a checksum",
                f"table {table}: 1 row ({label} {_key(table, row)}) gone (their checksums remain)",
            ]
        else:
            assert report.damaged_rows == (RowRef(table, _key(table, row)),), column
            assert report.problems == [f"table {table}: 1 row ({label} {_key(table, row)}) damaged"]
        # SQLite sees nothing wrong: the damage is inside a value.
        assert check_file(data_paths.database, full=True) == [], column
        if n == len(row) - 1:  # `journal-app check` names it too, and exits 1
            assert main(["check", "--quick", "--data-dir", str(data_paths.root)]) == 1
            assert report.problems[0] in capsys.readouterr().err
        _set_behind_its_back(data_paths.database, table, changed, column, value)
        assert check_journal(data_paths, full=False).ok, column


def test_every_table_of_the_users_data_is_covered_by_the_triggers_verify_recomputes(
    data_paths,
):
    _every_table_journal(data_paths)
    conn = _raw(data_paths.database)
    try:
        tables = {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if "_fts" not in r[0]
            and not r[0].startswith(("sqlite_", "sync_"))  # sync bookkeeping: rebuildable
            and r[0] != "row_checksum"
        }
        assert tables == set(checksums.COVERED)
        triggers = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        for table in checksums.COVERED:
            expected = checksums.trigger_sql(table, checksums.columns_of(conn, table))
            names = [f"{table}_row_checksum_{k}" for k in ("ai", "au", "ad")]
            assert [triggers[n] + ";" for n in names] == expected
        counts = sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
    finally:
        conn.close()
    report = check_journal(data_paths)
    assert report.ok and report.rows_checked == counts


def test_a_v5_journal_gets_a_checksum_for_every_row(tmp_path: Path):
    db_path = tmp_path / "journal.sqlite3"
    shutil.copy(FIXTURES / "schema_v5.sqlite3", db_path)
    opened = open_database(db_path, tmp_path / "backups")
    try:
        assert opened.migrated == [6, 7, 8, 9, 10]
    finally:
        opened.close()
    conn = _raw(db_path)
    try:
        per_table = dict(conn.execute("SELECT tbl, count(*) FROM row_checksum GROUP BY tbl"))
        for table in checksums.COVERED:
            rows = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            assert per_table.get(table, 0) == rows, table
        assert per_table["entry"] == 2 and per_table["resource"] == 1 and per_table["setting"] == 1
        # Computed as documented (a change would fail every journal's check): the table's
        # name, then each value tagged with its storage class, texts length-prefixed.
        (kept,) = conn.execute(
            "SELECT checksum FROM row_checksum WHERE tbl = 'tag' AND row_key = 1"
        ).fetchone()
        # (schema v9 adds the tag's global id, NULL until the journal syncs: "n")
        by_hand = hashlib.blake2b(b"tagi1;t2:mln", digest_size=16)
        assert kept == by_hand.digest()
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "entry_checksum" not in names
    finally:
        conn.close()
    assert check_journal(DataPaths(tmp_path)).ok
    (backup,) = (tmp_path / "backups").iterdir()  # the v5 journal, copied first
    assert backup.name.startswith("pre-migration-v5-to-v10-")


def test_an_old_v5_backup_is_still_checked_entry_by_entry(tmp_path: Path):
    db_path = tmp_path / "journal.sqlite3"
    shutil.copy(FIXTURES / "schema_v5.sqlite3", db_path)
    assert check_journal(DataPaths(tmp_path)).rows_checked == 2
    flip_text(db_path, b"*attention*", b"*attentiom*")
    report = check_journal(DataPaths(tmp_path))
    assert report.problems == ["table entry: 1 row (id 2) damaged"]


def test_every_write_path_keeps_the_checksums(services, data_paths: DataPaths):
    entry = services.entries.create(
        day=dt.date(2026, 1, 2), title="Día 1", body="naïve ✓", tags=["ml", "día"]
    )
    other = services.entries.create(day=dt.date(2026, 1, 3), title="two", body="2", tags=["ml"])
    services.entries.update(entry.id, body="changed ünïcode \x00 nul", expected_rev=entry.rev)
    third = services.entries.create(day=dt.date(2026, 1, 4), title="three", body="3")
    services.entries.trash(other.id)  # in the trash: still an entry, still checked
    services.entries.trash(third.id)
    assert services.entries.empty_trash() == 2  # gone for good: their checksums too
    report = check_journal(data_paths)
    assert report.ok, report.problems
    conn = _raw(data_paths.database)
    try:
        kept = dict(conn.execute("SELECT tbl, count(*) FROM row_checksum GROUP BY tbl"))
        assert kept["entry"] == 1 and kept["entry_tag"] == 2  # the trashed one's tag went too
    finally:
        conn.close()


def test_flipped_bytes_in_an_entry_body_are_caught(data_paths: DataPaths):
    ids = write_journal(data_paths, entries=30)
    flip_text(data_paths.database, b"entry-marker-0017", b"entry-marker-0071")
    # SQLite sees nothing wrong: the damage is inside a text value.
    assert check_file(data_paths.database, full=True) == []
    report = check_journal(data_paths)
    assert not report.ok
    assert report.damaged_entries == (ids[17],)
    assert report.problems == [f"table entry: 1 row (id {ids[17]}) damaged"]


def test_a_flipped_byte_in_an_entrys_series_is_caught_on_the_closed_file(data_paths, capsys):
    with Services.open(data_paths) as services:
        entry = services.entries.create(
            day=dt.date(2026, 1, 2), title="t", body="b", series="series-marker-0001"
        )
    flip_text(data_paths.database, b"series-marker-0001", b"series-marker-0009")
    assert main(["check", "--data-dir", str(data_paths.root)]) == 1
    err = capsys.readouterr().err
    assert f"table entry: 1 row (id {entry.id}) damaged" in err


def test_flipped_bytes_fail_the_start_up_check_and_block_writes(data_paths: DataPaths):
    write_journal(data_paths, entries=10)
    flip_text(data_paths.database, b"entry-marker-0003", b"entry-marker-000\xff")
    before = digest(data_paths.database)
    opened = open_database(data_paths.database, data_paths.backups)
    try:
        problem = opened.verification()
        assert isinstance(problem, DatabaseDamaged)
        assert "table entry: 1 row (id 4) damaged" in str(problem)
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
    with pytest.raises(Exception, match=r"table entry: 1 row \(id 6\) damaged"):
        restore_backup(data_paths, info.path)


@pytest.mark.parametrize("table", list(checksums.COVERED))
def test_a_connection_without_the_function_cannot_change_any_row(data_paths, table):
    _every_table_journal(data_paths)
    conn = _raw(data_paths.database)
    try:
        column = checksums.columns_of(conn, table)[-1]
        for sql in (
            f'UPDATE "{table}" SET "{column}" = "{column}"',
            f'DELETE FROM "{table}"',
            f'INSERT INTO "{table}" SELECT * FROM "{table}" LIMIT 0',
        ):
            with pytest.raises(sqlite3.OperationalError, match="journal_row_checksum"):
                conn.execute(sql)
    finally:
        conn.close()
    assert check_journal(data_paths, full=False).ok


def test_statements_with_their_own_conflict_handling_keep_the_checksums(data_paths):
    """A trigger takes the conflict handling of the statement that fired it: an upsert,
    OR IGNORE and OR REPLACE must still leave one right checksum per row."""
    from journal_app.services.tracking.common import put_setting

    _every_table_journal(data_paths)
    opened = open_database(data_paths.database, data_paths.backups)
    try:
        put_setting("deep_work_target_hours", "5.5")  # INSERT … ON CONFLICT DO UPDATE
        put_setting("sleep_target_hours", "8")
        db = opened.db
        db.execute_sql("UPDATE OR IGNORE entry SET title = 'ignored?' WHERE id = 1")
        db.execute_sql("UPDATE OR REPLACE skill SET name = 'ML' WHERE id = 1")
        db.execute_sql("INSERT OR IGNORE INTO tag (id, name) VALUES (3, 'new'), (1, 'ml')")
        db.execute_sql("INSERT OR REPLACE INTO tag (id, name) VALUES (3, 'newer')")
        db.execute_sql("INSERT OR REPLACE INTO entry_tag VALUES (1, 3)")
        db.execute_sql("UPDATE entry_tag SET tag_id = 1 WHERE tag_id = 3")  # a key changes
    finally:
        opened.close()
    report = check_journal(data_paths)
    assert report.ok, report.problems
