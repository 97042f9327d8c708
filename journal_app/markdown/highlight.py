"""Code blocks: Pygments tokens as CSS classes, inside a one-cell table.

QTextDocument gives a table cell padding, a background and a border, but not a <pre>,
so a code block is `<table class="code"><tr><td><pre class="code">…`. The colours live
in resources/preview/code-*.css (classes such as `k`, `s2`, `c1`), per light/dark look.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

CODE_BLOCK = '<table class="code" width="100%"><tr><td><pre class="code">{}</pre></td></tr></table>'


@lru_cache(maxsize=64)
def _lexer_class(language: str) -> Any:
    """The Pygments lexer class for a fence's language, or None (cached: a miss makes
    Pygments scan the installed plugins, which is slow)."""
    # lazy: pygments loads only when used
    from pygments.lexers import get_lexer_by_name

    # lazy: pygments loads only when used
    from pygments.util import ClassNotFound

    try:
        return type(get_lexer_by_name(language))
    except ClassNotFound:
        return None


@lru_cache(maxsize=1)
def _formatter() -> Any:
    # lazy: pygments loads only when used
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(nowrap=True)  # spans only; the wrapper is ours


CACHED_CHARS = 20_000  # blocks up to this size are remembered (see highlight_html)


def highlight_html(source: str, language: str | None) -> str:
    """`source` as an escaped, highlighted code block (plain when the language is
    unknown: guessing is slow and often wrong). While typing, the preview re-renders the
    whole entry but its code blocks rarely change: the last ones are remembered (Pygments
    was a fifth of a 2,000-word entry's rendering)."""
    if len(source) <= CACHED_CHARS:
        return _highlighted(source, language)
    return _highlight(source, language)


@lru_cache(maxsize=128)
def _highlighted(source: str, language: str | None) -> str:
    return _highlight(source, language)


def _highlight(source: str, language: str | None) -> str:
    lexer_class = _lexer_class(language.strip().lower()) if language else None
    if lexer_class is None:
        return code_block_html(html.escape(source, quote=False))
    # lazy: pygments loads only when used
    from pygments import highlight

    body = highlight(source, lexer_class(stripnl=False), _formatter())
    return CODE_BLOCK.format(body.rstrip("\n"))


def code_block_html(escaped: str) -> str:
    """The code box around already escaped text."""
    return CODE_BLOCK.format(escaped.rstrip("\n"))
