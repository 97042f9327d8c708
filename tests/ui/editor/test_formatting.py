"""Formatting shortcuts: each wraps or prefixes, undoes itself when repeated, and is one
undo step."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor

from journal_app.ui.journal.editor import MarkdownEditor
from journal_app.ui.journal.editor import formatting as fm

Key = Qt.Key
Mod = Qt.KeyboardModifier
CTRL = Mod.ControlModifier
CTRL_SHIFT = Mod.ControlModifier | Mod.ShiftModifier


def select(editor: MarkdownEditor, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def select_text(editor: MarkdownEditor, part: str) -> None:
    start = editor.text().index(part)
    select(editor, start, start + len(part))


def press(qtbot, editor: MarkdownEditor, key: Qt.Key, mods=CTRL) -> None:
    qtbot.keyClick(editor, key, mods)


def test_shortcuts_are_the_documented_ones_and_leave_ctrl_k_alone(editor):
    keys = {
        name: [k.toString() for k in action.shortcuts()]
        for name, action in editor.format_actions.items()
    }
    assert keys == {
        "bold": ["Ctrl+B"],
        "italic": ["Ctrl+I"],
        "heading": ["Ctrl+Shift+H"],
        "bullet_list": ["Ctrl+Shift+L"],
        "numbered_list": ["Ctrl+Shift+O"],
        "task": ["Ctrl+Shift+T"],
        "task_done": ["Ctrl+Shift+X"],
        "link": ["Ctrl+L", "Ctrl+Shift+K"],
        "code": ["Ctrl+E"],
        "code_block": ["Ctrl+Shift+E"],
        "quote": ["Ctrl+Shift+Q"],
    }
    every = [key for key_list in keys.values() for key in key_list]
    assert len(every) == len(set(every))
    assert QKeySequence("Ctrl+K").toString() not in every
    tips = [action.toolTip() for action in editor.format_actions.values()]
    assert all("(Ctrl+" in tip for tip in tips)


def test_bold_a_selection_then_unbold_it(qtbot, editor):
    editor.set_text("I finished the chapter")
    select_text(editor, "finished")
    press(qtbot, editor, Key.Key_B)
    assert editor.text() == "I **finished** the chapter"
    assert editor.textCursor().selectedText() == "finished"
    press(qtbot, editor, Key.Key_B)
    assert editor.text() == "I finished the chapter"
    assert editor.textCursor().selectedText() == "finished"


def test_unbold_when_the_marks_are_selected_too(qtbot, editor):
    editor.set_text("a **word** b")
    select_text(editor, "**word**")
    press(qtbot, editor, Key.Key_B)
    assert editor.text() == "a word b"


def test_a_selection_with_spaces_at_its_ends_keeps_them_outside(qtbot, editor):
    editor.set_text("one two three")
    select_text(editor, " two ")
    press(qtbot, editor, Key.Key_I)
    assert editor.text() == "one *two* three"


def test_bold_and_italic_tell_their_marks_apart(qtbot, editor):
    editor.set_text("x")
    editor.selectAll()
    press(qtbot, editor, Key.Key_B)
    press(qtbot, editor, Key.Key_I)
    assert editor.text() == "***x***"
    press(qtbot, editor, Key.Key_B)
    assert editor.text() == "*x*"
    press(qtbot, editor, Key.Key_I)
    assert editor.text() == "x"


def test_without_a_selection_the_word_under_the_cursor_is_wrapped(qtbot, editor):
    qtbot.keyClicks(editor, "deep work")
    for _ in range(2):
        qtbot.keyClick(editor, Key.Key_Left)  # inside "work"
    press(qtbot, editor, Key.Key_E)
    assert editor.text() == "deep `work`"
    qtbot.keyClicks(editor, "X")
    assert editor.text() == "deep `woXrk`"  # the cursor kept its place in the word


def test_on_empty_space_the_marks_are_inserted_with_the_cursor_between(qtbot, editor):
    qtbot.keyClicks(editor, "a ")
    press(qtbot, editor, Key.Key_B)
    qtbot.keyClicks(editor, "strong")
    assert editor.text() == "a **strong**"
    editor.set_text("a ")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    press(qtbot, editor, Key.Key_B)
    press(qtbot, editor, Key.Key_B)  # changed my mind
    assert editor.text() == "a "


def test_inline_format_over_several_lines_wraps_each_line(qtbot, editor):
    editor.set_text("- first\nsecond\n\n# third")
    editor.selectAll()
    press(qtbot, editor, Key.Key_B)
    assert editor.text() == "- **first**\n**second**\n\n# **third**"
    press(qtbot, editor, Key.Key_B)
    assert editor.text() == "- first\nsecond\n\n# third"


def test_emphasis_after_an_emoji_lands_on_the_right_characters(qtbot, editor):
    editor.set_text("👩‍👩‍👧 family day")
    cursor = editor.document().find("family")  # Qt positions: the emoji takes 8 units
    editor.setTextCursor(cursor)
    press(qtbot, editor, Key.Key_B)
    assert editor.text() == "👩‍👩‍👧 **family** day"
    assert editor.textCursor().selectedText() == "family"


@pytest.mark.parametrize(
    ("key", "before", "after"),
    [
        (Key.Key_L, "read\nwrite", "- read\n- write"),
        (Key.Key_O, "read\nwrite", "1. read\n2. write"),
        (Key.Key_T, "read\nwrite", "- [ ] read\n- [ ] write"),
        (Key.Key_Q, "read\n\nwrite", "> read\n>\n> write"),
        (Key.Key_L, "  read\n\n  write", "  - read\n\n  - write"),
    ],
)
def test_line_formats_prefix_every_line_and_toggle_back(qtbot, editor, key, before, after):
    editor.set_text(before)
    editor.selectAll()
    press(qtbot, editor, key, CTRL_SHIFT)
    assert editor.text() == after
    press(qtbot, editor, key, CTRL_SHIFT)
    assert editor.text() == before


def test_a_list_format_replaces_another(qtbot, editor):
    editor.set_text("1. read\n2. write")
    editor.selectAll()
    press(qtbot, editor, Key.Key_L, CTRL_SHIFT)
    assert editor.text() == "- read\n- write"
    press(qtbot, editor, Key.Key_T, CTRL_SHIFT)
    assert editor.text() == "- [ ] read\n- [ ] write"


def test_numbering_continues_the_list_above(qtbot, editor):
    editor.set_text("1. one\n2. two\nthree")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    press(qtbot, editor, Key.Key_O, CTRL_SHIFT)
    assert editor.text() == "1. one\n2. two\n3. three"


def test_list_format_on_the_current_line_keeps_the_cursor_in_the_text(qtbot, editor):
    qtbot.keyClicks(editor, "buy milk")
    press(qtbot, editor, Key.Key_T, CTRL_SHIFT)
    qtbot.keyClicks(editor, "!")
    assert editor.text() == "- [ ] buy milk!"


def test_tick_and_untick_tasks(qtbot, editor):
    editor.set_text("- [ ] read\n- [x] write\nnot a task")
    editor.selectAll()
    press(qtbot, editor, Key.Key_X, CTRL_SHIFT)
    assert editor.text() == "- [x] read\n- [x] write\nnot a task"
    press(qtbot, editor, Key.Key_X, CTRL_SHIFT)
    assert editor.text() == "- [ ] read\n- [ ] write\nnot a task"


def test_heading_cycles_through_three_levels(qtbot, editor):
    qtbot.keyClicks(editor, "Sprint review")
    seen = []
    for _ in range(4):
        press(qtbot, editor, Key.Key_H, CTRL_SHIFT)
        seen.append(editor.text())
    assert seen == ["# Sprint review", "## Sprint review", "### Sprint review", "Sprint review"]
    qtbot.keyClicks(editor, "!")
    assert editor.text() == "Sprint review!"


def test_code_block_fences_the_selected_lines_and_takes_the_fences_away(qtbot, editor):
    editor.set_text("intro\nx = 1\ny = 2\noutro")
    select(editor, len("intro\n"), len("intro\nx = 1\ny"))
    press(qtbot, editor, Key.Key_E, CTRL_SHIFT)
    assert editor.text() == "intro\n```\nx = 1\ny = 2\n```\noutro"
    assert editor.textCursor().selectedText() == "x = 1\u2029y = 2"
    press(qtbot, editor, Key.Key_E, CTRL_SHIFT)
    assert editor.text() == "intro\nx = 1\ny = 2\noutro"


def test_code_block_on_an_empty_line_leaves_the_cursor_inside(qtbot, editor):
    press(qtbot, editor, Key.Key_E, CTRL_SHIFT)
    qtbot.keyClicks(editor, "print(1)")
    assert editor.text() == "```\nprint(1)\n```"


@pytest.mark.parametrize(
    ("selected", "typed", "expected"),
    [
        ("the paper", "https://arxiv.org", "[the paper](https://arxiv.org)"),
        ("https://arxiv.org", "paper", "[paper](https://arxiv.org)"),
        ("", "site", "[site](url)"),
    ],
)
def test_link_puts_the_cursor_where_typing_goes_next(qtbot, editor, selected, typed, expected):
    editor.set_text(selected)
    editor.selectAll()
    press(qtbot, editor, Key.Key_L)
    qtbot.keyClicks(editor, typed)
    assert editor.text() == expected


def test_link_inside_a_link_turns_it_back_into_text(qtbot, editor):
    editor.set_text("see [the paper](https://x.org) now")
    cursor = editor.document().find("paper")
    cursor.clearSelection()
    editor.setTextCursor(cursor)
    press(qtbot, editor, Key.Key_K, CTRL_SHIFT)
    assert editor.text() == "see the paper now"


@pytest.mark.parametrize(
    ("key", "mods"),
    [
        (Key.Key_B, CTRL),
        (Key.Key_I, CTRL),
        (Key.Key_E, CTRL),
        (Key.Key_L, CTRL),
        (Key.Key_H, CTRL_SHIFT),
        (Key.Key_L, CTRL_SHIFT),
        (Key.Key_O, CTRL_SHIFT),
        (Key.Key_T, CTRL_SHIFT),
        (Key.Key_Q, CTRL_SHIFT),
        (Key.Key_E, CTRL_SHIFT),
    ],
)
def test_every_format_is_a_single_undo_step(qtbot, editor, key, mods):
    editor.set_text("alpha beta\ngamma")
    editor.selectAll()
    press(qtbot, editor, key, mods)
    assert editor.text() != "alpha beta\ngamma"
    press(qtbot, editor, Key.Key_Z)
    assert editor.text() == "alpha beta\ngamma"
    assert not editor.document().isUndoAvailable()


def test_formats_do_nothing_in_a_read_only_editor(qtbot, editor):
    editor.set_text("fixed")
    editor.setReadOnly(True)
    editor.selectAll()
    press(qtbot, editor, Key.Key_B)
    assert editor.text() == "fixed"


plain_line = st.text(
    st.characters(codec="utf-8", exclude_characters="\n\r\u2028\u2029\x00\x85\x0b\x0c\x1c\x1d\x1e"),
    max_size=20,
).filter(lambda s: not fm._LINE.match(s).group(0) and not s.lstrip().startswith(("#", ">")))
LINE_COMMANDS = [fm.toggle_bullet_list, fm.toggle_numbered_list, fm.toggle_task, fm.toggle_quote]


@settings(max_examples=60, deadline=None)
@given(st.lists(plain_line, min_size=1, max_size=4), st.sampled_from(LINE_COMMANDS))
def test_line_commands_applied_twice_give_back_the_text(qapp, lines, command):
    editor = MarkdownEditor()
    try:
        text = "\n".join(lines)
        editor.set_text(text)
        editor.selectAll()
        editor.apply_format(command)
        editor.apply_format(command)
        assert editor.text() == text
    finally:
        editor.deleteLater()


words = st.text(st.sampled_from("abc xyzé中👩"), min_size=1, max_size=12).filter(
    lambda s: s.strip() and "*" not in s
)


@settings(max_examples=60, deadline=None)
@given(words, st.sampled_from([fm.toggle_bold, fm.toggle_italic, fm.toggle_inline_code]))
def test_inline_commands_applied_twice_give_back_the_text(qapp, text, command):
    editor = MarkdownEditor()
    try:
        editor.set_text(text)
        editor.selectAll()
        editor.apply_format(command)
        editor.apply_format(command)
        assert editor.text() == text
    finally:
        editor.deleteLater()
