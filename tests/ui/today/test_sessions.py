"""Sessions on the Today view: add, edit, delete and undo, overlaps, bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.today.conftest import TODAY, at
from tests.ui.today.driving import activate, click, retype, type_date, type_time


@pytest.fixture
def morning(tracking):
    """10:00-11:00 today, reading a paper."""
    reading = tracking.categories.find("Reading")
    return tracking.sessions.add(
        at(2026, 11, 22, 10, 0), at(2026, 11, 22, 11, 0), category_id=reading.id, note="paper"
    )


def _spans(tracking, day=TODAY):
    return [(p.start, p.end) for p in tracking.sessions.for_day(day)]


def _rows(page):
    model = page.sessions.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


# -- editing --------------------------------------------------------------------------


def test_enter_edits_the_selected_session(qtbot, tracking, morning, page):
    table = page.sessions.table
    page.sessions.select_session(morning.id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = page.session_dialog
    assert dialog.windowTitle() == "Edit Session"
    assert dialog.note_edit.text() == "paper"
    assert dialog.pickers.category.currentText().startswith("Reading")
    assert dialog.minutes.value() == 60
    type_time(qtbot, dialog.end.time_edit, "1145")
    assert dialog.minutes.value() == 105
    retype(qtbot, dialog.note_edit, "paper, twice")
    click(qtbot, dialog.save_button)
    edited = tracking.sessions.get(morning.id)
    assert (edited.end, edited.note) == (at(2026, 11, 22, 11, 45), "paper, twice")
    assert _rows(page) == ["10:00 – 11:45"]
    assert page.sessions.selected_session_id() == morning.id
    assert page.header.day_figure.detail.text() == "1.8 h of 2 h"


def test_double_click_edits_and_cancel_changes_nothing(qtbot, tracking, morning, page):
    table = page.sessions.table
    cell = table.visualRect(page.sessions.model.index(0, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    dialog = page.session_dialog
    assert dialog.isVisible()
    type_time(qtbot, dialog.start.time_edit, "0600")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert tracking.sessions.get(morning.id) == morning


def test_a_new_session_on_a_past_day_starts_after_its_last_one(qtbot, tracking, morning, page):
    page.show_day(TODAY - dt.timedelta(days=1))
    dialog = page.open_session_dialog()
    assert dialog.start.wall() == (TODAY - dt.timedelta(days=1), dt.time(9, 0))
    click(qtbot, dialog.save_button)
    page.show_day(TODAY)
    dialog = page.open_session_dialog()
    assert dialog.start.wall() == (TODAY, dt.time(20, 30))  # the hour before now (21:30)
    dialog.reject()


def test_moving_a_session_to_another_day_says_where_it_went(qtbot, tracking, morning, make_window):
    window = make_window()
    window.show_area("today")
    page = window.page("today")
    dialog = page.open_session_dialog(morning.id)
    type_date(qtbot, dialog.start.date_edit, "20261120")
    click(qtbot, dialog.save_button)
    assert _spans(tracking, dt.date(2026, 11, 20)) == [
        (at(2026, 11, 20, 10, 0), at(2026, 11, 20, 11, 0))
    ]
    assert _rows(page) == []
    assert window.statusBar().currentMessage() == "Session saved on Fri 20 Nov"


# -- deleting -------------------------------------------------------------------------


def test_delete_key_deletes_and_undo_brings_it_back(qtbot, tracking, morning, page, events):
    timed = tracking.sessions.insert_spans(
        [(at(2026, 11, 22, 14, 0), at(2026, 11, 22, 15, 0))],
        _labels(tracking, skill="Rust", note="timed"),
        "timer",
    )[0]
    events.tracking_changed.emit()  # as the focus timer does after saving
    table = page.sessions.table
    page.sessions.select_session(timed.id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert _spans(tracking) == [(morning.start, morning.end)]
    assert _rows(page) == ["10:00 – 11:00"]
    bar = page.sessions.undo_bar
    assert bar.isVisible()
    assert bar.label.text() == "Session deleted"
    click(qtbot, bar.undo_button)
    assert not bar.isVisible()
    (back,) = [p.session for p in tracking.sessions.for_day(TODAY) if p.session.id != morning.id]
    assert (back.start, back.end, back.skill, back.note, back.source) == (
        timed.start,
        timed.end,
        "Rust",
        "timed",
        "timer",
    )
    assert _rows(page) == ["10:00 – 11:00", "14:00 – 15:00"]
    assert page.sessions.selected_session_id() == back.id


def test_ctrl_z_in_the_table_undoes_a_delete(qtbot, tracking, morning, make_window):
    tracking.sessions.add(at(2026, 11, 22, 14, 0), at(2026, 11, 22, 15, 0))
    window = make_window()
    window.show_area("today")
    activate(qtbot, window)
    page = window.page("today")
    table = page.sessions.table
    page.sessions.select_session(morning.id)
    table.setFocus()
    click(qtbot, page.sessions.delete_button)
    assert len(_spans(tracking)) == 1
    table.setFocus()
    assert window.edit_actions["undo"].isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _spans(tracking)[0] == (morning.start, morning.end)
    assert len(_spans(tracking)) == 2


def _labels(tracking, *, skill: str, note: str):
    from journal_app.services.tracking.sessions import Labels

    return Labels(skill_id=tracking.skills.ensure(skill).id, note=note)


# -- overlaps -------------------------------------------------------------------------


def _overlapping_dialog(qtbot, page, start: str = "1030", minutes: str = "90"):
    """The dialog after Save on a session that overlaps the morning's."""
    dialog = page.open_session_dialog()
    type_time(qtbot, dialog.start.time_edit, start)
    retype(qtbot, dialog.minutes, minutes)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.overlap_panel.isVisible()
    return dialog


