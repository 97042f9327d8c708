"""Which words of one line of Markdown a spell checker should look at.

Never checked: code spans, link targets, URLs and e-mail addresses, wiki links
``[[…]]``, HTML tags and comments, footnote and reference labels, #tags, words with
digits or inner underscores (identifiers, versions), ALL-CAPS acronyms, camelCase, and
whatever holds a slash or an inner dot (paths, file names, domains: also "and/or", "e.g.").
Fenced code and front matter are whole lines the caller leaves out (the highlighter
knows them from its block state; ``front_matter_lines`` for plain text).
"""

from __future__ import annotations

import re

# Spans whose words are never checked, in one pass (leftmost wins, as Markdown reads).
# Each starts with one of _SPECIAL's characters: a line without any skips the pass.
_SKIP = re.compile(
    r"(`+)(?!`).*?(?<!`)\1(?!`)"  # a code span
    r"|\[\[[^\]\n]*\]\]"  # a wiki link
    r"|\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)"  # a link's target (its text is checked)
    r"|\]\[[^\]\n]*\]"  # a reference link's label
    r"|\[\^[^\]\s]+\]"  # a footnote reference
    r"|<(?:https?|mailto|ftp):[^>\s]*>"  # an autolink
    r"|<!--.*?(?:-->|$)|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"  # HTML
    r"|(?<![\w&])#[^\W\d][\w/-]*",  # a #tag (a heading's "# " has a space)
    re.IGNORECASE,
)
_SPECIAL = re.compile(r"[`\[\]<#]")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]+\]:")
_CHUNK = re.compile(r"\S+")
_TOKEN = re.compile(r"[\w'’]+")
_INNER_DOT = re.compile(r"\.\w")
_EDGES = "_'’"  # _emphasis_ and 'quotes' around a word
INDENTED_CODE = re.compile(r"^(?: {4}|\t)")


def words_to_check(line: str) -> list[tuple[int, int]]:
    """(start, end) of each word of ``line`` to check, as Python string positions."""
    out: list[tuple[int, int]] = []
    if _SPECIAL.search(line) is None:
        _words(line, 0, len(line), out)
        return out
    if _LINK_DEFINITION.match(line):
        return out
    pos = 0
    for skip in _SKIP.finditer(line):
        _words(line, pos, skip.start(), out)
        pos = skip.end()
    _words(line, pos, len(line), out)
    return out


def _words(line: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    add = out.append
    for chunk in _CHUNK.finditer(line, start, end):
        text = chunk.group()
        if text.isalpha():  # the common case: one plain word
            rest = text[1:]
            if rest and rest == rest.lower():  # not an acronym (API) nor camelCase
                add(chunk.span())
            continue
        if (
            "/" in text  # a path, a URL
            or "\\" in text
            or "@" in text  # an e-mail address
            or _INNER_DOT.search(text)  # a file name, a domain: today.md, www.example.org
        ):
            continue
        for m in _TOKEN.finditer(line, chunk.start(), chunk.end()):
            a, b = m.span()
            word = m.group()
            if word[0] in _EDGES or word[-1] in _EDGES:
                stripped = word.lstrip(_EDGES)
                a += len(word) - len(stripped)
                word = stripped.rstrip(_EDGES)
                b = a + len(word)
            if len(word) < 2 or not (word.isalpha() or _only_apostrophes(word)):
                continue  # digits, inner underscores: an identifier, a version, a time
            rest = word[1:]
            if rest == rest.lower():
                add((a, b))


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
