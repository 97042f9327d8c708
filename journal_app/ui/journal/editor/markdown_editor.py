"""The text area entries are written in: plain-text Markdown with comfortable defaults.

Enter continues a list, task or quote (and ends it on an empty item), Tab and Shift+Tab
indent, the formatting shortcuts (``formatting.FORMAT_COMMANDS``) work while it has the
focus, and the text sits in a centred column of readable width.

Pasted or dropped images are not inserted as text: ``image_pasted(data, mime)`` hands
their bytes to the owner, which stores them and calls ``insert_image_link``. Pasted text
keeps every character except lone surrogates (U+FFFD instead): they cannot be saved.

With a spell check set (``set_spell_check``), misspelled words are underlined by the
highlighter and the context menu offers corrections, "Add to Dictionary" and "Ignore".

Huge texts stay responsive: the word count is kept per line (``WordTally``) and reported
at most a few times a second; highlighting skips very long lines and is switched off for
a text larger than ``HIGHLIGHT_MAX_CHARS`` / ``HIGHLIGHT_MAX_LINES`` (until the next
``set_text``), because highlighting runs over every line of an inserted text at once.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QMimeData,
    QPoint,
    QRectF,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from journal_app.fsutil import read_regular_file
from journal_app.text_stats import reading_minutes
from journal_app.ui.editor_look import EditorLook
from journal_app.ui.journal.editor import formatting
from journal_app.ui.journal.editor.highlighter import (
    MarkdownHighlighter,
    SpellCheck,
    is_code_block,
)
from journal_app.ui.journal.editor.link_completer import LinkCompleter
from journal_app.ui.journal.editor.match_marks import MatchMarks, Span
from journal_app.ui.journal.editor.utf16 import clean_text
from journal_app.ui.journal.editor.word_tally import WordTally

MAX_IMAGE_BYTES = 25 * 1024 * 1024
IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp")
IMAGE_SUFFIXES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
}
# Qt's word-or-anywhere wrapping takes quadratic time on a run of characters without a
# break (a 1 MB line without spaces: minutes); past this length the editor wraps anywhere.
LONG_RUN = 10_000
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN}}}")
HIGHLIGHT_MAX_CHARS = 2_000_000
HIGHLIGHT_MAX_LINES = 20_000
STATS_INTERVAL_MS = 250
TEXT_COLUMN_CHARS = 80  # the widest text column, in average character widths
# Shortcuts that belong to the window even while the editor has the focus (Qt binds
# Ctrl+K to "delete to end of line" on some desktops; here it searches the journal).
RESERVED_KEYS = (QKeySequence("Ctrl+K"),)


class SpellActions(SpellCheck, Protocol):
    """A spell check the context menu can also act on (ui/journal/spelling.py)."""

    def suggest(self, word: str) -> list[str]: ...

    def add_word(self, word: str) -> None: ...

    def ignore_word(self, word: str) -> None: ...


def has_long_run(text: str) -> bool:
    """Whether ``text`` holds a run of LONG_RUN characters without white space.

    Such a run lies within one line, so only lines that long are searched: the regex
    alone takes ~200 ms over 10 MB, splitting into lines a tenth of that."""
    if len(text) < LONG_RUN:
        return False
    lines = text.split("\n")
    if max(map(len, lines)) < LONG_RUN:  # the usual case, without a Python loop
        return False
    return any(len(line) >= LONG_RUN and _LONG_RUN.search(line) for line in lines)


def sniff_image(data: bytes) -> str | None:
    """The MIME type of an image by its magic bytes, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"BM"):
        return "image/bmp"
    return None


def read_image_file(path: str) -> tuple[bytes, str] | None:
    """The bytes and type of an image file; None for anything that is not a regular
    file of at most ``MAX_IMAGE_BYTES`` holding a known image format (FIFOs, devices
    and directories are never read, so they cannot block or flood)."""
    data = read_regular_file(path, MAX_IMAGE_BYTES)
    mime = sniff_image(data) if data else None
    if data is None or mime is None:
        return None
    return data, mime


def mime_text(source: QMimeData) -> str:
    """The plain text of ``source``, lone surrogates replaced, line ends made ``\\n``.

    Read from the raw bytes where possible: converting a QString that holds a lone
    surrogate to Python silently drops it, which would hide the damage.
    """
    text = ""
    for fmt in ("text/plain;charset=utf-8", "text/plain"):
        if source.hasFormat(fmt):
            text = bytes(source.data(fmt).data()).decode("utf-8", _REPAIR)
            break
    else:
        if source.hasText():
            text = source.text()
    return clean_text(text).replace("\r\n", "\n").replace("\r", "\n")


