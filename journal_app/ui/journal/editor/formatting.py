"""Markdown formatting commands over a ``QTextCursor``.

Each command is one undo step, leaves the cursor (a copy of the editor's; the caller sets
it back) where the user expects it, and undoes itself when run again on its own result:
bold twice gives back the original text. Line commands (lists, task, quote, heading)
work on every line the selection touches; inline commands (bold, italic, code) wrap the
selection, the word under the cursor, or each selected line.

``FORMAT_COMMANDS`` lists them with their labels and shortcuts for menus and toolbars.
Ctrl+K is left alone: it searches the whole journal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor

from journal_app.ui.journal.editor.highlighter import is_code_block
from journal_app.ui.journal.editor.utf16 import Utf16Map, qt_length

INDENT = "    "
Move = QTextCursor.MoveMode

# quote prefix, indentation, list marker (bullet or number), task box.
_LINE = re.compile(
    r"(?P<quote>(?: {0,3}>[ \t]?)*)(?P<indent>[ \t]*)"
    r"(?P<marker>(?:(?P<bullet>[-*+])|(?P<num>\d{1,9})(?P<delim>[.)]))[ \t]+"
    r"(?:(?P<box>\[[ xX]\])(?:[ \t]+|$))?)?"
)
# A task item's box, for ticking it from the preview (the prefix is ASCII, so Python
# indices are the document's UTF-16 positions).
TASK_BOX = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[(?P<mark>[ xX])\]")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})[^`]*$")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")
_URL = re.compile(r"(?:https?://|mailto:|www\.)\S+$")


@dataclass(frozen=True)
class FormatCommand:
    name: str
    label: str
    shortcuts: tuple[str, ...]
    run: Callable[[QTextCursor], None]
    tip: str


# -- helpers -----------------------------------------------------------------------------


@contextmanager
def _edit(cursor: QTextCursor) -> Iterator[None]:
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()


def _lines(cursor: QTextCursor) -> list[QTextBlock]:
    """The blocks a selection touches (a selection ending at a line start skips it)."""
    doc = cursor.document()
    first = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    if cursor.hasSelection() and last != first and cursor.selectionEnd() == last.position():
        last = last.previous()
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks


def _replace(block: QTextBlock, start: int, end: int, new: str) -> None:
    """Replace code points ``start:end`` of ``block``'s text with ``new``."""
    text = block.text()
    if text[start:end] == new:
        return
    u16 = Utf16Map(text)
    edit = QTextCursor(block)
    edit.setPosition(block.position() + u16.to_qt(start))
    edit.setPosition(block.position() + u16.to_qt(end), Move.KeepAnchor)
    edit.insertText(new)


def _select_lines(cursor: QTextCursor, blocks: list[QTextBlock]) -> None:
    cursor.setPosition(blocks[0].position())
    last = blocks[-1]
    cursor.setPosition(last.position() + last.length() - 1, Move.KeepAnchor)


def _keep_selection(cursor: QTextCursor, blocks: list[QTextBlock], was_multi: bool) -> None:
    if was_multi:
        _select_lines(cursor, blocks)


# -- inline: bold, italic, code -----------------------------------------------------------


def _run(text: str, index: int, step: int, char: str) -> int:
    """How many ``char`` in a row start at ``index`` going ``step`` (+1 / -1)."""
    count = 0
    while 0 <= index < len(text) and text[index] == char:
        count += 1
        index += step
    return count


def _wrapped(left: int, right: int, marker: str) -> bool:
    """Whether runs of ``left``/``right`` marker chars around a text mean ``marker``."""
    if marker == "*":  # italic: an odd run (* or ***); ** alone is bold
        return left % 2 == 1 and right % 2 == 1
    return left >= len(marker) and right >= len(marker)


