"""An editor on screen with the focus, and helpers to read its highlighting."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextBlock, QTextCharFormat

from journal_app.ui.journal.editor import MarkdownEditor


@pytest.fixture
def editor(qtbot) -> MarkdownEditor:
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    return widget


def format_at(block: QTextBlock, index: int) -> QTextCharFormat:
    """The highlighter's format at UTF-16 position ``index`` of ``block`` (empty if none)."""
    for rng in block.layout().formats():
        if rng.start <= index < rng.start + rng.length:
            return QTextCharFormat(rng.format)  # a copy: the range list is a temporary
    return QTextCharFormat()
