"""Markdown highlighting: what is emphasised, what is muted, and that it stays fast."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from journal_app.ui.journal.editor import MarkdownHighlighter
from journal_app.ui.journal.editor.highlighter import LONG_BLOCK, in_fence, is_code_block
from journal_app.ui.theme import dark_palette, light_palette

from .conftest import format_at

HANG_S = 10.0  # a bound that only catches a hang (~100x the normal time); speed is not tested


@pytest.fixture
def highlighted(qapp):
    """``highlighted(text)`` -> (document, highlighter) with ``text`` highlighted."""
    made = []

    def make(text: str, palette=None):
        doc = QTextDocument()
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))  # as in the editor
        highlighter = MarkdownHighlighter(doc, palette=palette or light_palette(), font=QFont())
        doc.setPlainText(text)
        made.append((doc, highlighter))
        return doc, highlighter

    return make


def block(doc: QTextDocument, number: int):
    return doc.findBlockByNumber(number)


def test_headings_are_bold_and_larger_with_muted_marks(highlighted):
    doc, h = highlighted("# Sprint 1 review\n### Notes\nplain")
    title = format_at(block(doc, 0), 3)
    assert title.fontWeight() == QFont.Weight.Bold
    assert title.fontPointSize() > format_at(block(doc, 1), 5).fontPointSize() > 0
    assert format_at(block(doc, 0), 0).foreground().color() == h.colors.muted
    assert block(doc, 2).layout().formats() == []


def test_links_to_entries_are_links(highlighted):
    text = "see [[Chain rule]] and [[Chain rule|*the* rule]] or ![[photo.png]]"
    doc, h = highlighted(text)
    first = block(doc, 0)
    assert format_at(first, text.index("Chain")).foreground().color() == h.colors.link
    assert format_at(first, text.index("[[")).foreground().color() == h.colors.muted
    shown = format_at(first, text.index("the"))
    assert shown.foreground().color() == h.colors.link and not shown.fontItalic()
    assert format_at(first, text.index("|")).foreground().color() == h.colors.muted
    assert format_at(first, text.index("photo")).foreground().color() != h.colors.link


def test_emphasis_code_and_links(highlighted):
    text = "a **bold** b *it* c `x*y*` d [site](https://example.org) e ~~gone~~"
    doc, h = highlighted(text)
    first = block(doc, 0)
    assert format_at(first, text.index("bold")).fontWeight() == QFont.Weight.Bold
    assert format_at(first, text.index("**")).foreground().color() == h.colors.muted
    assert format_at(first, text.index("it")).fontItalic()
    code = format_at(first, text.index("x*y"))
    assert code.foreground().color() == h.colors.code
    assert not format_at(first, text.index("y*")).fontItalic()  # no emphasis inside code
    assert format_at(first, text.index("site")).foreground().color() == h.colors.link
    assert format_at(first, text.index("https")).foreground().color() == h.colors.muted
    assert format_at(first, text.index("gone")).fontStrikeOut()
    assert format_at(first, 0).foreground().color() != h.colors.link  # plain text is plain


def test_lists_tasks_and_quotes(highlighted):
    doc, h = highlighted("- item\n1. first\n- [ ] todo\n- [x] done\n> quoted\n-not a list")
    assert format_at(block(doc, 0), 0).foreground().color() == h.colors.accent
    assert format_at(block(doc, 1), 0).foreground().color() == h.colors.accent
    assert format_at(block(doc, 2), 3).foreground().color() == h.colors.accent  # [ ]
    assert not format_at(block(doc, 2), 7).fontStrikeOut()
    done = format_at(block(doc, 3), 7)
    assert done.fontStrikeOut()
    assert done.foreground().color() == h.colors.muted
    assert not format_at(block(doc, 3), 0).fontStrikeOut()  # the marker stays readable
    assert format_at(block(doc, 4), 3).fontItalic()
    assert block(doc, 5).layout().formats() == []


def test_fenced_code_spans_lines_until_its_closing_fence(highlighted):
    text = "before\n```python\n# not a heading\n**not bold**\n```\nafter **bold**"
    doc, h = highlighted(text)
    states = [block(doc, n).userState() for n in range(6)]
    assert [in_fence(s) for s in states] == [False, True, True, True, False, False]
    assert [is_code_block(block(doc, n)) for n in range(6)] == [
        False, True, True, True, True, False,
    ]  # fmt: skip
    inside = format_at(block(doc, 2), 2)
    assert inside.fontWeight() != QFont.Weight.Bold
    assert inside.foreground().color() == h.colors.code
    assert format_at(block(doc, 5), 8).fontWeight() == QFont.Weight.Bold


def test_a_longer_or_tilde_fence_is_not_closed_by_a_shorter_one(highlighted):
    doc, _h = highlighted("~~~~\n```\n~~~\n~~~~\ntext")
    assert [in_fence(block(doc, n).userState()) for n in range(5)] == [
        True, True, True, False, False,
    ]  # fmt: skip


def test_opening_a_fence_rehighlights_the_lines_below(highlighted):
    doc, _h = highlighted("# one\n# two")
    assert format_at(block(doc, 1), 3).fontWeight() == QFont.Weight.Bold
    cursor = doc.find("# one")
    cursor.insertText("```")
    assert format_at(block(doc, 1), 3).fontWeight() != QFont.Weight.Bold


def test_positions_are_right_after_emoji_and_in_right_to_left_text(highlighted):
    text = "👩‍👩‍👧 then **bold** and مرحبا *مائل*"
    doc, _h = highlighted(text)
    utf16 = len(text.split("**")[0].encode("utf-16-le")) // 2
    first = block(doc, 0)
    assert format_at(first, utf16 + 2).fontWeight() == QFont.Weight.Bold  # "b" of bold
    assert format_at(first, utf16 - 1).fontWeight() != QFont.Weight.Bold  # the space
    italic_at = len(text.split("*مائل")[0].encode("utf-16-le")) // 2 + 1
    assert format_at(first, italic_at).fontItalic()


def test_very_long_blocks_are_left_plain(highlighted):
    long_line = "**" + "x" * (LONG_BLOCK + 10) + "**"
    doc, _h = highlighted(f"```\n{long_line}\n```\n{'y' * 1_000_000}\n**bold**")
    assert block(doc, 1).layout().formats() == []
    assert in_fence(block(doc, 1).userState())  # the fence still carries over
    assert not in_fence(block(doc, 2).userState())
    assert format_at(block(doc, 4), 3).fontWeight() == QFont.Weight.Bold


def test_hostile_emphasis_does_not_backtrack_for_ever(highlighted):
    line = "**a " * 2400 + "*_`[" * 100  # many openers, no closers, just under the cap
    start = time.perf_counter()
    highlighted(line)
    # Only a hang fails this: it takes ~0.1 s; backtracking would take minutes.
    assert time.perf_counter() - start < HANG_S


def test_colours_follow_the_palette(highlighted):
    doc, h = highlighted("# Title and a [link](x)", palette=light_palette())
    light_heading = format_at(block(doc, 0), 3).foreground().color()
    light_link = format_at(block(doc, 0), 15).foreground().color()
    h.set_palette(dark_palette())
    dark_heading = format_at(block(doc, 0), 3).foreground().color()
    assert dark_heading != light_heading
    assert dark_heading.lightness() > 128 > light_heading.lightness()
    assert format_at(block(doc, 0), 15).foreground().color() != light_link


def test_the_editor_rehighlights_when_the_theme_changes(editor):
    editor.set_text("# Title")
    first = editor.document().firstBlock()
    before = format_at(first, 3).foreground().color()
    editor.setPalette(dark_palette())
    after = format_at(first, 3).foreground().color()
    assert after != before
    assert after.lightness() > 128
