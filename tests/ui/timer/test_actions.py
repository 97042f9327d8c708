"""The Track menu's shortcuts clash with no other key of the window, its pages or the
Markdown editor, and the menu follows the timer's state."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from journal_app.ui.timer.actions import PAUSE_KEYS, START_STOP_KEYS


def test_the_timer_keys_are_nobody_elses(qtbot, window, timer_ui):
    qtbot.waitUntil(lambda: window.journal_page._pane is not None)
    for key in ("today", "sprints", "dashboard", "resources"):
        window.page(key)  # build every page: their actions count too
    a = timer_ui.actions
    ours = {a.start, a.pause, a.stop, a.skip_break, a.relabel, a.discard, a.settings}
    taken: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        if action in ours:
            continue
        for key in action.shortcuts():
            taken.setdefault(key.toString(), []).append(action.text())
    for standard in QKeySequence.StandardKey:
        for key in QKeySequence.keyBindings(standard):
            taken.setdefault(key.toString(), []).append(str(standard))
    assert len(taken) > 20  # the walk found the editor's and the pages' keys
    assert "Ctrl+Shift+T" in taken  # why the brief's first idea was not used
    for keys in (START_STOP_KEYS, PAUSE_KEYS):
        assert QKeySequence(keys).toString() not in taken, taken.get(keys)


def test_the_menu_follows_the_timer(qtbot, window, timer_ui, journal, clock):
    actions = timer_ui.actions
    timer_ui.start(pomodoro=True)
    assert [actions.start.isEnabled(), actions.stop.isEnabled(), actions.pause.isEnabled()] == [
        False,
        True,
        True,
    ]
    assert not actions.skip_break.isEnabled()
    clock.advance(minutes=26)
    timer_ui.tick()
    assert actions.skip_break.isEnabled()
    actions.pause.trigger()
    assert actions.pause.text() == "&Resume"
    actions.stop.trigger()
    assert actions.start.isEnabled() and not actions.discard.isEnabled()
    assert journal.timer.status() is None
