"""An inline, coloured diff of two versions of an entry as escaped HTML (Qt-free).

Lines only in the older version are red with "−", lines only in the current text green
with "+"; inside a changed line the changed words are stronger. Long unchanged stretches
fold to "⋯ 12 unchanged lines". Every piece of entry text passes through html.escape,
and size caps keep a 10 MB entry or a 1 MB line from freezing the dialog.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

CONTEXT = 2  # unchanged lines kept around each change
MAX_COMPARE_CHARS = 600_000  # both texts together; beyond this we do not diff
MAX_SHOWN_LINES = 2_000  # beyond these the dialog says the rest is not shown
MAX_SHOWN_CHARS = 200_000  # (a QTextBrowser takes ~0.5 s per MB of HTML)
MAX_LINE_CHARS = 2_000  # a longer line is cut for display
MAX_WORD_DIFF_CHARS = 1_000  # word-level highlight only for lines up to this long

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class DiffColors:
    removed: str
    removed_strong: str
    added: str
    added_strong: str
    muted: str


LIGHT = DiffColors("#fdecec", "#f6b8b8", "#e7f6ec", "#a8e0ba", "#8b8b96")
DARK = DiffColors("#45232a", "#7c3440", "#1d3a28", "#2f6b45", "#8a8a95")


@dataclass(frozen=True)
class DiffResult:
    html: str
    removed: int  # lines only in the older version
    added: int  # lines only in the current text
    compared: bool  # False when the texts were too large to compare


def _esc(text: str) -> str:
    if len(text) > MAX_LINE_CHARS:
        rest = len(text) - MAX_LINE_CHARS
        return html.escape(text[:MAX_LINE_CHARS]) + f" … ({rest:,} more characters)"
    return html.escape(text)


def _words(old: str, new: str, colors: DiffColors) -> tuple[str, str]:
    """Both lines as HTML with the changed words marked."""
    a = _TOKENS.findall(old)
    b = _TOKENS.findall(new)
    old_html: list[str] = []
    new_html: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left = html.escape("".join(a[i1:i2]))
        right = html.escape("".join(b[j1:j2]))
        if tag == "equal":
            old_html.append(left)
            new_html.append(right)
            continue
        if left:
            old_html.append(f'<span style="background-color:{colors.removed_strong}">{left}</span>')
        if right:
            new_html.append(f'<span style="background-color:{colors.added_strong}">{right}</span>')
    return "".join(old_html), "".join(new_html)


def _line(sign: str, body_html: str, background: str | None, colors: DiffColors) -> str:
    style = "margin:0; padding:1px 6px; white-space:pre-wrap;"
    if background:
        style += f" background-color:{background};"
    mark = f'<span style="color:{colors.muted}">{sign}</span>' if sign != " " else " "
    return f'<p style="{style}">{mark} {body_html or "&nbsp;"}</p>'


def _fold(count: int, colors: DiffColors) -> str:
    text = f"⋯ {count:,} unchanged line{'s' if count != 1 else ''}"
    return (
        f'<p style="margin:4px 0; padding:0 6px; color:{colors.muted}; font-style:italic;">'
        f"{text}</p>"
    )


class _Rows:
    """The diff's lines as HTML, until the display budget is spent."""

    def __init__(self, colors: DiffColors) -> None:
        self.colors = colors
        self.html: list[str] = []
        self.lines = 0
        self.chars = 0
        self.full = False

    def _room(self, text: str) -> bool:
        if self.lines >= MAX_SHOWN_LINES or self.chars >= MAX_SHOWN_CHARS:
            self.full = True
            return False
        self.lines += 1
        self.chars += min(len(text), MAX_LINE_CHARS)
        return True

    def same(self, lines: list[str]) -> None:
        for line in lines:
            if not self._room(line):
                return
            self.html.append(_line(" ", _esc(line), None, self.colors))

    def fold(self, count: int) -> None:
        if self._room(""):
            self.html.append(_fold(count, self.colors))

    def changed(self, old: list[str], new: list[str], *, pair: bool) -> None:
        old_html: list[str | None] = [None] * len(old)
        new_html: list[str | None] = [None] * len(new)
        if pair:  # line up old and new lines to mark the words that changed
            budget = MAX_SHOWN_CHARS - self.chars
            for k in range(min(len(old), len(new), MAX_SHOWN_LINES)):
                budget -= len(old[k]) + len(new[k])
                if budget < 0:
                    break  # these lines will not be shown anyway
                if max(len(old[k]), len(new[k])) <= MAX_WORD_DIFF_CHARS:
                    old_html[k], new_html[k] = _words(old[k], new[k], self.colors)
        for sign, lines, marked, background in (
            ("−", old, old_html, self.colors.removed),
            ("+", new, new_html, self.colors.added),
        ):
            for line, html_line in zip(lines, marked, strict=True):
                if not self._room(line):
                    return
                body = html_line if html_line is not None else _esc(line)
                self.html.append(_line(sign, body, background, self.colors))


def render_diff(
    old_title: str,
    old_body: str,
    new_title: str,
    new_body: str,
    *,
    colors: DiffColors = LIGHT,
    context: int | None = CONTEXT,
) -> DiffResult:
    """HTML comparing the older version (old_*) with the current text (new_*).
    ``context=None`` shows every unchanged line too."""
    parts: list[str] = []
    if old_title != new_title:
        parts.append(
            '<p style="margin:0 0 8px 0;">Title: '
            f'<span style="background-color:{colors.removed}">{_esc(old_title) or "(untitled)"}'
            "</span> → "
            f'<span style="background-color:{colors.added}">{_esc(new_title) or "(untitled)"}'
            "</span></p>"
        )
    if len(old_body) + len(new_body) > MAX_COMPARE_CHARS:
        parts.append(
            f'<p style="color:{colors.muted}">These versions are too long to compare here '
            f"({len(old_body):,} and {len(new_body):,} characters). Restoring still works.</p>"
        )
        return DiffResult("".join(parts), 0, 0, compared=False)

    a = old_body.splitlines()
    b = new_body.splitlines()
    opcodes = difflib.SequenceMatcher(None, a, b).get_opcodes()
    rows = _Rows(colors)
    removed = added = 0
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            lines = a[i1:i2]
            first, last = number == 0, number == len(opcodes) - 1
            if context is None:
                head, tail = len(lines), 0
            else:
                head = 0 if first else context
                tail = 0 if last else context
            if len(lines) <= head + tail + 1:
                head, tail = len(lines), 0
            rows.same(lines[:head])
            if head < len(lines):
                rows.fold(len(lines) - head - tail)
                rows.same(lines[len(lines) - tail :] if tail else [])
            continue
        old_lines, new_lines = a[i1:i2], b[j1:j2]
        removed += len(old_lines)
        added += len(new_lines)
        rows.changed(old_lines, new_lines, pair=tag == "replace")
    if rows.full:
        rows.html.append(
            f'<p style="color:{colors.muted}">… the rest is not shown here: '
            "the versions differ in too many places.</p>"
        )
    if not removed and not added:
        same_title = old_title == new_title
        note = "The text is the same as now." if same_title else "Only the title differs."
        parts.append(f'<p style="color:{colors.muted}; margin:0 0 8px 0;">{note}</p>')
    parts.extend(rows.html)
    return DiffResult("".join(parts), removed, added, compared=True)
