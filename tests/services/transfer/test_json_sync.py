"""json and sync (#15 with #17/#18): an export of a synced journal carries the user's rows
(the board's cards and the personal dictionary too) but never the sync bookkeeping."""

from __future__ import annotations

import datetime as dt
import json

import pytest

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
