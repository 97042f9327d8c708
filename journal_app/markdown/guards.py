"""Limits that keep hostile text from crashing or stalling the renderer.

python-markdown is superlinear on some inputs (10 kB of `[` takes seconds), html5ever
(inside nh3) and Qt's rich-text layout are quadratic in nesting depth, and Qt's table
layout is exponential in *table* nesting. So: big entries are shown as plain text, the
Markdown pass runs under a deadline, and HTML that nests too deeply is not displayed.
"""

from __future__ import annotations

import ctypes
import html
import re
import threading
from collections.abc import Callable
from typing import TypeVar

MAX_MARKDOWN_CHARS = 150_000  # ~25,000 words; above it the preview shows plain text
PLAIN_PREVIEW_CHARS = 200_000  # what the plain-text preview shows of a huge entry
RENDER_DEADLINE_S = 1.0  # the Markdown pass; the whole preview must stay under 2 s
MAX_HTML_DEPTH = 512  # open elements at once (browsers cap tree depth near this too)
MAX_TABLE_DEPTH = 8  # Qt lays out nested tables in exponential time (16 deep: seconds)
LONG_RUN = 120  # a run of this many non-space characters gets invisible break points
RUN_CHUNK = 60

ZWSP = "\u200b"
NOTICE_LARGE = "Preview shows plain text: this entry is very large."
NOTICE_SLOW = "Preview shows plain text: this entry takes too long to format."
NOTICE_DEEP = "Preview shows plain text: this entry nests too deeply to format."
NOTICE_ERROR = "Preview shows plain text: this entry could not be formatted."

T = TypeVar("T")

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls other than tab, newline and carriage return. python-markdown and
# pymdown-extensions use \x01-\x04 as private markers, so they must not come from the text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PLAIN_RUN = re.compile(rf"\S{{{LONG_RUN},}}")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
# fmt: off
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
_CLOSES_ITS_SIBLING = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
# fmt: on


def clean_text(text: str) -> str:
    """Lone surrogates (a broken clipboard) and control characters become U+FFFD; a
    surrogate pair becomes the character it encodes."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _CONTROL.sub("\ufffd", text)


def break_long_runs(text: str) -> str:
    """Invisible break points in long unbroken runs: Qt wraps a 100 kB word in
    quadratic time (0.5 s), and a wrapped run reads better anyway."""
    return _PLAIN_RUN.sub(_chunk_plain, text)


def _chunk_plain(match: re.Match[str]) -> str:
    run = match.group(0)
    return ZWSP.join(run[i : i + RUN_CHUNK] for i in range(0, len(run), RUN_CHUNK))


def plain_html(text: str, notice: str) -> str:
    """The entry as escaped plain text under a one-line notice (never Markdown)."""
    shown = text[:PLAIN_PREVIEW_CHARS]
    parts = [
        f'<p class="notice">{html.escape(notice)}</p>',
        f'<pre class="plain">{html.escape(break_long_runs(shown), quote=False)}</pre>',
    ]
    if len(shown) < len(text):
        rest = len(text) - len(shown)
        parts.append(
            f'<p class="notice">… and {rest:,} more characters, not shown here '
            "(the editor has the whole entry).</p>"
        )
    return "\n".join(parts)


def too_deep(markup: str) -> bool:
    """Does an HTML string nest elements deeper than MAX_HTML_DEPTH, or tables deeper than
    MAX_TABLE_DEPTH? Counted from its tags in one linear pass. `<div/>` opens a div in
    HTML, so only void elements are skipped; unclosed tags count as open, except those
    HTML closes itself (`<p>a<p>b`), so the count errs on the deep side."""
    stack: list[str] = []
    counts: dict[str, int] = {}
    for match in _TAG.finditer(markup):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID:
            continue
        if closing:
            if counts.get(name):  # pop to the matching element; stray end tags do nothing
                while True:
                    top = stack.pop()
                    counts[top] -= 1
                    if top == name:
                        break
            continue
        if name in _CLOSES_ITS_SIBLING and stack and stack[-1] == name:
            counts[stack.pop()] -= 1
        stack.append(name)
        counts[name] = counts.get(name, 0) + 1
        if len(stack) > MAX_HTML_DEPTH or counts.get("table", 0) > MAX_TABLE_DEPTH:
            return True
    return False


# --------------------------------------------------------------------------- deadline


class RenderTimeout(BaseException):
    """Raised inside a render that ran past its deadline. A BaseException, so that no
    `except Exception` in a Markdown extension can swallow it."""


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = [ctypes.c_ulong, ctypes.py_object]
_set_async_exc.restype = ctypes.c_int


def call_with_deadline(func: Callable[[str], T], arg: str, seconds: float) -> T:
    """`func(arg)`, or RenderTimeout once it has run `seconds`.

    Python cannot stop a thread, but it can make one raise: a timer thread schedules
    RenderTimeout in the calling thread, which raises at its next bytecode boundary
    (python-markdown's slow paths are Python loops, so that comes quickly). Only while
    `func` runs: on the way out a not yet delivered exception is withdrawn under the
    same lock, so it can never surface in unrelated code.
    """
    thread_id = threading.get_ident()
    lock = threading.Lock()
    running = [True]

    def expire() -> None:
        with lock:
            if running[0]:
                _set_async_exc(thread_id, ctypes.py_object(RenderTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        return func(arg)
    finally:
        # A RenderTimeout raised in here still reaches the caller, which expects it.
        with lock:
            running[0] = False
            _set_async_exc(thread_id, ctypes.py_object())  # NULL: withdraw a pending one
        timer.cancel()
