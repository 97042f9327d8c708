"""Hostile and foreign content in the sync folder: refused with a message, nothing
local lost, nothing outside the folder touched; tools' leftovers ignored."""

from __future__ import annotations

import json
import os

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.sync import folder
from tests.services.sync.helpers import Device, devices, sync_all

STRANGER = "f" * 32


def _segment(changes, *, device=STRANGER, seq=1, schema=1, fmt=1, deps=None) -> dict:
    return {
        "format": fmt,
        "schema": schema,
        "device": device,
        "seq": seq,
        "deps": deps or {},
        "written": "2026-11-02T09:00:00+00:00",
        "changes": changes,
    }


def _drop(sync_folder, doc, *, device=STRANGER, name="seg-00000001.json", raw=None):
    where = sync_folder / "devices" / device
    where.mkdir(parents=True, exist_ok=True)
    (where / name).write_bytes(raw if raw is not None else json.dumps(doc).encode())
    return where / name


def _titles(device: Device) -> list[str]:
    with device.open() as s:
        return sorted(e.title for e in s.entries.summaries())


def _entry_change(field="title", value="From a stranger", uid="1" * 32, stamp=None):
    return {
        "t": "entry",
        "id": uid,
        "f": field,
        "v": value,
        "c": stamp or f"{1:012x}.0000.{STRANGER}",
    }


def _problems(device: Device) -> list[str]:
    return device.sync().problems


@pytest.fixture
def pair(tmp_path):
    sync_folder, (a, b) = devices(tmp_path, "laptop", "desktop")
    with a.open() as s:
        s.entries.create(day=__import__("datetime").date(2026, 11, 2), title="Mine", body="x")
    sync_all(a, b)
    return sync_folder, a, b


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "is not valid JSON"),
        (b"\xff\xfe", "is not valid JSON"),
        (b"[1, 2]", "is not a JSON object"),
        (json.dumps(_segment("nope")).encode(), "has no list of changes"),
        (json.dumps(_segment([], device="e" * 32)).encode(), "names another device"),
        (json.dumps(_segment([], deps={"../x": 1})).encode(), "depends on"),
    ],
)
def test_a_broken_segment_is_refused_with_a_message(pair, raw, message):
    sync_folder, a, _ = pair
    before = a.state()
    _drop(sync_folder, None, raw=raw)
    (problem,) = _problems(a)
    assert message in problem and "not applied" in problem
    assert a.state() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"t": "sqlite_master", "id": "1" * 32, "f": "sql", "v": "x", "c": "0"}, "unknown table"),
        (_entry_change(uid="../../etc/passwd"), "not a global id"),
        (_entry_change(field="rev", value=99), "unknown field"),
        (_entry_change(field="day", value="2026-02-30"), "entry.day"),
        (_entry_change(field="visibility", value="everyone"), "entry.visibility"),
        (_entry_change(stamp="yesterday"), "not a clock stamp"),
        ({**_entry_change(field="body", value=None), "g": "x", "y": "!!"}, "entry.body"),
        (
            {**_entry_change(field="body"), "g": f"{1:012x}.0000.{STRANGER}", "y": "AAEC/w=="},
            "not a text update",
        ),
        # Schema v10's tables are checked the same way.
        (_entry_change(field="gone", value=True), "unknown field"),  # entries: the trash
        ({**_entry_change(field="rank", value="a0"), "t": "task"}, "task.rank"),
        ({**_entry_change(field="rank", value="a b"), "t": "task"}, "task.rank"),
        ({**_entry_change(field="priority", value=9), "t": "task"}, "task.priority"),
        ({**_entry_change(field="color", value="red"), "t": "tag_color"}, "tag_color.color"),
        ({**_entry_change(field="energy", value=6), "t": "day_log"}, "day_log.energy"),
        ({**_entry_change(field="kind", value="spaceship"), "t": "resource"}, "resource.kind"),
        ({**_entry_change(field="status", value="gone"), "t": "output"}, "output.status"),
        ({**_entry_change(field="end", value=None), "t": "work_session"}, "work_session.end"),
        ({**_entry_change(field="gone", value="yes"), "t": "task"}, "task.gone"),
        ({**_entry_change(field="tag:x", value=True), "t": "task"}, "task.tag:x"),
        ({**_entry_change(field="tag:" + "2" * 32, value=1), "t": "task"}, "task.tag:"),
    ],
)
def test_a_change_this_app_does_not_know_refuses_its_whole_segment(pair, change, message):
    sync_folder, a, _ = pair
    good = _entry_change(field="day", value="2026-11-03")
    _drop(sync_folder, _segment([good, change]))
    (problem,) = _problems(a)
    assert message in problem, problem
    assert _titles(a) == ["Mine"]  # the good change of the segment was not applied either


