"""Typing `[[` offers the journal's entry titles; Enter (or a click) writes `[[Title]]`.

The popup narrows as you type after the `[[` (any part of a title, any case); Up/Down
choose, Escape closes it, and typing `]]`, `|` or a new line ends the offer.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QPlainTextEdit

from journal_app.wikilinks import linkable

MAX_PREFIX_CHARS = 120  # further back than this, a `[[` is not being typed now
VISIBLE_ROWS = 8


class LinkCompleter(QObject):
    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setWidget(editor)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(VISIBLE_ROWS)
        self._popup().setAccessibleName("Entry titles")
        self.completer.activated.connect(self._insert)
        self._prefix_length = 0
        self._just_completed = False
        self._offering = False  # inside an unfinished `[[…` (the popup may be empty)

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # a popup completer always has one
        return popup

    def set_titles(self, titles: list[str]) -> None:
        """The titles offered (only those a `[[link]]` can hold)."""
        self._model.setStringList([t for t in titles if linkable(t)])

    def is_open(self) -> bool:
        return self._popup().isVisible()

    def takes_key(self, key: int) -> bool:
        """Should the editor leave this key to the popup (Enter chooses, Escape closes)?"""
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab)
        if key not in keys:
            return False
        return self.is_open() or self._just_completed

    def text_typed(self, text: str) -> None:
        """After a key the editor handled (`text`: what it typed): open, narrow or close
        the offer. Only a `[` starts looking back along the line, so ordinary typing in
        a long paragraph costs nothing."""
        if not self._offering and "[" not in text:
            return
        prefix = self._typed_prefix()
        self._offering = prefix is not None
        if prefix is None:
            self._popup().hide()
            return
        self._prefix_length = len(prefix)
        if prefix != self.completer.completionPrefix() or not self.is_open():
            self.completer.setCompletionPrefix(prefix)
        if self.completer.completionCount() == 0:
            self._popup().hide()
            return
        popup = self._popup()
        rect = self._editor.cursorRect()
        rect.setWidth(
            max(260, popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width())
        )
        self.completer.complete(rect)
        popup.setCurrentIndex(self.completer.completionModel().index(0, 0))

    def _typed_prefix(self) -> str | None:
        """What follows the nearest `[[` before the cursor on its line, or None when the
        cursor is not inside an unfinished `[[…`."""
        cursor = self._editor.textCursor()
        if cursor.hasSelection():
            return None
        before = cursor.block().text()[: cursor.positionInBlock()]
        start = before.rfind("[[")
        if start < 0 or (start > 0 and before[start - 1] == "!"):
            return None
        prefix = before[start + 2 :]
        if len(prefix) > MAX_PREFIX_CHARS or set("[]|") & set(prefix):
            return None
        return prefix

    def _insert(self, title: str) -> None:
        cursor = self._editor.textCursor()
        cursor.beginEditBlock()
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, self._prefix_length
        )
        cursor.insertText(title)
        after = cursor.block().text()[cursor.positionInBlock() :]
        if after.startswith("]]"):
            cursor.movePosition(QTextCursor.MoveOperation.Right, n=2)
        else:
            cursor.insertText("]]")
        cursor.endEditBlock()
        self._editor.setTextCursor(cursor)
        self._offering = False
        # The completer hands the Enter that chose the title on to the editor: not a new line.
        self._just_completed = True
        QTimer.singleShot(0, self, self._completed)

    def _completed(self) -> None:
        self._just_completed = False
