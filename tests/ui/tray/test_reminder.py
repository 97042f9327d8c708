"""The daily reminder in the window (issue #18), on an injected clock: planned with one
timer for its time, shown once when today is not logged, never when it is, skipped at the
weekend when asked; a click writes today's log or opens Today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from journal_app.services.reminders import ReminderKind, ReminderSettings
from journal_app.ui.tray.reminder import MAX_WAIT
from tests.ui.tray.conftest import BERLIN, MONDAY, SATURDAY, berlin


def fire(window, clock, when: dt.datetime) -> None:
    """Move the clock to ``when`` and let the reminder's timer fire."""
    clock.now = when
    window.tray.reminders.timer.timeout.emit()


def test_fires_at_its_time_in_the_tray_and_opens_a_new_entry(
    fake_tray, save_prefs, open_window, clock, qtbot
):
    save_prefs()
    window = open_window()
    tray = fake_tray[0]
    reminders = window.tray.reminders
    assert reminders.planned_for == dt.datetime.combine(MONDAY, dt.time(20), tzinfo=BERLIN)
    assert reminders.timer.isActive()
    assert reminders.timer.interval() == MAX_WAIT.total_seconds() * 1000  # not per second
    fire(window, clock, berlin(MONDAY, 19, 15))
    assert tray.messages == []
    fire(window, clock, berlin(MONDAY, 20))
    assert tray.messages == [("Journal reminder", "Write today's log\nYou haven't logged sleep")]
    fire(window, clock, berlin(MONDAY, 21))  # once a day
    assert len(tray.messages) == 1
    assert reminders.planned_for == dt.datetime.combine(
        MONDAY + dt.timedelta(days=1), dt.time(20), tzinfo=BERLIN
    )

    window.show_area("dashboard")
    tray.messageClicked.emit()
    assert window.current_area() == "journal"
    pane = window.journal_page.editor_pane
    assert pane.entry is None and pane.has_document()  # a new entry, written when typed in


def test_not_when_today_is_logged(fake_tray, save_prefs, open_window, journal, clock):
    save_prefs()
    journal.entries.create(day=MONDAY, title="Monday", body="Read two chapters")
    journal.day_logs.save(MONDAY, hours=7.0)
    window = open_window()
    fire(window, clock, berlin(MONDAY, 20, 5))
    assert fake_tray[0].messages == []
    assert not window.tray.notice.isVisible()


def test_only_what_is_missing_and_sleep_opens_today(
    fake_tray, save_prefs, open_window, journal, clock
):
    save_prefs()
    journal.entries.create(day=MONDAY, title="Monday", body="Read two chapters")
    window = open_window()
    fire(window, clock, berlin(MONDAY, 20))
    tray = fake_tray[0]
    assert tray.messages == [("Journal reminder", "You haven't logged sleep")]
    tray.messageClicked.emit()
    assert window.current_area() == "today"


def test_only_the_kinds_chosen(fake_tray, save_prefs, open_window, clock):
    save_prefs(
        reminder=ReminderSettings(
            enabled=True, at=dt.time(20), kinds=frozenset({ReminderKind.SLEEP})
        )
    )
    window = open_window()
    fire(window, clock, berlin(MONDAY, 20))
    assert fake_tray[0].messages == [("Journal reminder", "You haven't logged sleep")]


def test_weekdays_only_skips_the_weekend(fake_tray, save_prefs, open_window, clock):
    save_prefs(reminder=ReminderSettings(enabled=True, at=dt.time(20), weekdays_only=True))
    clock.now = berlin(SATURDAY, 19)
    window = open_window()
    reminders = window.tray.reminders
    assert reminders.planned_for == dt.datetime.combine(
        SATURDAY + dt.timedelta(days=2), dt.time(20), tzinfo=BERLIN
    )
    fire(window, clock, berlin(SATURDAY, 20, 30))
    assert fake_tray[0].messages == []


def test_a_window_opened_after_the_time_still_reminds_once(
    fake_tray, save_prefs, open_window, clock, make_window, qtbot
):
    save_prefs()
    clock.now = berlin(MONDAY, 22)
    window = open_window()
    assert len(fake_tray[0].messages) == 1
    window.close()
    again = open_window()  # the same evening: it was shown already
    assert again.tray is not None
    assert len(fake_tray) == 2 and fake_tray[1].messages == []


def test_off_plans_nothing(fake_tray, save_prefs, open_window, clock):
    save_prefs(reminder=ReminderSettings(enabled=False))
    window = open_window()
    assert window.tray.reminders.planned_for is None
    assert not window.tray.reminders.timer.isActive()
    fire(window, clock, berlin(MONDAY, 21))
    assert fake_tray[0].messages == []


def test_without_a_tray_a_notice_in_the_window(save_prefs, open_window, journal, clock, qtbot):
    save_prefs()
    window = open_window()  # the offscreen platform has no tray
    notice = window.tray.notice
    assert window.tray.tray is None
    fire(window, clock, berlin(MONDAY, 20))
    assert notice.isVisible()
    assert "Write today's log" in notice.text()
    window.show_area("sprints")
    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    assert window.current_area() == "journal"
    assert window.journal_page.editor_pane.has_document()


def test_the_notice_goes_when_the_day_is_logged(save_prefs, open_window, journal, clock):
    save_prefs(
        reminder=ReminderSettings(enabled=True, at=dt.time(20), kinds=frozenset({ReminderKind.LOG}))
    )
    window = open_window()
    fire(window, clock, berlin(MONDAY, 20))
    assert window.tray.notice.isVisible()
    journal.entries.create(day=MONDAY, title="Monday", body="Logged from the CLI")
    window.events.entries_changed.emit()
    assert not window.tray.notice.isVisible()


def test_a_clock_change_or_a_night_asleep_is_noticed_on_the_next_fire(
    fake_tray, save_prefs, open_window, clock
):
    save_prefs()
    window = open_window()
    reminders = window.tray.reminders
    fire(window, clock, berlin(MONDAY, 17))  # the clock was set back: still today at 20:00
    assert reminders.planned_for == dt.datetime.combine(MONDAY, dt.time(20), tzinfo=BERLIN)
    assert fake_tray[0].messages == []
    # Asleep from 17:00 until the next evening: the first fire after waking reminds once,
    # for the day it is now.
    tuesday = MONDAY + dt.timedelta(days=1)
    fire(window, clock, berlin(tuesday, 21, 40))
    assert len(fake_tray[0].messages) == 1
    assert reminders.shown_on == tuesday
    assert reminders.planned_for == dt.datetime.combine(
        tuesday + dt.timedelta(days=1), dt.time(20), tzinfo=BERLIN
    )
