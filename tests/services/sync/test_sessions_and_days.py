"""Work sessions and day logs travel (schema v10): a uid per session, one row per day for
day logs, last writer wins per field; a running timer stays on its device until
stopped; overlapping sessions from two devices are both kept and counted once."""

from __future__ import annotations

import datetime as dt

from journal_app.db.models import SyncDirty, WorkSession
from tests.services.sync.helpers import START, devices, sync_all

DAY = START.date()


def _at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute), tzinfo=dt.UTC)


def _sessions(device) -> list[tuple[str, str, str, str | None]]:
    with device.open() as s:
        return sorted(
            (str(x.session.start), str(x.session.end), x.session.note, x.session.category)
            for x in s.sessions.between(DAY, DAY)
        )


def test_a_session_and_its_edits_reach_the_other_device(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        paper = s.categories.add("Paper reading", "consumption")
        made = s.sessions.add(_at(9), _at(11), category_id=paper.id, note="attention")
    sync_all(laptop, desktop)
    assert _sessions(desktop) == _sessions(laptop)
    assert len(_sessions(desktop)) == 1
    # Concurrent edits of two fields of one session: both kept.
    with laptop.open() as s:
        s.sessions.update(made.id, note="attention, again")
    laptop.clock.advance(minutes=1)
    with desktop.open() as s:
        (theirs,) = s.sessions.between(DAY, DAY)
        s.sessions.update(theirs.session.id, end=_at(12))
    desktop.clock.advance(minutes=1)
    sync_all(laptop, desktop)
    assert _sessions(laptop) == _sessions(desktop)
    ((_, end, note, _),) = _sessions(laptop)
    assert (end, note) == (str(_at(12)), "attention, again")
    assert laptop.state() == desktop.state()


def test_a_running_timer_stays_here_until_stopped(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        s.timer.start(note="deep work")
        # A session row left open (an older version's timer) is held back too.
        WorkSession.create(start=dt.datetime(2026, 11, 1, 8), end=None, note="open")
    laptop.clock.advance(minutes=50)
    sync_all(laptop, desktop)
    with desktop.open() as s:
        assert WorkSession.select().count() == 0
    with laptop.open() as s:
        s.timer.stop()
        assert SyncDirty.select().where(SyncDirty.tbl == "work_session").count() == 1
    sync_all(laptop, desktop)
    with desktop.open() as s:
        assert [(w.note, w.source) for w in WorkSession.select()] == [("deep work", "timer")]
        assert s.stats.deep_work_hours(DAY) == 50 / 60


def test_overlapping_sessions_from_two_devices_count_clock_time_once(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        s.sessions.add(_at(9), _at(11), note="laptop")
    with desktop.open() as s:
        s.sessions.add(_at(10), _at(12), note="desktop")
    sync_all(laptop, desktop)
    for device in (laptop, desktop):
        assert [note for _, _, note, _ in _sessions(device)] == ["laptop", "desktop"]
        with device.open() as s:
            assert s.stats.deep_work_hours(DAY) == 3.0  # 9-12, not 4 hours
    assert laptop.state() == desktop.state()


def test_deleting_a_session_wins_over_an_edit_made_meanwhile(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        made = s.sessions.add(_at(9), _at(11), note="first")
    sync_all(laptop, desktop)
    with desktop.open() as s:
        (theirs,) = s.sessions.between(DAY, DAY)
        s.sessions.update(theirs.session.id, note="edited meanwhile")
    desktop.clock.advance(minutes=5)  # the edit is even later than the delete
    with laptop.open() as s:
        s.sessions.delete(made.id)
    sync_all(laptop, desktop)
    assert _sessions(laptop) == _sessions(desktop) == []
    assert laptop.state() == desktop.state()


def test_two_devices_logging_one_day_make_one_row(tmp_path):
    _, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        s.day_logs.save(DAY, hours=7.5, note="laptop")
    laptop.clock.advance(minutes=1)
    with desktop.open() as s:
        s.day_logs.save(DAY, energy=4)
    desktop.clock.advance(minutes=1)
    sync_all(laptop, desktop)
    for device in (laptop, desktop):
        with device.open() as s:
            (log,) = s.day_logs.between(DAY, DAY)
            # Per field: the hours and the note from one, the energy from the other
            # (an empty field of a row made on both is not sent until it is set).
            assert (log.sleep_hours, log.energy, log.note) == (7.5, 4, "laptop")
    assert laptop.state() == desktop.state()
    # Deleted on one, logged again later on the other: back, with what was logged.
    with laptop.open() as s:
        s.day_logs.delete(DAY)
    sync_all(laptop, desktop)
    with desktop.open() as s:
        assert s.day_logs.between(DAY, DAY) == []
        s.day_logs.save(DAY, hours=6.0)
    sync_all(laptop, desktop)
    with laptop.open() as s:
        (log,) = s.day_logs.between(DAY, DAY)
        assert (log.sleep_hours, log.energy) == (6.0, None)
    assert laptop.state() == desktop.state()
