"""A timer left running when the app went away (killed, crashed, or quit with "keep
running") is offered at the next start: keep the time since the last heartbeat, or
discard it. In one process here; tests/e2e/test_kill_timer.py kills a real one."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

DAY = dt.date(2026, 11, 22)


def started_window(open_window, journal, clock):
    """A window whose timer has run 30 min (heartbeats included), then the app is gone
    without stopping it: the controller just stops, as a killed process would."""
    window = open_window()
    ui = window.focus_timer
    ui.start(category_id=journal.categories.find("Coding").id, note="kill me")
    for _ in range(60):  # 30 min of ticks, a heartbeat every 30 s
        clock.advance(seconds=30)
        ui.tick()
    ui.detach()  # killed: no stop, no pause, no last heartbeat
    window.hide()
    return window


@pytest.mark.parametrize("keep", [True, False])
def test_a_killed_timer_is_recovered_at_the_next_start(qtbot, open_window, journal, clock, keep):
    started_window(open_window, journal, clock)  # last heartbeat 22:00 in Berlin
    clock.advance(minutes=45)
    window = open_window()
    ui = window.focus_timer
    prompt = ui.pending_prompt
    assert prompt is not None and prompt.isVisible()
    assert "(Coding) was running when the app last stopped, at 22:00: 45 min ago" in prompt.text()
    assert prompt.defaultButton() is prompt.keep_button
    # While the question is open no heartbeat goes out (it would mean "keep").
    clock.advance(minutes=1)
    ui.tick()
    assert journal.timer.status().last_heartbeat.astimezone(dt.UTC).strftime("%H:%M") == "21:00"
    button = prompt.keep_button if keep else prompt.discard_button
    with qtbot.waitSignal(window.events.timer_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ui.pending_prompt is None
    state = journal.timer.status()
    if keep:
        assert state.running and state.elapsed == dt.timedelta(minutes=76)
        assert ui.widget.text().startswith("●  1:16:00  Coding")
    else:
        assert not state.running and state.elapsed == dt.timedelta(minutes=30)
        assert ui.widget.text().startswith("Paused  0:30:00  Coding")
    assert journal.timer.recover() is None
    session = ui.stop().session
    assert (session.source, session.category, session.note) == ("timer", "Coding", "kill me")
    assert session.duration == dt.timedelta(minutes=76 if keep else 30)
    assert [p.session.id for p in journal.sessions.for_day(DAY)] == [session.id]


def test_quit_keeping_it_running_is_recovered_like_a_crash(qtbot, open_window, journal, clock):
    first = open_window()
    first.focus_timer.start()
    clock.advance(minutes=10)
    first.close()  # offscreen: "keep running" without a question; last heartbeat now
    clock.advance(minutes=20)
    second = open_window()
    prompt = second.focus_timer.pending_prompt
    assert prompt is not None and "20 min ago" in prompt.text()
    prompt.discard()
    state = journal.timer.status()
    assert not state.running and state.elapsed == dt.timedelta(minutes=10)


def test_a_fresh_heartbeat_or_a_cli_timer_asks_nothing(qtbot, open_window, journal, clock):
    journal.timer.start(watched=False)  # from the CLI: nothing watched it
    clock.advance(hours=2)
    window = open_window()
    assert window.focus_timer.pending_prompt is None
    assert window.focus_timer.widget.text().startswith("●  2:00:00")
    # The window watches it from now on: a heartbeat went out.
    assert journal.timer.status().last_heartbeat == clock.now
