"""Closing fences as CommonMark allows them: indented by up to three spaces.

pymdownx.superfences closes a fence only at exactly the opening fence's indentation, so
a closing ``` typed with one to three spaces before it was taken as code, the fence never
closed, and the backticks paired up with later ones as inline code over the rest of the
entry. Four spaces or more is still code, as in CommonMark.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from pymdownx.superfences import SuperFencesBlockPreprocessor

MAX_CLOSING_INDENT = 3
_SPACES_ONLY = re.compile(r" {0,3}")


class IndentedClosingFences(SuperFencesBlockPreprocessor):  # type: ignore[misc]
    """superfences' preprocessor, accepting 0-3 spaces before a closing fence: beyond
    the opening fence's container (a list item, a quote), or at the margin when the
    opening fence itself was indented by up to three spaces."""

    def eval_fence(self, ws: str, content: str, start: int, end: int) -> None:
        if self._closes(content) and (
            len(ws) == self.ws_virtual_len
            or (_SPACES_ONLY.fullmatch(self.ws or "") is not None and not ws.strip(" "))
        ):
            content, ws = content.lstrip(" "), self.ws or ""
        super().eval_fence(ws, content, start, end)

    def eval_quoted(self, ws: str, content: str, quote_level: int, start: int, end: int) -> None:
        if self._closes(content):
            content = content.lstrip(" ")
        super().eval_quoted(ws, content, quote_level, start, end)

    def _closes(self, content: str) -> bool:
        stripped = content.lstrip(" ")
        return (
            bool(stripped)
            and len(content) - len(stripped) <= MAX_CLOSING_INDENT
            and self.fence_end.match(stripped) is not None
        )


def install(md: Markdown) -> None:
    """Put the preprocessor in superfences' place (call after superfences registered)."""
    registered: Any = md.preprocessors["fenced_code_block"]
    fenced = IndentedClosingFences(md)
    fenced.config = registered.config
    fenced.extension = registered.extension
    md.preprocessors.register(fenced, "fenced_code_block", 25)
