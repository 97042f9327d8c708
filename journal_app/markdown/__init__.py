"""Markdown to safe HTML; Qt-free. `render(text)` is the one entry point."""

from journal_app.markdown.render import MarkdownConverter, render

__all__ = ["MarkdownConverter", "render"]
