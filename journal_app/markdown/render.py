"""The converter seam (after pymarkups): one object with `convert(text) -> html`.

`convert` never raises and never runs long: text that is huge, too slow to format or
nested too deeply comes back as escaped plain text under a one-line notice (see
guards.py). Everything else is Markdown → HTML → nh3 (sanitize.py), so the preview can
never run script or reach the network or the disk through an entry's text.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from journal_app.markdown import guards
from journal_app.markdown.sanitize import sanitize
from journal_app.wikilinks import LinkResolver

log = logging.getLogger(__name__)


class MarkdownConverter:
    """Not thread-safe (python-markdown keeps state per document): one per thread."""

    def __init__(self) -> None:
        self._md: Any = None  # built on first use: markdown is not needed at start-up
        self._links: LinkResolver | None = None
        self._task_links = False

    def convert(
        self, text: str, *, links: LinkResolver | None = None, task_links: bool = False
    ) -> str:
        """`links` resolves `[[…]]` targets (without it they stay as written);
        `task_links` makes each task box a `task:<line>` link (the preview ticks them)."""
        self._links, self._task_links = links, task_links
        text = guards.clean_text(text)
        if len(text) > guards.MAX_MARKDOWN_CHARS:
            return guards.plain_html(text, guards.NOTICE_LARGE)
        try:
            markup = guards.call_with_deadline(self._markdown, text, guards.RENDER_DEADLINE_S)
        except guards.RenderTimeout:
            self._md = None  # stopped half-way: start the next document afresh
            return guards.plain_html(text, guards.NOTICE_SLOW)
        except RecursionError:
            self._md = None
            return guards.plain_html(text, guards.NOTICE_DEEP)
        except Exception:  # a bug in an extension must not take the preview down
            log.exception("Markdown conversion failed")
            self._md = None
            return guards.plain_html(text, guards.NOTICE_ERROR)
        if guards.too_deep(markup):
            return guards.plain_html(text, guards.NOTICE_DEEP)
        return sanitize(markup)

    def _markdown(self, text: str) -> str:
        if self._md is None:
            # lazy: markdown loads only when used
            from journal_app.markdown.extensions import new_markdown

            self._md = new_markdown()
        self._md.reset()
        # lazy: markdown loads only when used
        from journal_app.markdown.extensions import set_document_options

        set_document_options(self._md, self._links, self._task_links)
        return self._md.convert(text)


_local = threading.local()


def render(text: str, *, links: LinkResolver | None = None, task_links: bool = False) -> str:
    """Markdown → sanitized HTML (safe to call from any thread; see `convert`)."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = MarkdownConverter()
    return converter.convert(text, links=links, task_links=task_links)