def _toggle_span(block: QTextBlock, start: int, end: int, marker: str) -> tuple[int, int]:
    """Wrap or unwrap ``start:end`` of ``block`` with ``marker``; returns the new span of
    the inner text (code points in the block)."""
    text = block.text()
    char, size = marker[0], len(marker)
    inner = text[start:end]
    # Leading/trailing spaces stay outside: "** bold **" is not emphasis.
    start += len(inner) - len(inner.lstrip())
    end -= len(inner) - len(inner.rstrip())
    if end <= start:
        return start, start
    inner = text[start:end]
    lead, trail = _run(inner, 0, 1, char), _run(inner, len(inner) - 1, -1, char)
    if len(inner) > 2 * size and lead < len(inner) and _wrapped(lead, trail, marker):
        _replace(block, end - size, end, "")  # markers selected with the text
        _replace(block, start, start + size, "")
        return start, end - 2 * size
    left, right = _run(text, start - 1, -1, char), _run(text, end, 1, char)
    if _wrapped(left, right, marker):
        _replace(block, end, end + size, "")
        _replace(block, start - size, start, "")
        return start - size, end - size
    _replace(block, end, end, marker)
    _replace(block, start, start, marker)
    return start + size, end + size


def _content_start(text: str) -> int:
    """Where a line's text starts after its quote, list marker or heading marks."""
    heading = _HEADING.match(text)
    if heading:
        return heading.end()
    line = _LINE.match(text)
    assert line is not None  # it matches empty text
    return line.end()


def _toggle_inline(cursor: QTextCursor, marker: str) -> None:
    with _edit(cursor):
        blocks = _lines(cursor)
        if len(blocks) > 1:  # every line's text, marks included or not, together
            texts = [(b, _content_start(b.text()), len(b.text().rstrip())) for b in blocks]
            spans = [(b, s, e) for b, s, e in texts if e > s]
            undo = all(_is_wrapped(b.text(), s, e, marker) for b, s, e in spans)
            for block, start, end in spans:
                if undo == _is_wrapped(block.text(), start, end, marker):
                    _toggle_span(block, start, end, marker)
            _select_lines(cursor, blocks)
            return
        block = blocks[0]
        u16 = Utf16Map(block.text())
        if cursor.hasSelection():
            start = u16.to_py(cursor.selectionStart() - block.position())
            end = u16.to_py(cursor.selectionEnd() - block.position())
            inner_start, inner_end = _toggle_span(block, start, end, marker)
            u16 = Utf16Map(block.text())
            cursor.setPosition(block.position() + u16.to_qt(inner_start))
            cursor.setPosition(block.position() + u16.to_qt(inner_end), Move.KeepAnchor)
            return
        at = u16.to_py(cursor.position() - block.position())
        word = QTextCursor(cursor)
        word.select(QTextCursor.SelectionType.WordUnderCursor)
        if word.hasSelection() and any(c.isalnum() for c in word.selectedText()):
            start = u16.to_py(word.selectionStart() - block.position())
            end = u16.to_py(word.selectionEnd() - block.position())
            new_start, _end = _toggle_span(block, start, end, marker)
            u16 = Utf16Map(block.text())
            cursor.setPosition(block.position() + u16.to_qt(at + new_start - start))
            return
        text = block.text()
        size = len(marker)
        if text[at - size : at] == marker and text[at : at + size] == marker:
            _replace(block, at - size, at + size, "")  # empty markers: take them back out
            cursor.setPosition(block.position() + u16.to_qt(at - size))
        else:
            _replace(block, at, at, marker * 2)
            cursor.setPosition(block.position() + u16.to_qt(at) + qt_length(marker))


def _is_wrapped(text: str, start: int, end: int, marker: str) -> bool:
    inner = text[start:end].strip()
    char = marker[0]
    lead, trail = _run(inner, 0, 1, char), _run(inner, len(inner) - 1, -1, char)
    return len(inner) > 2 * len(marker) and lead < len(inner) and _wrapped(lead, trail, marker)


def toggle_bold(cursor: QTextCursor) -> None:
    _toggle_inline(cursor, "**")


def toggle_italic(cursor: QTextCursor) -> None:
    _toggle_inline(cursor, "*")


def toggle_inline_code(cursor: QTextCursor) -> None:
    _toggle_inline(cursor, "`")


# -- line prefixes: lists, tasks, quotes, headings ----------------------------------------


def _line_command(
    cursor: QTextCursor,
    is_on: Callable[[re.Match[str]], bool],
    make: Callable[[re.Match[str], int], str],
) -> None:
    """Remove the marker from every line when all have it (``is_on``), else give each
    non-empty line the marker ``make(match, index)``."""
    multi = cursor.hasSelection()
    with _edit(cursor):
        blocks = _lines(cursor)
        targets = [b for b in blocks if b.text().strip()] or blocks
        matches = [_LINE.match(b.text()) for b in targets]
        remove = all(m is not None and is_on(m) for m in matches)
        for index, (block, m) in enumerate(zip(targets, matches, strict=True)):
            assert m is not None
            new = "" if remove else make(m, index)
            _replace(block, m.end("indent"), m.end(), new)
        _keep_selection(cursor, blocks, multi and len(blocks) > 1)


