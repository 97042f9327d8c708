"""Tracking settings: every field shown and saved together; a bad value gets an inline
error, its field marked, and nothing is saved."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from journal_app.services.tracking.settings import TrackingSettings
from journal_app.ui.tracking.settings_dialog import FIELDS, TrackingSettingsDialog


@pytest.fixture
def dialog(qtbot, services):
    made = TrackingSettingsDialog(services)
    qtbot.addWidget(made)
    made.show()
    return made


def type_into(qtbot, dialog, name, text):
    edit = dialog.edits[name]
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_every_setting_has_a_field_showing_its_value(dialog, services):
    assert {f.name for f in FIELDS} == {f.name for f in dataclasses.fields(TrackingSettings)}
    assert dialog.edits["idle_minutes"].text() == "10"
    assert dialog.edits["default_skill_target_hours"].text() == "10000"


def test_saving_writes_every_field(qtbot, dialog, services):
    type_into(qtbot, dialog, "daily_target_hours", "3,5")  # a decimal comma is fine
    type_into(qtbot, dialog, "idle_minutes", "15")
    type_into(qtbot, dialog, "pomodoro_work_minutes", "50")
    type_into(qtbot, dialog, "pomodoro_long_break_every", "0")
    with qtbot.waitSignal(dialog.saved) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = services.tracking_settings.get()
    assert blocker.args == [stored]
    assert (
        stored.daily_target_hours,
        stored.idle_minutes,
        stored.pomodoro_work_minutes,
        stored.pomodoro_long_break_every,
    ) == (3.5, 15, 50, 0)
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("idle_minutes", "0", "The idle limit must be between 1 and 1440"),
        ("weekly_target_hours", "200", "The weekly target must be between 0 and 168"),
        ("pomodoro_long_break_every", "2.5", "must be a whole number, not “2.5”"),
        ("streak_min_hours", "lots", "The streak threshold must be a number, not “lots”"),
        ("pomodoro_work_minutes", "", "The Pomodoro work length is empty"),
    ],
)
def test_a_bad_value_shows_inline_and_saves_nothing(qtbot, dialog, services, name, text, message):
    before = services.tracking_settings.get()
    type_into(qtbot, dialog, "daily_target_hours", "4")  # a good change in the same save
    dialog.edits[name].clear()
    qtbot.keyClicks(dialog.edits[name], text)
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible() and message in dialog.error_label.text()
    assert dialog.edits[name].styleSheet()  # marked
    assert dialog.edits[name].hasFocus()
    assert dialog.edits["daily_target_hours"].styleSheet() == ""
    assert services.tracking_settings.get() == before


def test_restore_defaults_fills_in_but_saves_only_on_save(qtbot, dialog, services):
    services.tracking_settings.update(idle_minutes=30)
    dialog.show_values(services.tracking_settings.get())
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.edits["idle_minutes"].text() == "10"
    assert services.tracking_settings.get().idle_minutes == 30
    dialog.reject()
    assert services.tracking_settings.get().idle_minutes == 30


def test_from_the_track_menu_a_saved_idle_limit_applies(qtbot, window, timer_ui, journal):
    with qtbot.waitSignal(window.events.tracking_changed):
        timer_ui.actions.settings.trigger()
        dialog = timer_ui.dialog
        type_into(qtbot, dialog, "idle_minutes", "25")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert timer_ui.settings.idle_minutes == 25
