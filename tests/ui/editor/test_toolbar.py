"""The formatting toolbar: buttons with icons and shortcut tips that act on the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QToolButton

from journal_app.ui.journal.editor import EditorToolbar
from journal_app.ui.theme import dark_palette


def test_toolbar_buttons_format_the_text(qtbot, editor):
    toolbar = EditorToolbar(editor)
    qtbot.addWidget(toolbar)
    toolbar.show()
    editor.set_text("Sprint review")
    editor.selectAll()
    button = toolbar.widgetForAction(toolbar.format_action("heading"))
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert editor.text() == "# Sprint review"
    qtbot.mouseClick(
        toolbar.widgetForAction(toolbar.format_action("quote")), Qt.MouseButton.LeftButton
    )
    assert editor.text() == "> # Sprint review"


def test_every_button_has_an_icon_and_a_tip_with_its_shortcut(qtbot, editor):
    toolbar = EditorToolbar(editor)
    qtbot.addWidget(toolbar)
    shown = [a for a in toolbar.actions() if not a.isSeparator()]
    assert [a.objectName() for a in shown] == [
        "format_bold", "format_italic", "format_heading",
        "format_bullet_list", "format_numbered_list", "format_task",
        "format_link", "format_code", "format_code_block", "format_quote",
    ]  # fmt: skip
    for action in shown:
        assert not action.icon().isNull()
        assert action.shortcut().toString() in action.toolTip()
    assert len(toolbar.format_actions) == 11  # the menu also gets "Tick task"


def test_actions_work_from_a_menu(qtbot, editor):
    toolbar = EditorToolbar(editor)
    qtbot.addWidget(toolbar)
    menu = QMenu("Format")
    menu.addActions(toolbar.format_actions)
    editor.set_text("word")
    editor.selectAll()
    next(a for a in menu.actions() if a.text() == "Italic").trigger()
    assert editor.text() == "*word*"
    menu.deleteLater()


def test_icons_are_redrawn_for_a_dark_palette(qtbot, editor):
    toolbar = EditorToolbar(editor)
    qtbot.addWidget(toolbar)
    bold = toolbar.format_action("bold")
    light = bold.icon().pixmap(18, 18).toImage()
    toolbar.setPalette(dark_palette())
    dark = bold.icon().pixmap(18, 18).toImage()
    assert light != dark


def test_shortcuts_work_with_the_toolbar_hidden(qtbot, editor):
    """Distraction-free mode hides the toolbar; the keys must still format."""
    toolbar = EditorToolbar(editor)
    qtbot.addWidget(toolbar)
    toolbar.hide()
    editor.set_text("quiet")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "**quiet**"
