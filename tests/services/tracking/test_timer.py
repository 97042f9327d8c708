"""The focus timer with an injected clock: start/pause/resume/stop, one at a time,
heartbeat and recovery after a kill, idle time, Pomodoro, a clock moving backwards."""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import subprocess
import sys

import pytest

from journal_app.db.models import Category, Setting, WorkSession
from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.pomodoro import PomodoroConfig
from journal_app.services.tracking.timer import STATE_KEY, TimerTooShort

from .conftest import BERLIN


def test_start_then_stop_saves_one_timed_session(tracking, clock):
    writing = tracking.categories.find("Writing")
    skill = tracking.skills.add("Writing")
    state = tracking.timer.start(category_id=writing.id, skill_id=skill.id, note="explainer")
    assert (state.running, state.category, state.skill, state.elapsed) == (
        True,
        "Writing",
        "Writing",
        dt.timedelta(0),
    )
    clock.advance(minutes=50)
    assert tracking.timer.status().elapsed == dt.timedelta(minutes=50)
    result = tracking.timer.stop()
    session = result.session
    assert (session.source, session.category, session.skill, session.note) == (
        "timer",
        "Writing",
        "Writing",
        "explainer",
    )
    assert session.end - session.start == result.worked == dt.timedelta(minutes=50)
    assert tracking.timer.status() is None
    assert Setting.get_or_none(Setting.key == STATE_KEY) is None


def test_only_one_timer_runs_at_a_time(tracking, clock):
    tracking.timer.start()
    with pytest.raises(InvalidInput, match=r"a timer is already running \(started 21:30\)"):
        tracking.timer.start()
    with pytest.raises(InvalidInput, match="no timer is running"):
        tracking.timer.cancel() or tracking.timer.stop()


def test_pause_and_resume_leave_the_pause_out(tracking, clock):
    timer = tracking.timer
    start = clock.now
    timer.start()
    clock.advance(minutes=20)
    paused = timer.pause()
    assert (paused.running, paused.elapsed) == (False, dt.timedelta(minutes=20))
    with pytest.raises(InvalidInput, match="already paused"):
        timer.pause()
    clock.advance(minutes=15)
    assert timer.status().elapsed == dt.timedelta(minutes=20)
    resumed = timer.resume()
    assert resumed.running
    with pytest.raises(InvalidInput, match="already running"):
        timer.resume()
    clock.advance(minutes=25)
    result = timer.stop()
    # One session from the first start, as long as the work: the pause is left out.
    assert (result.session.start, result.session.end) == (start, start + dt.timedelta(minutes=45))
    assert result.worked == dt.timedelta(minutes=45)
    assert WorkSession.select().count() == 1


@pytest.mark.parametrize(
    "stretches",
    [(35, 40), (65, 65), (20, 20, 20), (59, 1)],
    ids=["35s+40s", "65s+65s", "3x20s", "59s+1s"],
)
def test_every_worked_second_of_a_paused_timer_is_one_session(tracking, clock, stretches):
    """Each stretch between pauses used to be its own session, and those under a minute
    were dropped: 35 s + 40 s saved nothing, 65 s + 65 s two 1-minute sessions."""
    timer = tracking.timer
    start = clock.now
    timer.start()
    for n, seconds in enumerate(stretches):
        if n:
            clock.advance(minutes=3)  # paused
            timer.resume()
        clock.advance(seconds=seconds)
        timer.pause()
    result = timer.stop()
    worked = dt.timedelta(seconds=sum(stretches))
    assert result.worked == worked
    (part,) = tracking.sessions.for_day(start.astimezone(BERLIN).date())
    assert (part.session.id, part.session.start, part.duration) == (
        result.session.id,
        start,
        worked,
    )