def test_an_overlap_is_pointed_out_before_anything_is_saved(qtbot, tracking, morning, page):
    dialog = _overlapping_dialog(qtbot, page)
    assert "overlaps 1 other session: 10:00 – 11:00 Reading" in dialog.overlap_label.text()
    assert _spans(tracking) == [(morning.start, morning.end)]
    type_time(qtbot, dialog.start.time_edit, "1100")  # moving it away: the question goes
    assert not dialog.overlap_panel.isVisible()
    click(qtbot, dialog.save_button)
    assert _spans(tracking)[1] == (at(2026, 11, 22, 11, 0), at(2026, 11, 22, 12, 30))


def test_overlap_merge(qtbot, tracking, morning, page):
    dialog = _overlapping_dialog(qtbot, page)
    click(qtbot, dialog.merge_button)
    assert not dialog.isVisible()
    (merged,) = [p.session for p in tracking.sessions.for_day(TODAY)]
    assert (merged.start, merged.end) == (at(2026, 11, 22, 10, 0), at(2026, 11, 22, 12, 0))
    assert (merged.category, merged.note) == ("Reading", "paper")
    assert _rows(page) == ["10:00 – 12:00"]


def test_overlap_trim_the_new_one(qtbot, tracking, morning, page):
    dialog = _overlapping_dialog(qtbot, page)
    click(qtbot, dialog.trim_new_button)
    assert _spans(tracking) == [
        (morning.start, morning.end),
        (at(2026, 11, 22, 11, 0), at(2026, 11, 22, 12, 0)),
    ]


def test_overlap_trim_the_others(qtbot, tracking, morning, page):
    dialog = _overlapping_dialog(qtbot, page)
    click(qtbot, dialog.trim_others_button)
    assert _spans(tracking) == [
        (at(2026, 11, 22, 10, 0), at(2026, 11, 22, 10, 30)),
        (at(2026, 11, 22, 10, 30), at(2026, 11, 22, 12, 0)),
    ]
    assert _rows(page) == ["10:00 – 10:30", "10:30 – 12:00"]


