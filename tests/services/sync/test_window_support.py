"""What the window needs from SyncService: the plan before setup, the cheap summary for
the status bar, the entries a merge changed (and whose changes), and a short run at quit."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.errors import InvalidInput
from tests.services.sync.helpers import Device, devices

DAY = dt.date(2026, 11, 2)


def test_the_plan_says_new_or_join_and_writes_nothing(tmp_path):
    laptop = Device(tmp_path, "laptop")
    empty = tmp_path / "Empty"
    empty.mkdir()
    with laptop.open() as s:
        assert s.sync.plan(tmp_path / "New").join is False
        assert not (tmp_path / "New").exists()
        assert s.sync.plan(empty).join is False
        assert list(empty.iterdir()) == []
    folder, _ = devices(tmp_path, "desktop", "tablet")
    with laptop.open() as s:
        plan = s.sync.plan(folder)
        assert (plan.join, plan.devices, plan.others) == (True, ["desktop", "tablet"], 2)
        assert s.sync.summary() is None  # planning is not setting up


def test_the_plan_refuses_what_setup_refuses_in_one_line(tmp_path):
    laptop = Device(tmp_path, "laptop")
    other = tmp_path / "Photos"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"\xff\xd8")
    with laptop.open() as s:
        with pytest.raises(InvalidInput, match="holds other files"):
            s.sync.plan(other)
        with pytest.raises(InvalidInput, match="overlap"):
            s.sync.plan(laptop.paths.root / "sync")
        with pytest.raises(InvalidInput, match="is not a folder"):
            s.sync.plan(tmp_path / "no" / "such")


def test_the_summary_counts_local_changes_until_they_are_sent(tmp_path):
    _, (laptop,) = devices(tmp_path, "laptop")
    laptop.sync()
    with laptop.open() as s:
        summary = s.sync.summary()
        assert summary is not None
        assert (summary.name, summary.changes_waiting) == ("laptop", 0)
        assert summary.last_sync is not None
        s.entries.create(day=DAY, title="One", body="x")
        assert s.sync.summary().changes_waiting == 1
    laptop.sync()
    with laptop.open() as s:
        assert s.sync.summary().changes_waiting == 0


def test_the_report_names_the_entries_a_merge_changed_and_whose_changes(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        entry = s.entries.create(day=DAY, title="Backprop", body="chain rule")
    laptop.sync()
    (arrived,) = desktop.sync().merged
    assert (arrived.title, arrived.devices, arrived.gone) == ("Backprop", ("laptop",), False)
    with desktop.open() as s:
        (summary,) = s.entries.summaries()
        e = s.entries.get(summary.id)
        s.entries.update(e.id, expected_rev=e.rev, body="chain rule, by hand")
    desktop.sync()
    (merged,) = laptop.sync().merged
    assert (merged.entry_id, merged.devices) == (entry.id, ("desktop",))
    assert laptop.sync().merged == []  # nothing new: nothing merged


def test_a_stopped_run_sends_local_changes_and_applies_nothing(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with desktop.open() as s:
        s.entries.create(day=DAY, title="From the desktop", body="")
    desktop.sync()
    with laptop.open() as s:
        s.entries.create(day=DAY, title="From the laptop", body="")
        report = s.sync.now(stop=lambda: True)
        assert report.sent > 0 and report.applied_segments == 0 and report.waiting == 1
        assert [e.title for e in s.entries.summaries()] == ["From the laptop"]
    desktop.sync()
    with desktop.open() as s:
        assert sorted(e.title for e in s.entries.summaries()) == [
            "From the desktop",
            "From the laptop",
        ]


def test_the_plan_counts_devices_whose_name_cannot_be_read(tmp_path):
    folder, _ = devices(tmp_path, "desktop", "tablet")
    for device_json in sorted((folder / "devices").glob("*/device.json")):
        if b"tablet" in device_json.read_bytes():
            device_json.write_bytes(b"\x00 sealed or damaged")
    with Device(tmp_path, "laptop").open() as s:
        plan = s.sync.plan(folder)
    assert (plan.join, plan.devices, plan.others) == (True, ["desktop"], 2)
