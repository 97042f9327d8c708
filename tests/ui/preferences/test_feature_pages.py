"""Preferences ▸ Spelling and ▸ Reminders and tray: the choices of View ▸ Spelling and of
Track ▸ Reminders and Tray…, applied as they are made and kept."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime

from journal_app.ui.tray.prefs import load_tray_prefs
from tests.ui.preferences.test_preferences import choose_page, open_with_shortcut


def test_spell_check_off_and_on_from_preferences(qtbot, make_window, services):
    window = make_window()
    qtbot.waitUntil(lambda: window.focus_timer is not None, timeout=30_000)
    dialog = open_with_shortcut(qtbot, window)
    page = choose_page(qtbot, dialog, "Spelling")
    assert page.check.isChecked() == services.spelling.settings().enabled
    languages = services.spelling.available_languages()
    if languages:
        assert page.language.currentData() == services.spelling.settings().language
    was = page.check.isChecked()
    page.check.click()
    assert services.spelling.settings().enabled is (not was)  # kept in the journal
    page.check.click()
    assert services.spelling.settings().enabled is was


def test_the_reminder_is_set_in_preferences_and_the_tray_hears_it(
    qtbot, make_window, services, settings
):
    window = make_window()
    qtbot.waitUntil(lambda: getattr(window, "tray", None) is not None, timeout=30_000)
    dialog = open_with_shortcut(qtbot, window)
    page = choose_page(qtbot, dialog, "Reminders and tray")
    form = page.form
    assert not form.remind.isChecked()  # off until the user turns it on
    form.time.setTime(QTime(21, 15))
    form.remind.click()
    kept = load_tray_prefs(settings)
    assert kept.reminder.enabled and kept.reminder.at == dt.time(21, 15)
    assert window.tray.prefs.reminder.enabled  # the running reminder applies it at once
    form.weekdays.click()
    assert load_tray_prefs(settings).reminder.weekdays_only
    assert not form.buttons.isVisible()  # nothing waits for a Save


def test_the_encryption_page_says_where_the_journal_stands_and_opens_the_dialog(
    qtbot, make_window, services
):
    window = make_window()
    qtbot.waitUntil(lambda: getattr(window, "encryption", None) is not None, timeout=30_000)
    dialog = open_with_shortcut(qtbot, window)
    page = choose_page(qtbot, dialog, "Encryption")
    assert page.status.text() == "This journal is not encrypted."
    page.button.click()
    shown = window.encryption.dialog
    assert shown is not None and shown.isVisible()
    shown.reject()