def test_overlap_save_anyway_and_cancel(qtbot, tracking, morning, page):
    dialog = _overlapping_dialog(qtbot, page)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert _spans(tracking) == [(morning.start, morning.end)]
    dialog = _overlapping_dialog(qtbot, page)
    click(qtbot, dialog.keep_button)
    assert len(_spans(tracking)) == 2


def test_a_session_inside_another_cannot_be_trimmed_away(qtbot, tracking, morning, page):
    dialog = _overlapping_dialog(qtbot, page, start="1015", minutes="30")
    assert not dialog.trim_new_button.isEnabled()
    assert dialog.trim_new_button.toolTip() == "The others cover all of this session"
    click(qtbot, dialog.trim_others_button)  # the morning is cut in two around it
    assert _spans(tracking) == [
        (at(2026, 11, 22, 10, 0), at(2026, 11, 22, 10, 15)),
        (at(2026, 11, 22, 10, 15), at(2026, 11, 22, 10, 45)),
        (at(2026, 11, 22, 10, 45), at(2026, 11, 22, 11, 0)),
    ]


def test_a_failed_merge_leaves_no_session_and_no_new_skill(qtbot, tracking, morning, page):
    """Merging into more than 24 hours is refused; the typed skill is rolled back too."""
    tracking.sessions.add(at(2026, 11, 21, 10, 0), at(2026, 11, 22, 9, 30))
    dialog = page.open_session_dialog()
    type_time(qtbot, dialog.start.time_edit, "0900")
    retype(qtbot, dialog.minutes, "90")
    retype(qtbot, dialog.pickers.skill.lineEdit(), "Haskell")
    click(qtbot, dialog.save_button)
    assert not dialog.merge_button.isEnabled()
    dialog.resolve("merge")  # were it offered, the service would refuse it
    assert "more than 24 hours" in dialog.error_text()
    assert len(tracking.sessions.for_day(TODAY)) == 2
    assert tracking.skills.find("Haskell") is None


# -- bad input ------------------------------------------------------------------------


def _bad_end_before_start(qtbot, dialog):
    type_time(qtbot, dialog.start.time_edit, "0900")
    type_time(qtbot, dialog.end.time_edit, "0800")


def _bad_zero_minutes(qtbot, dialog):
    retype(qtbot, dialog.minutes, "0")


def _bad_before_1900(qtbot, dialog):
    type_date(qtbot, dialog.start.date_edit, "18991231")


def _bad_after_2100(qtbot, dialog):
    type_date(qtbot, dialog.end.date_edit, "21010101")


def _bad_over_a_day(qtbot, dialog):
    type_date(qtbot, dialog.end.date_edit, "20261124")


def _bad_skill_name(qtbot, dialog):
    retype(qtbot, dialog.pickers.skill.lineEdit(), "x" * 201)


@pytest.mark.parametrize(
    ("enter", "message"),
    [
        (_bad_end_before_start, "The end (08:00) is before the start (09:00)"),
        (_bad_zero_minutes, "A session must last at least a minute"),
        (_bad_before_1900, "1899-12-31 is outside 1900-2100"),
        (_bad_after_2100, "2101-01-01 is outside 1900-2100"),
        (_bad_over_a_day, "A session cannot last more than 24 hours"),
        (_bad_skill_name, "at most 200 characters"),
    ],
)
def test_bad_input_shows_inline_and_saves_nothing(qtbot, tracking, page, enter, message):
    dialog = page.open_session_dialog()
    enter(qtbot, dialog)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert message in dialog.error_text()
    assert not dialog.error_label.isHidden()
    assert tracking.sessions.between(dt.date(1900, 1, 1), dt.date(2100, 12, 31)) == []
    assert tracking.skills.list() == []