def toggle_bullet_list(cursor: QTextCursor) -> None:
    _line_command(cursor, lambda m: bool(m.group("bullet")) and not m.group("box"), _bullet)


def _bullet(_m: re.Match[str], _index: int) -> str:
    return "- "


def toggle_numbered_list(cursor: QTextCursor) -> None:
    first = _lines(cursor)[0]
    previous = _LINE.match(first.previous().text()) if first.previous().isValid() else None
    start = int(previous.group("num")) + 1 if previous and previous.group("num") else 1
    _line_command(
        cursor,
        lambda m: bool(m.group("num")) and not m.group("box"),
        lambda _m, index: f"{start + index}. ",
    )


def toggle_task(cursor: QTextCursor) -> None:
    _line_command(cursor, lambda m: bool(m.group("box")), lambda _m, _i: "- [ ] ")


def toggle_task_done(cursor: QTextCursor) -> None:
    """Tick every task on the selected lines, or untick them when all are ticked."""
    with _edit(cursor):
        tasks = []
        for block in _lines(cursor):
            m = _LINE.match(block.text())
            if m and m.group("box"):
                tasks.append((block, m))
        done = all(m.group("box")[1] in "xX" for _b, m in tasks)
        for block, m in tasks:
            _replace(block, m.start("box") + 1, m.start("box") + 2, " " if done else "x")


def toggle_quote(cursor: QTextCursor) -> None:
    multi = cursor.hasSelection()
    with _edit(cursor):
        blocks = _lines(cursor)
        filled = [b for b in blocks if b.text().strip()] or blocks
        quoted = all(b.text().lstrip(" ").startswith(">") for b in filled)
        for block in blocks:
            text = block.text()
            if quoted:
                if not text.lstrip(" ").startswith(">"):
                    continue
                at = text.index(">")
                _replace(block, 0, at + (2 if text[at + 1 : at + 2] == " " else 1), "")
            else:
                _replace(block, 0, 0, "> " if text else ">")
        _keep_selection(cursor, blocks, multi and len(blocks) > 1)


def heading_level(text: str) -> int:
    m = _HEADING.match(text)
    return len(m.group(1)) if m else 0


def set_heading(cursor: QTextCursor, level: int) -> None:
    """Make the selected lines headings of ``level`` (0: plain text)."""
    multi = cursor.hasSelection()
    with _edit(cursor):
        blocks = _lines(cursor)
        for block in blocks:
            text = block.text()
            m = _HEADING.match(text)
            end = m.end() if m else 0
            _replace(block, 0, end, "#" * level + " " if level else "")
        _keep_selection(cursor, blocks, multi and len(blocks) > 1)


def cycle_heading(cursor: QTextCursor) -> None:
    """Plain → # → ## → ### → plain (deeper headings go back to plain)."""
    level = heading_level(_lines(cursor)[0].text())
    set_heading(cursor, level + 1 if level < 3 else 0)


# -- blocks: code fences, links -----------------------------------------------------------


def _is_fence(block: QTextBlock) -> bool:
    return block.isValid() and _FENCE.fullmatch(block.text()) is not None


def _remove_block(block: QTextBlock) -> None:
    """Delete a whole line with its line break."""
    edit = QTextCursor(block)
    if block.next().isValid():
        edit.setPosition(block.position())
        edit.setPosition(block.next().position(), Move.KeepAnchor)
    else:
        edit.setPosition(block.previous().position() + block.previous().length() - 1)
        edit.setPosition(block.position() + block.length() - 1, Move.KeepAnchor)
    edit.removeSelectedText()


