"""Schema migrations: old journals upgrade with their data; failures change nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from journal_app.config import DataPaths
from journal_app.db import migrations
from journal_app.db.connection import open_database
from journal_app.db.models import (
    ALL_MODELS,
    SYNC_MODELS,
    Entry,
    EntryRevision,
    EntryTag,
    Output,
    PersonalWord,
    SyncDirty,
    Tag,
    TagColor,
    Task,
    TaskCheckItem,
    TaskLink,
    TaskTag,
    Template,
    WorkSession,
)
from journal_app.errors import NewerSchemaError
from journal_app.services.backups import check_journal

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _fixture_versions() -> list[int]:
    return sorted(int(p.stem.split("_v")[1]) for p in FIXTURES.glob("schema_v*.sqlite3"))


def test_every_earlier_schema_version_has_a_kept_fixture():
    assert _fixture_versions() == list(range(1, migrations.LATEST_VERSION))


@pytest.mark.parametrize("version", _fixture_versions())
def test_an_old_journal_upgrades_with_its_data_intact(tmp_path: Path, version: int):
    db_path = tmp_path / "journal.sqlite3"
    shutil.copy(FIXTURES / f"schema_v{version}.sqlite3", db_path)
    opened = open_database(db_path, tmp_path / "backups")
    try:
        assert opened.schema_version == migrations.LATEST_VERSION
        assert opened.migrated == list(range(version + 1, migrations.LATEST_VERSION + 1))
        day0 = Entry.get_by_id(1)
        assert (day0.title, day0.number, day0.series, day0.rev) == (
            "Day 0 of ML",
            1,
            "Self Study Journal",
            3,
        )
        assert Entry.get_by_id(2).body == "Understood *attention* at last; ünïcode ✓"
        tags = {(et.entry_id, et.tag.name) for et in EntryTag.select().join(Tag)}
        assert tags == {(1, "ml"), (2, "ml"), (2, "sprint-review")}
        session = WorkSession.get_by_id(1)
        assert (session.end - session.start).total_seconds() == 7 * 3600
        assert Output.get_by_id(1).words == 2400
        # Old entries are searchable after the upgrade that added full-text search.
        hits = opened.db.execute_sql(
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH 'attention'"
        ).fetchall()
        assert hits == [(2,)]
        hits = opened.db.execute_sql(
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH 'tags:review'"
        ).fetchall()
        assert hits == [(2,)]
        if version >= 2:  # the v2 fixture also keeps a snapshot in the history
            kept_revision = EntryRevision.get_by_id(1)
            assert (kept_revision.entry_id, kept_revision.body) == (
                1,
                "Starting with backpropagation.",
            )
        # Version 3 brought the built-in templates.
        builtins = [(t.name, t.builtin_key) for t in Template.select().order_by(Template.position)]
        assert builtins == [
            ("Daily log", "daily"),
            ("Weekly review", "weekly"),
            ("Sprint review", "sprint"),
        ]
        # Tasks keep every field; version 4 lets them carry tags (shared with entries).
        done = Task.get_by_id(1)
        assert (done.title, done.sprint_id, done.status, done.estimate_hours) == (
            "Watch makemore part 1",
            1,
            "done",
            2.5,
        )
        if version >= 3:  # the v3 fixture also holds a backlog task
            backlog = Task.get_by_id(2)
            assert (backlog.sprint_id, backlog.notes, backlog.estimate_hours) == (
                None,
                "Draft first",
                6.0,
            )
        assert TaskTag.select().count() == 0
        TaskTag.create(task=1, tag=Tag.get(Tag.name == "ml"))
        assert [t.tag.name for t in Task.get_by_id(1).task_tags] == ["ml"]
        # Entry tags are untouched by tags on tasks: search still finds only entries.
        hits = opened.db.execute_sql(
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH 'tags:ml'"
        ).fetchall()
        assert sorted(hits) == [(1,), (2,)]
        # Still one consistent search index after every step.
        opened.db.execute_sql(
            "INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)"
        )
    finally:
        opened.close()
    backups = list((tmp_path / "backups").glob("pre-migration-v*.sqlite3"))
    assert len(backups) == 1
    kept = sqlite3.connect(backups[0])
    assert kept.execute("PRAGMA user_version").fetchone()[0] == version
    assert kept.execute("SELECT count(*) FROM entry").fetchone()[0] == 2
    kept.close()


@pytest.mark.parametrize("version", [6, 7, 8, 9])
def test_board_cards_the_personal_dictionary_and_sync_all_arrive(tmp_path: Path, version: int):
    """v7 (the board's cards), v8 (the spelling dictionary), v9 (sync: uids, their
    checksum triggers remade, dirty marks), then v10 (uids on the rest, the board's
    ranks): each journal keeps what it had, the new steps' tables work side by side,
    and every row's checksum verifies after."""
    shutil.copy(FIXTURES / f"schema_v{version}.sqlite3", tmp_path / "journal.sqlite3")
    paths = DataPaths(tmp_path)
    opened = open_database(paths.database, paths.backups)
    try:
        assert opened.migrated == list(range(version + 1, migrations.LATEST_VERSION + 1))
        done = Task.get_by_id(1)
        if version >= 7:
            assert (str(done.due), done.priority) == ("2025-01-10", 2)
            assert [(c.tag.name, c.color) for c in TagColor.select()] == [("ml", "#3fa66a")]
            assert [(i.text, i.done) for i in done.check_items] == [("Part 1", True)]
            assert [(link.entry_id, link.resource_id) for link in done.links] == [(1, None)]
        else:
            assert (done.due, done.priority) == (None, 0)
            assert TaskCheckItem.select().count() == TaskLink.select().count() == 0
        words = [w.word for w in PersonalWord.select()]
        assert words == (["makemore"] if version >= 8 else [])
        # What v9 sent keeps its uid; the rest gets one when first sent.
        sent = [t.name for t in Tag.select().where(Tag.uid.is_null(False))]
        assert sent == (["ml"] if version == 9 else [])
        assert (done.uid, done.rank) == (None, None)
        assert SyncDirty.select().count() == 0
        PersonalWord.create(word="backprop")
        item = TaskCheckItem.create(task=done, text="Part 2")
        ml = Tag.get(Tag.name == "ml")
        TagColor.insert(tag=ml, color="#123456").on_conflict_replace().execute()
        Tag.update(uid="9a0c5c1e4f3b5d0e8a7b6c5d4e3f2a14").where(Tag.id == ml.id).execute()
        link = TaskLink.create(task=done, entry=2)
        WorkSession.update(note="seven hours").where(WorkSession.id == 1).execute()
        TaskTag.create(task=2 if version >= 3 else 1, tag=ml)
        # Since v10 the board's, the dictionary's and the sessions' writes are marked too.
        marks = set(SyncDirty.select(SyncDirty.tbl, SyncDirty.row_key).tuples())
        assert marks == {
            ("tag", str(ml.id)),
            ("personal_word", "backprop"),
            ("task_check_item", str(item.id)),
            ("tag_color", str(ml.id)),
            ("task_link", str(link.id)),
            ("work_session", "1"),
            ("task", "2" if version >= 3 else "1"),
        }
    finally:
        opened.close()
    report = check_journal(paths)
    assert report.ok, report.problems