def _repair_utf8(error: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: one U+FFFD for an encoded lone surrogate (ED A0..BF xx,
    as broken UTF-16 sources produce) or for any other invalid byte."""
    assert isinstance(error, UnicodeDecodeError)
    data, start = error.object, error.start
    surrogate = data[start : start + 1] == b"\xed" and len(data) >= start + 3
    if surrogate and data[start + 1] >= 0xA0 and 0x80 <= data[start + 2] <= 0xBF:
        return "\ufffd", start + 3
    return "\ufffd", error.end


_REPAIR = "journal-app-repair"
codecs.register_error(_REPAIR, _repair_utf8)


def _spell_ranges(block: QTextBlock) -> list[tuple[int, int]]:
    """(start, end) of the underlined words of ``block`` (UTF-16 positions), adjacent
    ranges joined (a word may span two runs of other styles)."""
    style = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ranges = sorted(
        (r.start, r.start + r.length)
        for r in block.layout().formats()
        if r.format.underlineStyle() == style
    )
    joined: list[tuple[int, int]] = []
    for start, end in ranges:
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs type the format as bytes, but PySide6 accepts only a str here.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


class MarkdownEditor(QPlainTextEdit):
    """A Markdown text editor; see the module docstring."""

    stats_changed = Signal(int, int)  # words, reading minutes
    image_pasted = Signal(bytes, str)  # image data, MIME type

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._highlighter: MarkdownHighlighter | None = None
        self._spell: SpellActions | None = None
        self._column_chars = TEXT_COLUMN_CHARS
        self._marks = MatchMarks()
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setPlaceholderText("Write in Markdown…  **bold**, *italic*, - lists, > quotes")
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setBackgroundRole(self.viewport().backgroundRole())
        self.setAutoFillBackground(True)
        self.document().setDocumentMargin(14)
        self._set_highlighting(True)
        self._tally = WordTally(self.document())
        self._shown_stats: tuple[int, int] | None = None
        self._stats_timer = QTimer(self)
        self._stats_timer.setSingleShot(True)
        self._stats_timer.setInterval(STATS_INTERVAL_MS)
        self._stats_timer.timeout.connect(self._emit_stats)
        self.document().contentsChanged.connect(self._on_contents_changed)
        self.document().contentsChange.connect(self._on_contents_change)
        self.format_actions: dict[str, QAction] = {}
        for command in formatting.FORMAT_COMMANDS:
            self.format_actions[command.name] = self._make_action(command)
        self.set_font_size(self.default_font_size())
        self.link_completer = LinkCompleter(self)  # `[[` offers entry titles

    # -- text ------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show ``text`` as a fresh document: undo history cleared, cursor at the top."""
        text = clean_text(text).replace("\r\n", "\n").replace("\r", "\n")
        self._set_highlighting(
            len(text) <= HIGHLIGHT_MAX_CHARS and text.count("\n") < HIGHLIGHT_MAX_LINES
        )
        self._set_wrap_anywhere(has_long_run(text))
        self._tally.invalidate()
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._shown_stats = None
        self._emit_stats()

    def text(self) -> str:
        """The text exactly as typed (``toPlainText`` turns no-break spaces into spaces)."""
        return self.document().toRawText().replace("\u2029", "\n")

    def set_link_titles(self, titles: list[str]) -> None:
        """The entry titles `[[` offers."""
        self.link_completer.set_titles(titles)

    def toggle_task(self, line: int) -> bool:
        """Tick or untick the task on `line` (from 0) as an edit: undoable, saved like
        typing. False when that line holds no task (the text changed meanwhile)."""
        block = self.document().findBlockByNumber(line)
        match = formatting.TASK_BOX.match(block.text()) if block.isValid() else None
        if match is None or self.isReadOnly():
            return False
        mark = " " if match.group("mark") in "xX" else "x"
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + match.start("mark"))
        cursor.setPosition(block.position() + match.end("mark"), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(mark)
        return True

    def insert_image_link(self, url: str, alt: str = "") -> None:
        """Insert ``![alt](url)`` at the cursor (over the selection), as one undo step."""
        alt = alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        if any(c in url for c in " ()<>\n"):
            url = "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"
        cursor = self.textCursor()
        cursor.beginEditBlock()  # its own undo step, not merged with the typing before
        cursor.insertText(f"![{alt}]({url})")
        cursor.endEditBlock()

    def stats(self) -> tuple[int, int]:
        """(words, reading minutes) of the text now."""
        words = self._tally.words()
        return words, reading_minutes(words)

    @property
    def highlighter(self) -> MarkdownHighlighter | None:
        """The highlighter, or None while highlighting is off for a huge text."""
        return self._highlighter

    def prepare_for_insert(self, text: str, *, replace_all: bool = False) -> None:
        """Call before inserting ``text`` (or replacing the whole text with it) in code:
        a huge text switches highlighting off first (it would run over every line at
        once), a long run without spaces switches to wrapping anywhere (see LONG_RUN)."""
        size = len(text) + (0 if replace_all else self.document().characterCount())
        if size > HIGHLIGHT_MAX_CHARS or text.count("\n") >= HIGHLIGHT_MAX_LINES:
            self._set_highlighting(False)
        if has_long_run(text):
            self._set_wrap_anywhere(True)

    # -- spelling --------------------------------------------------------------------------

    @property
    def spell_check(self) -> SpellActions | None:
        return self._spell

    def set_spell_check(self, spell: SpellActions | None) -> None:
        """Underline misspelled words found by ``spell`` (None: stop checking)."""
        if spell is self._spell:
            return
        self._spell = spell
        if self._highlighter is not None:
            with QSignalBlocker(self):  # not an edit (see changeEvent)
                self._highlighter.set_spell_check(spell)

    def recheck_spelling(self, word: str | None = None) -> None:
        """Check again the lines holding ``word`` (every line when None)."""
        if self._highlighter is None:
            return
        with QSignalBlocker(self):
            if word is None:
                self._highlighter.rehighlight()
                return
            block = self.document().firstBlock()
            while block.isValid():
                if word in block.text():
                    self._highlighter.rehighlightBlock(block)
                block = block.next()

    def misspelled_at(self, position: QPoint) -> QTextCursor | None:
        """A cursor selecting the underlined word at viewport ``position``, or None."""
        cursor = self.cursorForPosition(position)
        block = cursor.block()
        offset = cursor.positionInBlock()
        for start, end in _spell_ranges(block):
            if start <= offset <= end:
                cursor.setPosition(block.position() + start)
                cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
                return cursor
        return None

    def _spelling_actions(self, position: QPoint, menu: QMenu) -> list[QAction]:
        spell = self._spell
        word_cursor = self.misspelled_at(position) if spell is not None else None
        if spell is None or word_cursor is None or self.isReadOnly():
            return []
        word = word_cursor.selectedText()
        actions: list[QAction] = []
        for suggestion in spell.suggest(word):
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(
                lambda _checked=False, s=suggestion: self._replace_word(word_cursor, s)
            )
            actions.append(action)
        if not actions:
            none = QAction("No Suggestions", menu)
            none.setEnabled(False)
            actions.append(none)
        add = QAction("Add to Dictionary", menu)
        add.setStatusTip(f"Accept “{word}” in this journal from now on")
        add.triggered.connect(lambda: self._accept_word(spell.add_word, word))
        ignore = QAction("Ignore", menu)
        ignore.setStatusTip(f"Accept “{word}” until the app closes")
        ignore.triggered.connect(lambda: self._accept_word(spell.ignore_word, word))
        return [*actions, add, ignore]

    def _replace_word(self, word_cursor: QTextCursor, replacement: str) -> None:
        word_cursor.beginEditBlock()  # one undo step
        word_cursor.insertText(replacement)
        word_cursor.endEditBlock()
        self.setTextCursor(word_cursor)

    def _accept_word(self, accept: Callable[[str], None], word: str) -> None:
        accept(word)
        self.recheck_spelling(word)

    # -- look ------------------------------------------------------------------------------

    def set_font_size(self, points: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(points)
        self.setFont(font)

    def default_font_size(self) -> float:
        return max(11.5, QFont().pointSizeF() + 2)

    def apply_look(self, look: EditorLook) -> None:
        """The font and text column chosen in Preferences ▸ Editor."""
        font = QFont(self.font())
        font.setFamily(look.family or QFont().family())
        font.setPointSizeF(look.size or self.default_font_size())
        self.setFont(font)
        self.set_column_width(look.line_width)

    def set_column_width(self, characters: int) -> None:
        """The widest text column in average character widths (0: the full width)."""
        self._column_chars = characters
        self._update_margins()

    def _update_margins(self, *, relayout: bool = True) -> None:
        """Centre a column of readable width (viewport margins; the scroll bar stays at
        the edge). ``relayout``: re-wrap the text, which a resize does by itself."""
        side = 0
        if self._column_chars:
            metrics = QFontMetricsF(self.font())
            column = metrics.averageCharWidth() * self._column_chars
            column += 2 * self.document().documentMargin()
            reserve = self.verticalScrollBar().sizeHint().width()
            side = max(0, int((self.width() - reserve - column) / 2))
        margins = self.viewportMargins()
        if margins.left() != side or margins.right() != side:
            self.setViewportMargins(side, 0, side, 0)
            if relayout:  # QPlainTextEdit re-wraps its text on a resize of itself only
                super().resizeEvent(QResizeEvent(self.size(), self.size()))

    def _set_highlighting(self, on: bool) -> None:
        if on and self._highlighter is None:
            self._highlighter = MarkdownHighlighter(
                self.document(), palette=self.palette(), font=self.font()
            )
            self._highlighter.set_spell_check(self._spell, rehighlight=False)
        elif not on and self._highlighter is not None:
            self._highlighter.setDocument(None)
            self._highlighter.deleteLater()
            self._highlighter = None

    def _set_wrap_anywhere(self, on: bool) -> None:
        if on != (self.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere):
            self.setWordWrapMode(
                QTextOption.WrapMode.WrapAnywhere
                if on
                else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
            )

    def _on_contents_change(self, position: int, _removed: int, _added: int) -> None:
        if self.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere:
            return
        block = self.document().findBlock(position)
        if block.length() > LONG_RUN and _LONG_RUN.search(block.text()):
            self._set_wrap_anywhere(True)  # stays until the next set_text

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        # Re-highlighting makes Qt report "text changed" though not a character moved:
        # silence it, or the owner would take a theme switch for an edit (and autosave).
        if kind == QEvent.Type.PaletteChange and self._highlighter is not None:
            with QSignalBlocker(self):
                self._highlighter.set_palette(self.palette())
        elif kind == QEvent.Type.FontChange:
            metrics = QFontMetricsF(self.font())
            self.setTabStopDistance(metrics.horizontalAdvance(" ") * len(formatting.INDENT))
            if self._highlighter is not None:
                with QSignalBlocker(self):
                    self._highlighter.set_base_font(self.font())
            self._update_margins()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_margins(relayout=False)  # first, so the text wraps to the new width
        super().resizeEvent(event)

    def set_match_marks(self, spans: Sequence[Span], color: QColor) -> None:
        """Tint ``spans`` (document positions) behind the text, e.g. the visible matches
        of a search; an empty list removes the tint."""
        if self._marks.set(spans, color):
            self.viewport().update()

    def match_marks(self) -> list[Span]:
        return list(self._marks.spans)

    def match_mark_rects(self) -> list[QRectF]:
        """Where the marked spans are painted in the viewport (wrapped spans: one each line)."""
        return list(self._marks.rects(self, self.viewport().height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Fenced code blocks get a band of background across the column; marked spans
        (see set_match_marks) a tint. Both go under the text."""
        if self._highlighter is not None or self._marks.spans:
            painter = QPainter(self.viewport())
            bottom = event.rect().bottom()
            if self._highlighter is not None:
                self._paint_code_bands(painter, bottom)
            self._marks.paint(self, painter, bottom)
            painter.end()
        super().paintEvent(event)

    def _paint_code_bands(self, painter: QPainter, bottom: int) -> None:
        assert self._highlighter is not None
        color = self._highlighter.colors.block_bg
        offset = self.contentOffset()
        margin = self.document().documentMargin() - 6
        width = self.viewport().width() - 2 * margin
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if block.isVisible() and is_code_block(block):
                painter.fillRect(QRectF(margin, geometry.top(), width, geometry.height()), color)
            block = block.next()

    # -- keys ------------------------------------------------------------------------------

    def _make_action(self, command: formatting.FormatCommand) -> QAction:
        action = QAction(command.label, self)
        action.setObjectName(f"format_{command.name}")
        action.setShortcuts([QKeySequence(key) for key in command.shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        keys = QKeySequence(command.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{command.label} ({keys})\n{command.tip}")
        action.setStatusTip(command.tip)
        action.triggered.connect(lambda _checked=False, run=command.run: self.apply_format(run))
        self.addAction(action)
        return action

    def apply_format(self, command: Callable[[QTextCursor], None]) -> None:
        """Run a ``formatting`` command on the cursor and keep its result."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        command(cursor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(
                pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch
                for key in RESERVED_KEYS
            ):
                event.ignore()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.link_completer.takes_key(event.key()):
            event.ignore()  # the title popup chooses or closes
            return
        self._handle_key(event)
        if event.text() or event.key() == Qt.Key.Key_Backspace:
            self.link_completer.text_typed(event.text())

    def _handle_key(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        Mod = Qt.KeyboardModifier
        if not self.isReadOnly():
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods in (
                Mod.NoModifier,
                Mod.ShiftModifier,
            ):
                self.apply_format(lambda c: formatting.new_line(c, plain=mods == Mod.ShiftModifier))
                return
            if key == Qt.Key.Key_Tab and mods == Mod.NoModifier:
                self.apply_format(formatting.indent)
                return
            if key == Qt.Key.Key_Backtab:
                self.apply_format(formatting.outdent)
                return
            if key == Qt.Key.Key_Backspace and mods == Mod.NoModifier:
                cursor = self.textCursor()
                if formatting.delete_indent(cursor):
                    self.setTextCursor(cursor)
                    return
        super().keyPressEvent(event)

    def build_context_menu(self, position: QPoint) -> QMenu:
        """Corrections for a misspelled word under ``position`` (with "Add to Dictionary"
        and "Ignore"), the standard edit menu, and a Format submenu with every
        formatting action."""
        menu = self.createStandardContextMenu(position)
        spelling = self._spelling_actions(position, menu)
        if spelling:
            first = menu.actions()[0]  # the standard menu is never empty
            menu.insertActions(first, spelling)
            menu.insertSeparator(first)
        menu.addSeparator()
        submenu = menu.addMenu("Format")
        submenu.addActions(list(self.format_actions.values()))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- paste and drop --------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return (
            source.hasImage()
            or source.hasUrls()
            or any(source.hasFormat(fmt) for fmt in IMAGE_MIMES)
            or super().canInsertFromMimeData(source)
        )

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.isReadOnly():
            return
        images = self._images(source)
        if images:
            for data, mime in images:
                self.image_pasted.emit(data, mime)
            return
        text = mime_text(source)
        if not text and source.hasUrls():
            text = "\n".join(url.toString() for url in source.urls())
        if text:
            self.prepare_for_insert(text)
            self.textCursor().insertText(text)
            self.ensureCursorVisible()

    def _images(self, source: QMimeData) -> list[tuple[bytes, str]]:
        for fmt in IMAGE_MIMES:
            if source.hasFormat(fmt):
                data = source.data(fmt).data()
                if 0 < len(data) <= MAX_IMAGE_BYTES and sniff_image(bytes(data)):
                    return [(bytes(data), sniff_image(bytes(data)) or fmt)]
        if source.hasImage():
            image = source.imageData()
            if isinstance(image, QImage) and not image.isNull():
                data = _png_bytes(image)
                if len(data) <= MAX_IMAGE_BYTES:
                    return [(data, "image/png")]
        found = []
        for url in source.urls() if source.hasUrls() else []:
            if url.isLocalFile():
                path = url.toLocalFile()
                if os.path.splitext(path)[1].lower() in IMAGE_SUFFIXES:
                    image_file = read_image_file(path)
                    if image_file is not None:
                        found.append(image_file)
        return found

    # -- statistics ------------------------------------------------------------------------

    def _on_contents_changed(self) -> None:
        if not self._stats_timer.isActive():
            self._stats_timer.start()  # a throttle: reports while typing goes on, too

    def _emit_stats(self) -> None:
        self._stats_timer.stop()
        doc = self.document()
        if self._highlighter is not None and (
            doc.characterCount() > HIGHLIGHT_MAX_CHARS or doc.blockCount() > HIGHLIGHT_MAX_LINES
        ):
            self._set_highlighting(False)  # grew huge by typing: keep it fast from now on
        stats = self.stats()
        if stats != self._shown_stats:
            self._shown_stats = stats
            self.stats_changed.emit(*stats)
