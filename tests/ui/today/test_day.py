"""A whole day logged through the Today view, read back from the journal and from a new
window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.ui.today.conftest import TODAY, at
from tests.ui.today.driving import activate, choose, click, leave, retype, type_time


def _today_page(qtbot, window):
    window.show_area("today")
    activate(qtbot, window)
    page = window.page("today")
    assert page.isVisible()
    return page


def test_log_a_whole_day_and_find_it_again(qtbot, tracking, make_window):
    window = make_window()
    page = _today_page(qtbot, window)
    assert page.day == TODAY
    assert page.title_label.text() == "Today"
    assert page.header.day_figure.detail.text() == "0.0 h of 2 h"

    # A morning of reading with a skill that does not exist yet, added with the keyboard.
    window.nav.setFocus()  # where the focus is after a click on "Today"
    qtbot.keyClick(
        window.nav,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = page.session_dialog
    assert dialog.isVisible()
    type_time(qtbot, dialog.start.time_edit, "0900")
    retype(qtbot, dialog.minutes, "90")
    assert dialog.end.time_edit.time().toString("HH:mm") == "10:30"
    choose(qtbot, dialog.pickers.category, "Reading")
    retype(qtbot, dialog.pickers.skill.lineEdit(), "Rust")
    retype(qtbot, dialog.note_edit, "The Book, ch. 4")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()

    # An afternoon of writing, by the button, with start and end times.
    click(qtbot, page.sessions.add_button)
    dialog = page.session_dialog
    type_time(qtbot, dialog.start.time_edit, "1400")
    type_time(qtbot, dialog.end.time_edit, "1630")
    assert dialog.minutes.value() == 150
    choose(qtbot, dialog.pickers.category, "Writing")
    retype(qtbot, dialog.pickers.skill.lineEdit(), "Rust")  # the one just created
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()

    # Last night, quality, energy and a note.
    activate(qtbot, window)  # offscreen, no window is active after a dialog closes
    form = page.day_form
    retype(qtbot, form.bed_edit, "23:30")
    leave(qtbot, form.bed_edit)
    retype(qtbot, form.wake_edit, "7:15")
    leave(qtbot, form.wake_edit)
    click(qtbot, form.quality.buttons[3])
    click(qtbot, form.energy.buttons[2])
    with qtbot.waitSignal(form.autosave.saved, timeout=30_000):  # a hang bound (~1 s)
        retype(qtbot, form.note_edit, "Good focus after a walk.")

    # An output, through the output dialog.
    click(qtbot, page.outputs.add_button)
    output_dialog = page.output_dialog
    retype(qtbot, output_dialog.title_edit, "Ownership, explained")
    choose(qtbot, output_dialog.kind_combo, "Blog")
    choose(qtbot, output_dialog.status_combo, "Pub")
    retype(qtbot, output_dialog.url_edit, "https://example.org/ownership")
    retype(qtbot, output_dialog.words_edit, "1200")
    qtbot.keyClick(output_dialog.words_edit, Qt.Key.Key_Return)
    assert not output_dialog.isVisible()

    # What the journal holds.
    skill = tracking.skills.find("Rust")
    assert skill is not None
    parts = tracking.sessions.for_day(TODAY)
    assert [(p.start, p.end) for p in parts] == [
        (at(2026, 11, 22, 9, 0), at(2026, 11, 22, 10, 30)),
        (at(2026, 11, 22, 14, 0), at(2026, 11, 22, 16, 30)),
    ]
    first, second = (p.session for p in parts)
    assert (first.category, first.skill, first.note, first.source) == (
        "Reading",
        "Rust",
        "The Book, ch. 4",
        "manual",
    )
    assert (second.category, second.side, second.skill_id) == ("Writing", "production", skill.id)
    log = tracking.day_logs.get(TODAY)
    assert log.bed == at(2026, 11, 21, 23, 30)
    assert log.wake == at(2026, 11, 22, 7, 15)
    assert log.sleep_hours == 7.75
    assert (log.quality, log.energy, log.note) == (4, 3, "Good focus after a walk.")
    (output,) = tracking.outputs.for_day(TODAY)
    assert (output.kind, output.title, output.status, output.url, output.words) == (
        "blog_post",
        "Ownership, explained",
        "published",
        "https://example.org/ownership",
        1200,
    )

    # What the page shows: the header agrees with day_summary.
    summary = tracking.stats.day_summary(TODAY)
    assert summary.deep_work_hours == 4.0
    assert page.header.day_figure.detail.text() == "4.0 h of 2 h · target reached"
    assert page.header.day_figure.bar.fractions() == [2.0]
    assert page.header.week_figure.detail.text().startswith("4.0 h of 14 h")
    assert page.header.split_figure.detail.text() == "2.5 h production · 1.5 h consumption"
    assert page.sessions.heading_row.count_label.text() == "2 · 4.0 h"
    assert form.slept_label.text() == "7 h 45 min of sleep"
    window.close()

    # A new window shows it all again.
    again = _today_page(qtbot, make_window())
    assert again.sessions.model.rowCount() == 2
    model = again.sessions.model
    assert model.index(0, 0).data() == "09:00 – 10:30"
    assert model.index(0, 1).data() == "1 h 30 min"
    assert model.index(0, 3).data() == "Rust"
    assert model.index(1, 2).data() == "Writing"
    assert again.day_form.bed_edit.text() == "23:30"
    assert again.day_form.wake_edit.text() == "07:15"
    assert again.day_form.quality.value() == 4
    assert again.day_form.energy.value() == 3
    assert again.day_form.note_edit.toPlainText() == "Good focus after a walk."
    assert again.outputs.model.index(0, 1).data() == "Ownership, explained"
    assert again.header.day_figure.detail.text() == "4.0 h of 2 h · target reached"


def test_every_write_tells_the_other_views(qtbot, page, events):
    with qtbot.waitSignal(events.tracking_changed, timeout=1000):
        click(qtbot, page.day_form.quality.buttons[0])
    dialog = page.open_session_dialog()
    with qtbot.waitSignal(events.tracking_changed, timeout=1000):
        click(qtbot, dialog.save_button)
    assert page.sessions.model.rowCount() == 1
    assert page.day == dt.date(2026, 11, 22)


def test_overlapping_sessions_show_their_clock_time_once(qtbot, tracking, make_window):
    """09:00-11:30 and 10:00-12:00 are 3 h of clock time: the header and the Sessions
    heading say 3.0 h, not 4.5 h."""
    tracking.sessions.add_local(TODAY, dt.time(9), dt.time(11, 30))
    tracking.sessions.add_local(TODAY, dt.time(10), dt.time(12))
    page = _today_page(qtbot, make_window())
    assert page.header.day_figure.detail.text() == "3.0 h of 2 h · target reached"
    assert page.sessions.heading_row.count_label.text() == "2 · 3.0 h"
