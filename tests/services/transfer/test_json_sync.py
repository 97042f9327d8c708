"""json and sync (#15 with #17/#18): an export of a synced journal carries the user's rows
(the board's cards and the personal dictionary too) but never the sync bookkeeping."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from journal_app.db.models import ALL_MODELS, Task
from journal_app.errors import JournalError
from journal_app.services.transfer.service import TransferService

from .conftest import add_entry
from .test_json import _open


def _synced_journal(tmp_path, clock):
    laptop = _open(tmp_path, "laptop", clock)
    entry = add_entry(laptop, dt.date(2026, 1, 5), "Attention notes", "softmax")
    laptop.spelling.add_word("backprop")
    task = laptop.planning.add_task("Watch makemore", tags=["ml"])
    laptop.planning.update_task(task.id, checklist=[("Part 1", True)], links=[("entry", entry.id)])
    laptop.planning.set_label_color("ml", "#112233")
    laptop.sync.setup(tmp_path / "Sync", "laptop")
    assert laptop.sync.now().sent > 0
    return laptop, entry


def test_a_synced_journals_export_leaves_the_sync_bookkeeping_out(tmp_path, clock):
    laptop, _ = _synced_journal(tmp_path, clock)
    path = tmp_path / "synced.json"
    with laptop:
        TransferService(laptop).export_to("json", path)
    names = set(json.loads(path.read_text(encoding="utf-8"))["tables"])
    assert not [n for n in names if n.startswith("sync_")]
    assert {"personal_word", "tag_color", "task_check_item", "task_link", "entry"} <= names
    with _open(tmp_path, "copy", clock) as copy:
        TransferService(copy).import_from("json", path)
        assert copy.spelling.personal_words() == ["backprop"]
        (task,) = copy.planning.backlog()
        assert task.labels == (("ml", "#112233"),)
        assert [(c.text, c.done) for c in task.checklist] == [("Part 1", True)]
        with pytest.raises(JournalError):  # a copy is not the laptop: not set up to sync
            copy.sync.status()


def test_merging_an_export_back_after_an_edit_keeps_both(tmp_path, clock):
    laptop, entry = _synced_journal(tmp_path, clock)
    path = tmp_path / "synced.json"
    with laptop:
        TransferService(laptop).export_to("json", path)
        laptop.entries.update(entry.id, expected_rev=entry.rev, body="softmax, edited")
        TransferService(laptop).import_from("json", path)
        bodies = sorted(laptop.entries.get(e.id).body for e in laptop.entries.recent())
    assert bodies == ["softmax", "softmax, edited"]


def test_the_tables_that_sync_since_v10_keep_their_ids_and_ranks(tmp_path, clock):
    """Sessions, day logs, tasks (with the board's rank), checklist lines, links, label
    colours and words carry their sync ids through an export into an empty journal; a
    task renamed after the export and merged back is a task of its own, without the id
    the original holds."""
    laptop, _ = _synced_journal(tmp_path, clock)
    with laptop:
        laptop.sessions.add(
            dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC), dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC)
        )
        laptop.day_logs.save(dt.date(2026, 1, 5), hours=7.0)
        laptop.sync.now()
        path = tmp_path / "synced.json"
        TransferService(laptop).export_to("json", path)
        (task,) = laptop.planning.backlog()
        laptop.planning.update_task(task.id, title="Watch makemore, part 2")
        TransferService(laptop).import_from("json", path)
        titles = sorted((t.title, t.id == task.id) for t in laptop.planning.backlog())
        assert titles == [("Watch makemore", False), ("Watch makemore, part 2", True)]
        copy_id = next(t.id for t in laptop.planning.backlog() if t.id != task.id)
        assert Task.get_by_id(copy_id).uid is None
        assert Task.get_by_id(task.id).uid is not None
    tables = json.loads(path.read_text(encoding="utf-8"))["tables"]
    synced = ("work_session", "day_log", "task", "task_check_item", "task_link", "tag_color")
    with _open(tmp_path, "copy", clock) as copy:
        TransferService(copy).import_from("json", path)
        for name in (*synced, "personal_word"):
            columns = tables[name]["columns"]
            assert "uid" in columns, name
            sent = {row[columns.index("uid")] for row in tables[name]["rows"]}
            assert None not in sent, name
            model = {m._meta.table_name: m for m in ALL_MODELS}[name]
            assert {r.uid for r in model.select()} == sent, name
        (copied,) = copy.planning.backlog()
        assert (
            Task.get_by_id(copied.id).rank
            == tables["task"]["rows"][0][tables["task"]["columns"].index("rank")]
        )
