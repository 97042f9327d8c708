"""Which words of one line of Markdown a spell checker should look at.

Never checked: code spans, link targets, URLs and e-mail addresses, wiki links
``[[…]]``, HTML tags and comments, footnote and reference labels, #tags, words with
digits or inner underscores (identifiers, versions), ALL-CAPS acronyms and camelCase.
Fenced code and front matter are whole lines the caller leaves out (the highlighter
knows them from its block state; ``front_matter_lines`` for plain text).
"""

from __future__ import annotations

import re

# Spans whose words are never checked, in one pass (leftmost wins, as Markdown reads).
_SKIP = re.compile(
    r"(`+)(?!`).*?(?<!`)\1(?!`)"  # a code span
    r"|\[\[[^\]\n]*\]\]"  # a wiki link
    r"|\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)"  # a link's target (its text is checked)
    r"|\]\[[^\]\n]*\]"  # a reference link's label
    r"|^\s{0,3}\[[^\]\n]+\]:.*$"  # a link definition
    r"|\[\^[^\]\s]+\]"  # a footnote reference
    r"|<(?:https?|mailto|ftp):[^>\s]*>"  # an autolink
    r"|<!--.*?(?:-->|$)|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"  # HTML
    r"|\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>()\[\]]*"  # a bare URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|(?<![\w&])#[^\W\d][\w/-]*",  # a #tag (a heading's "# " has a space)
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w'’]+")
_APOSTROPHES = "'’"
INDENTED_CODE = re.compile(r"^(?: {4}|\t)")


def words_to_check(line: str) -> list[tuple[int, int]]:
    """(start, end) of each word of ``line`` to check, as Python string positions."""
    out: list[tuple[int, int]] = []
    pos = 0
    for skip in _SKIP.finditer(line):
        _words(line, pos, skip.start(), out)
        pos = skip.end()
    _words(line, pos, len(line), out)
    return out


def _words(line: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    for m in _TOKEN.finditer(line, start, end):
        a, b = m.span()
        while a < b and line[a] in "_'’":  # _emphasis_ and 'quotes' around a word
            a += 1
        while b > a and line[b - 1] in "_'’":
            b -= 1
        word = line[a:b]
        if len(word) < 2 or (not word.isalpha() and not _only_apostrophes(word)):
            continue  # digits, inner underscores: an identifier, a version, a time
        if word.isupper() or any(c.isupper() for c in word[1:]):
            continue  # an acronym (API) or camelCase (PySide)
        if (a and line[a - 1] in "/\\.@") or (b < len(line) and line[b] in "/\\@"):
            continue  # a path or a file name: notes/today.md
        out.append((a, b))


def _only_apostrophes(word: str) -> bool:
    """A word whose only non-letters are apostrophes inside it (don't, l’homme)."""
    return word.replace("'", "").replace("’", "").isalpha()


def front_matter_lines(text: str) -> int:
    """How many lines at the top of ``text`` are front matter (its `---` lines
    included); 0 when it has none. Front matter opens with `---` on the first line and
    closes with `---` or `...`; one never closed is not front matter."""
    lines = text.split("\n", 200)
    if not lines or lines[0].rstrip() != "---":
        return 0
    for number, line in enumerate(lines[1:200], start=1):
        if line.rstrip() in ("---", "..."):
            return number + 1
    return 0


_LANG = re.compile(
    r"""^lang(?:uage)?\s*:\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)["']?\s*$"""
)


def front_matter_lang(text: str) -> str | None:
    """The `lang:` of the front matter of ``text`` (e.g. "de", "en-GB"), or None."""
    count = front_matter_lines(text)
    if not count:
        return None
    for line in text.split("\n", count)[1 : count - 1]:
        m = _LANG.match(line.strip())
        if m:
            return m.group(1)
    return None