def test_less_than_a_minute_is_refused_and_kept_until_discarded(tracking, clock):
    tracking.timer.start()
    clock.advance(seconds=25)
    tracking.timer.pause()
    clock.advance(minutes=5)
    tracking.timer.resume()
    clock.advance(seconds=15)
    with pytest.raises(TimerTooShort, match="only 40 s timed") as refused:
        tracking.timer.stop()
    assert refused.value.worked == dt.timedelta(seconds=40)
    state = tracking.timer.status()  # nothing changed: still running, nothing lost
    assert state.running and state.elapsed == dt.timedelta(seconds=40)
    assert WorkSession.select().count() == 0
    clock.advance(seconds=20)
    assert tracking.timer.stop().worked == dt.timedelta(minutes=1)


def test_a_clock_moved_backwards_never_makes_negative_time(tracking, clock):
    tracking.timer.start()
    clock.advance(minutes=30)
    tracking.timer.pause()
    tracking.timer.resume()
    clock.advance(hours=-2)  # the system clock is set back
    assert tracking.timer.status().elapsed == dt.timedelta(minutes=30)
    result = tracking.timer.stop()
    assert result.session.duration == dt.timedelta(minutes=30)


def test_a_timer_across_midnight_is_one_session_split_by_day(tracking, clock):
    tracking.timer.start()  # 21:30 in Berlin
    clock.advance(hours=4)
    session = tracking.timer.stop().session
    evening = tracking.stats.day_summary(dt.date(2026, 11, 22))
    morning = tracking.stats.day_summary(dt.date(2026, 11, 23))
    assert (evening.deep_work_hours, morning.deep_work_hours) == (2.5, 1.5)
    assert [p.session.id for p in morning.sessions] == [session.id]


def test_the_labels_can_change_while_it_runs(tracking, clock):
    tracking.timer.start()
    reading = tracking.categories.find("Reading")
    state = tracking.timer.relabel(category_id=reading.id, note="chapter 2")
    assert (state.category, state.note) == ("Reading", "chapter 2")
    with pytest.raises(InvalidInput, match="there is no skill 42"):
        tracking.timer.relabel(skill_id=42)
    clock.advance(minutes=10)
    session = tracking.timer.stop(note="chapter 2 and 3").session
    assert (session.category, session.note) == ("Reading", "chapter 2 and 3")


def test_a_category_deleted_while_it_runs_does_not_lose_the_time(tracking, clock):
    mine = tracking.categories.add("Kaggle", "production")
    tracking.timer.start(category_id=mine.id)
    tracking.categories.delete(mine.id)
    clock.advance(minutes=30)
    session = tracking.timer.stop().session
    assert session.category is None and session.hours == 0.5


# --------------------------------------------------------------------------- crash


def test_kill_and_restart_recovers_the_running_timer(data_paths, clock):
    first = Services.open(data_paths, clock=clock)
    first.tz = BERLIN
    first.timer.start(category_id=Category.get(Category.name == "Coding").id)
    clock.advance(minutes=30)
    first.timer.heartbeat()
    clock.advance(seconds=30)
    first.timer.heartbeat()  # last sign of life at 22:00:30
    first.close()  # the process is killed: no stop, no pause

    clock.advance(minutes=45)
    second = Services.open(data_paths, clock=clock)
    try:
        second.tz = BERLIN
        recovery = second.timer.recover()
        assert recovery is not None
        assert recovery.since_heartbeat == dt.timedelta(minutes=45)
        assert recovery.last_heartbeat.astimezone(BERLIN).strftime("%H:%M:%S") == "22:00:30"
        assert recovery.timer.category == "Coding" and recovery.timer.running
        # The user discards the time since the last heartbeat: 30.5 min are kept.
        paused = second.timer.discard_idle(recovery.last_heartbeat)
        assert not paused.running
        assert paused.elapsed == dt.timedelta(minutes=30, seconds=30)
        assert second.timer.recover() is None
        session = second.timer.stop().session
        assert session.duration == dt.timedelta(minutes=30, seconds=30)
    finally:
        second.close()


