"""The converter seam (after pymarkups): one object with `convert(text) -> html`.

Raw HTML in an entry is sanitized with nh3, and links keep only http, https and mailto,
so the preview can never run script or reach the network through the entry's text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["extra", "sane_lists", "toc", "smarty"]


class MarkdownConverter:
    def __init__(self) -> None:
        import markdown  # imported here: it is not needed to paint the first window

        self._md: Any = markdown.Markdown(extensions=EXTENSIONS, output_format="html")

    def convert(self, text: str) -> str:
        self._md.reset()
        html = self._md.convert(text.replace("\x00", "\ufffd"))
        return sanitize(html)


def sanitize(html: str) -> str:
    import nh3

    return nh3.clean(html, url_schemes=ALLOWED_URL_SCHEMES, link_rel="noopener noreferrer")


@lru_cache(maxsize=1)
def _default_converter() -> MarkdownConverter:
    return MarkdownConverter()


def render(text: str) -> str:
    return _default_converter().convert(text)
