"""The Markdown editor: text area, highlighter, formatting toolbar and find/replace bar."""

from journal_app.ui.editor.find_bar import FindReplaceBar
from journal_app.ui.editor.highlighter import MarkdownHighlighter
from journal_app.ui.editor.markdown_editor import MarkdownEditor
from journal_app.ui.editor.toolbar import EditorToolbar

__all__ = ["EditorToolbar", "FindReplaceBar", "MarkdownEditor", "MarkdownHighlighter"]