def toggle_code_block(cursor: QTextCursor) -> None:
    """Fence the selected lines with ``` (or take the fences around them away)."""
    with _edit(cursor):
        blocks = _lines(cursor)
        before, after = blocks[0].previous(), blocks[-1].next()
        if _is_fence(before) and _is_fence(after) and _inside_fence(blocks[0]):
            _remove_block(after)
            _remove_block(before)
            if cursor.hasSelection():
                _select_lines(cursor, blocks)
            return
        if len(blocks) > 1 and _is_fence(blocks[0]) and _is_fence(blocks[-1]):
            inner = blocks[1:-1]
            _remove_block(blocks[-1])
            _remove_block(blocks[0])
            if inner:
                _select_lines(cursor, inner)
            return
        start = blocks[0].position()
        end = blocks[-1].position() + blocks[-1].length() - 1
        edit = QTextCursor(cursor.document())
        edit.setPosition(end)
        edit.insertText("\n```")
        edit.setPosition(start)
        edit.insertText("```\n")
        cursor.setPosition(start + 4)
        if end > start:
            cursor.setPosition(end + 4, Move.KeepAnchor)


def _inside_fence(block: QTextBlock) -> bool:
    if block.userState() != -1:  # the highlighter knows
        return is_code_block(block)
    inside = False  # no highlighter (a huge text): count the fences above
    above = block.previous()
    while above.isValid():
        inside ^= _is_fence(above)
        above = above.previous()
    return inside


def toggle_link(cursor: QTextCursor) -> None:
    """``[text](url)`` around the selection with "url" selected to type over; a selected
    URL becomes the target; inside a link, the link goes back to its text."""
    with _edit(cursor):
        block = cursor.document().findBlock(cursor.selectionStart())
        text = block.text()
        u16 = Utf16Map(text)
        start = u16.to_py(cursor.selectionStart() - block.position())
        end = u16.to_py(min(cursor.selectionEnd() - block.position(), block.length() - 1))
        for m in _LINK.finditer(text):
            if m.start() <= start and end <= m.end() and not m.group(0).startswith("!"):
                _replace(block, m.start(), m.end(), m.group(1))
                u16 = Utf16Map(block.text())
                cursor.setPosition(block.position() + u16.to_qt(m.start()))
                cursor.setPosition(
                    block.position() + u16.to_qt(m.start() + len(m.group(1))), Move.KeepAnchor
                )
                return
        selected = cursor.selectedText().replace("\u2029", "\n")
        pos = cursor.selectionStart()
        if selected and _URL.match(selected.strip()) and "\n" not in selected:
            new, select = f"[]({selected.strip()})", (1, 1)
        elif selected:
            new, select = f"[{selected}](url)", (len(selected) + 3, len(selected) + 6)
        else:
            new, select = "[text](url)", (1, 5)
        cursor.insertText(new)
        cursor.setPosition(pos + qt_length(new[: select[0]]))
        cursor.setPosition(pos + qt_length(new[: select[1]]), Move.KeepAnchor)


# -- typing: Enter, Tab, Shift+Tab ---------------------------------------------------------


def new_line(cursor: QTextCursor, *, plain: bool = False) -> None:
    """Enter: continue the list, task or quote the cursor is in (an Enter on an empty
    item ends it; a nested one moves out a level) and keep the indentation. ``plain``
    (Shift+Enter) only lines up with the item's text. Enter on a line of nothing but
    spaces empties it and starts the next line at the margin: a blank line resets the
    indentation (as an empty item ends a list), so a code block's closing ``` typed after
    one is not indented by accident, and no trailing spaces are left behind."""
    with _edit(cursor):
        if cursor.hasSelection():
            cursor.removeSelectedText()
        block = cursor.block()
        text = block.text()
        at = Utf16Map(text).to_py(cursor.positionInBlock())
        if text and not text.strip(" \t"):
            _replace(block, 0, len(text), "")
            cursor.setPosition(block.position())
            cursor.insertText("\n")
            return
        if is_code_block(block) and not _is_fence(block):
            lead = text[: len(text) - len(text.lstrip(" \t"))]
            cursor.insertText("\n" + lead[:at])
            return
        m = _LINE.match(text)
        assert m is not None
        prefix_end = m.end()
        if at < prefix_end or not (m.group("marker") or m.group("quote")):
            lead = text[: len(text) - len(text.lstrip(" \t"))]
            cursor.insertText("\n" + lead[: min(at, len(lead))])
            return
        if plain:
            cursor.insertText("\n" + m.group("quote") + " " * (prefix_end - m.end("quote")))
            return
        if not text[prefix_end:].strip() and at == len(text):
            indent = m.group("indent")
            if m.group("marker") and indent:  # nested empty item: one level out
                _replace(block, m.start("indent"), m.end("indent"), _outdented(indent))
            elif m.group("marker"):
                _replace(block, m.end("indent"), prefix_end, "")
            else:  # an empty quote line ends the quote
                _replace(block, 0, prefix_end, "")
            return
        cursor.insertText("\n" + m.group("quote") + m.group("indent") + _next_marker(m))


