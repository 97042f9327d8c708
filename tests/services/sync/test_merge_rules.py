"""The merge rules, one test each, on two or three devices sharing a folder."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.services.sync.helpers import Device, devices, sync_all

DAY = dt.date(2026, 11, 2)
PARAS = [f"Paragraph {i}: " + " ".join(f"word{i}x{j}" for j in range(40)) for i in range(6)]
BODY = "\n\n".join(PARAS)


def _entry(device: Device, **fields) -> int:
    with device.open() as s:
        return s.entries.create(day=DAY, **fields).id


def _only_entry(device: Device):
    with device.open() as s:
        (summary,) = s.entries.summaries()
        return s.entries.get(summary.id)


def test_an_entry_written_on_one_device_appears_on_the_other(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    _entry(a, title="Day 1", body="Backprop by hand", tags=["ml", "calculus"])
    sync_all(a, b)
    entry = _only_entry(b)
    assert (entry.title, entry.body, entry.tags) == (
        "Day 1",
        "Backprop by hand",
        ["calculus", "ml"],
    )
    assert a.state() == b.state()


def test_concurrent_edits_to_different_paragraphs_both_survive(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    entry_id = _entry(a, title="Long", body=BODY)
    sync_all(a, b)
    with a.open() as s:
        e = s.entries.get(entry_id)
        s.entries.update(
            entry_id, expected_rev=e.rev, body=e.body.replace(PARAS[1], PARAS[1] + " EDIT-A")
        )
    b_entry = _only_entry(b)
    with b.open() as s:
        s.entries.update(
            b_entry.id,
            expected_rev=b_entry.rev,
            body=b_entry.body.replace(PARAS[4], "EDIT-B " + PARAS[4]),
        )
    sync_all(a, b)
    merged = _only_entry(a).body
    assert merged == BODY.replace(PARAS[1], PARAS[1] + " EDIT-A").replace(
        PARAS[4], "EDIT-B " + PARAS[4]
    )
    assert _only_entry(b).body == merged
    assert a.state() == b.state()


def test_a_remote_merge_keeps_the_previous_text_as_a_revision(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    entry_id = _entry(a, title="Long", body=BODY)
    sync_all(a, b)
    with a.open() as s:
        e = s.entries.get(entry_id)
        s.entries.update(entry_id, expected_rev=e.rev, body=BODY + "\n\nmore")
    sync_all(a, b)
    b_entry = _only_entry(b)
    with b.open() as s:
        (revision,) = s.entries.history(b_entry.id)
        assert revision.reason == "before sync"
        assert s.entries.revision(revision.id).body == BODY


def test_an_edit_concurrent_with_a_trash_restores_the_entry(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    entry_id = _entry(a, title="Keep me", body="first")
    sync_all(a, b)
    with a.open() as s:
        s.entries.trash(entry_id)
    b_entry = _only_entry(b)
    with b.open() as s:
        s.entries.update(b_entry.id, expected_rev=b_entry.rev, body="first, and an edit")
    sync_all(a, b)
    for device in (a, b):
        entry = _only_entry(device)
        assert entry.deleted_at is None and entry.body == "first, and an edit"
    assert a.state() == b.state()


def test_a_trash_after_seeing_every_edit_stays_in_the_trash(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    entry_id = _entry(a, title="Bin me", body="first")
    sync_all(a, b)
    b_entry = _only_entry(b)
    with b.open() as s:
        s.entries.update(b_entry.id, expected_rev=b_entry.rev, body="edited")
    sync_all(b, a)
    with a.open() as s:
        s.entries.trash(entry_id)
    sync_all(a, b)
    for device in (a, b):
        with device.open() as s:
            assert s.entries.summaries() == [] and len(s.entries.trashed()) == 1


def test_the_same_category_and_skill_made_on_both_devices_is_one(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    for device in (a, b):
        with device.open() as s:
            s.categories.add("Paper reading", "consumption")
            s.skills.ensure("Machine learning")
    sync_all(a, b)
    for device in (a, b):
        with device.open() as s:
            assert [c.name for c in s.categories.list()].count("Paper reading") == 1
            assert [k.name for k in s.skills.list()].count("Machine learning") == 1
    assert a.state() == b.state()


def test_the_same_tag_added_on_both_devices_is_one_tag(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    entry_id = _entry(a, title="Tagged")
    sync_all(a, b)
    with a.open() as s:
        e = s.entries.get(entry_id)
        s.entries.update(entry_id, expected_rev=e.rev, tags=["ml"])
    b_entry = _only_entry(b)
    with b.open() as s:
        s.entries.update(b_entry.id, expected_rev=b_entry.rev, tags=["ml", "nlp"])
    sync_all(a, b)
    assert _only_entry(a).tags == ["ml", "nlp"] == _only_entry(b).tags


def test_a_tag_removed_on_one_device_and_kept_on_the_other_goes(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    entry_id = _entry(a, title="Tagged", tags=["ml", "draft"])
    sync_all(a, b)
    with a.open() as s:
        e = s.entries.get(entry_id)
        s.entries.update(entry_id, expected_rev=e.rev, tags=["ml"])
    sync_all(a, b)
    assert _only_entry(b).tags == ["ml"]


def _skewed_pair(tmp_path, skew_hours: float):
    folder = tmp_path / "Sync"
    folder.mkdir()
    a = Device(tmp_path, "right-clock")
    b = Device(tmp_path, "wrong-clock", skew=dt.timedelta(hours=skew_hours))
    for d in (a, b):
        d.setup(folder)
    return a, b


def test_an_edit_after_seeing_one_from_a_clock_3_hours_ahead_wins(tmp_path):
    a, b = _skewed_pair(tmp_path, +3)
    _entry(b, title="From the fast clock")
    sync_all(b, a)
    a.clock.advance(minutes=5)
    entry = _only_entry(a)
    with a.open() as s:
        s.entries.update(entry.id, expected_rev=entry.rev, title="Corrected later")
    sync_all(a, b)
    assert _only_entry(b).title == "Corrected later" == _only_entry(a).title


def test_an_edit_on_a_clock_3_hours_behind_after_seeing_one_wins(tmp_path):
    a, b = _skewed_pair(tmp_path, -3)
    _entry(a, title="From the right clock")
    sync_all(a, b)
    b.clock.advance(minutes=5)
    entry = _only_entry(b)
    with b.open() as s:
        s.entries.update(entry.id, expected_rev=entry.rev, title="Corrected on the slow clock")
    sync_all(b, a)
    assert _only_entry(a).title == "Corrected on the slow clock" == _only_entry(b).title


def test_closing_one_sprint_on_both_devices_gives_one_review(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    with a.open() as s:
        s.planning.add_sprint("Sprint 1", dt.date(2026, 10, 19), dt.date(2026, 11, 1))
    sync_all(a, b)
    for device in (a, b):
        with device.open() as s:
            (mine,) = [x.sprint for x in s.planning.sprints() if x.sprint.name == "Sprint 1"]
            s.planning.close_sprint(mine.id, "backlog")
    sync_all(a, b)
    for device in (a, b):
        with device.open() as s:
            reviews = [e for e in s.entries.summaries() if "Sprint 1" in e.title]
            assert len(reviews) == 1, reviews
    assert a.state() == b.state()


def test_three_devices_converge_whatever_the_order(tmp_path):
    _, (a, b, c) = devices(tmp_path, "one", "two", "three")
    _entry(a, title="A", body="alpha")
    _entry(b, title="B", body="beta", tags=["x"])
    c.sync()
    a.sync()
    c.sync()
    b.sync()
    sync_all(c, b, a)
    assert a.state() == b.state() == c.state()
    with c.open() as s:
        assert sorted(e.title for e in s.entries.summaries()) == ["A", "B"]


def test_emptying_the_trash_removes_the_entry_everywhere(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    entry_id = _entry(a, title="Gone", body="old")
    sync_all(a, b)
    with a.open() as s:
        s.entries.trash(entry_id)
        s.entries.empty_trash()
    sync_all(a, b)
    for device in (a, b):
        with device.open() as s:
            assert s.entries.summaries() == [] and s.entries.trashed() == []
    assert a.state() == b.state()


def test_an_edit_the_emptying_device_had_not_seen_brings_the_entry_back(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    entry_id = _entry(a, title="Keep", body="old")
    sync_all(a, b)
    with a.open() as s:
        s.entries.trash(entry_id)
        s.entries.empty_trash()
    b_entry = _only_entry(b)
    with b.open() as s:
        s.entries.update(b_entry.id, expected_rev=b_entry.rev, body="old, and still wanted")
    sync_all(a, b)
    for device in (a, b):
        entry = _only_entry(device)
        assert (entry.body, entry.deleted_at) == ("old, and still wanted", None)
    assert a.state() == b.state()


def test_a_rename_onto_a_name_made_elsewhere_keeps_both_rows_apart(tmp_path):
    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    with a.open() as s:
        ml = s.categories.add("ML", "production")
    sync_all(a, b)
    with a.open() as s:
        s.categories.rename(ml.id, "Deep learning")
    with b.open() as s:
        s.categories.add("Deep learning", "consumption")
    sync_all(a, b)
    names = []
    for device in (a, b):
        with device.open() as s:
            names.append(sorted(c.name for c in s.categories.list() if "learning" in c.name))
    assert names[0] == names[1] == ["Deep learning", "Deep learning (2)"]
    assert a.state() == b.state()


def test_a_segment_written_before_a_crash_is_not_sent_twice(tmp_path, monkeypatch):
    from journal_app.services.sync import registers

    _, (a, b) = devices(tmp_path, "laptop", "desktop")
    entry_id = _entry(a, title="Crash", body="one two")
    sync_all(a, b)
    with a.open() as s:
        e = s.entries.get(entry_id)
        s.entries.update(entry_id, expected_rev=e.rev, body="one and a half two")
    real = registers.state_put

    def crash_before_commit(key: str, value: str) -> None:
        if key == "seq":
            raise OSError("power cut")
        real(key, value)

    monkeypatch.setattr(registers, "state_put", crash_before_commit)
    with pytest.raises(OSError):
        a.sync()  # the segment is in the folder, the journal does not know it
    monkeypatch.setattr(registers, "state_put", real)
    report = a.sync()
    assert report.applied_segments == 1 and report.sent == 0
    sync_all(b, a)
    assert _only_entry(b).body == "one and a half two" == _only_entry(a).body
    assert a.state() == b.state()
