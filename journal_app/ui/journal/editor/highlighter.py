"""Markdown syntax highlighting for the plain-text editor.

Each line is parsed with a few regexes into per-character style bits (bold, italic, code,
link, syntax mark, ...) that are then applied as runs, so styles nest (bold inside a
quote, a link in a heading). Fenced code blocks carry their fence in the block state.
Colours come from the palette (``set_palette``) so light and dark looks both read well.

Front matter (a first line `---` up to the next `---` or `...`) is muted. With a spell
check set (``set_spell_check``), misspelled words get a red wavy underline: the check is
asked about each line as Qt highlights it (only lines that changed, while typing), and
never about fenced code or front matter; what this parser marks as code, a URL or
Markdown punctuation is never underlined either.

Blocks longer than ``LONG_BLOCK`` characters are left plain: a regex pass over a
megabyte-long line on every keystroke would freeze typing.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import ClassVar, Protocol

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from journal_app.ui.journal.editor.utf16 import Utf16Map
from journal_app.wikilinks import WIKILINK

LONG_BLOCK = 10_000
NORMAL = 0
FRONT_MATTER = 1  # inside front matter (opened by `---` on the first line)
FENCE_BASE = 0x100  # state = FENCE_BASE | fence length << 1 | tilde

# Style bits per character.
MARK = 1  # Markdown punctuation: muted
BOLD = 2
ITALIC = 4
CODE = 8
LINK = 16
URL = 32
LIST = 64
STRIKE = 128
TASK = 256
DONE = 512  # the text of a ticked task
SPELL = 1024  # a misspelled word
_NEVER_SPELLED = CODE | URL | MARK

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_HRULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>(?:[ \t]?>)*[ \t]?")
_LIST = re.compile(r"[ \t]*([-*+]|\d{1,9}[.)])(?:[ \t]+|$)(\[[ xX]\](?=[ \t]|$))?")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.{1,2000}?)(?<!`)\1(?!`)")
_LINK = re.compile(
    r"(!?\[)([^\]\n]{0,1000})(\]\()([^)\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,500}\")?)(\))"
)
_REF_LINK = re.compile(r"(!?\[)([^\]\n]{1,1000})(\]\[)([^\]\n]{0,200})(\])")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,100}\]:?")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]{1,2000}>|\bhttps?://[^\s<>()\[\]]{1,2000}")
_TAG = re.compile(r"<!--.{0,2000}?-->|</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,500})?/?>")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.{1,2000}?)(?<=\S)\1")
_ITALIC = re.compile(
    r"(?<![*\w])(\*)(?=[^\s*])(.{1,2000}?)(?<=[^\s*])\*(?!\*)"
    r"|(?<![_\w])(_)(?=[^\s_])(.{1,2000}?)(?<=[^\s_])_(?!\w)"
)
_STRIKE = re.compile(r"(~~)(?=\S)(.{1,2000}?)(?<=\S)~~")


class SpellCheck(Protocol):
    """What the highlighter asks of a spell checker (services.spelling.SpellChecker)."""

    def misspelled(self, line: str) -> list[tuple[int, int]]:
        """(start, end) Python string positions of the misspelled words of ``line``."""
        ...


def fence_state(fence: str) -> int:
    return FENCE_BASE | min(len(fence), 127) << 1 | (fence[0] == "~")


def in_fence(state: int) -> bool:
    """Whether a block whose state is ``state`` ends inside a fenced code block."""
    return state >= FENCE_BASE


def is_code_block(block: QTextBlock) -> bool:
    """Whether ``block`` belongs to a fenced code block (its fences included)."""
    return in_fence(block.userState()) or in_fence(block.previous().userState())


def _closes(text: str, state: int) -> bool:
    stripped = text.strip()
    char = "~" if state & 1 else "`"
    length = (state - FENCE_BASE) >> 1
    return (
        len(stripped) >= length
        and stripped == char * len(stripped)
        and len(text) - len(text.lstrip(" ")) <= 3
    )


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way to ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class _Colors:
    def __init__(self, palette: QPalette) -> None:
        role = QPalette.ColorRole
        text = palette.color(role.Text)
        base = palette.color(role.Base)
        self.dark = base.lightness() < 128
        self.text = text
        self.base = base
        self.link = palette.color(role.Link)
        self.accent = palette.color(role.Highlight)
        self.muted = mix(text, base, 0.5)
        self.heading = mix(text, self.link, 0.22)
        self.quote = mix(text, base, 0.28)
        self.code = QColor("#e8a0c0") if self.dark else QColor("#a3366b")
        self.spell = QColor("#ff6b6b") if self.dark else QColor("#d0312d")
        self.code_bg = mix(base, text, 0.07 if self.dark else 0.05)
        self.block_bg = mix(base, text, 0.05 if self.dark else 0.035)


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights Markdown in ``document``; call ``set_palette`` when the look changes."""

    HEADING_SCALE: ClassVar[dict[int, float]] = {1: 1.5, 2: 1.3, 3: 1.15, 4: 1.05, 5: 1.0, 6: 1.0}

    def __init__(
        self,
        document: QTextDocument | None = None,
        *,
        palette: QPalette | None = None,
        font: QFont | None = None,
    ) -> None:
        # The stubs omit that Qt takes no document here (setDocument() comes later).
        super().__init__(document)  # type: ignore[arg-type]
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families()
        self._colors = _Colors(palette or QPalette())
        self._point_size = (font or QFont()).pointSizeF()
        self._formats: dict[tuple[int, int], QTextCharFormat] = {}
        self._spell: SpellCheck | None = None

    # -- look ------------------------------------------------------------------------------

    @property
    def colors(self) -> _Colors:
        return self._colors

    def set_palette(self, palette: QPalette) -> None:
        self._colors = _Colors(palette)
        self._formats.clear()
        if self.document() is not None:
            self.rehighlight()

    def set_base_font(self, font: QFont) -> None:
        self._point_size = font.pointSizeF()
        self._formats.clear()
        if self.document() is not None:
            self.rehighlight()

    @property
    def spell_check(self) -> SpellCheck | None:
        return self._spell

    def set_spell_check(self, spell: SpellCheck | None, *, rehighlight: bool = True) -> None:
        """Underline the words ``spell`` finds misspelled (None: no checking)."""
        self._spell = spell
        if rehighlight and self.document() is not None:
            self.rehighlight()

    def _format(self, kind: int, bits: int) -> QTextCharFormat:
        """The format for a line kind (0 plain, 1-6 heading, 7 quote, 9 code block) with
        the style ``bits`` on top; cached."""
        key = (kind, bits)
        fmt = self._formats.get(key)
        if fmt is not None:
            return fmt
        c = self._colors
        fmt = QTextCharFormat()
        if 1 <= kind <= 6:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(c.heading)
            if self._point_size > 0:
                fmt.setFontPointSize(self._point_size * self.HEADING_SCALE[kind])
        elif kind == _QUOTE_KIND:
            fmt.setForeground(c.quote)
            fmt.setFontItalic(True)
        elif kind == _BLOCK_KIND:
            fmt.setFontFamilies(self._mono)
            fmt.setForeground(c.code)
        if bits & BOLD:
            fmt.setFontWeight(QFont.Weight.Bold)
        if bits & ITALIC:
            fmt.setFontItalic(True)
        if bits & (STRIKE | DONE):
            fmt.setFontStrikeOut(True)
        if bits & DONE:
            fmt.setForeground(c.muted)
        if bits & CODE:
            fmt.setFontFamilies(self._mono)
            fmt.setForeground(c.code)
            fmt.setBackground(c.code_bg)
        if bits & LINK:
            fmt.setForeground(c.link)
        if bits & (URL | MARK):
            fmt.setForeground(c.muted)
            if bits & URL:
                fmt.setFontItalic(False)
            if bits & MARK:
                fmt.setFontStrikeOut(False)
        if bits & (LIST | TASK):
            fmt.setForeground(c.accent)
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontStrikeOut(False)
        if bits & SPELL:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            fmt.setUnderlineColor(c.spell)
        self._formats[key] = fmt
        return fmt

    # -- parsing ---------------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        fenced = in_fence(previous)
        if previous == FRONT_MATTER or (
            previous == -1 and text.rstrip() == "---" and self.currentBlock().blockNumber() == 0
        ):
            closing = previous == FRONT_MATTER and text.rstrip() in ("---", "...")
            self.setCurrentBlockState(NORMAL if closing else FRONT_MATTER)
            self._apply(text, 0, [MARK] * len(text))
            return
        if len(text) > LONG_BLOCK:
            self.setCurrentBlockState(previous if fenced else NORMAL)
            return
        if fenced:
            if _closes(text, previous):
                self.setCurrentBlockState(NORMAL)
                self._apply(text, _BLOCK_KIND, [MARK] * len(text))
            else:
                self.setCurrentBlockState(previous)
                self._apply(text, _BLOCK_KIND, None)
            return
        opener = _FENCE_OPEN.match(text)
        if opener and not (opener.group(1)[0] == "`" and "`" in opener.group(2)):
            self.setCurrentBlockState(fence_state(opener.group(1)))
            bits = [MARK] * len(text)
            info = opener.start(2)
            bits[info:] = [LINK] * (len(text) - info)
            self._apply(text, _BLOCK_KIND, bits)
            return
        self.setCurrentBlockState(NORMAL)
        if not text:
            return
        if _HRULE.match(text):
            self._apply(text, 0, [MARK] * len(text))
            return
        bits = [0] * len(text)
        kind = 0
        start = 0
        done = False
        heading = _HEADING.match(text)
        if heading:
            kind = len(heading.group(1))
            _mark(bits, 0, heading.end(), MARK)
            start = heading.end()
        else:
            quote = _QUOTE.match(text)
            if quote:
                kind = _QUOTE_KIND
                _mark(bits, 0, quote.end(), MARK)
                start = quote.end()
            item = _LIST.match(text, start)
            if item and (item.group(2) or item.end() > item.end(1)):
                _mark(bits, item.start(1), item.end(1), LIST)
                start = item.end()
                start += len(text[start:]) - len(text[start:].lstrip(" \t"))
                box = item.group(2)
                if box:
                    _mark(bits, item.start(2), item.end(2), TASK)
                    done = box[1] in "xX"
            if text.lstrip().startswith("|"):  # a table row: mute the pipes (and rule)
                rule = set(text.strip()) <= set("|-: \t")
                for i, ch in enumerate(text):
                    if ch == "|" or (rule and ch in "-:"):
                        bits[i] |= MARK
        if done:
            _mark(bits, start, len(text), DONE)
        self._inline(text, bits, start)
        if self._spell is not None:
            self._mark_misspelled(text, bits)
        self._apply(text, kind, bits)

    def _mark_misspelled(self, text: str, bits: list[int]) -> None:
        assert self._spell is not None
        for a, b in self._spell.misspelled(text):
            if not any(bit & _NEVER_SPELLED for bit in bits[a:b]):
                _mark(bits, a, b, SPELL)

    def _inline(self, text: str, bits: list[int], start: int) -> None:
        taken: list[tuple[int, int]] = []  # code spans and link targets: no emphasis inside

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e in taken)

        for m in _CODE_SPAN.finditer(text, start):
            _mark(bits, m.start(), m.end(), CODE)
            _mark(bits, m.start(1), m.end(1), MARK)
            _mark(bits, m.end(2), m.end(), MARK)
            taken.append(m.span())
        for m in WIKILINK.finditer(text, start):  # [[Title]], [[Title|shown]]: links
            if free(m.start(), m.end()):
                last = 2 if m.group(2) is not None else 1
                _mark(bits, m.start(), m.start(1), MARK)
                _mark(bits, m.start(1), m.end(1), LINK)
                if last == 2:
                    _mark(bits, m.end(1), m.start(2), MARK)  # the "|"
                    _mark(bits, m.start(2), m.end(2), LINK)
                _mark(bits, m.end(last), m.end(), MARK)
                taken.append(m.span())
        for m in _LINK.finditer(text, start):
            if not free(m.start(), m.end()):
                continue
            _mark(bits, m.start(1), m.end(1), MARK)
            _mark(bits, m.start(2), m.end(2), LINK)
            _mark(bits, m.start(3), m.end(3), MARK)
            _mark(bits, m.start(4), m.end(4), URL)
            _mark(bits, m.start(5), m.end(5), MARK)
            taken.append((m.start(3), m.end()))
        for m in _REF_LINK.finditer(text, start):
            if free(m.start(), m.end()):
                _mark(bits, m.start(1), m.end(1), MARK)
                _mark(bits, m.start(2), m.end(2), LINK)
                _mark(bits, m.start(3), m.end(), MARK)
        for pattern, bit in ((_AUTOLINK, LINK), (_FOOTNOTE, LINK), (_TAG, MARK)):
            for m in pattern.finditer(text, start):
                if free(m.start(), m.end()):
                    _mark(bits, m.start(), m.end(), bit)
                    taken.append(m.span())
        for m in _BOLD.finditer(text, start):
            if free(m.start(), m.end()):
                _mark(bits, m.start(), m.end(), BOLD)
                _mark(bits, m.start(), m.end(1), MARK)
                _mark(bits, m.end(2), m.end(), MARK)
        for m in _ITALIC.finditer(text, start):
            if free(m.start(), m.end()):
                _mark(bits, m.start(), m.end(), ITALIC)
                _mark(bits, m.start(), m.start() + 1, MARK)
                _mark(bits, m.end() - 1, m.end(), MARK)
        for m in _STRIKE.finditer(text, start):
            if free(m.start(), m.end()):
                _mark(bits, m.start(), m.end(), STRIKE)
                _mark(bits, m.start(), m.end(1), MARK)
                _mark(bits, m.end(2), m.end(), MARK)

    def _apply(self, text: str, kind: int, bits: list[int] | None) -> None:
        """Set formats for runs of equal bits (UTF-16 positions for Qt)."""
        u16 = Utf16Map(text)
        if bits is None:
            self.setFormat(0, u16.to_qt(len(text)), self._format(kind, 0))
            return
        pos = 0
        for value, run in groupby(bits):
            length = sum(1 for _ in run)
            if value or kind:
                start = u16.to_qt(pos)
                self.setFormat(start, u16.to_qt(pos + length) - start, self._format(kind, value))
            pos += length


_QUOTE_KIND = 7
_BLOCK_KIND = 9


def _mark(bits: list[int], start: int, end: int, bit: int) -> None:
    bits[start:end] = [b | bit for b in bits[start:end]]
