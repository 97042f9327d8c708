"""The HTML policy: what of an entry's HTML may reach the preview (nh3 = ammonia).

Links keep only http, https, mailto and in-document `#fragment` targets; images keep
only `attachment:` sources (the preview loads those from the attachments folder and
nothing else); every other image becomes a short text marker. Scripts, styles, frames,
media, forms, event handlers and style attributes are dropped.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any

from journal_app.markdown.guards import LONG_RUN, RUN_CHUNK, ZWSP
from journal_app.wikilinks import NEW_ENTRY_SCHEME, TASK_SCHEME

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
IMAGE_SCHEME = "attachment"
ENTRY_SCHEME = "entry"  # `[Note](entry:12)`: a link to another entry (imported [[links]])
_ENTRY_LINK = re.compile(r"entry:\d{1,18}\Z", re.IGNORECASE)
# `[[Missing title]]` → `newentry:Missing%20title` (percent-encoded: no quotes, no spaces).
_NEW_ENTRY_LINK = re.compile(r"newentry:[A-Za-z0-9%._~!*'()-]{1,3000}\Z", re.IGNORECASE)
_TASK_LINK = re.compile(r"task:\d{1,9}\Z", re.IGNORECASE)  # a task box in the preview
_OWN_LINKS = {ENTRY_SCHEME: _ENTRY_LINK, NEW_ENTRY_SCHEME: _NEW_ENTRY_LINK, TASK_SCHEME: _TASK_LINK}

# fmt: off
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dfn",
    "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u",
    "ul", "var",
})
# fmt: on
_HEADINGS = {f"h{level}": {"id"} for level in range(1, 7)}
ATTRIBUTES = {
    "*": {"class"},  # code token colours, tasks, quotes, footnotes; inert in the preview
    "a": {"href", "title", "id", "name"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "li": {"id"},  # footnotes
    "sup": {"id"},  # footnote references
    "div": {"id"},
    "ol": {"start"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    **_HEADINGS,
}
# Code boxes and quotes span the preview's width; no other width (a huge one would only
# make the reader scroll sideways).
ATTRIBUTE_VALUES = {"table": {"width": {"100%"}}}

_IMG = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\ssrc="attachment:', re.IGNORECASE)
_ALT = re.compile(r'\salt="([^"]*)"')
_MARKUP = re.compile(r"(<[^>]*>)")
_PRE = re.compile(r"<(/?)pre\b", re.IGNORECASE)
# In sanitized HTML `&` only starts an entity, so a unit is an entity or one character.
_HTML_RUN = re.compile(rf"(?:&[#\w]+;|[^\s&<]){{{LONG_RUN},}}")
# Any such run is at least LONG_RUN characters without a space or "<": a single-character
# repeat finds that ten times faster than the pattern above, which tries entities first.
_MAYBE_RUN = re.compile(rf"[^\s<]{{{LONG_RUN},}}")
_HTML_UNIT_CHUNK = re.compile(rf"(?:&[#\w]+;|[^\s&<]){{1,{RUN_CHUNK}}}")


def _relative_url(url: str) -> str | None:
    return url if url.startswith("#") else None  # in-document links only


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        return value if value.lower().startswith(IMAGE_SCHEME + ":") else None
    if element == "a" and attribute == "href" and value.lower().startswith(IMAGE_SCHEME + ":"):
        return None
    if element == "a" and attribute == "href":
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        pattern = _OWN_LINKS.get(scheme)
        if pattern is not None:
            return value if pattern.match(value) else None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> Any:
    # lazy: nh3 loads only when used
    import nh3

    return nh3.Cleaner(
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        tag_attribute_values={
            tag: {name: set(values) for name, values in names.items()}
            for tag, names in ATTRIBUTE_VALUES.items()
        },
        attribute_filter=_attribute_filter,
        url_schemes={*LINK_SCHEMES, IMAGE_SCHEME, *_OWN_LINKS},
        url_relative=_relative_url,
        link_rel="noopener noreferrer",
    )


def sanitize(markup: str) -> str:
    """Safe HTML for the preview and `journal-app show --format html`."""
    cleaned = _cleaner().clean(markup)
    return break_long_runs_html(_IMG.sub(_image_or_marker, cleaned))


def _image_or_marker(match: re.Match[str]) -> str:
    tag = match.group(0)
    if _SRC.search(tag):  # only attachment: sources survive the cleaner
        return tag
    alt = _ALT.search(tag)
    # The serializer leaves < and > unescaped inside attribute values: re-escape.
    label = html.escape(html.unescape(alt.group(1))) if alt else ""
    text = f"image not loaded: {label}" if label else "image not loaded"
    return f'<span class="blocked-image">[{text}]</span>'


def break_long_runs_html(markup: str) -> str:
    """Invisible break points in long runs of text outside <pre> (see guards)."""
    if not _MAYBE_RUN.search(markup) or not _HTML_RUN.search(markup):
        return markup
    parts = _MARKUP.split(markup)
    in_pre = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            pre = _PRE.match(part)
            if pre:
                in_pre = max(0, in_pre + (-1 if pre.group(1) else 1))
        elif not in_pre and len(part) >= LONG_RUN:
            parts[index] = _HTML_RUN.sub(_chunk_html, part)
    return "".join(parts)


def _chunk_html(match: re.Match[str]) -> str:
    return ZWSP.join(_HTML_UNIT_CHUNK.findall(match.group(0)))
