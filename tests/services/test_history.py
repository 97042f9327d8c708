"""History and trash: snapshots while editing and before destructive actions, restore."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db.models import Entry, EntryRevision
from journal_app.errors import InvalidInput
from journal_app.services.entries import EntryService, StaleRevision


def _bodies(services, entry_id: int) -> list[tuple[str, str]]:
    return [
        (r.reason, services.entries.revision(r.id).body) for r in services.entries.history(entry_id)
    ]


def _fts_ok(services) -> None:
    db = Entry._meta.database
    db.execute_sql("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")


def _found(word: str) -> set[int]:
    db = Entry._meta.database
    rows = db.execute_sql("SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?", (f'"{word}"',))
    return {r[0] for r in rows}


# --------------------------------------------------------------------------- snapshots


def test_editing_keeps_one_snapshot_per_ten_minutes(services, clock):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 11, 22), title="Day 1", body="v1")
    rev = made.rev
    for minute, body in enumerate(["v2", "v3", "v4", "v5", "v6", "v7"]):
        clock.now = made.created_at + dt.timedelta(minutes=1 + minute * 3)
        rev = entries.update(made.id, expected_rev=rev, body=body).rev
    # Saves at 1, 4, 7, 10, 13, 16 minutes: the first kept v1, the one at 13 kept v5.
    assert _bodies(services, made.id) == [("autosave", "v5"), ("autosave", "v1")]
    newest = entries.history(made.id)[0]
    assert newest.rev == 5  # the revision the kept text had
    assert newest.created_at == made.created_at + dt.timedelta(minutes=13)
    assert entries.get(made.id).body == "v7"


def test_a_snapshot_exactly_ten_minutes_later_is_kept(services, clock):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 11, 22), body="a")
    entries.update(made.id, expected_rev=1, body="b")
    clock.advance(minutes=9, seconds=59)
    entries.update(made.id, expected_rev=2, body="c")
    assert len(entries.history(made.id)) == 1
    clock.advance(seconds=1)
    entries.update(made.id, expected_rev=3, body="d")
    assert [b for _, b in _bodies(services, made.id)] == ["c", "a"]


def test_empty_text_and_field_changes_make_no_snapshot(services, clock):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 11, 22))
    entries.update(made.id, expected_rev=1, body="first words")  # previous text was empty
    clock.advance(hours=1)
    entries.update(made.id, expected_rev=2, tags=["ml"], day=dt.date(2026, 11, 21))
    assert entries.history(made.id) == []


def test_history_lists_words_and_titles_newest_first(services, clock):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 11, 22), title="Old title", body="one two **three**")
    entries.update(made.id, expected_rev=1, title="New title")
    clock.advance(minutes=1)
    manual = entries.snapshot(made.id, "before publishing")
    history = entries.history(made.id)
    assert [(h.reason, h.title, h.words) for h in history] == [
        ("before publishing", "New title", 3),
        ("autosave", "Old title", 3),
    ]
    assert history[0] == manual
    data = entries.revision(manual.id)
    assert (data.entry_id, data.title, data.body, data.rev) == (
        made.id,
        "New title",
        "one two **three**",
        2,
    )


def test_missing_revisions_are_clear_errors(services):
    with pytest.raises(InvalidInput, match="there is no revision 5"):
        services.entries.revision(5)
    with pytest.raises(InvalidInput, match="there is no revision 5"):
        services.entries.restore_revision(5, expected_rev=1)
    with pytest.raises(InvalidInput, match="there is no entry 3"):
        services.entries.history(3)


def test_a_failure_mid_save_keeps_neither_the_snapshot_nor_the_text(services, monkeypatch):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 11, 22), body="safe", tags=["a"])

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(EntryService, "_replace_tags", broken)
    with pytest.raises(RuntimeError):
        entries.update(made.id, expected_rev=1, body="half saved", tags=["b"])
    assert entries.get(made.id) == made
    assert EntryRevision.select().count() == 0


# --------------------------------------------------------------------------- restore


def test_restoring_a_revision_keeps_the_current_text_first(services, clock):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 11, 22), title="T", body="attention is all")
    edited = entries.update(made.id, expected_rev=1, body="gradient descent")
    old = entries.history(made.id)[0]
    clock.advance(minutes=2)
    restored = entries.restore_revision(old.id, expected_rev=edited.rev)
    assert restored.body == "attention is all"
    assert restored.rev == edited.rev + 1
    assert restored.updated_at == clock.now
    assert _bodies(services, made.id)[0] == ("before restore", "gradient descent")
    # The search index follows the restored text.
    assert _found("attention") == {made.id}
    assert _found("gradient") == set()
    _fts_ok(services)


def test_a_stale_restore_changes_nothing(services):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 11, 22), body="one")
    entries.update(made.id, expected_rev=1, body="two")
    old = entries.history(made.id)[0]
    with pytest.raises(StaleRevision) as caught:
        entries.restore_revision(old.id, expected_rev=1)
    assert caught.value.current.body == "two"
    assert entries.get(made.id).body == "two"
    assert len(entries.history(made.id)) == 1


# --------------------------------------------------------------------------- trash


def test_trash_keeps_a_snapshot_and_restore_brings_the_entry_back(services, clock):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 11, 22), title="Keep me", body="words", tags=["ml"])
    clock.advance(minutes=1)
    entries.trash(made.id)
    assert entries.count() == 0
    assert [s.id for s in entries.summaries()] == []
    trashed = entries.trashed()
    assert [(t.id, t.title, t.deleted_at) for t in trashed] == [(made.id, "Keep me", clock.now)]
    assert _bodies(services, made.id) == [("before delete", "words")]
    assert entries.get(made.id).deleted_at == clock.now
    back = entries.restore(made.id)
    assert back.deleted_at is None
    assert (back.title, back.body, back.tags) == ("Keep me", "words", ["ml"])
    assert entries.trashed() == []
    assert entries.count() == 1


def test_an_editor_showing_a_trashed_entry_cannot_save_into_the_trash(services):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 11, 22), body="text")
    entries.trash(made.id)
    with pytest.raises(StaleRevision) as caught:
        entries.update(made.id, expected_rev=made.rev, body="typed after delete")
    assert caught.value.current.deleted_at is not None


def test_trash_lists_the_latest_deleted_first(services, clock):
    entries = services.entries
    first = entries.create(day=dt.date(2026, 1, 1), title="first")
    second = entries.create(day=dt.date(2025, 1, 1), title="second")
    entries.trash(first.id)
    clock.advance(minutes=1)
    entries.trash(second.id)
    entries.trash(second.id)  # twice: still once in the trash, no second snapshot
    assert [t.title for t in entries.trashed()] == ["second", "first"]
    assert [h.reason for h in entries.history(second.id)] == ["before delete"]
    empty = entries.create(day=dt.date(2025, 1, 2))
    entries.trash(empty.id)
    assert entries.history(empty.id) == []  # nothing worth keeping in an empty entry


def test_emptying_the_trash_deletes_for_good_and_only_the_trash(services):
    entries = services.entries
    kept = entries.create(day=dt.date(2026, 1, 1), title="kept", body="tensor", tags=["ml"])
    gone = entries.create(day=dt.date(2026, 1, 2), title="gone", body="tensor", tags=["ml"])
    entries.update(gone.id, expected_rev=1, body="tensor backprop")
    entries.trash(gone.id)
    assert entries.empty_trash() == 1
    assert entries.trashed() == []
    with pytest.raises(InvalidInput):
        entries.get(gone.id)
    assert EntryRevision.select().where(EntryRevision.entry == gone.id).count() == 0
    assert entries.get(kept.id).tags == ["ml"]
    assert _found("tensor") == {kept.id}
    assert _found("backprop") == set()
    _fts_ok(services)
    assert entries.empty_trash() == 0


def test_trash_of_a_missing_entry_is_a_clear_error(services):
    with pytest.raises(InvalidInput, match="there is no entry 8"):
        services.entries.trash(8)
    with pytest.raises(InvalidInput, match="there is no entry 8"):
        services.entries.restore(8)
