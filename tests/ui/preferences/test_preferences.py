"""Preferences: opened with Ctrl+, from any area; each change applies at once and is
still there after a restart; refused values say why and write nothing; the old Tracking
Settings… item leads to the Targets page; other features plug in their own page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QLabel

from journal_app.ui.editor_look import EditorLook
from journal_app.ui.theme import Theme


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_with_shortcut(qtbot, window):
    activate(qtbot, window)
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    key = keys[0] if keys else QKeySequence("Ctrl+,")
    combo = key[0]
    qtbot.keyClick(window.nav, combo.key(), combo.keyboardModifiers())
    qtbot.waitUntil(lambda: window.preferences is not None and window.preferences.isVisible())
    return window.preferences


def choose_page(qtbot, dialog, title):
    titles = [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())]
    row = titles.index(title)
    dialog.page_list.setFocus()
    dialog.page_list.setCurrentRow(row)
    return dialog.pages[dialog.current_key()]


def type_and_enter(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll() if hasattr(widget, "selectAll") else widget.lineEdit().selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_changes_apply_at_once_and_survive_a_restart(qtbot, make_window, services, settings_path):
    window = make_window()
    dialog = open_with_shortcut(qtbot, window)
    assert dialog.windowTitle() == "Preferences"
    assert [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())][:5] == [
        "Editor",
        "Appearance",
        "Targets",
        "Focus timer",
        "Backups",
    ]
    editor = window.journal_page.editor_pane.editor

    appearance = choose_page(qtbot, dialog, "Appearance")
    appearance.theme_box.setFocus()
    with qtbot.waitSignal(window.theme.theme_applied):
        appearance.theme_box.setCurrentIndex(appearance.theme_box.findData("dark"))
    assert window.theme.theme is Theme.DARK
    assert window.theme_actions[Theme.DARK].isChecked()  # View ▸ Theme agrees

    page = choose_page(qtbot, dialog, "Editor")
    type_and_enter(qtbot, page.size_spin, "17")
    assert editor.font().pointSizeF() == 17
    type_and_enter(qtbot, page.width_spin, "60")
    family = QFont("DejaVu Serif").family()
    page.family_box.setCurrentFont(QFont(family))
    assert editor.font().family() == family

    targets = choose_page(qtbot, dialog, "Targets")
    with qtbot.waitSignal(window.events.tracking_changed):
        type_and_enter(qtbot, targets.edits["daily_target_hours"], "3,5")
    type_and_enter(qtbot, targets.edits["sleep_target_hours"], "7.5")
    stored = services.tracking_settings.get()
    assert (stored.daily_target_hours, stored.sleep_target_hours) == (3.5, 7.5)

    backups = choose_page(qtbot, dialog, "Backups")
    type_and_enter(qtbot, backups.keep_daily, "12")
    assert services.backups.retention().keep_daily == 12

    dialog.close()
    window.close()
    again = make_window(settings_override=QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert again.theme.theme is Theme.DARK
    editor = again.journal_page.editor_pane.editor
    assert editor.font().pointSizeF() == 17
    assert editor.font().family() == family
    assert again.editor_look.look() == EditorLook(family, 17.0, 60)
    dialog = open_with_shortcut(qtbot, again)
    assert choose_page(qtbot, dialog, "Targets").edits["daily_target_hours"].text() == "3.5"
    assert choose_page(qtbot, dialog, "Backups").keep_daily.value() == 12


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("weekly_target_hours", "200", "The weekly target must be between 0 and 168"),
        ("streak_min_hours", "lots", "The streak threshold must be a number, not “lots”"),
        ("daily_target_hours", "", "The daily target is empty"),
    ],
)
def test_a_refused_value_says_why_and_writes_nothing(
    qtbot, make_window, services, name, text, message
):
    window = make_window()
    dialog = window.open_preferences("targets")
    activate(qtbot, dialog)
    page = dialog.pages["targets"]
    before = services.tracking_settings.get()
    edit = page.edits[name]
    edit.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.error_label.isVisible() and message in page.error_label.text()
    assert edit.styleSheet() and edit.hasFocus()
    assert services.tracking_settings.get() == before
    edit.selectAll()
    qtbot.keyClicks(edit, "1")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert not page.error_label.isVisible()
    assert getattr(services.tracking_settings.get(), name) == 1


def test_restore_defaults_puts_back_the_shipped_values_of_its_page(qtbot, make_window, services):
    services.tracking_settings.update(idle_minutes=30, daily_target_hours=5)
    window = make_window()
    page = window.open_preferences("timer").pages["timer"]
    assert page.edits["idle_minutes"].text() == "30"
    qtbot.mouseClick(page.defaults_button, Qt.MouseButton.LeftButton)
    stored = services.tracking_settings.get()
    assert (stored.idle_minutes, stored.daily_target_hours) == (10, 5)  # Targets untouched
    assert page.edits["idle_minutes"].text() == "10"


def test_tracking_settings_item_opens_preferences_on_targets(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(lambda: window.focus_timer is not None, timeout=30_000)
    window.focus_timer.actions.settings.trigger()
    dialog = window.preferences
    assert dialog is not None and dialog.isVisible()
    assert dialog.current_key() == "targets"
    assert dialog.stack.currentWidget().widget() is dialog.pages["targets"]
    # Asked again while open: the same dialog, turned to the page.
    assert window.open_preferences("backups") is dialog
    assert dialog.current_key() == "backups"


def test_a_feature_plugs_in_its_own_page(qtbot, make_window, monkeypatch):
    from journal_app.ui.preferences import registry
    from journal_app.ui.preferences.dialog import PreferencesDialog  # registers the built-ins

    monkeypatch.setattr(registry, "_PAGES", dict(registry._PAGES))
    seen = []

    def factory(context):
        seen.append(context.services)
        return QLabel("Sync options")

    registry.add_page("sync", "Sync", factory)
    window = make_window()
    dialog = window.open_preferences("sync")
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.current_key() == "sync"
    assert dialog.page_list.item(dialog.page_list.count() - 1).text() == "Sync"
    assert seen == [window._services]
