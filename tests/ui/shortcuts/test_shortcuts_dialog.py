"""Help ▸ Keyboard Shortcuts: the list comes from the window's actions, it can be searched,
a shortcut changed there works at once and after a restart, and a key another command
has is refused with a message naming that command."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence


def activate(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def open_shortcuts(qtbot, window):
    activate(qtbot, window)
    qtbot.keyClick(window.nav, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "shortcuts_dialog", None) is not None)
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    activate(qtbot, dialog)
    return dialog


def press_keys(qtbot, dialog, key, modifiers):
    dialog.key_edit.setFocus()
    dialog.key_edit.clear()
    qtbot.keyClick(dialog.key_edit, key, modifiers)


CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def test_every_action_with_a_key_is_listed_and_the_list_is_searchable(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(lambda: window.focus_timer is not None, timeout=30_000)
    window.show_area("sprints")  # a page's own actions (card moves) join the list
    dialog = open_shortcuts(qtbot, window)
    rows = dialog.rows()
    listed = {keys for _name, _where, keys in rows for keys in keys.split(", ") if keys}
    # Nothing hand-kept: every key of every action in the window shows up.
    for action in window.findChildren(QAction):
        if action.text() and action.menu() is None:
            for key in action.shortcuts():
                assert key.toString(QKeySequence.SequenceFormat.NativeText) in listed, action.text()
    assert ("Preferences", "Edit", "Ctrl+,") in rows
    assert ("Keyboard Shortcuts", "Help", "Ctrl+/") in rows
    assert any(name == "Bold" and keys == "Ctrl+B" for name, _w, keys in rows)  # editor
    qtbot.keyClicks(dialog.search, "ctrl+shift+space")
    # The timer's one key for starting or stopping, on the command that applies.
    assert [name for name, _w, _k in dialog.rows()] == ["Start Focus Session", "Stop and Save"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "theme dark")
    assert dialog.rows() == [("Dark", "View ▸ Theme", "")]


def test_a_changed_shortcut_works_at_once_and_after_a_restart(qtbot, make_window, settings_path):
    window = make_window()
    dialog = open_shortcuts(qtbot, window)
    command = dialog.select("Dashboard", "View")
    press_keys(qtbot, dialog, Qt.Key.Key_J, CTRL_ALT)
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert not dialog.error_label.isVisible()
    assert ("Dashboard", "View", "Ctrl+Alt+J") in dialog.rows()
    assert command.action.shortcuts() == [QKeySequence("Ctrl+Alt+J")]
    dialog.close()
    activate(qtbot, window)
    with qtbot.waitSignal(window.area_changed) as changed:
        qtbot.keyClick(window.nav, Qt.Key.Key_J, CTRL_ALT)
    assert changed.args == ["dashboard"]
    window.show_area("journal")
    with qtbot.assertNotEmitted(window.area_changed):
        qtbot.keyClick(window.nav, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    window.close()

    again = make_window(settings_override=QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert again.area_actions["dashboard"].shortcuts() == [QKeySequence("Ctrl+Alt+J")]
    activate(qtbot, again)
    again.show_area("journal")
    with qtbot.waitSignal(again.area_changed) as changed:
        qtbot.keyClick(again.nav, Qt.Key.Key_J, CTRL_ALT)
    assert changed.args == ["dashboard"]

    dialog = open_shortcuts(qtbot, again)
    dialog.select("Dashboard", "View")
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert again.area_actions["dashboard"].shortcuts() == [QKeySequence("Ctrl+4")]
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).allKeys() == [
        k
        for k in QSettings(str(settings_path), QSettings.Format.IniFormat).allKeys()
        if not k.startswith("shortcuts/")
    ]


def test_a_key_another_command_has_is_refused_naming_it(qtbot, make_window, settings_path):
    window = make_window()
    dialog = open_shortcuts(qtbot, window)
    dialog.select("Dashboard", "View")
    press_keys(qtbot, dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "Ctrl+Q is already the shortcut of “Quit” (File): change that one first, "
        "or choose other keys."
    )
    assert window.area_actions["dashboard"].shortcuts() == [QKeySequence("Ctrl+4")]
    assert window.quit_action.shortcuts() == [QKeySequence("Ctrl+Q")]
    stored = QSettings(str(settings_path), QSettings.Format.IniFormat).allKeys()
    assert not [k for k in stored if k.startswith("shortcuts/")]


def test_a_removed_shortcut_frees_its_key_for_another(qtbot, make_window):
    window = make_window()
    dialog = open_shortcuts(qtbot, window)
    dialog.select("Quit", "File")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert window.quit_action.shortcuts() == []
    dialog.select("Dashboard", "View")
    press_keys(qtbot, dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert not dialog.error_label.isVisible()
    dialog.select("Quit", "File")
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert "“Dashboard” (View)" in dialog.error_label.text()
    assert window.quit_action.shortcuts() == []


def test_a_pages_command_keeps_its_changed_key_when_the_page_is_built_again(
    qtbot, make_window, settings_path
):
    window = make_window()
    window.show_area("sprints")  # built now: its card moves join the list
    dialog = open_shortcuts(qtbot, window)
    dialog.select("Move Up", "Backlog")
    press_keys(qtbot, dialog, Qt.Key.Key_U, CTRL_ALT)
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert ("Move Up", "Backlog", "Ctrl+Alt+U") in dialog.rows()
    dialog.close()
    window.close()

    again = make_window(settings_override=QSettings(str(settings_path), QSettings.Format.IniFormat))
    again.show_area("sprints")  # the page, and its actions, are built only now
    moves = [
        a
        for a in again.page("sprints").findChildren(QAction)
        if a.text() == "Move Up" and a.parent().accessibleName() == "Backlog"
    ]
    assert [a.shortcuts() for a in moves] == [[QKeySequence("Ctrl+Alt+U")]]


def test_the_dialogs_controls_are_named_and_reached_by_tab(qtbot, make_window):
    from tests.ui.accessibility.focus_walk import problems

    window = make_window()
    shortcuts = open_shortcuts(qtbot, window)
    assert problems(shortcuts) == []
    shortcuts.close()
    preferences = window.open_preferences()
    for key in preferences.pages:
        preferences.show_page(key)
        assert problems(preferences) == [], key


def test_the_timers_start_and_stop_key_changes_for_both(qtbot, make_window, settings_path):
    window = make_window()
    qtbot.waitUntil(lambda: window.focus_timer is not None, timeout=30_000)
    actions = window.focus_timer.actions
    dialog = open_shortcuts(qtbot, window)
    dialog.select("Start Focus Session", "Track")
    assert "“Stop and Save”" in dialog.note.text()
    press_keys(qtbot, dialog, Qt.Key.Key_T, CTRL_ALT)
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert ("Stop and Save", "Track", "Ctrl+Alt+T") in dialog.rows()
    assert actions.start.shortcut() == QKeySequence("Ctrl+Alt+T")
    dialog.close()
    activate(qtbot, window)
    qtbot.keyClick(window.nav, Qt.Key.Key_T, CTRL_ALT)  # Start: its dialog asks what about
    qtbot.waitUntil(lambda: window.focus_timer.dialog is not None)
    window.focus_timer.dialog.close()
    window.focus_timer.start()
    assert actions.stop.shortcut() == QKeySequence("Ctrl+Alt+T")  # the key moved to Stop
    assert actions.start.shortcut().isEmpty()
    window.close()  # the timer keeps running, as it does when the app quits

    again = make_window(settings_override=QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.waitUntil(lambda: again.focus_timer is not None, timeout=30_000)
    assert again.focus_timer.actions.stop.shortcut() == QKeySequence("Ctrl+Alt+T")
