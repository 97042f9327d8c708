"""The editor driven as a writer would: typing, Enter and Tab in lists, undo, paste, drop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from journal_app.ui.journal.editor import MarkdownEditor
from journal_app.ui.journal.editor.markdown_editor import LONG_RUN, MAX_IMAGE_BYTES

Key = Qt.Key
Mod = Qt.KeyboardModifier


def type_lines(qtbot, editor: MarkdownEditor, *parts: str) -> None:
    """Type each part, pressing Enter between them."""
    for index, part in enumerate(parts):
        if index:
            qtbot.keyClick(editor, Key.Key_Return)
        qtbot.keyClicks(editor, part)


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#5b57e8"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return data.data()


# -- typing, Enter and Tab --------------------------------------------------------------------


def test_typing_reports_words_and_reading_time(qtbot, editor):
    with qtbot.waitSignal(editor.stats_changed) as signal:
        qtbot.keyClicks(editor, "Today I read the attention paper")
    assert editor.text() == "Today I read the attention paper"
    assert signal.args == [6, 1]
    assert editor.stats() == (6, 1)


def test_enter_continues_a_bullet_list_and_an_empty_item_ends_it(qtbot, editor):
    type_lines(qtbot, editor, "- read chapter 3", "write notes", "", "")
    assert editor.text() == "- read chapter 3\n- write notes\n"
    qtbot.keyClicks(editor, "Back to prose")
    assert editor.text().endswith("\nBack to prose")


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("1. read", "1. read\n2. next"),
        ("9) read", "9) read\n10) next"),
        ("* read", "* read\n* next"),
        ("- [x] read", "- [x] read\n- [ ] next"),
        ("- [ ] read", "- [ ] read\n- [ ] next"),
        ("> read", "> read\n> next"),
        ("> - read", "> - read\n> - next"),
        ("    - read", "    - read\n    - next"),
    ],
)
def test_enter_continues_numbers_tasks_and_quotes(qtbot, editor, first, expected):
    type_lines(qtbot, editor, first, "next")
    assert editor.text() == expected


def test_enter_on_an_empty_nested_item_moves_it_out_a_level(qtbot, editor):
    type_lines(qtbot, editor, "- top", "")
    qtbot.keyClick(editor, Key.Key_Tab)
    qtbot.keyClicks(editor, "nested")
    qtbot.keyClick(editor, Key.Key_Return)
    assert editor.text() == "- top\n    - nested\n    - "
    qtbot.keyClick(editor, Key.Key_Return)
    assert editor.text() == "- top\n    - nested\n- "
    qtbot.keyClick(editor, Key.Key_Return)
    assert editor.text() == "- top\n    - nested\n"


def test_enter_inside_an_item_splits_it(qtbot, editor):
    qtbot.keyClicks(editor, "- deepwork")
    for _ in range(4):
        qtbot.keyClick(editor, Key.Key_Left)
    qtbot.keyClick(editor, Key.Key_Return)
    assert editor.text() == "- deep\n- work"


def test_shift_enter_lines_up_with_the_item_text_without_a_marker(qtbot, editor):
    qtbot.keyClicks(editor, "- first line")
    qtbot.keyClick(editor, Key.Key_Return, Mod.ShiftModifier)
    qtbot.keyClicks(editor, "more")
    assert editor.text() == "- first line\n  more"
    assert "\u2028" not in editor.document().toRawText()


def test_enter_in_a_code_block_keeps_indentation_but_adds_no_marker(qtbot, editor):
    editor.set_text("```\n    - not a list\n```")
    cursor = editor.textCursor()
    cursor.setPosition(len("```\n    - not a list"))
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.keyClicks(editor, "x")
    assert editor.text() == "```\n    - not a list\n    x\n```"


def test_a_blank_line_resets_the_indentation_so_the_closing_fence_is_not_indented(qtbot, editor):
    type_lines(qtbot, editor, "```python", "def f():", "    return 1", "", "```")
    assert editor.text() == "```python\ndef f():\n    return 1\n\n```"
    editor.set_text("")
    type_lines(qtbot, editor, "  indented", "", "margin")  # plain text alike
    assert editor.text() == "  indented\n\nmargin"


def test_backspace_in_leading_spaces_removes_one_indentation_level(qtbot, editor):
    qtbot.keyClick(editor, Key.Key_Tab)
    qtbot.keyClick(editor, Key.Key_Tab)
    qtbot.keyClick(editor, Key.Key_Backspace)
    assert editor.text() == "    "
    editor.set_text("      x")  # six spaces: back to the stop at four
    cursor = editor.textCursor()
    cursor.setPosition(6)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Key.Key_Backspace)
    assert editor.text() == "    x"
    qtbot.keyClick(editor, Key.Key_Backspace)
    assert editor.text() == "x"
    editor.set_text("    ab")  # after text, one character as always
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Key.Key_Backspace)
    assert editor.text() == "    a"
    qtbot.keyClick(editor, Key.Key_Z, Mod.ControlModifier)
    assert editor.text() == "    ab"


def test_plain_lines_keep_their_indentation(qtbot, editor):
    type_lines(qtbot, editor, "  indented", "next")
    assert editor.text() == "  indented\n  next"


def test_tab_inserts_spaces_to_the_next_stop(qtbot, editor):
    qtbot.keyClick(editor, Key.Key_Tab)
    qtbot.keyClicks(editor, "ab")
    qtbot.keyClick(editor, Key.Key_Tab)
    qtbot.keyClicks(editor, "c")
    assert editor.text() == "    ab  c"


def test_tab_and_shift_tab_indent_a_list_item_from_anywhere_in_it(qtbot, editor):
    qtbot.keyClicks(editor, "- item")
    qtbot.keyClick(editor, Key.Key_Left)
    qtbot.keyClick(editor, Key.Key_Tab)
    assert editor.text() == "    - item"
    qtbot.keyClicks(editor, "X")
    assert editor.text() == "    - iteXm"  # the cursor stayed where it was in the text
    qtbot.keyClick(editor, Key.Key_Backtab, Mod.ShiftModifier)
    assert editor.text() == "- iteXm"


def test_tab_indents_every_selected_line_and_shift_tab_takes_it_back(qtbot, editor):
    editor.set_text("one\n\ntwo\nthree")
    editor.selectAll()
    qtbot.keyClick(editor, Key.Key_Tab)
    assert editor.text() == "    one\n\n    two\n    three"
    qtbot.keyClick(editor, Key.Key_Backtab, Mod.ShiftModifier)
    assert editor.text() == "one\n\ntwo\nthree"


# -- undo, switching entries ------------------------------------------------------------------


def test_undo_and_redo_from_the_keyboard(qtbot, editor):
    qtbot.keyClicks(editor, "hello")
    qtbot.keyClick(editor, Key.Key_B, Mod.ControlModifier)  # bold the word
    assert editor.text() == "**hello**"
    qtbot.keyClick(editor, Key.Key_Z, Mod.ControlModifier)
    assert editor.text() == "hello"
    qtbot.keyClick(editor, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert editor.text() == "**hello**"


def test_set_text_starts_a_fresh_undo_history(qtbot, editor):
    editor.set_text("entry one")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " edited")
    editor.set_text("entry two")
    assert not editor.document().isUndoAvailable()
    qtbot.keyClick(editor, Key.Key_Z, Mod.ControlModifier)
    assert editor.text() == "entry two"
    assert editor.textCursor().position() == 0


def test_text_comes_back_exactly_as_written(editor):
    body = (
        "no\u00a0break\u2028line sep · RTL: שלום עולם مرحبا · "
        "ZWJ: 👩\u200d👩\u200d👧 · NUL: a\x00b · tab:\tend\n\nlast"
    )
    editor.set_text(body)
    assert editor.text() == body
    assert editor.stats()[0] > 0


def test_set_text_repairs_lone_surrogates_and_line_ends(editor):
    editor.set_text("a\ud800b\r\nc\rd")
    assert editor.text() == "a\ufffdb\nc\nd"


# -- paste and drop ----------------------------------------------------------------------------


def test_pasting_text_keeps_every_script_and_joiner(qtbot, editor):
    pasted = "שלום 👩\u200d👩\u200d👧 x\x00y مرحبا\nnext line"
    QApplication.clipboard().setText(pasted)
    qtbot.keyClick(editor, Key.Key_V, Mod.ControlModifier)
    assert editor.text() == pasted


def test_a_lone_surrogate_from_the_clipboard_becomes_a_replacement_character(qtbot, editor):
    mime = QMimeData()
    mime.setData("text/plain", "before\ud800after \udfff end".encode("utf-8", "surrogatepass"))
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(editor, Key.Key_V, Mod.ControlModifier)
    assert editor.text() == "before\ufffdafter \ufffd end"
    editor.text().encode("utf-8")  # what the database will need


def test_insert_from_mime_data_repairs_a_lone_surrogate(editor):
    mime = QMimeData()
    mime.setData("text/plain;charset=utf-8", b"x\xed\xa0\x80y \xff z")
    editor.insertFromMimeData(mime)
    assert editor.text() == "x\ufffdy \ufffd z"


def test_pasted_windows_line_ends_become_newlines(editor):
    mime = QMimeData()
    mime.setText("one\r\ntwo\rthree")
    editor.insertFromMimeData(mime)
    assert editor.text() == "one\ntwo\nthree"


def test_pasting_an_image_hands_its_bytes_to_the_owner(qtbot, editor):
    qtbot.keyClicks(editor, "Look: ")
    image = QImage()
    assert image.loadFromData(png_bytes())
    mime = QMimeData()
    mime.setImageData(image)
    with qtbot.waitSignal(editor.image_pasted) as signal:
        editor.insertFromMimeData(mime)
    data, kind = signal.args
    assert kind == "image/png"
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert QImage.fromData(data).size() == image.size()
    assert editor.text() == "Look: "  # the owner decides what goes in the text
    editor.insert_image_link("attachment:0123abcd.png", "diagram")
    assert editor.text() == "Look: ![diagram](attachment:0123abcd.png)"
    qtbot.keyClick(editor, Key.Key_Z, Mod.ControlModifier)
    assert editor.text() == "Look: "


def test_ctrl_v_with_an_image_on_the_clipboard(qtbot, editor):
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    image.fill(QColor("red"))
    QApplication.clipboard().setImage(image)
    with qtbot.waitSignal(editor.image_pasted) as signal:
        qtbot.keyClick(editor, Key.Key_V, Mod.ControlModifier)
    assert signal.args[1] == "image/png"
    assert editor.text() == ""


def test_raw_image_bytes_on_the_clipboard_are_passed_unchanged(qtbot, editor):
    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 64
    mime = QMimeData()
    mime.setData("image/jpeg", jpeg)
    with qtbot.waitSignal(editor.image_pasted) as signal:
        editor.insertFromMimeData(mime)
    assert signal.args == [jpeg, "image/jpeg"]


def test_image_files_are_read_and_other_files_are_not(qtbot, editor, tmp_path, fifo):
    good = tmp_path / "diagram.png"
    good.write_bytes(png_bytes())
    fake = tmp_path / "notes.png"
    fake.write_text("not an image")
    huge = tmp_path / "huge.png"
    with huge.open("wb") as file:
        file.write(png_bytes())
        file.truncate(MAX_IMAGE_BYTES + 1)
    folder = tmp_path / "folder.png"
    folder.mkdir()
    pipe = fifo.path  # reading it would wait for a writer for ever

    received: list[tuple[bytes, str]] = []
    editor.image_pasted.connect(lambda data, mime: received.append((data, mime)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (fake, huge, folder, pipe, good)])
    editor.insertFromMimeData(mime)
    assert received == [(good.read_bytes(), "image/png")]
    assert fifo.stuck_readers == 0

    received.clear()
    only_bad = QMimeData()
    only_bad.setUrls([QUrl.fromLocalFile(str(p)) for p in (fake, pipe)])
    editor.insertFromMimeData(only_bad)
    assert received == []
    assert "notes.png" in editor.text()  # dropped as a link-like text instead


def test_dropping_an_image_file_on_the_editor(qtbot, editor, tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(png_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Mod.NoModifier
    )
    QApplication.sendEvent(editor.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Mod.NoModifier,
    )
    with qtbot.waitSignal(editor.image_pasted) as signal:
        QApplication.sendEvent(editor.viewport(), drop)
    assert signal.args == [path.read_bytes(), "image/png"]


def test_an_image_link_escapes_what_would_break_it(editor):
    editor.insert_image_link("attachment:a b(1).png", "alt [x]")
    assert editor.text() == "![alt \\[x\\]](<attachment:a b(1).png>)"


# -- shortcuts that belong to the window ------------------------------------------------------


def test_ctrl_k_reaches_the_window_even_from_the_editor(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    editor = MarkdownEditor()
    QVBoxLayout(window).addWidget(editor)
    search = QAction("Search the journal", window)
    search.setShortcut(QKeySequence("Ctrl+K"))
    window.addAction(search)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.set_text("keep this line")
    with qtbot.waitSignal(search.triggered):
        qtbot.keyClick(editor, Key.Key_K, Mod.ControlModifier)
    assert editor.text() == "keep this line"


def test_the_editor_gives_reserved_keys_up_to_the_window(editor, monkeypatch):
    """Where Qt binds Ctrl+K to "delete to end of line", the editor would otherwise claim
    it; checked with Ctrl+A, which the editor claims everywhere."""
    from journal_app.ui.journal.editor import markdown_editor

    def claimed(key: Qt.Key) -> bool:
        event = QKeyEvent(QKeyEvent.Type.ShortcutOverride, key, Mod.ControlModifier)
        event.setAccepted(False)
        QApplication.sendEvent(editor, event)
        return event.isAccepted()

    editor.set_text("x")
    assert claimed(Key.Key_A)
    assert not claimed(Key.Key_K)
    monkeypatch.setattr(
        markdown_editor, "RESERVED_KEYS", (*markdown_editor.RESERVED_KEYS, QKeySequence("Ctrl+A"))
    )
    assert not claimed(Key.Key_A)
    assert QKeySequence("Ctrl+K") in markdown_editor.RESERVED_KEYS


# -- hostile content --------------------------------------------------------------------------


def test_a_1_mb_line_without_spaces_takes_typing_and_moves(qtbot, editor):
    line = "x" * 1_000_000
    editor.set_text(line)
    editor.repaint()
    qtbot.keyClicks(editor, "a")
    editor.repaint()
    qtbot.keyClick(editor, Key.Key_End, Mod.ControlModifier)
    qtbot.keyClick(editor, Key.Key_Left)
    qtbot.keyClick(editor, Key.Key_Home, Mod.ControlModifier)
    editor.repaint()
    assert editor.text() == "a" + line


def test_a_10_mb_entry_loads_counts_and_takes_typing(qtbot, editor):
    """What it does on 10 MB; how fast is benchmarks/bench_preview.py's
    open_10mb_entry_ms and find_replace_10mb_ms."""
    body = ("Studied **attention** for an hour, then wrote the explainer.\n" * 170_000)[:10_000_000]
    editor.set_text(body)
    editor.repaint()
    assert editor.highlighter is None  # too big to highlight every line at once
    words, minutes = editor.stats()
    assert words > 1_000_000
    assert minutes == -(-words // 230)

    editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(editor.stats_changed) as signal:
        qtbot.keyClicks(editor, " more words")
    assert signal.args[0] == words + 2
    assert editor.text() == body + " more words"


def test_a_huge_paste_switches_highlighting_off_first(qtbot, editor):
    editor.set_text("# Small entry")
    assert editor.highlighter is not None
    mime = QMimeData()
    mime.setText("line of text\n" * 50_000)
    editor.insertFromMimeData(mime)
    assert editor.highlighter is None
    editor.set_text("# Next entry")
    assert editor.highlighter is not None


def test_a_list_nested_500_deep(qtbot, editor):
    body = "\n".join("    " * depth + f"- level {depth}" for depth in range(500))
    editor.set_text(body)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.keyClicks(editor, "deeper")
    editor.repaint()
    assert editor.text().endswith("\n" + "    " * 499 + "- deeper")


def test_word_count_follows_edits_anywhere(qtbot, editor):
    """The running per-line tally always equals a fresh count."""
    from journal_app.text_stats import word_count

    editor.set_text("one two\nthree\n\nfour five six")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(10, QTextCursor.MoveMode.KeepAnchor)  # across a line break
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "x y z")
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.keyClicks(editor, "w")
    assert editor.stats()[0] == word_count(editor.text())
    while editor.document().isUndoAvailable():
        qtbot.keyClick(editor, Key.Key_Z, Mod.ControlModifier)
        assert editor.stats()[0] == word_count(editor.text())
    assert editor.text() == "one two\nthree\n\nfour five six"
    assert editor.stats() == (6, 1)
    editor.selectAll()
    qtbot.keyClick(editor, Key.Key_Delete)
    assert editor.stats() == (0, 0)


# -- look -------------------------------------------------------------------------------------


def test_text_sits_in_a_centred_column_and_wraps_inside_it(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.set_text("A long paragraph of prose that has to wrap inside the column. " * 20)
    editor.resize(1400, 600)  # before the first show: the text must re-wrap to the column
    editor.show()
    qtbot.waitExposed(editor)
    margins = editor.viewportMargins()
    assert margins.left() > 100
    assert abs(margins.left() - margins.right()) <= 1
    assert editor.horizontalScrollBar().maximum() == 0  # wrapped to the column, not beyond
    editor.set_column_width(0)
    assert editor.viewportMargins().left() == 0
    assert editor.horizontalScrollBar().maximum() == 0
    editor.set_column_width(60)
    assert editor.viewportMargins().left() > margins.left()
    assert editor.horizontalScrollBar().maximum() == 0
    editor.resize(500, 600)
    assert editor.viewportMargins().left() == 0  # narrow: the whole width is used
    assert editor.horizontalScrollBar().maximum() == 0


def test_the_context_menu_offers_the_formats(qtbot, editor):
    menu = editor.build_context_menu(editor.rect().center())
    submenu = next(a.menu() for a in menu.actions() if a.text() == "Format")
    names = [a.text() for a in submenu.actions()]
    assert names[:3] == ["Bold", "Italic", "Heading"]
    assert len(names) == 11
    editor.set_text("word")
    editor.selectAll()
    submenu.actions()[0].trigger()
    assert editor.text() == "**word**"
    menu.deleteLater()


def test_a_long_run_without_spaces_on_any_line_wraps_anywhere(qtbot, editor) -> None:
    """Word wrapping is quadratic on such a run (see LONG_RUN); only lines that long
    are searched for one, so it is found on a later line, and long lines with
    spaces keep word wrapping."""
    anywhere = QTextOption.WrapMode.WrapAnywhere
    spaced = ("word " * LONG_RUN) + "\n"
    editor.set_text("short line\n" + spaced * 3)
    assert editor.wordWrapMode() != anywhere
    editor.set_text("short line\n" + spaced + "x" * LONG_RUN + "\nend")
    assert editor.wordWrapMode() == anywhere
    editor.set_text("back to short")  # a new text decides again
    assert editor.wordWrapMode() != anywhere
    editor.moveCursor(QTextCursor.MoveOperation.End)
    clip = QMimeData()
    clip.setText("\n" + "y" * (LONG_RUN + 5))
    editor.insertFromMimeData(clip)  # a pasted run switches it too
    assert editor.wordWrapMode() == anywhere