def test_a_failing_migration_leaves_the_journal_as_it_was(tmp_path, monkeypatch):
    db_path = tmp_path / "journal.sqlite3"
    shutil.copy(FIXTURES / "schema_v1.sqlite3", db_path)

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (id INTEGER)")
        db.execute_sql("UPDATE entry SET title = 'clobbered'")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        open_database(db_path, tmp_path / "backups")
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT title FROM entry WHERE id = 1").fetchone()[0] == "Day 0 of ML"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names
    conn.close()


@pytest.mark.parametrize("version", _fixture_versions())
def test_a_failing_step_keeps_earlier_steps_and_the_data(tmp_path, monkeypatch, version):
    """Each step commits on its own: when the last one fails, the journal stays at the
    version before it with every row, and opening it again retries only that step."""
    db_path = tmp_path / "journal.sqlite3"
    shutil.copy(FIXTURES / f"schema_v{version}.sqlite3", db_path)
    latest = migrations.LATEST_VERSION

    def broken(db):
        db.execute_sql("UPDATE entry SET body = 'clobbered'")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(migrations.MIGRATIONS, latest, broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        open_database(db_path, tmp_path / "backups")
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest - 1
    assert conn.execute("SELECT body FROM entry WHERE id = 1").fetchone()[0].startswith("Starting")
    conn.close()
    monkeypatch.undo()
    opened = open_database(db_path, tmp_path / "backups")
    try:
        assert opened.migrated == [latest]
        assert Template.select().count() == 3
    finally:
        opened.close()


def test_a_journal_from_a_newer_version_is_refused_untouched(tmp_path: Path):
    db_path = tmp_path / "journal.sqlite3"
    opened = open_database(db_path, tmp_path / "backups")
    opened.db.execute_sql(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    opened.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    opened.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_database(db_path, tmp_path / "backups")
    assert db_path.read_bytes() == before
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_models_match_the_migrated_schema(tmp_path: Path):
    """The models and the frozen migration SQL must describe the same tables."""
    opened = open_database(tmp_path / "j.sqlite3", tmp_path / "b")
    try:
        for model in ALL_MODELS + SYNC_MODELS:
            table = model._meta.table_name
            actual = {
                row[1]: (row[2].upper(), bool(row[3]))
                for row in opened.db.execute_sql(f'PRAGMA table_info("{table}")')
            }
            expected = {
                f.column_name: (f.field_type.upper().replace("AUTO", "INTEGER"), not f.null)
                for f in model._meta.sorted_fields
            }
            expected = {k: (_sqlite_type(v[0]), v[1]) for k, v in expected.items()}
            assert actual == expected, table
    finally:
        opened.close()


def _sqlite_type(peewee_type: str) -> str:
    aliases = {"FLOAT": "REAL", "DOUBLE": "REAL", "INT": "INTEGER", "BOOL": "INTEGER"}
    return aliases.get(peewee_type, peewee_type)


def test_split_sql_keeps_trigger_bodies_whole():
    script = (
        "-- c\nCREATE TABLE t(a);\nCREATE TRIGGER x AFTER INSERT ON t BEGIN\n"
        "  SELECT 1;\n  SELECT 2;\nEND;\nINSERT INTO t VALUES ('a;b');\n"
    )
    statements = migrations.split_sql(script)
    assert len(statements) == 3
    assert statements[1].endswith("END;")
    db = SqliteDatabase(":memory:")
    for s in statements:
        db.execute_sql(s)
    assert db.execute_sql("SELECT a FROM t").fetchone()[0] == "a;b"
