"""A Pomodoro notice goes to the status bar always, and to the desktop through the
system tray where there is one (faked here: offscreen has no tray)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from journal_app.ui.timer import notify


# Offscreen Qt has no tray to hook into; faking one makes it say so once.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_a_part_end_also_reaches_the_tray_when_there_is_one(
    qtbot, window, timer_ui, clock, monkeypatch
):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(notify.QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(
        notify.QSystemTrayIcon,
        "showMessage",
        lambda self, title, text, *args: shown.append((title, text)),
    )
    timer_ui.start(pomodoro=True)
    clock.advance(minutes=25)
    with qtbot.waitSignal(timer_ui.part_finished):
        timer_ui.tick()
    assert shown == [("Pomodoro", "Work part 1 done: take a break (5 min)")]
    tray = window.findChild(QSystemTrayIcon)
    assert tray is not None and tray.isVisible()
    assert "0:25:00" in tray.toolTip()
    timer_ui.stop()
    assert not tray.isVisible()  # no timer, no tray icon
    clock.advance(minutes=1)
    timer_ui.tick()
    assert len(shown) == 1
