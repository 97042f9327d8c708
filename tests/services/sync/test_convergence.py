"""Convergence as a property: three devices edit at random (entries, text in the middle
of a body, titles, tags, trash, restore, empty trash, categories and skills by name,
sprints planned and closed with their reviews, work sessions, day logs, tasks added
between others, moved across columns, edited and deleted) and exchange their files
partially, out of order and repeatedly (as a file-sync tool may deliver them, segments
before the ones they depend on); once everything is delivered and synced, every device
holds byte-identical state, and every inserted piece of text is still there (unless a
device emptied it from its trash after seeing it). 40 examples passed once in 3 minutes;
with the sessions, day logs and board (schema v10), 60 examples of 40 steps passed twice
(45-100 s); each run tries 10 of 25."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from journal_app.errors import JournalError
from tests.services.sync.helpers import Device

NAMES = ("one", "two", "three")
DAY = dt.date(2026, 11, 2)
TAGS = ("ml", "nlp", "math")
CATEGORIES = ("Paper reading", "Kaggle", "Writing")
device_index = st.integers(0, 2)
pick = st.integers(0, 10**6)


def _outside(body: str, k: int) -> bool:
    return body[:k].count("<") == body[:k].count(">")


class ThreeDevices(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="sync-machine-"))
        self.master = self.tmp / "master"  # every file any device published
        self.master.mkdir()
        self.devices: list[Device] = []
        self.folders: list[Path] = []
        for name in NAMES:
            device = Device(self.tmp, name)
            folder = self.tmp / f"Sync-{name}"
            folder.mkdir()
            device.setup(folder)
            self.devices.append(device)
            self.folders.append(folder)
            self._publish(len(self.devices) - 1)
        self.markers: set[str] = set()
        self.purged: set[str] = set()  # markers in entries a device emptied from its trash
        self.counter = 0

    def teardown(self) -> None:
        if hasattr(self, "tmp"):
            shutil.rmtree(self.tmp, ignore_errors=True)

    # ------------------------------------------------------------------ plumbing

    def _publish(self, i: int) -> None:
        """The file-sync tool picks up what device i wrote."""
        for path in (self.folders[i] / "devices").rglob("*"):
            if path.is_file() and not path.name.endswith(".partial"):
                target = self.master / path.relative_to(self.folders[i])
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)

    def _files(self) -> list[Path]:
        return sorted(p for p in self.master.rglob("*") if p.is_file())

    def _deliver(self, i: int, files: list[Path]) -> None:
        for path in files:
            target = self.folders[i] / path.relative_to(self.master)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)

    def _entry_ids(self, services) -> list[int]:
        live = [e.id for e in services.entries.summaries()]
        return sorted(live + [e.id for e in services.entries.trashed()])

    def _tick(self, i: int) -> None:
        self.devices[i].clock.advance(seconds=7 + 3 * i)

    # ------------------------------------------------------------------ edits

    @rule(
        i=device_index,
        title=st.sampled_from(("Day", "Notes", "")),
        tags=st.sets(st.sampled_from(TAGS)),
    )
    def create_entry(self, i: int, title: str, tags: set[str]) -> None:
        self.counter += 1
        marker = f"<c{self.counter}>"
        self.markers.add(marker)
        with self.devices[i].open() as s:
            s.entries.create(day=DAY, title=title, body=f"start {marker} end", tags=sorted(tags))
        self._tick(i)

    @rule(i=device_index, which=pick, where=pick)
    def insert_text(self, i: int, which: int, where: int) -> None:
        with self.devices[i].open() as s:
            ids = self._entry_ids(s)
            if not ids:
                return
            entry = s.entries.get(ids[which % len(ids)])
            self.counter += 1
            marker = f"<i{self.counter}>"
            # Anywhere outside another marker, so that each stays whole and findable.
            free = [k for k in range(len(entry.body) + 1) if _outside(entry.body, k)]
            at = free[where % len(free)]
            body = entry.body[:at] + marker + entry.body[at:]
            s.entries.update(entry.id, expected_rev=entry.rev, body=body)
            self.markers.add(marker)
        self._tick(i)

    @rule(i=device_index, which=pick, title=st.sampled_from(("Renamed", "Day 2", "x")))
    def retitle(self, i: int, which: int, title: str) -> None:
        with self.devices[i].open() as s:
            ids = self._entry_ids(s)
            if ids:
                entry = s.entries.get(ids[which % len(ids)])
                s.entries.update(entry.id, expected_rev=entry.rev, title=title)
        self._tick(i)

    @rule(i=device_index, which=pick, tags=st.sets(st.sampled_from(TAGS)))
    def retag(self, i: int, which: int, tags: set[str]) -> None:
        with self.devices[i].open() as s:
            ids = self._entry_ids(s)
            if ids:
                entry = s.entries.get(ids[which % len(ids)])
                s.entries.update(entry.id, expected_rev=entry.rev, tags=sorted(tags))
        self._tick(i)

    @rule(i=device_index, which=pick)
    def trash_or_restore(self, i: int, which: int) -> None:
        with self.devices[i].open() as s:
            ids = self._entry_ids(s)
            if ids:
                entry = s.entries.get(ids[which % len(ids)])
                if entry.deleted_at is None:
                    s.entries.trash(entry.id)
                else:
                    s.entries.restore(entry.id)
        self._tick(i)

    @rule(i=device_index)
    def empty_trash(self, i: int) -> None:
        with self.devices[i].open() as s:
            for summary in s.entries.trashed():
                body = s.entries.get(summary.id).body
                self.purged |= {m for m in self.markers if m in body}
            s.entries.empty_trash()
        self._tick(i)

    @rule(
        i=device_index,
        name=st.sampled_from(CATEGORIES),
        side=st.sampled_from(("production", "consumption")),
    )
    def category_by_name(self, i: int, name: str, side: str) -> None:
        with self.devices[i].open() as s:
            if s.categories.find(name) is None:
                s.categories.add(name, side)
        self._tick(i)

    @rule(i=device_index, name=st.sampled_from(("Machine learning", "Statistics")))
    def skill_by_name(self, i: int, name: str) -> None:
        with self.devices[i].open() as s:
            s.skills.ensure(name)
        self._tick(i)

    @rule(i=device_index, n=st.integers(1, 2))
    def plan_sprint(self, i: int, n: int) -> None:
        start = DAY + dt.timedelta(days=14 * n)
        with self.devices[i].open() as s:
            s.planning.add_sprint(f"Sprint {n}", start, start + dt.timedelta(days=13))
        self._tick(i)

    @rule(i=device_index, which=pick)
    def close_sprint(self, i: int, which: int) -> None:
        """Closing writes a review entry; closing one sprint on two devices gives one."""
        with self.devices[i].open() as s:
            open_ = [o.sprint for o in s.planning.sprints() if not o.sprint.closed]
            if open_:
                s.planning.close_sprint(open_[which % len(open_)].id, "backlog")
        self._tick(i)

    # ------------------------------------------------------------------ time and sleep

    @rule(i=device_index, hour=st.integers(6, 20), minutes=st.integers(10, 180))
    def log_session(self, i: int, hour: int, minutes: int) -> None:
        """Overlapping sessions are allowed (two devices timing the same hours)."""
        start = dt.datetime.combine(DAY, dt.time(hour), tzinfo=dt.UTC)
        with self.devices[i].open() as s:
            s.sessions.add(start, start + dt.timedelta(minutes=minutes), note=f"d{i}")
        self._tick(i)

    @rule(i=device_index, which=pick, delete=st.booleans())
    def edit_or_delete_session(self, i: int, which: int, delete: bool) -> None:
        with self.devices[i].open() as s:
            found = s.sessions.between(DAY, DAY)
            if found:
                session = found[which % len(found)].session
                if delete:
                    s.sessions.delete(session.id)
                else:
                    s.sessions.update(session.id, note=f"edited on {i}")
        self._tick(i)

    @rule(
        i=device_index,
        day=st.integers(0, 2),
        hours=st.one_of(st.none(), st.sampled_from((6.0, 7.5))),
        energy=st.one_of(st.none(), st.integers(1, 5)),
        delete=st.booleans(),
    )
    def log_sleep(self, i: int, day: int, hours: float | None, energy, delete: bool) -> None:
        when = DAY + dt.timedelta(days=day)
        with self.devices[i].open() as s:
            if delete:
                s.day_logs.delete(when)
            else:
                s.day_logs.save(when, hours=hours, energy=energy)
        self._tick(i)

    # ------------------------------------------------------------------ the board

    def _column(self, s, where: int) -> tuple[int | None, str, list[int]]:
        """A column at random: the backlog or a status of an open sprint."""
        sprints = [o.sprint for o in s.planning.sprints() if not o.sprint.closed]
        choice = where % (1 + 3 * len(sprints))
        if choice == 0:
            return None, "todo", [t.id for t in s.planning.backlog()]
        sprint = sprints[(choice - 1) // 3]
        status = ("todo", "doing", "done")[(choice - 1) % 3]
        tasks = [t.id for t in s.planning.tasks(sprint.id) if t.status == status]
        return sprint.id, status, tasks

    @rule(i=device_index, where=pick, before=pick)
    def add_task(self, i: int, where: int, before: int) -> None:
        self.counter += 1
        with self.devices[i].open() as s:
            sprint_id, status, tasks = self._column(s, where)
            at = None if not tasks or before % 3 == 0 else tasks[before % len(tasks)]
            s.planning.add_task(f"t{self.counter}", sprint_id=sprint_id, status=status, before=at)
        self._tick(i)

    @rule(i=device_index, which=pick, where=pick, before=pick)
    def move_task(self, i: int, which: int, where: int, before: int) -> None:
        with self.devices[i].open() as s:
            every = [t.id for t in s.planning.backlog()] + [
                t.id
                for o in s.planning.sprints()
                if not o.sprint.closed
                for t in s.planning.tasks(o.sprint.id)
            ]
            if every:
                task = every[which % len(every)]
                sprint_id, status, tasks = self._column(s, where)
                at = None if not tasks or before % 3 == 0 else tasks[before % len(tasks)]
                # (a done task into the backlog is refused: nothing changes)
                with contextlib.suppress(JournalError):
                    s.planning.move_task(task, sprint_id=sprint_id, status=status, before=at)
        self._tick(i)

    @rule(i=device_index, which=pick, priority=st.integers(0, 3), delete=st.booleans())
    def edit_or_delete_task(self, i: int, which: int, priority: int, delete: bool) -> None:
        with self.devices[i].open() as s:
            every = [t.id for t in s.planning.backlog()]
            if every:
                task = every[which % len(every)]
                if delete:
                    s.planning.delete_task(task)
                else:
                    s.planning.update_task(task, priority=priority, checklist=[("x", True)])
        self._tick(i)

    # ------------------------------------------------------------------ exchanging files

    @rule(i=device_index)
    def sync(self, i: int) -> None:
        self.devices[i].sync()
        self._publish(i)

    @precondition(lambda self: bool(self._files()))
    @rule(i=device_index, data=st.data())
    def deliver_some(self, i: int, data) -> None:
        files = self._files()
        chosen = data.draw(st.lists(st.sampled_from(files), max_size=len(files)))
        self._deliver(i, list(reversed(chosen)))  # any subset, any order, repeats

    # ------------------------------------------------------------------ the end

    def teardown_check(self) -> None:
        for _ in range(2):
            for i in range(3):
                self.sync(i)
            for i in range(3):
                self._deliver(i, self._files())
        for i in range(3):
            self.sync(i)
        states = [d.state() for d in self.devices]
        assert states[0] == states[1] == states[2]
        for marker in self.markers - self.purged:
            assert marker in states[0], marker


class Machine(ThreeDevices):
    def teardown(self) -> None:
        try:
            if hasattr(self, "tmp"):
                self.teardown_check()
        finally:
            super().teardown()


Machine.TestCase.settings = settings(
    max_examples=10,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_three_devices_converge = Machine.TestCase
