"""Moving between days, and staying current when other views write."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit

from tests.ui.fake_window import FakeWindow
from tests.ui.today.conftest import TODAY, at
from tests.ui.today.driving import click, leave, retype, type_date

ALT = Qt.KeyboardModifier.AltModifier


def test_opens_on_today_and_offers_no_later_day(qtbot, page):
    nav = page.navigator
    assert page.day == TODAY
    assert page.title_label.text() == "Today"
    assert page.subtitle_label.text() == "Sunday, 22 November 2026 · week 47"
    assert not nav.next_button.isEnabled()
    assert not nav.today_button.isEnabled()
    assert nav.date_edit.maximumDate() == QDate(2026, 11, 22)
    qtbot.keyClick(page, Qt.Key.Key_Right, ALT)
    assert page.day == TODAY
    page.show_day(TODAY + dt.timedelta(days=3))  # e.g. asked for by another view
    assert page.day == TODAY


def test_alt_arrows_buttons_and_the_picker_move_between_days(qtbot, page):
    nav = page.navigator
    qtbot.keyClick(page, Qt.Key.Key_Left, ALT)
    assert page.day == TODAY - dt.timedelta(days=1)
    assert page.title_label.text() == "Yesterday"
    click(qtbot, nav.previous_button)
    assert page.day == dt.date(2026, 11, 20)
    assert page.title_label.text() == "Friday, 20 November 2026"
    assert page.subtitle_label.text() == "2 days ago · week 47"
    assert nav.next_button.isEnabled() and nav.today_button.isEnabled()
    type_date(qtbot, nav.date_edit, "2025")  # the picker reads "Thu 20 Nov 2025"
    assert page.day == dt.date(2025, 11, 20)
    nav.date_edit.setSelectedSection(QDateTimeEdit.Section.MonthSection)
    qtbot.keyClicks(nav.date_edit, "Mar")
    assert page.day == dt.date(2025, 3, 20)
    qtbot.keyClick(page, Qt.Key.Key_Right, ALT)
    assert page.day == dt.date(2025, 3, 21)
    click(qtbot, nav.today_button)
    assert page.day == TODAY


def test_a_past_day_can_be_filled_in(qtbot, tracking, page):
    day = dt.date(2026, 11, 16)
    with qtbot.waitSignal(page.day_changed, timeout=1000) as shown:
        page.show_day(day)
    assert shown.args == [day]
    form = page.day_form
    retype(qtbot, form.hours_edit, "6.5")
    leave(qtbot, form.hours_edit)
    click(qtbot, form.energy.buttons[1])
    dialog = page.open_session_dialog()
    click(qtbot, dialog.save_button)
    assert tracking.day_logs.get(day).sleep_hours == 6.5
    assert tracking.day_logs.get(day).energy == 2
    assert tracking.day_logs.get(TODAY) is None
    (part,) = tracking.sessions.for_day(day)
    assert (part.start, part.end) == (at(2026, 11, 16, 9, 0), at(2026, 11, 16, 10, 0))
    assert page.header.day_figure.detail.text() == "1.0 h of 2 h"
    assert page.header.week_figure.detail.text() == "1.0 h of 14 h · Mon 16 Nov – Sun 22 Nov"


def test_the_dashboard_can_open_a_day(qtbot, tracking, make_window):
    window = make_window()
    window.open_day(dt.date(2026, 11, 2))  # what a click on a chart does
    assert window.current_area() == "today"
    assert window.page("today").day == dt.date(2026, 11, 2)


def test_writes_elsewhere_show_at_once_when_on_screen(qtbot, tracking, page, events):
    tracking.sessions.add(at(2026, 11, 22, 9, 0), at(2026, 11, 22, 9, 45))
    assert page.sessions.model.rowCount() == 0
    events.timer_changed.emit()
    assert page.sessions.model.rowCount() == 1
    assert page.header.day_figure.detail.text() == "0.8 h of 2 h"


def test_writes_elsewhere_show_when_the_page_comes_back(qtbot, tracking, page, events):
    page.hide()
    before = page.last_reload_ms
    tracking.sessions.add(at(2026, 11, 22, 9, 0), at(2026, 11, 22, 10, 0))
    tracking.tracking_settings.update(daily_target_hours=3)
    events.tracking_changed.emit()
    assert page.sessions.model.rowCount() == 0  # not read while hidden
    assert page.last_reload_ms == before
    page.show()
    assert page.sessions.model.rowCount() == 1
    assert page.header.day_figure.detail.text() == "1.0 h of 3 h"


def test_midnight_passing_while_away_moves_today_on(qtbot, tracking, page, clock):
    page.hide()
    clock.advance(hours=3)  # 00:30 on Monday in Berlin
    page.show()
    assert page.day == TODAY + dt.timedelta(days=1)
    assert page.title_label.text() == "Today"
    assert page.navigator.date_edit.maximumDate() == QDate(2026, 11, 23)


def test_a_session_deleted_elsewhere_is_not_opened(qtbot, tracking, make_window):
    gone = tracking.sessions.add(at(2026, 11, 22, 9, 0), at(2026, 11, 22, 10, 0))
    window = make_window()
    window.show_area("today")
    page = window.page("today")
    tracking.sessions.delete(gone.id)  # e.g. by the CLI, while the row is on screen
    page.sessions.select_session(gone.id)
    click(qtbot, page.sessions.edit_button)
    assert window.statusBar().currentMessage() == f"there is no session {gone.id}"
    assert page.sessions.model.rowCount() == 0


def test_the_focus_timer_can_be_started_from_here(qtbot, tracking, events):
    """The timer's own Start action (installed after the first paint) gets a button."""
    from PySide6.QtGui import QAction

    from journal_app.ui.today.page import TodayPage

    window = FakeWindow()
    qtbot.addWidget(window)
    start = window.start = QAction("&Start Focus Session…", window)
    page = TodayPage(tracking, events)
    window.setCentralWidget(page)
    window.show()
    qtbot.waitExposed(window)
    button = page.sessions.focus_button
    assert button.isVisible()
    with qtbot.waitSignal(start.triggered, timeout=1000):
        click(qtbot, button)
    start.setEnabled(False)  # a timer runs
    assert not button.isEnabled()
    assert button.text() == "Start focus…"
