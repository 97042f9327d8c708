"""The three-device machine of test_convergence.py with compaction on (a snapshot after
every segment) and deletions reaching the shared copy of the folder: once the three have
converged, a fourth device joins late from what is left there — snapshots and the
segments after them — and ends byte-identical with the others."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, settings
from hypothesis.stateful import initialize

from journal_app.services.sync import compaction
from tests.services.sync.helpers import Device
from tests.services.sync.test_convergence import Machine


class LateJoinMachine(Machine):
    @initialize()
    def start(self) -> None:
        self.saved = compaction.SNAPSHOT_SEGMENTS
        compaction.SNAPSHOT_SEGMENTS = 1
        self.own: dict[int, str] = {}
        super().start()

    def teardown(self) -> None:
        try:
            super().teardown()
        finally:
            if hasattr(self, "saved"):
                compaction.SNAPSHOT_SEGMENTS = self.saved

    def _publish(self, i: int) -> None:
        """As a file-sync tool: device i's new and changed files go out, and so do the
        deletions of its own files (compaction). Only its own: the copies it holds of
        other devices' files may be older than the shared ones (device.json is replaced
        by its owner), and a sync tool never sends an older version over a newer one."""
        if i not in self.own:  # just set up: its own folder is the only one there
            (only,) = (self.folders[i] / "devices").iterdir()
            self.own[i] = only.name
        mine = self.folders[i] / "devices" / self.own[i]
        shared = self.master / "devices" / self.own[i]
        shared.mkdir(parents=True, exist_ok=True)
        for path in mine.iterdir():
            if path.is_file() and not path.name.endswith(".partial"):
                shutil.copyfile(path, shared / path.name)
        for path in shared.iterdir():
            if not (mine / path.name).exists():
                path.unlink()

    def teardown_check(self) -> None:
        super().teardown_check()
        late = Device(self.tmp, "late")
        folder = self.tmp / "Sync-late"
        folder.mkdir()
        late.setup(folder)
        for path in self._files():  # what is left in the shared copy, nothing else
            target = folder / path.relative_to(self.master)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        assert any(p.name.startswith("snap-") for p in self._files())
        report = late.sync()
        assert report.problems == [] and report.waiting == 0, report
        # Its own journal's rows (none but what a new journal holds) go to the others.
        for path in (folder / "devices").rglob("*"):
            if path.is_file() and not path.name.endswith(".partial"):
                target = self.master / path.relative_to(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        for i in range(3):
            self._deliver(i, self._files())
            self.devices[i].sync()
        late.sync()
        states = [late.state(), *(d.state() for d in self.devices)]
        assert states[0] == states[1] == states[2] == states[3]


LateJoinMachine.TestCase.settings = settings(
    max_examples=10,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_a_late_device_joins_from_snapshots = LateJoinMachine.TestCase
