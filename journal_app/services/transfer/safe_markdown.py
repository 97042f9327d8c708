"""Raw HTML inside Markdown that leaves for the web (the Hugo export), made safe.

Every HTML tag outside fenced code goes through the preview's nh3 policy
(journal_app.markdown.sanitize): allowed tags keep their allowed attributes, the rest is
dropped, and script-like elements go with their content; anything a browser could still
read as a tag is escaped. So a `<script>` or an `onerror=` in an entry never reaches a
site, whether or not the site renders raw HTML. Fenced code is left as written — unless
it could be inside a raw HTML block, where it would not be code at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from journal_app.markdown.sanitize import LINK_SCHEMES, TAGS, _cleaner

# CommonMark's raw HTML (spec 6.6), which Markdown renderers pass through to the page.
_ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_OPEN_TAG = rf"<(?P<open>[A-Za-z][A-Za-z0-9-]*)(?:{_ATTRIBUTE})*\s*/?>"
_CLOSE_TAG = r"</(?P<close>[A-Za-z][A-Za-z0-9-]*)\s*>"
_OTHER = r"<!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>"
# Elements whose content is script, style or raw text: dropped with it, as nh3 does.
_WITH_CONTENT = (
    r"<(?P<raw>script|style|textarea|title|iframe|noscript|noembed|noframes|xmp|template"
    r"|object)\b[^>]*>.*?</(?P=raw)\s*>"
)
_AUTOLINK = (
    r"<(?P<scheme>[A-Za-z][A-Za-z0-9+.-]{1,31}):[^\s<>]*>"
    r"|(?P<email><[\w.!#$%&'*+/=?^`{|}~-]+@[\w.-]+>)"
)
_TOKEN = re.compile(
    rf"{_WITH_CONTENT}|{_AUTOLINK}|{_OPEN_TAG}|{_CLOSE_TAG}|{_OTHER}|<(?=[A-Za-z/!?])",
    re.IGNORECASE | re.DOTALL,
)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# Raw HTML blocks that run past blank lines (CommonMark types 1-5): a fence after an
# unclosed one is not a fence.
_RAW_BLOCKS = tuple(
    (re.compile(start, re.IGNORECASE), re.compile(end, re.IGNORECASE))
    for start, end in (
        (r"<(?:pre|script|style|textarea)\b", r"</(?:pre|script|style|textarea)\s*>"),
        (r"<!--", r"-->"),
        (r"<\?", r"\?>"),
        (r"<!\[CDATA\[", r"\]\]>"),
    )
)


def sanitize_markdown_html(text: str) -> str:
    """`text` with its raw HTML sanitized and fenced code kept as written."""
    return "".join(chunk if code else _clean(chunk) for code, chunk in _segments(text))


def _segments(text: str) -> Iterator[tuple[bool, str]]:
    """(is fenced code, chunk) in order; fences are recognised conservatively."""
    prose: list[str] = []
    seen: list[str] = []  # all prose so far, to see an unclosed raw HTML block
    code: list[str] = []
    fence = ""
    blank_before = True
    for line in text.splitlines(keepends=True):
        if fence:
            code.append(line)
            stripped = line.strip()
            if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
                yield True, "".join(code)
                code, fence = [], ""
            blank_before = False
            continue
        match = _FENCE.match(line)
        if match and blank_before and not _inside_raw_block("".join(seen)):
            if prose:
                yield False, "".join(prose)
                prose = []
            fence = match.group(1)
            code = [line]
            blank_before = False
            continue
        prose.append(line)
        seen.append(line)
        blank_before = line.strip() == ""
    if code:  # an unclosed fence runs to the end: code to a renderer too
        yield True, "".join(code)
    if prose:
        yield False, "".join(prose)


def _inside_raw_block(prose: str) -> bool:
    for start, end in _RAW_BLOCKS:
        opened = [m.end() for m in start.finditer(prose)]
        if opened and not any(m.start() >= opened[-1] for m in end.finditer(prose)):
            return True
    return False


def _clean(prose: str) -> str:
    return _TOKEN.sub(_safe_token, prose)


def _safe_token(match: re.Match[str]) -> str:
    token = match.group(0)
    if match.group("raw"):
        return ""
    scheme = match.group("scheme")
    if scheme is not None:
        return token if scheme.lower() in LINK_SCHEMES else "&lt;" + token[1:]
    if match.group("email"):
        return token
    name = match.group("open") or match.group("close")
    if name is None:
        return "&lt;" if token == "<" else ""  # comments, declarations; a stray "<"
    if name.lower() not in TAGS:
        return ""
    if match.group("close"):
        return f"</{name.lower()}>"
    cleaned: str = _cleaner().clean(f"{token}</{name}>")
    closing = f"</{name.lower()}>"
    return cleaned[: -len(closing)] if cleaned.endswith(closing) else cleaned
