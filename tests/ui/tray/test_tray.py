"""The tray icon (issue #18): its menu (the focus timer's time, its Start and Stop, New
Entry, Open, Quit), keeping the app running in the tray when the window closes, and the
Reminders and Tray options with start at login."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QSystemTrayIcon

from journal_app.autostart import autostart_path
from journal_app.services.reminders import ReminderKind, ReminderSettings
from journal_app.ui.timer import notify
from journal_app.ui.timer.prompts import QuitChoice
from journal_app.ui.tray import controller as tray_controller
from journal_app.ui.tray.prefs import load_tray_prefs
from tests.ui.tray.conftest import BERLIN, MONDAY


def close_button(window) -> bool:
    """Close the window as its title bar's close button does; True when it closed (the
    app would quit with its last window), False when it stayed or was hidden."""
    closed = window.close()
    assert not window.isVisible() or not closed
    return closed


def menu_texts(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.tray.menu.actions() if a.text()]


def test_menu_shows_the_timer_and_reuses_its_actions(fake_tray, open_window, journal, clock):
    window = open_window()
    tray = fake_tray[0]
    assert tray.visible and tray.menu is window.tray.menu
    assert menu_texts(window) == [
        "No focus session",
        "Start Focus Session…",
        "Stop and Save",
        "New Entry",
        "Open Self-Study Journal",
        "Reminders and Tray…",
        "Quit",
    ]
    timer_actions = window.focus_timer.actions
    assert timer_actions.start in window.tray.menu.actions()
    assert timer_actions.stop in window.tray.menu.actions()
    assert not timer_actions.stop.isEnabled()
    assert tray.tip == "Self-Study Journal"

    journal.timer.start()
    clock.now += dt.timedelta(minutes=25, seconds=3)
    window.focus_timer.tick()  # the timer's own round of work tells the window
    window.events.timer_changed.emit()
    assert window.tray.timer_item.text() == "Focus 0:25:03 · Unlabelled session"
    assert tray.tip == "Self-Study Journal\nFocus 0:25:03 · Unlabelled session"
    assert timer_actions.stop.isEnabled() and not timer_actions.start.isEnabled()

    window.focus_timer.ask_quit = lambda state: QuitChoice.KEEP
    timer_actions.stop.trigger()  # from the tray menu: the timer's own Stop
    assert journal.timer.status() is None
    window.events.timer_changed.emit()
    assert window.tray.timer_item.text() == "No focus session"


def test_new_entry_and_open_from_the_tray(fake_tray, save_prefs, open_window, qtbot):
    save_prefs(keep_running=True)
    window = open_window()
    window.show_area("sprints")
    close_button(window)
    assert not window.isVisible()
    window.tray.open_action.trigger()
    assert window.isVisible()
    close_button(window)
    window.tray.new_entry_action.trigger()
    assert window.isVisible()
    assert window.current_area() == "journal"
    pane = window.journal_page.editor_pane
    assert pane.entry is None and pane.has_document()


def test_closing_keeps_running_in_the_tray_and_quit_quits(
    fake_tray, save_prefs, open_window, journal, qtbot
):
    save_prefs(keep_running=True)
    window = open_window()
    controller = window.tray
    quits: list[bool] = []
    controller.quit_app = lambda: quits.append(True)
    asked: list[object] = []
    window.focus_timer.ask_quit = lambda state: asked.append(state) or QuitChoice.KEEP
    journal.timer.start()
    window.focus_timer.tick()

    assert not close_button(window)  # hidden instead: the app and its timer keep running
    assert not window.isVisible()
    assert fake_tray[0].visible
    assert asked == [] and quits == []
    assert journal.timer.status() is not None
    assert controller.reminders.timer.isActive()

    controller.quit_action.trigger()  # the timer's question is asked, then the app quits
    assert len(asked) == 1
    assert quits == [True]
    assert not fake_tray[0].visible


def test_quit_cancelled_at_the_timers_question_keeps_the_app(
    fake_tray, save_prefs, open_window, journal
):
    save_prefs(keep_running=True)
    window = open_window()
    quits: list[bool] = []
    window.tray.quit_app = lambda: quits.append(True)
    window.focus_timer.ask_quit = lambda state: QuitChoice.CANCEL
    journal.timer.start()
    window.focus_timer.tick()
    close_button(window)
    window.tray.quit_action.trigger()
    assert quits == []
    assert window.isVisible()  # shown for the question, and still there
    window.focus_timer.ask_quit = lambda state: QuitChoice.KEEP  # the teardown closes it


def test_file_quit_quits_even_when_kept_in_the_tray(fake_tray, save_prefs, open_window, journal):
    save_prefs(keep_running=True)
    window = open_window()
    asked: list[object] = []
    window.focus_timer.ask_quit = lambda state: asked.append(state) or QuitChoice.KEEP
    journal.timer.start()
    window.focus_timer.tick()
    window.quit_action.trigger()  # File ▸ Quit: the window closes, and the app with it
    assert not window.isVisible()
    assert len(asked) == 1  # the timer's quit question: a real close, not a hide


def test_without_the_option_closing_closes(fake_tray, save_prefs, open_window):
    save_prefs(keep_running=False)
    window = open_window()
    assert close_button(window)


def test_the_demo_journal_is_never_kept_in_the_tray(fake_tray, save_prefs, open_window, journal):
    save_prefs(keep_running=True)
    journal.throwaway = True
    window = open_window()
    assert close_button(window)  # the demo is deleted when its window closes, as it says


def test_tray_icon_off(fake_tray, save_prefs, open_window):
    save_prefs(tray_icon=False, keep_running=True)
    window = open_window()
    assert fake_tray == [] and window.tray.tray is None
    assert close_button(window)  # no tray to come back from: closing closes


def open_options(window, qtbot):
    track = window.focus_timer.actions.menu
    assert window.tray.options_action in track.actions()  # Track ▸ Reminders and Tray…
    dialog = window.tray.open_dialog()
    qtbot.waitExposed(dialog)
    return dialog


def test_options_are_kept_and_applied(fake_tray, open_window, qtbot, settings):
    window = open_window()
    assert window.tray.reminders.planned_for is None  # off until asked for
    dialog = open_options(window, qtbot)
    dialog.remind.setChecked(True)
    dialog.time.setTime(dialog.time.time().fromString("07:45", "HH:mm"))
    dialog.weekdays.setChecked(True)
    dialog.kinds[ReminderKind.SLEEP].setChecked(False)
    dialog.keep_running.setChecked(True)
    dialog.login.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()

    prefs = load_tray_prefs(settings)
    assert prefs.reminder == ReminderSettings(
        enabled=True, at=dt.time(7, 45), weekdays_only=True, kinds=frozenset({ReminderKind.LOG})
    )
    assert prefs.keep_running and prefs.tray_icon and prefs.start_at_login
    entry = autostart_path().read_text(encoding="utf-8")
    assert "X-Journal-App-Autostart=true" in entry
    assert f"--data-dir {window.tray.data_dir()}" in entry
    # Applied at once: tomorrow (Tuesday) at 7:45, and closing now hides the window.
    assert window.tray.reminders.planned_for == dt.datetime.combine(
        MONDAY + dt.timedelta(days=1), dt.time(7, 45), tzinfo=BERLIN
    )
    assert not close_button(window) and not window.isVisible()

    window.tray.open_action.trigger()
    dialog = open_options(window, qtbot)
    assert dialog.login.isChecked()
    dialog.login.setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not autostart_path().exists()
    assert not load_tray_prefs(settings).start_at_login


def test_a_foreign_autostart_file_is_left_alone(fake_tray, open_window, qtbot, settings):
    path = autostart_path()
    path.parent.mkdir(parents=True)
    path.write_text("[Desktop Entry]\nExec=my-wrapper\n", encoding="utf-8")
    window = open_window()
    dialog = open_options(window, qtbot)
    assert not dialog.login.isChecked()
    dialog.remind.setChecked(True)
    dialog.login.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()  # refused: nothing kept
    assert dialog.error.isVisible()
    assert "was not written by Self-Study Journal" in dialog.error.text()
    assert path.read_text(encoding="utf-8") == "[Desktop Entry]\nExec=my-wrapper\n"
    assert not load_tray_prefs(settings).reminder.enabled

    dialog.login.setChecked(False)  # and turning it off leaves the file, too
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert path.read_text(encoding="utf-8") == "[Desktop Entry]\nExec=my-wrapper\n"
    assert load_tray_prefs(settings).reminder.enabled


# Offscreen Qt has no tray to hook into; a real icon made there says so once.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_pomodoro_notices_use_the_one_tray_icon(open_window, clock, monkeypatch, qtbot):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(tray_controller, "tray_available", lambda: True)
    monkeypatch.setattr(notify.QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(
        notify.QSystemTrayIcon,
        "showMessage",
        lambda self, title, text, *args: shown.append((title, text)),
    )
    window = open_window()
    timer_ui = window.focus_timer
    timer_ui.start(pomodoro=True)
    clock.advance(minutes=25)
    with qtbot.waitSignal(timer_ui.part_finished):
        timer_ui.tick()
    assert shown == [("Pomodoro", "Work part 1 done: take a break (5 min)")]
    trays = window.findChildren(QSystemTrayIcon)
    assert len(trays) == 1 and trays[0].isVisible()  # the app's icon, not a second one
    timer_ui.ask_quit = lambda state: QuitChoice.KEEP
    timer_ui.stop()
    assert trays[0].isVisible()  # the timer does not hide the app's icon