def _next_marker(m: re.Match[str]) -> str:
    if not m.group("marker"):
        return ""
    if m.group("num"):
        marker = f"{int(m.group('num')) + 1}{m.group('delim')} "
    else:
        marker = m.group("bullet") + " "
    return marker + ("[ ] " if m.group("box") else "")


def _outdented(indent: str) -> str:
    if indent.endswith("\t"):
        return indent[:-1]
    return indent[: max(0, len(indent) - len(INDENT))] if indent.endswith(" ") else indent


def delete_indent(cursor: QTextCursor) -> bool:
    """Backspace in the spaces that begin a line: back to the previous indentation stop
    (four columns), as code editors do. False (nothing done) anywhere else."""
    if cursor.hasSelection() or cursor.positionInBlock() == 0:
        return False
    text = cursor.block().text()
    before = text[: Utf16Map(text).to_py(cursor.positionInBlock())]
    if before.strip(" "):
        return False
    width = (len(before) - 1) % len(INDENT) + 1
    with _edit(cursor):
        cursor.movePosition(QTextCursor.MoveOperation.Left, Move.KeepAnchor, width)
        cursor.removeSelectedText()
    return True


def indent(cursor: QTextCursor) -> None:
    """Tab: indent the selected lines or a list item; elsewhere insert spaces up to the
    next multiple of four columns."""
    with _edit(cursor):
        blocks = _lines(cursor)
        m = _LINE.match(blocks[0].text())
        if cursor.hasSelection() or (m is not None and m.group("marker")):
            for block in blocks:
                if block.text() or len(blocks) == 1:
                    _replace(block, 0, 0, INDENT)
            _keep_selection(cursor, blocks, len(blocks) > 1)
            return
        text = cursor.block().text()
        before = text[: Utf16Map(text).to_py(cursor.positionInBlock())]
        column = len(before.expandtabs(len(INDENT)))
        cursor.insertText(" " * (len(INDENT) - column % len(INDENT)))


def outdent(cursor: QTextCursor) -> None:
    """Shift+Tab: take one level of indentation off the selected lines."""
    with _edit(cursor):
        blocks = _lines(cursor)
        for block in blocks:
            text = block.text()
            lead = len(text) - len(text.lstrip(" \t"))
            if text.startswith("\t"):
                _replace(block, 0, 1, "")
            elif lead:
                _replace(block, 0, min(lead, len(INDENT), len(text) - len(text.lstrip(" "))), "")
        _keep_selection(cursor, blocks, len(blocks) > 1)


FORMAT_COMMANDS: tuple[FormatCommand, ...] = (
    FormatCommand("bold", "Bold", ("Ctrl+B",), toggle_bold, "Bold: **text**"),
    FormatCommand("italic", "Italic", ("Ctrl+I",), toggle_italic, "Italic: *text*"),
    FormatCommand(
        "heading", "Heading", ("Ctrl+Shift+H",), cycle_heading, "Heading: # → ## → ### → text"
    ),
    FormatCommand("bullet_list", "Bulleted list", ("Ctrl+Shift+L",), toggle_bullet_list, "- item"),
    FormatCommand(
        "numbered_list", "Numbered list", ("Ctrl+Shift+O",), toggle_numbered_list, "1. item"
    ),
    FormatCommand("task", "Task", ("Ctrl+Shift+T",), toggle_task, "Task: - [ ] item"),
    FormatCommand(
        "task_done", "Tick task", ("Ctrl+Shift+X",), toggle_task_done, "Tick: - [ ] ↔ - [x]"
    ),
    FormatCommand("link", "Link", ("Ctrl+L", "Ctrl+Shift+K"), toggle_link, "Link: [text](url)"),
    FormatCommand("code", "Inline code", ("Ctrl+E",), toggle_inline_code, "Code: `code`"),
    FormatCommand(
        "code_block", "Code block", ("Ctrl+Shift+E",), toggle_code_block, "Code block: ```"
    ),
    FormatCommand("quote", "Quote", ("Ctrl+Shift+Q",), toggle_quote, "Quote: > text"),
)