def test_an_error_goes_once_the_field_is_put_right(qtbot, tracking, page):
    dialog = page.open_session_dialog()
    _bad_end_before_start(qtbot, dialog)
    click(qtbot, dialog.save_button)
    assert "before the start" in dialog.error_text()
    type_time(qtbot, dialog.end.time_edit, "1000")
    assert dialog.error_text() == ""
    click(qtbot, dialog.save_button)
    assert _spans(tracking) == [(at(2026, 11, 22, 9, 0), at(2026, 11, 22, 10, 0))]


# -- time -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "minutes", "length"),
    [
        (dt.date(2026, 10, 25), 240, "4 h"),  # autumn: 02:00-03:00 happens twice
        (dt.date(2026, 3, 29), 120, "2 h"),  # spring: 02:00-03:00 never happens
    ],
)
def test_a_session_across_a_clock_change_has_its_real_length(
    qtbot, tracking, page, day, minutes, length
):
    page.show_day(day)
    dialog = page.open_session_dialog()
    type_time(qtbot, dialog.start.time_edit, "0100")
    type_time(qtbot, dialog.end.time_edit, "0400")
    assert dialog.minutes.value() == minutes
    assert dialog.length_label.text() == length
    click(qtbot, dialog.save_button)
    (part,) = tracking.sessions.for_day(day)
    assert part.session.end - part.session.start == dt.timedelta(minutes=minutes)  # UTC
    assert _rows(page) == ["01:00 – 04:00"]
    assert page.sessions.model.index(0, 1).data() == length
    assert page.header.day_figure.value.text() == f"{minutes / 60:.1f} h"


def test_minutes_move_the_end_in_real_time_across_a_clock_change(qtbot, tracking, page):
    page.show_day(dt.date(2026, 10, 25))
    dialog = page.open_session_dialog()
    type_time(qtbot, dialog.start.time_edit, "0100")
    retype(qtbot, dialog.minutes, "180")
    assert dialog.end.wall() == (dt.date(2026, 10, 25), dt.time(3, 0))


def test_a_session_across_midnight_shows_on_both_days(qtbot, tracking, page):
    tracking.sessions.add(at(2026, 11, 20, 23, 0), at(2026, 11, 21, 1, 30))
    page.show_day(dt.date(2026, 11, 20))
    model = page.sessions.model
    assert _rows(page) == ["23:00 – 24:00 ↦"]
    assert model.index(0, 1).data() == "1 h"
    assert "continues on Sat 21 Nov" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.day == dt.date(2026, 11, 21)
    assert _rows(page) == ["↤ 00:00 – 01:30"]
    assert model.index(0, 1).data() == "1 h 30 min"
    assert "began on Fri 20 Nov" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert page.header.day_figure.value.text() == "1.5 h"
    dialog = page.open_session_dialog(model.part(0).session.id)  # the whole session
    assert dialog.start.wall() == (dt.date(2026, 11, 20), dt.time(23, 0))
    assert "crosses midnight" in dialog.info_label.text()
    dialog.reject()


def test_a_new_session_starts_with_the_last_sessions_labels(qtbot, tracking, make_page):
    """Pick Reading, a skill and a resource once: the next new session (and the focus
    timer) start with them, also in a new window — not with "—" (0 % production)."""
    reading = tracking.categories.find("Reading")
    book = tracking.resources.add("Deep Learning", status="active")
    page = make_page()
    dialog = page.open_session_dialog()
    assert dialog.pickers.category.currentText() == "—"
    dialog.pickers.set_ids(reading.id, None, book.id)
    dialog.pickers.skill.setEditText("Statistics")
    click(qtbot, dialog.save_button)
    page.close()
    again = make_page()
    dialog = again.open_session_dialog()
    assert dialog.pickers.category.currentText().startswith("Reading")
    assert dialog.pickers.skill.currentText() == "Statistics"
    assert dialog.pickers.resource.currentText().startswith("Deep Learning")
    dialog.reject()
    from journal_app.ui.timer.start_dialog import StartDialog

    start = StartDialog(tracking)
    qtbot.addWidget(start)
    assert start.pickers.category.currentText().startswith("Reading")
    assert start.pickers.skill.currentText() == "Statistics"
