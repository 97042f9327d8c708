"""Python string indices ↔ Qt's UTF-16 positions.

Qt counts text in UTF-16 code units, Python in code points; they differ after every
character outside the Basic Multilingual Plane (most emoji). Regexes run in Python, so
their match offsets go through here before they reach a QTextCursor or ``setFormat``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def qt_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))


class Utf16Map:
    """Maps code-point indices of one string to UTF-16 offsets and back."""

    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        # Code-point indices of the astral characters; empty (the usual case) = identity.
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]

    def to_qt(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def to_py(self, position: int) -> int:
        """The code-point index at UTF-16 ``position`` (inside a pair → that character)."""
        if not self._astral:
            return position
        lo, hi = 0, len(self._astral)
        # Astral characters before index i: bisect on i + count(i) <= position.
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid < position:
                lo = mid + 1
            else:
                hi = mid
        return position - lo


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (valid pairs are joined).

    Such strings come from broken clipboards or byte data decoded with surrogatepass;
    they cannot be encoded as UTF-8, so the database would refuse them.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        if _LONE_SURROGATE.search(text) is None:  # pragma: no cover - other encode errors
            raise
        paired = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return _LONE_SURROGATE.sub("\ufffd", paired)
    return text
