"""The triggers that mark changed rows for sync work under every statement's own conflict
handling (an import's upsert, INSERT OR REPLACE), and mark each row once."""

from __future__ import annotations

from journal_app.db.models import SyncDirty, database_proxy
from tests.services.sync.helpers import Device


def test_upserts_and_replaces_mark_rows_without_failing(tmp_path):
    device = Device(tmp_path, "laptop")
    with device.open() as s:
        db = database_proxy
        with db.atomic():
            for _ in range(2):
                db.execute_sql(
                    "INSERT INTO tag (id, name) VALUES (50, 'ml') "
                    "ON CONFLICT (id) DO UPDATE SET name = excluded.name"
                )
                db.execute_sql("INSERT OR REPLACE INTO tag (id, name) VALUES (51, 'nlp')")
                db.execute_sql("INSERT OR IGNORE INTO tag (id, name) VALUES (52, 'math')")
        entry = s.entries.create(day=device.clock().date(), title="t", tags=["ml", "cv"])
        s.entries.update(entry.id, expected_rev=entry.rev, title="u", tags=["cv"])
        marks = sorted(SyncDirty.select(SyncDirty.tbl, SyncDirty.row_key).tuples())
    tag_marks = [key for tbl, key in marks if tbl == "tag"]
    assert sorted(tag_marks, key=int)[:3] == ["50", "51", "52"]
    assert len(tag_marks) == len(set(tag_marks))
    assert ("entry", str(entry.id)) in marks
