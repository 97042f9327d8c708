"""Word count and reading time for Markdown text, in any script. Qt-free.

A word is a run of characters other than white space (or control characters) that holds
at least one letter or digit, so Markdown syntax standing alone (``#``, ``*``, ``-``,
``>``, ``---``, code fences) is not a word while ``**bold**``, ``snake_case`` and
```code``` are. List markers (``-``, ``1.``) and task boxes (``[ ]``, ``[x]``) at the
start of a line are syntax too. Scripts written without spaces (Chinese, Japanese) count
one word per character, as word processors do.

Counts add up line by line: ``word_count(a + "\\n" + b) == word_count(a) + word_count(b)``,
which lets the editor keep a running total per line instead of recounting everything.
"""

from __future__ import annotations

import math
import re
from functools import cache

WORDS_PER_MINUTE = 230

# Han (with extensions and compatibility ideographs), Hiragana, Katakana, half-width
# Katakana: written without spaces, so each character is a word.
_CJK = (
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f"
)
# Separators: white space and control characters (a NUL between words splits them).
_SEP = r"\s\x00-\x1f\x7f-\x9f"
# A run of other characters that holds a letter or digit (not "_"). The lookbehind
# anchors each try at the start of a run and the lazy scan stops at the first letter,
# so a long run of punctuation costs linear time, not quadratic.
_WORD = rf"[{_CJK}]|(?<![^{_SEP}{_CJK}])[^{_SEP}{_CJK}]*?[^\W_{_CJK}][^{_SEP}{_CJK}]*"
_LINE_MARKER = re.compile(
    r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\](?=[ \t]|$))?", re.MULTILINE
)


def word_count(text: str) -> int:
    """How many words ``text`` holds (0 for empty or pure Markdown syntax)."""
    if not text:
        return 0
    if _LINE_MARKER.search(text) is not None:
        text = _LINE_MARKER.sub("", text)
    return len(_word_pattern().findall(text))


@cache
def _word_pattern() -> re.Pattern[str]:
    return re.compile(_WORD)  # compiled on first use: 4 ms that start-up need not pay


def reading_minutes(words: int) -> int:
    """Minutes to read ``words`` at ~230 words a minute, rounded up (0 only for none)."""
    if words <= 0:
        return 0
    return math.ceil(words / WORDS_PER_MINUTE)