def test_a_segment_too_big_is_not_read(pair, monkeypatch):
    sync_folder, a, _ = pair
    monkeypatch.setattr(folder, "MAX_SEGMENT_BYTES", 1000)
    _drop(sync_folder, _segment([_entry_change()] * 50))
    (problem,) = _problems(a)
    assert "at most" in problem


def test_a_link_in_the_folder_is_not_followed(pair, tmp_path):
    sync_folder, a, _ = pair
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps(_segment([_entry_change()])))
    where = sync_folder / "devices" / STRANGER
    where.mkdir(parents=True)
    os.symlink(outside, where / "seg-00000001.json")
    os.symlink(tmp_path, sync_folder / "devices" / ("0" * 32))
    report = a.sync()
    assert report.problems == [] and report.applied_segments == 0
    assert _titles(a) == ["Mine"]


def test_a_segment_from_a_newer_app_waits_with_update_the_app(pair):
    sync_folder, a, _ = pair
    _drop(sync_folder, _segment([{"t": "habit", "whatever": 1}], schema=2))
    _drop(sync_folder, _segment([_entry_change()], seq=2), name="seg-00000002.json")
    (problem,) = _problems(a)
    assert "update the app on this machine" in problem
    assert _titles(a) == ["Mine"]  # kept unapplied, and the later segment waits too
    with a.open() as s:
        (other,) = [d for d in s.sync.status().devices if d.device == STRANGER]
        assert (other.applied, other.written) == (0, 2)


def test_leftovers_of_sync_tools_are_ignored(pair):
    sync_folder, a, b = pair
    own = sync_folder / "devices"
    (device_dir,) = [p for p in own.iterdir() if p.is_dir()][:1]
    for name in (
        ".syncthing.seg-00000009.json.tmp",
        "seg-00000001.sync-conflict-20261102-090000-ABCDEFG.json",
        "seg-00000001 (laptop's conflicted copy 2026-11-02).json",
        "seg-00000001 2.json",
        "device 2.json",
        "~$notes.docx",
    ):
        (device_dir / name).write_text("garbage")
    (own / "Icon\r").write_text("")
    (sync_folder / ".stfolder").mkdir()
    before = b.state()
    report = b.sync()
    assert report.problems == [] and report.ignored == 7
    assert b.state() == before == a.state()


def test_a_sync_folder_inside_the_data_folder_is_refused(tmp_path):
    device = Device(tmp_path, "laptop")
    with device.open() as s, pytest.raises(InvalidInput, match="overlap"):
        s.sync.setup(device.paths.root / "Sync", "laptop")


def test_a_folder_holding_other_files_is_refused(tmp_path):
    device = Device(tmp_path, "laptop")
    photos = tmp_path / "Photos"
    photos.mkdir()
    (photos / "cat.jpg").write_bytes(b"\xff\xd8")
    with device.open() as s, pytest.raises(InvalidInput, match="holds other files"):
        s.sync.setup(photos, "laptop")
    assert sorted(p.name for p in photos.iterdir()) == ["cat.jpg"]


def test_the_folder_never_holds_the_database(pair):
    sync_folder, _, _ = pair
    names = [p.name for p in sync_folder.rglob("*")]
    assert not [n for n in names if "sqlite" in n or n.endswith(("-wal", "-shm"))]
    assert all(
        folder.SEGMENT_NAME.match(n)
        or n in ("device.json", "journal-sync.json", "devices")
        or folder.DEVICE_ID.match(n)
        for n in names
    ), names


def test_rows_pointing_at_rows_this_device_has_not_got_are_not_made(pair):
    """A checklist line of a task never sent, a link to nothing: applied (a later
    segment may bring them) but no row is made and nothing else changes."""
    sync_folder, a, _ = pair
    stamp = f"{1:012x}.0000.{STRANGER}"
    line, link, task = "3" * 32, "4" * 32, "5" * 32
    changes = [
        {"t": "task_check_item", "id": line, "f": "task_id", "v": task, "c": stamp},
        {"t": "task_check_item", "id": line, "f": "text", "v": "orphan", "c": stamp},
        {"t": "task_link", "id": link, "f": "task_id", "v": task, "c": stamp},
        {"t": "task_link", "id": link, "f": "entry_id", "v": None, "c": stamp},
        {"t": "task_link", "id": link, "f": "resource_id", "v": None, "c": stamp},
    ]
    before = a.state()
    _drop(sync_folder, _segment(changes))
    report = a.sync()
    assert (report.problems, report.applied_changes) == ([], 5)
    assert a.state() == before