def test_keeping_the_time_after_a_crash(tracking, clock):
    tracking.timer.start()
    clock.advance(minutes=1)
    assert tracking.timer.recover() is None  # a fresh heartbeat: nothing crashed
    clock.advance(minutes=9)
    recovery = tracking.timer.recover(stale_after=dt.timedelta(minutes=5))
    assert recovery is not None and recovery.since_heartbeat == dt.timedelta(minutes=10)
    kept = tracking.timer.heartbeat()
    assert kept.elapsed == dt.timedelta(minutes=10) and kept.running
    assert tracking.timer.recover(stale_after=dt.timedelta(minutes=5)) is None


def test_a_cli_timer_is_not_mistaken_for_a_crash(tracking, clock):
    tracking.timer.start(watched=False)
    clock.advance(hours=3)
    assert tracking.timer.recover() is None
    assert tracking.timer.status().last_heartbeat is None
    assert tracking.timer.stop().worked == dt.timedelta(hours=3)


def test_a_damaged_state_is_forgotten_not_fatal(tracking):
    Setting.create(key=STATE_KEY, value="{not json")
    assert tracking.timer.status() is None
    assert tracking.timer.start().running


# --------------------------------------------------------------------------- idle


def test_idle_time_is_found_then_discarded_or_kept(tracking, clock):
    timer = tracking.timer
    timer.start()
    clock.advance(minutes=20)
    last_input = clock.now
    clock.advance(minutes=8)
    assert timer.idle_since(last_input, idle_minutes=10) is None
    clock.advance(minutes=4)
    assert timer.idle_since(last_input, idle_minutes=10) == dt.timedelta(minutes=12)
    state = timer.discard_idle(last_input, resume=True)
    assert state.running and state.elapsed == dt.timedelta(minutes=20)
    clock.advance(minutes=5)
    assert timer.status().elapsed == dt.timedelta(minutes=25)
    timer.pause()
    with pytest.raises(InvalidInput, match="paused; there is no idle time"):
        timer.discard_idle(clock.now)
    # An idle start before the running stretch discards the whole stretch, no more.
    timer.resume()
    clock.advance(minutes=7)
    assert timer.discard_idle(clock.now - dt.timedelta(hours=5)).elapsed == dt.timedelta(minutes=25)


# --------------------------------------------------------------------------- Pomodoro


def test_pomodoro_parts_and_their_ends(tracking, clock):
    config = PomodoroConfig(
        work_minutes=25, break_minutes=5, long_break_minutes=15, long_break_every=2
    )
    timer = tracking.timer
    start = clock.now
    state = timer.start(pomodoro=config)
    assert (state.pomodoro.kind, state.pomodoro.number) == ("work", 1)
    assert state.pomodoro.ends_at == start + dt.timedelta(minutes=25)
    clock.advance(minutes=26)
    state = timer.status()
    assert (state.pomodoro.kind, state.pomodoro.ends_at) == (
        "break",
        start + dt.timedelta(minutes=30),
    )
    assert state.elapsed == dt.timedelta(minutes=25)  # the break is not work
    clock.advance(minutes=4)
    assert timer.status().pomodoro.kind == "work"
    clock.advance(minutes=25 + 3)
    assert timer.status().pomodoro.kind == "long_break"
    # Pausing freezes the schedule: the rest of the long break is still there after.
    paused = timer.pause()
    assert paused.pomodoro.ends_at is None
    assert paused.pomodoro.remaining == dt.timedelta(minutes=12)
    clock.advance(hours=1)
    resumed = timer.resume()
    assert resumed.pomodoro.ends_at == clock.now + dt.timedelta(minutes=12)
    result = timer.stop()
    # Breaks are left out like pauses: one session of the two work parts.
    assert (result.session.start, result.worked) == (start, dt.timedelta(minutes=50))


