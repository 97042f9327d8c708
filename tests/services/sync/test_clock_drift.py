"""A stamp far ahead of this machine's clock (over a day: hlc.MAX_AHEAD_MS) is not
applied: its segment waits with a one-line problem, this device's clock does not jump
forward, and it is applied once the local clock gets there. A few hours of skew are
merged as before (test_hlc, test_merge_rules)."""

from __future__ import annotations

import datetime as dt

from journal_app.db.models import SyncState
from journal_app.services.sync.hlc import Stamp
from tests.services.sync.helpers import Device

DAY = dt.date(2026, 11, 2)


def _hlc_wall(device: Device) -> int:
    with device.open():
        return Stamp.parse(SyncState.get(SyncState.key == "hlc").value).wall_ms


def _titles(device: Device) -> list[str]:
    with device.open() as s:
        return sorted(e.title for e in s.entries.summaries())


def test_a_segment_stamped_days_ahead_waits_and_does_not_drag_the_clock(tmp_path):
    folder = tmp_path / "Sync"
    folder.mkdir()
    fast = Device(tmp_path, "fast", skew=dt.timedelta(days=3))
    right = Device(tmp_path, "right")
    for d in (fast, right):
        d.setup(folder)
    with right.open() as s:
        s.entries.create(day=DAY, title="Mine", body="x")
    right.sync()
    before = _hlc_wall(right)
    with fast.open() as s:
        s.entries.create(day=DAY, title="From the future", body="y")
    fast.sync()

    report = right.sync()
    (problem,) = report.problems
    assert "seg-00000001.json: stamped 3.0 days ahead of this machine's clock" in problem
    assert "\n" not in problem
    assert report.waiting == 1
    assert _titles(right) == ["Mine"]
    assert _hlc_wall(right) - before < 60_000  # not three days forward

    right.clock.advance(days=3)
    report = right.sync()
    assert report.problems == [] and report.waiting == 0
    assert _titles(right) == ["From the future", "Mine"]


def test_a_few_hours_ahead_is_merged_at_once(tmp_path):
    folder = tmp_path / "Sync"
    folder.mkdir()
    fast = Device(tmp_path, "fast", skew=dt.timedelta(hours=20))
    right = Device(tmp_path, "right")
    for d in (fast, right):
        d.setup(folder)
    with fast.open() as s:
        s.entries.create(day=DAY, title="Soon", body="y")
    fast.sync()
    report = right.sync()
    assert report.problems == [] and _titles(right) == ["Soon"]
