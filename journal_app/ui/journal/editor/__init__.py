"""The Markdown editor: text area, highlighter, formatting toolbar and find/replace bar."""

from journal_app.ui.journal.editor.find_bar import FindReplaceBar
from journal_app.ui.journal.editor.highlighter import MarkdownHighlighter
from journal_app.ui.journal.editor.markdown_editor import MarkdownEditor
from journal_app.ui.journal.editor.toolbar import EditorToolbar

__all__ = ["EditorToolbar", "FindReplaceBar", "MarkdownEditor", "MarkdownHighlighter"]