def test_skipping_a_break_starts_the_next_work_part_now(tracking, clock):
    timer = tracking.timer
    timer.start(pomodoro=PomodoroConfig(work_minutes=25, break_minutes=5))
    with pytest.raises(InvalidInput, match="a work part, not a break"):
        timer.skip_break()
    clock.advance(minutes=27)
    state = timer.skip_break()
    assert (state.pomodoro.kind, state.pomodoro.number) == ("work", 2)
    assert state.pomodoro.ends_at == clock.now + dt.timedelta(minutes=25)
    clock.advance(minutes=10)
    assert timer.stop().worked == dt.timedelta(minutes=35)


def test_skip_break_needs_a_pomodoro(tracking):
    tracking.timer.start()
    with pytest.raises(InvalidInput, match="no Pomodoro"):
        tracking.timer.skip_break()


def test_pomodoro_lengths_are_checked():
    for bad in (
        {"work_minutes": 0},
        {"break_minutes": -1},
        {"work_minutes": float("nan")},
        {"long_break_every": 1.5},
        {"long_break_every": -1},
    ):
        with pytest.raises(InvalidInput):
            PomodoroConfig(**bad)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_process_killed_with_the_timer_running_leaves_it_recoverable(data_paths):
    script = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from journal_app.config import check_data_dir\n"
        "from journal_app.services import Services\n"
        f"s = Services.open(check_data_dir(Path({str(data_paths.root)!r}), create=True))\n"
        "s.timer.start(note='killed')\n"
        "s.timer.heartbeat()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
    with Services.open(data_paths, clock=lambda: later) as services:
        recovery = services.timer.recover()
        assert recovery is not None and recovery.timer.note == "killed"
        assert dt.timedelta(minutes=9) < recovery.since_heartbeat < dt.timedelta(minutes=11)
        services.timer.heartbeat()  # keep it
        session = services.timer.stop().session
        assert session.note == "killed" and session.duration >= dt.timedelta(minutes=10)


def test_the_cli_stopping_the_timer_ends_the_guis_heartbeats(tracking, clock):
    tracking.timer.start()
    clock.advance(minutes=5)
    assert tracking.timer.status().as_dict()["elapsed_minutes"] == 5.0
    tracking.timer.stop()  # e.g. `journal-app timer stop` from a terminal
    assert tracking.timer.heartbeat() is None
    assert tracking.timer.recover() is None


def test_a_heartbeat_racing_a_cli_stop_neither_fails_nor_resurrects_the_timer(
    data_paths, clock, monkeypatch
):
    """The GUI's heartbeat reads the state, the CLI stops the timer in between, then
    the heartbeat writes: the write must not fail, nor bring the timer back."""
    import journal_app.services.tracking.timer as timer_module

    services = Services.open(data_paths, clock=clock)
    services.timer.start()
    clock.advance(minutes=3)
    script = (
        "from pathlib import Path\n"
        "from journal_app.config import check_data_dir\n"
        "from journal_app.services import Services\n"
        f"s = Services.open(check_data_dir(Path({str(data_paths.root)!r}), create=False))\n"
        "print(s.timer.stop().session.id)\n"
    )
    cli: list[subprocess.Popen[str]] = []
    real_load = timer_module.TimerService._load

    def load_then_race() -> object:
        state = real_load()
        if not cli:
            cli.append(
                subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
            )
            # Give the CLI the chance to commit first; it may wait for our write lock.
            with contextlib.suppress(subprocess.TimeoutExpired):
                cli[0].wait(timeout=1)
        return state

    monkeypatch.setattr(timer_module.TimerService, "_load", staticmethod(load_then_race))
    try:
        services.timer.heartbeat()
        out, _ = cli[0].communicate(timeout=60)
        monkeypatch.undo()
        assert cli[0].returncode == 0 and out.strip() == "1"
        assert services.timer.status() is None
        assert WorkSession.select().count() == 1
    finally:
        services.close()
