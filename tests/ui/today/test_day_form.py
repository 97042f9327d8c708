"""Last night's sleep, energy and the note: saved as the user goes, bad input refused."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ui.today.conftest import TODAY, at
from tests.ui.today.driving import click, leave, retype

YESTERDAY = TODAY - dt.timedelta(days=1)


def _night(qtbot, form, bed: str, wake: str) -> None:
    retype(qtbot, form.bed_edit, bed)
    leave(qtbot, form.bed_edit)
    retype(qtbot, form.wake_edit, wake)
    leave(qtbot, form.wake_edit)


def test_bed_and_wake_times_are_saved_when_the_fields_are_left(qtbot, tracking, page):
    form = page.day_form
    retype(qtbot, form.bed_edit, "1:30")
    leave(qtbot, form.bed_edit)  # on to the wake time: not an error yet
    assert form.pending_error() == ""
    assert tracking.day_logs.get(TODAY) is None
    retype(qtbot, form.wake_edit, "8:00")
    leave(qtbot, form.wake_edit)
    log = tracking.day_logs.get(TODAY)
    assert (log.bed, log.wake, log.sleep_hours) == (
        at(2026, 11, 22, 1, 30),  # after midnight: the same day
        at(2026, 11, 22, 8, 0),
        6.5,
    )
    assert (form.bed_edit.text(), form.wake_edit.text()) == ("01:30", "08:00")
    assert form.slept_label.text() == "6 h 30 min of sleep"


def test_hours_replace_the_times_and_clear_night_forgets_them(qtbot, tracking, page):
    form = page.day_form
    _night(qtbot, form, "23:00", "07:00")
    retype(qtbot, form.hours_edit, "7,5")
    assert (form.bed_edit.text(), form.wake_edit.text()) == ("", "")
    qtbot.keyClick(form.hours_edit, Qt.Key.Key_Return)
    log = tracking.day_logs.get(TODAY)
    assert (log.bed, log.wake, log.sleep_hours) == (None, None, 7.5)
    click(qtbot, form.quality.buttons[1])
    click(qtbot, form.clear_night_button)
    log = tracking.day_logs.get(TODAY)
    assert (log.sleep_hours, log.quality) == (None, 2)  # the night goes, the rating stays
    assert form.hours_edit.text() == ""
    assert form.slept_label.text() == ""
    assert form.clear_night_button.isHidden()


def test_emptying_the_fields_clears_the_night_too(qtbot, tracking, page):
    form = page.day_form
    _night(qtbot, form, "23:00", "07:00")
    retype(qtbot, form.bed_edit, "")
    retype(qtbot, form.wake_edit, "")
    leave(qtbot, form.wake_edit)
    assert tracking.day_logs.get(TODAY).sleep_hours is None


def test_a_rating_clicked_again_is_cleared(qtbot, tracking, page):
    form = page.day_form
    click(qtbot, form.energy.buttons[4])
    assert tracking.day_logs.get(TODAY).energy == 5
    click(qtbot, form.energy.buttons[4])
    assert tracking.day_logs.get(TODAY).energy is None
    assert not any(b.isChecked() for b in form.energy.buttons)


def test_a_night_across_the_autumn_clock_change_is_nine_hours(qtbot, tracking, page):
    page.show_day(dt.date(2026, 10, 25))
    form = page.day_form
    _night(qtbot, form, "23:00", "07:00")
    assert tracking.day_logs.get(dt.date(2026, 10, 25)).sleep_hours == 9.0
    assert form.slept_label.text() == "9 h of sleep"


@pytest.mark.parametrize(
    ("bed", "wake", "hours", "message"),
    [
        ("25:00", "07:00", "", "'25:00' is not a time of day (00:00 to 23:59)"),
        ("23:00", "7h", "", "'7h' is not a time of day (use HH:MM)"),
        ("07:00", "07:00", "", "The bed and wake times are the same"),
        ("23:00", "", "", "Enter the wake time too (or the hours slept)"),
        ("", "", "30", "Hours of sleep cannot be more than 24 hours"),
        ("", "", "-2", "Hours of sleep cannot be negative"),
        ("", "", "lots", "'lots' is not a number of hours"),
    ],
)
def test_bad_sleep_input_shows_inline_and_saves_nothing(
    qtbot, tracking, page, bed, wake, hours, message
):
    form = page.day_form
    for field, text in ((form.bed_edit, bed), (form.wake_edit, wake), (form.hours_edit, hours)):
        if text:
            retype(qtbot, field, text)
    click(qtbot, form.quality.buttons[2])  # leaves the fields for another part of the form
    assert form.pending_error() == message
    assert not form.sleep_error.isHidden()
    log = tracking.day_logs.get(TODAY)
    assert (log.bed, log.wake, log.sleep_hours, log.quality) == (None, None, None, 3)


def test_the_error_goes_when_the_input_is_put_right(qtbot, tracking, page):
    form = page.day_form
    retype(qtbot, form.hours_edit, "30")
    leave(qtbot, form.hours_edit)
    assert form.pending_error()
    retype(qtbot, form.hours_edit, "8")
    leave(qtbot, form.hours_edit)
    assert form.pending_error() == ""
    assert tracking.day_logs.get(TODAY).sleep_hours == 8.0


def test_the_note_is_saved_a_moment_after_typing_stops(qtbot, tracking, page, events):
    form = page.day_form
    retype(qtbot, form.note_edit, "Slow start")
    assert tracking.day_logs.get(TODAY) is None  # not per keystroke
    with qtbot.waitSignals([form.autosave.saved, events.tracking_changed], timeout=5000):
        pass
    assert tracking.day_logs.get(TODAY).note == "Slow start"
    assert form.note_edit.toPlainText() == "Slow start"


def test_what_was_typed_is_kept_when_the_day_changes(qtbot, tracking, page):
    form = page.day_form
    retype(qtbot, form.note_edit, "Typed and gone at once")
    retype(qtbot, form.hours_edit, "6")
    qtbot.keyClick(form.hours_edit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.day == YESTERDAY
    log = tracking.day_logs.get(TODAY)
    assert (log.note, log.sleep_hours) == ("Typed and gone at once", 6.0)
    assert form.note_edit.toPlainText() == ""
    assert form.hours_edit.text() == ""


def test_what_was_typed_is_kept_when_the_window_closes(qtbot, tracking, make_window):
    window = make_window()
    window.show_area("today")
    form = window.page("today").day_form
    retype(qtbot, form.note_edit, "Closing now")
    window.close()
    assert tracking.day_logs.get(TODAY).note == "Closing now"


def test_what_was_typed_is_kept_when_another_area_opens(qtbot, tracking, make_window):
    window = make_window()
    window.show_area("today")
    form = window.page("today").day_form
    retype(qtbot, form.note_edit, "Off to the journal")
    window.show_area("journal")
    assert tracking.day_logs.get(TODAY).note == "Off to the journal"


def test_a_reload_leaves_the_field_being_typed_in_alone(qtbot, tracking, page, events):
    form = page.day_form
    retype(qtbot, form.note_edit, "Half a thou")
    tracking.sessions.add(at(2026, 11, 22, 9, 0), at(2026, 11, 22, 10, 0))
    events.tracking_changed.emit()  # the timer saved a session meanwhile
    assert page.sessions.model.rowCount() == 1
    assert form.note_edit.toPlainText() == "Half a thou"
    qtbot.keyClicks(form.note_edit, "ght")
    form.flush()
    assert tracking.day_logs.get(TODAY).note == "Half a thought"


def test_hours_typed_and_taken_back_leave_the_times_as_they_were(qtbot, tracking, page):
    form = page.day_form
    _night(qtbot, form, "23:00", "07:00")
    retype(qtbot, form.hours_edit, "6")
    assert (form.bed_edit.text(), form.wake_edit.text()) == ("", "")
    qtbot.keyClick(form.hours_edit, Qt.Key.Key_Backspace)
    assert (form.bed_edit.text(), form.wake_edit.text()) == ("23:00", "07:00")
    leave(qtbot, form.hours_edit)
    log = tracking.day_logs.get(TODAY)
    assert (log.bed, log.sleep_hours) == (at(2026, 11, 21, 23, 0), 8.0)
