"""Snapshots and compaction (services/sync/compaction.py): a device that joins late
starts from a snapshot and converges; the folder stays bounded however long devices
edit; a hostile snapshot is refused with one line; a device that does not say what it
applied holds compaction back. The snapshot threshold is lowered (a test's few
segments, not a real journal's megabytes)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from journal_app.services.sync import compaction
from tests.services.sync.helpers import Device, devices, sync_all

DAY = dt.date(2026, 11, 2)


@pytest.fixture(autouse=True)
def small_snapshots(monkeypatch):
    monkeypatch.setattr(compaction, "SNAPSHOT_SEGMENTS", 3)


def _files(folder, pattern: str) -> list[str]:
    return sorted(p.name for p in (folder / "devices").glob(f"*/{pattern}"))


def _edit_rounds(a: Device, b: Device, rounds: int) -> None:
    for n in range(rounds):
        for d in (a, b):
            with d.open() as s:
                s.entries.create(day=DAY, title=f"{d.name} {n}", body=f"body {n}", tags=["ml"])
                first = s.entries.summaries()[-1]
                entry = s.entries.get(first.id)
                s.entries.update(entry.id, expected_rev=entry.rev, body=entry.body + f" +{n}")
            d.clock.advance(seconds=30)
            d.sync()


def test_a_late_device_starts_from_a_snapshot_and_converges(tmp_path):
    folder, (a, b) = devices(tmp_path, "laptop", "desktop")
    _edit_rounds(a, b, 8)
    sync_all(a, b)
    assert _files(folder, "snap-*.json"), "no snapshot was written"
    assert len(_files(folder, "seg-*.json")) < 16, "no segment was compacted away"
    late = Device(tmp_path, "late")
    late.setup(folder)
    report = late.sync()
    assert report.problems == []
    assert report.waiting == 0
    assert late.state() == a.state() == b.state()
    with late.open() as s:
        assert len(s.entries.summaries()) == 16


def test_the_folder_stays_bounded_however_long_devices_edit(tmp_path):
    folder, (a, b) = devices(tmp_path, "laptop", "desktop")
    counts = []
    for _ in range(4):
        _edit_rounds(a, b, 5)
        sync_all(a, b)
        counts.append(len(list((folder / "devices").rglob("*.json"))))
    # Per device: device.json, one snapshot and fewer segments than the threshold (+1
    # written since, +1 not yet applied by the other).
    assert max(counts) <= 2 * (1 + 1 + compaction.SNAPSHOT_SEGMENTS + 2)
    written = sum(json.loads(p.read_text())["seq"] for p in folder.glob("devices/*/device.json"))
    assert written >= 40  # segments written over the run, most of them gone
    assert a.state() == b.state()


def test_a_device_that_never_says_what_it_applied_holds_compaction_back(tmp_path):
    folder, (a, b) = devices(tmp_path, "laptop", "desktop")
    silent = folder / "devices" / ("e" * 32)
    silent.mkdir()  # a device known by its folder, with no device.json (yet)
    _edit_rounds(a, b, 5)
    sync_all(a, b)
    assert _files(folder, "snap-*.json")
    assert len(_files(folder, "seg-*.json")) == 10  # all kept: it may need them


def test_a_hostile_snapshot_is_refused_with_one_line_and_nothing_applied(tmp_path):
    folder, (a, b) = devices(tmp_path, "laptop", "desktop")
    _edit_rounds(a, b, 4)
    sync_all(a, b)
    snaps = list((folder / "devices").glob("*/snap-*.json"))
    for snap in snaps:
        doc = json.loads(snap.read_text())
        doc["fields"][-1][3] = {"not": "a value of this field"}
        snap.write_text(json.dumps(doc))
    late = Device(tmp_path, "late")
    late.setup(folder)
    report = late.sync()
    assert len(report.problems) == len(snaps)
    for problem in report.problems:
        assert "snap-" in problem and problem.endswith("not used") and "\n" not in problem
    assert report.waiting > 0  # what the snapshots covered waits; nothing half-applied
    assert json.loads(late.state())["entry"] == {}  # (its own built-in templates are sent)


def test_a_snapshot_claiming_segments_never_seen_here_is_not_used(tmp_path):
    folder, (a, b) = devices(tmp_path, "laptop", "desktop")
    _edit_rounds(a, b, 4)
    sync_all(a, b)
    for snap in (folder / "devices").glob("*/snap-*.json"):
        doc = json.loads(snap.read_text())
        doc["applied"] = {d: n + 1000 for d, n in doc["applied"].items()}
        snap.write_text(json.dumps(doc))
    late = Device(tmp_path, "late")
    late.setup(folder)
    report = late.sync()
    assert report.waiting > 0  # the compacted part waits for a snapshot it can trust
    with late.open() as s:
        assert s.sync.status().devices[0].applied < 1000


def test_a_late_device_gets_every_table_from_a_snapshot(tmp_path):
    folder, (a, b) = devices(tmp_path, "laptop", "desktop")
    start = dt.datetime.combine(DAY, dt.time(9), tzinfo=dt.UTC)
    with a.open() as s:
        sprint = s.planning.add_sprint("Sprint 1", DAY, DAY + dt.timedelta(days=13))
        entry = s.entries.create(day=DAY, title="Notes", body="x")
        card = s.planning.add_task("Watch makemore", sprint_id=sprint.id, tags=["ml"])
        s.planning.add_task("Write explainer", sprint_id=sprint.id)
        s.planning.update_task(
            card.id, checklist=[("Part 1", True)], links=[("entry", entry.id)], priority=2
        )
        s.planning.set_label_color("ml", "#112233")
        s.sessions.add(start, start + dt.timedelta(hours=2), note="deep work")
        s.day_logs.save(DAY, hours=7.5, note="slept well")
        s.planning.add_task("Deleted later")
    sync_all(a, b)
    with b.open() as s:
        (theirs,) = [t for t in s.planning.backlog() if t.title == "Deleted later"]
        s.planning.delete_task(theirs.id)
    _edit_rounds(a, b, 4)
    sync_all(a, b)
    assert not _files(folder, "seg-00000001.json")  # only the snapshots hold all that now
    late = Device(tmp_path, "late")
    late.setup(folder)
    report = late.sync()
    assert report.problems == []
    sync_all(a, b, late)
    assert late.state() == a.state() == b.state()
    with late.open() as s:
        (board_card,) = [
            t
            for t in s.planning.tasks(s.planning.sprints()[0].sprint.id)
            if t.title == "Watch makemore"
        ]
        assert board_card.priority == 2
        assert not [t for t in s.planning.backlog() if t.title == "Deleted later"]
        (log,) = s.day_logs.between(DAY, DAY)
        assert log.note == "slept well"
