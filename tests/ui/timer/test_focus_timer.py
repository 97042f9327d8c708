"""The focus timer in the status bar, driven as a user would: the start dialog, the
buttons and the Track menu; time moves by the injected clock and ``tick()``."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from journal_app.ui.timer import format as fmt
from journal_app.ui.timer.actions import PAUSE_KEYS, START_STOP_KEYS
from journal_app.ui.timer.controller import POMODORO_KEY

from .conftest import BERLIN

DAY = dt.date(2026, 11, 22)


def start_by_dialog(qtbot, timer_ui, *, category="Cod", skill="", note="", pomodoro=None):
    """Click "Start focus", pick by typing, click Start; returns the dialog."""
    qtbot.mouseClick(timer_ui.widget.start_button, Qt.MouseButton.LeftButton)
    dialog = timer_ui.dialog
    assert dialog is not None and dialog.isVisible()
    if category:
        qtbot.keyClicks(dialog.pickers.category, category)  # keyboard search in the list
    if skill:
        qtbot.keyClicks(dialog.pickers.skill.lineEdit(), skill)
    if note:
        qtbot.keyClicks(dialog.note_edit, note)
    if pomodoro is not None and dialog.pomodoro_check.isChecked() != pomodoro:
        qtbot.mouseClick(dialog.pomodoro_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def nudge(window):
    """The user presses a key: input, so not idle."""
    QTest.keyClick(window, Qt.Key.Key_Shift)


def test_idle_shows_start_focus_and_the_track_menu_sits_before_help(window, timer_ui):
    assert timer_ui.widget.text() == "Start focus"
    assert timer_ui.widget.isVisible()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-2:] == ["&Track", "&Help"]
    actions = timer_ui.actions
    assert actions.start.isEnabled() and not actions.stop.isEnabled()
    assert not actions.pause.isEnabled() and not actions.discard.isEnabled()
    assert actions.start.shortcut() == QKeySequence(START_STOP_KEYS)


def test_start_by_dialog_then_the_status_bar_counts(qtbot, window, timer_ui, journal, clock):
    dialog = start_by_dialog(
        qtbot, timer_ui, skill="Machine learning", note="attention exercises", pomodoro=False
    )
    assert not dialog.isVisible()
    state = journal.timer.status()
    assert (state.category, state.skill, state.note, state.pomodoro) == (
        "Coding",
        "Machine learning",
        "attention exercises",
        None,
    )
    assert journal.skills.find("Machine learning") is not None  # typed: created
    clock.advance(hours=1, minutes=2, seconds=3)
    nudge(window)
    timer_ui.tick()
    assert timer_ui.widget.text() == "●  1:02:03  Coding · Machine learning  Pause"
    assert "Focus timer started" in window.statusBar().currentMessage()
    actions = timer_ui.actions
    assert not actions.start.isEnabled() and actions.stop.isEnabled()
    assert actions.stop.shortcut() == QKeySequence(START_STOP_KEYS)
    assert actions.start.shortcut().isEmpty()


def test_a_refused_skill_name_keeps_the_dialog_open_and_starts_nothing(qtbot, timer_ui, journal):
    qtbot.mouseClick(timer_ui.widget.start_button, Qt.MouseButton.LeftButton)
    dialog = timer_ui.dialog
    dialog.pickers.skill.setEditText("x" * 500)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text()
    assert journal.timer.status() is None


def test_pause_and_resume_by_button_and_keys(qtbot, window, timer_ui, journal, clock):
    start_by_dialog(qtbot, timer_ui)
    clock.advance(minutes=20)
    qtbot.mouseClick(timer_ui.widget.pause_button, Qt.MouseButton.LeftButton)
    assert not journal.timer.status().running
    assert timer_ui.widget.text() == "Paused  0:20:00  Coding  Resume"
    assert timer_ui.actions.pause.text() == "&Resume"
    clock.advance(minutes=30)  # paused: does not count
    timer_ui.tick()
    assert "0:20:00" in timer_ui.widget.text()
    QTest.keySequence(window, QKeySequence(PAUSE_KEYS))
    assert journal.timer.status().running
    clock.advance(minutes=5)
    timer_ui.tick()
    assert timer_ui.widget.text().startswith("●  0:25:00")


def test_stop_saves_one_timer_session_with_its_labels(qtbot, window, timer_ui, journal, clock):
    events = window.events
    start_by_dialog(qtbot, timer_ui, skill="Machine learning", note="chapter 3")
    clock.advance(minutes=50)
    with (
        qtbot.waitSignal(events.tracking_changed),
        qtbot.waitSignal(events.timer_changed),
    ):
        qtbot.mouseClick(timer_ui.widget.stop_button, Qt.MouseButton.LeftButton)
    (part,) = journal.sessions.for_day(DAY)
    session = part.session
    assert (session.source, session.category, session.skill, session.note) == (
        "timer",
        "Coding",
        "Machine learning",
        "chapter 3",
    )
    assert session.duration == dt.timedelta(minutes=50)
    assert timer_ui.widget.text() == "Start focus"
    assert "50 min" in window.statusBar().currentMessage()


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("stretches", "saved_text"),
    [((35, 40), "1 min"), ((65, 65), "2 min")],
    ids=["35s+40s", "65s+65s"],
)
def test_a_paused_session_is_saved_whole_as_one_session(
    qtbot, window, timer_ui, journal, clock, stretches, saved_text
):
    """35 s, pause, 40 s, stop used to say "Under a minute: nothing was saved", and
    65 s + 65 s gave two 1-minute sessions: each stretch was its own session."""
    widget = timer_ui.widget
    start_by_dialog(qtbot, timer_ui)
    for n, seconds in enumerate(stretches):
        if n:
            clock.advance(minutes=4)  # the pause
            click(qtbot, widget.pause_button)  # resume
        clock.advance(seconds=seconds)
        click(qtbot, widget.pause_button)
    worked = dt.timedelta(seconds=sum(stretches))
    assert fmt.clock_text(worked) in widget.text()
    click(qtbot, widget.stop_button)
    assert window.statusBar().currentMessage() == f"Saved a focus session of {saved_text}"
    (part,) = journal.sessions.for_day(DAY)
    assert part.duration == worked
    assert part.session.start.astimezone(BERLIN).time() == dt.time(21, 30)  # its start
    assert widget.text() == "Start focus"


@pytest.mark.parametrize("answer", ["keep", "discard"])
def test_stopping_under_a_minute_asks_before_anything_is_thrown_away(
    qtbot, window, timer_ui, journal, clock, answer
):
    widget = timer_ui.widget
    start_by_dialog(qtbot, timer_ui)
    clock.advance(seconds=25)
    click(qtbot, widget.pause_button)
    clock.advance(minutes=2)
    click(qtbot, widget.pause_button)
    clock.advance(seconds=15)
    click(qtbot, widget.stop_button)
    prompt = timer_ui.pending_prompt
    assert prompt is not None and prompt.isVisible()
    assert prompt.text() == "Only 40 s timed so far."
    assert prompt.defaultButton() is prompt.keep_button is prompt.escapeButton()
    assert journal.timer.status().elapsed == dt.timedelta(seconds=40)  # nothing lost yet
    click(qtbot, prompt.keep_button if answer == "keep" else prompt.discard_button)
    assert timer_ui.pending_prompt is None
    state = journal.timer.status()
    if answer == "keep":
        assert state.running and state.elapsed == dt.timedelta(seconds=40)
        clock.advance(seconds=30)
        click(qtbot, widget.stop_button)
        (part,) = journal.sessions.for_day(DAY)
        assert part.duration == dt.timedelta(seconds=70)
    else:
        assert state is None and journal.sessions.for_day(DAY) == []
        assert window.statusBar().currentMessage() == "The focus session was discarded"
    assert widget.text() == "Start focus"


def test_the_start_stop_shortcut_works_while_the_editor_has_the_focus(
    qtbot, window, timer_ui, journal, clock
):
    qtbot.waitUntil(lambda: window.journal_page._pane is not None)
    editor = window.journal_page.editor_pane.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    before = editor.toPlainText()
    QTest.keySequence(editor, QKeySequence(START_STOP_KEYS))
    dialog = timer_ui.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    clock.advance(minutes=3)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    QTest.keySequence(editor, QKeySequence(START_STOP_KEYS))
    assert journal.timer.status() is None
    assert [p.session.duration for p in journal.sessions.for_day(DAY)] == [dt.timedelta(minutes=3)]
    assert editor.toPlainText() == before  # the keys typed nothing


def test_a_timer_across_midnight_is_one_session_in_two_days(qtbot, timer_ui, journal, clock):
    start_by_dialog(qtbot, timer_ui)  # 21:30 in Berlin
    clock.advance(hours=4)  # 01:30 next morning
    timer_ui.tick()
    assert "4:00:00" in timer_ui.widget.text()
    timer_ui.stop()
    (evening,) = journal.sessions.for_day(DAY)
    (morning,) = journal.sessions.for_day(DAY + dt.timedelta(days=1))
    assert evening.session.id == morning.session.id
    assert (evening.hours, morning.hours) == (2.5, 1.5)
    assert evening.is_split and morning.is_split
    assert evening.end.astimezone(BERLIN).time() == dt.time(0, 0)


def test_pomodoro_part_ends_are_announced(qtbot, window, timer_ui, journal, clock, settings):
    journal.tracking_settings.update(
        pomodoro_work_minutes=25, pomodoro_break_minutes=5, pomodoro_long_break_every=0
    )
    start_by_dialog(qtbot, timer_ui, pomodoro=True)
    assert settings.value(POMODORO_KEY) in (True, "true")
    assert "Work 1 · 25:00 left" in timer_ui.widget.text()
    clock.advance(minutes=24, seconds=59)
    with qtbot.assertNotEmitted(timer_ui.part_finished):
        timer_ui.tick()
    assert "Work 1 · 0:01 left" in timer_ui.widget.text()
    clock.advance(seconds=1)
    with qtbot.waitSignal(timer_ui.part_finished) as blocker:
        timer_ui.tick()
    assert blocker.args == ["Work part 1 done: take a break (5 min)"]
    assert "Work part 1 done" in window.statusBar().currentMessage()
    assert "Break · 5:00 left" in timer_ui.widget.text()
    assert timer_ui.widget.skip_button.isVisibleTo(timer_ui.widget)
    assert timer_ui.actions.skip_break.isEnabled()
    clock.advance(minutes=5)
    with qtbot.waitSignal(timer_ui.part_finished) as blocker:
        timer_ui.tick()
    assert blocker.args == ["Break over: work part 2 starts (25 min)"]
    clock.advance(minutes=26)
    with qtbot.waitSignal(timer_ui.part_finished):
        timer_ui.tick()
    # Skipping the break is the user's doing: no notice for it.
    with qtbot.assertNotEmitted(timer_ui.part_finished):
        qtbot.mouseClick(timer_ui.widget.skip_button, Qt.MouseButton.LeftButton)
        timer_ui.tick()
    assert "Work 3 · 25:00 left" in timer_ui.widget.text()
    result = timer_ui.stop()
    assert result.worked == dt.timedelta(minutes=50)


def test_the_pomodoro_choice_is_remembered_for_the_next_start(qtbot, timer_ui, clock):
    start_by_dialog(qtbot, timer_ui, pomodoro=True)
    clock.advance(minutes=2)
    timer_ui.stop()
    qtbot.mouseClick(timer_ui.widget.start_button, Qt.MouseButton.LeftButton)
    dialog = timer_ui.dialog
    assert dialog.pomodoro_check.isChecked()
    assert dialog.pickers.category.currentText().startswith("Coding")  # last labels, too
    dialog.reject()


@pytest.mark.parametrize("keep", [True, False])
def test_idle_time_is_kept_or_discarded_on_return(qtbot, window, timer_ui, journal, clock, keep):
    journal.tracking_settings.update(idle_minutes=10)
    timer_ui.settings = journal.tracking_settings.get()
    start_by_dialog(qtbot, timer_ui)
    clock.advance(minutes=20)
    nudge(window)  # still here at 21:50
    timer_ui.tick()
    clock.advance(minutes=9)
    timer_ui.tick()
    assert timer_ui.pending_prompt is None and "Idle" not in timer_ui.widget.text()
    clock.advance(minutes=6)  # 15 minutes without input
    timer_ui.tick()
    assert timer_ui.widget.text().startswith("Idle  0:35:00")
    assert timer_ui.pending_prompt is None  # asked on return, not while away
    clock.advance(minutes=5)
    QTest.keyClick(window, Qt.Key.Key_Shift)  # back
    qtbot.waitUntil(lambda: timer_ui.pending_prompt is not None)
    prompt = timer_ui.pending_prompt
    assert "No keyboard or mouse input since 21:50: 20 min" in prompt.text()
    assert prompt.keep_button.text() == "&Keep 20 min"
    clicked = prompt.keep_button if keep else prompt.discard_button
    qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)
    assert timer_ui.pending_prompt is None
    state = journal.timer.status()
    assert state.running
    assert state.elapsed == (dt.timedelta(minutes=40) if keep else dt.timedelta(minutes=20))
    clock.advance(minutes=10)
    timer_ui.tick()
    assert timer_ui.pending_prompt is None and "Idle" not in timer_ui.widget.text()
    result = timer_ui.stop()
    assert result.worked == (dt.timedelta(minutes=50) if keep else dt.timedelta(minutes=30))


def test_discarding_the_running_session_asks_first(qtbot, timer_ui, journal, clock):
    start_by_dialog(qtbot, timer_ui)
    clock.advance(minutes=30)
    timer_ui.actions.discard.trigger()
    prompt = timer_ui.pending_prompt
    assert "0:30:00" in prompt.informativeText()
    assert prompt.defaultButton() is prompt.cancel_button
    prompt.cancel()
    assert journal.timer.status() is not None
    timer_ui.actions.discard.trigger()
    qtbot.mouseClick(timer_ui.pending_prompt.discard_button, Qt.MouseButton.LeftButton)
    assert journal.timer.status() is None
    assert journal.sessions.for_day(DAY) == []
    assert timer_ui.widget.text() == "Start focus"


def test_changing_the_labels_while_it_runs(qtbot, timer_ui, journal, clock):
    start_by_dialog(qtbot, timer_ui)
    qtbot.mouseClick(timer_ui.widget.labels_button, Qt.MouseButton.LeftButton)
    dialog = timer_ui.dialog
    assert dialog.windowTitle() == "Change focus session"
    assert dialog.pickers.category.currentText().startswith("Coding")
    qtbot.keyClicks(dialog.pickers.category, "Rea")
    qtbot.keyClicks(dialog.note_edit, "paper")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Reading" in timer_ui.widget.text()
    clock.advance(minutes=5)
    session = timer_ui.stop().session
    assert (session.category, session.note) == ("Reading", "paper")


def test_a_timer_changed_elsewhere_shows_up(qtbot, window, timer_ui, journal, clock):
    """The CLI or the Today page start and stop the timer too."""
    journal.timer.start(category_id=journal.categories.find("Writing").id, watched=False)
    window.events.timer_changed.emit()
    assert timer_ui.widget.text().startswith("●  0:00:00  Writing")
    clock.advance(minutes=2)
    journal.timer.stop()
    timer_ui.tick()  # no event from another process: the next tick notices
    assert timer_ui.widget.text() == "Start focus"
    # A button pressed on a stale display explains instead of failing.
    journal.timer.start()
    timer_ui.tick()
    journal.timer.cancel()
    assert timer_ui.toggle_pause() is None
    assert window.statusBar().currentMessage() == "No focus timer is running"
    assert timer_ui.widget.text() == "Start focus"


def test_heartbeats_go_out_while_it_runs(qtbot, timer_ui, journal, clock):
    start_by_dialog(qtbot, timer_ui)
    started = journal.timer.status().last_heartbeat
    clock.advance(seconds=20)
    timer_ui.tick()
    assert journal.timer.status().last_heartbeat == started
    clock.advance(seconds=15)
    timer_ui.tick()
    assert journal.timer.status().last_heartbeat == started + dt.timedelta(seconds=35)
    clock.advance(minutes=-10)  # the system clock is set back: beat anyway
    timer_ui.tick()
    assert journal.timer.status().last_heartbeat == clock.now
    clock.advance(minutes=30)
    assert journal.timer.recover() is not None  # what a killed app would leave


@pytest.mark.parametrize(
    ("choice", "closes", "left"),
    [("keep", True, "running"), ("stop", True, "saved"), ("cancel", False, "running")],
)
def test_quitting_with_a_running_timer(
    qtbot, window, timer_ui, journal, clock, choice, closes, left
):
    from journal_app.ui.timer.prompts import QuitChoice

    start_by_dialog(qtbot, timer_ui)
    clock.advance(minutes=45)
    asked = []
    timer_ui.ask_quit = lambda state: asked.append(state.elapsed) or QuitChoice(choice)
    window.close()
    assert asked == [dt.timedelta(minutes=45)]
    assert window.isVisible() is not closes
    timer_ui.ask_quit = lambda state: QuitChoice.KEEP  # let the test's teardown close it
    state = journal.timer.status()
    if left == "running":
        assert state.running
        # Kept for the background: its last heartbeat is the quit (cancel: not a quit).
        assert (state.last_heartbeat == clock.now) is closes
        assert journal.sessions.for_day(DAY) == []
    else:
        assert state is None
        assert [p.session.duration for p in journal.sessions.for_day(DAY)] == [
            dt.timedelta(minutes=45)
        ]


def test_quitting_with_stop_under_a_minute_discards_as_the_question_said(
    qtbot, window, timer_ui, journal, clock
):
    from journal_app.ui.timer.prompts import QuitChoice

    start_by_dialog(qtbot, timer_ui)
    clock.advance(seconds=30)
    timer_ui.ask_quit = lambda state: QuitChoice.STOP  # "Stop and Discard" (under a minute)
    window.close()
    assert not window.isVisible()
    assert journal.timer.status() is None and journal.sessions.for_day(DAY) == []


def test_offscreen_quit_keeps_the_timer_without_asking(qtbot, window, timer_ui, journal):
    start_by_dialog(qtbot, timer_ui)
    window.close()  # would hang if it asked a modal question
    assert not window.isVisible()
    assert journal.timer.status().running


def test_a_paused_timer_closes_without_a_question(qtbot, window, timer_ui, journal, clock):
    start_by_dialog(qtbot, timer_ui)
    timer_ui.toggle_pause()
    timer_ui.ask_quit = lambda state: pytest.fail("asked about a paused timer")
    window.close()
    assert not window.isVisible() and not journal.timer.status().running


def test_the_timer_shows_on_every_area(qtbot, window, timer_ui):
    for key in ("today", "sprints", "dashboard", "resources", "journal"):
        window.show_area(key)
        assert timer_ui.widget.isVisible(), key
