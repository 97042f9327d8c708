"""A verified backup ("pre-sync", services/backups.py) is made before the first merge
into a journal and before a merge that touches more than a handful of its rows; it
holds the journal as it was before that merge."""

from __future__ import annotations

import datetime as dt
import sqlite3

from journal_app.services.sync.service import HANDFUL
from tests.services.sync.helpers import Device, devices, sync_all

DAY = dt.date(2026, 11, 2)


def _pre_sync(device: Device) -> list:
    with device.open() as s:
        return [b for b in s.backups.list() if b.reason == "pre-sync"]


def _titles_in(path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return sorted(t for (t,) in conn.execute("SELECT title FROM entry"))


def _edit(device: Device, count: int, **fields) -> None:
    with device.open() as s:
        for summary in s.entries.summaries()[:count]:
            entry = s.entries.get(summary.id)
            s.entries.update(entry.id, expected_rev=entry.rev, **fields)


def test_the_first_merge_is_backed_up_and_the_backup_is_the_journal_before_it(tmp_path):
    folder, (a,) = devices(tmp_path, "laptop")
    with a.open() as s:
        s.entries.create(day=DAY, title="From the laptop", body="x")
    a.sync()
    b = Device(tmp_path, "desktop")
    with b.open() as s:
        s.entries.create(day=DAY, title="Desktop's own", body="y")
    b.setup(folder)
    report = b.sync()
    (backup,) = _pre_sync(b)
    assert report.backup == str(backup.path)
    assert backup.entries == 1
    assert _titles_in(backup.path) == ["Desktop's own"]  # before the merge
    with b.open() as s:
        assert s.backups.check().ok


def test_small_merges_after_the_first_are_not_backed_up_large_ones_are(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    with a.open() as s:
        for n in range(HANDFUL + 1):
            s.entries.create(day=DAY, title=f"Day {n}", body="x")
    sync_all(a, b)
    first = _pre_sync(b)
    assert len(first) == 1
    _edit(a, HANDFUL, tags=["ml"])
    a.sync()
    assert b.sync().backup is None
    assert _pre_sync(b) == first
    b.clock.advance(seconds=5)  # another second: another backup name
    _edit(a, HANDFUL + 1, tags=["nlp"])
    a.sync()
    report = b.sync()
    assert report.backup is not None
    assert len(_pre_sync(b)) == 2
    with sqlite3.connect(f"file:{report.backup}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM tag WHERE name = 'nlp'").fetchone() == (0,)


def test_titles_and_texts_changed_by_a_merge_are_kept_in_revisions_not_a_backup(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    with a.open() as s:
        for n in range(HANDFUL + 5):
            s.entries.create(day=DAY, title=f"Day {n}", body="x")
    sync_all(a, b)
    _edit(a, HANDFUL + 5, title="Edited", body="y")
    a.sync()
    assert b.sync().backup is None
    assert len(_pre_sync(b)) == 1  # the first merge's
    with b.open() as s:
        entry = s.entries.get(s.entries.summaries()[0].id)
        (kept,) = [r for r in s.entries.history(entry.id) if r.reason == "before sync"]
        assert kept.title.startswith("Day ") and s.entries.revision(kept.id).body == "x"
