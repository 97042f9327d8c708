"""Find and replace inside one entry: a slim bar above (or below) the editor.

Moving between matches uses ``QTextDocument.find`` (native, fast on a 10 MB text); the
"3 of 12" count runs the same search as a Python regex over one cached copy of the text.
Replace all is one undo step. Enter/F3 go to the next match, Shift+Enter/Shift+F3 to the
previous one, Esc closes the bar and gives the focus back to the editor.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from journal_app.ui.journal.editor.highlighter import mix
from journal_app.ui.journal.editor.markdown_editor import MarkdownEditor
from journal_app.ui.journal.editor.utf16 import Utf16Map
from journal_app.ui.theme import mute

Flag = QTextDocument.FindFlag
MAX_VISIBLE_MARKS = 300  # matches painted at once in the visible part of the text
PER_MATCH_EDITS = 2000  # replace all edits in place up to this many matches, else at once
COUNT_DELAY_MS = 150
COUNT_AT_ONCE = 1_000_000  # longer texts are counted once typing in the field pauses


def search_pattern(needle: str, *, match_case: bool, whole_word: bool) -> re.Pattern[str]:
    """A regex finding what ``QTextDocument.find`` finds with the same options."""
    body = re.escape(needle)
    if whole_word:  # Qt: no letter or digit right before or after
        body = rf"(?<![^\W_]){body}(?![^\W_])"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """(start, old_end, new_end): ``new`` is ``old`` with ``old[start:old_end]`` replaced
    by ``new[start:new_end]``, the common prefix and suffix left out (binary searches
    over slice comparisons: fast even on 10 MB)."""
    limit = min(len(old), len(new))
    lo, hi = 0, limit  # the longest common prefix is in [lo, hi]
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[:mid] == new[:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    lo, hi = 0, limit - prefix  # the longest common suffix, not overlapping the prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid :] == new[len(new) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return prefix, len(old) - lo, len(new) - lo


class _TextCache:
    """One Python copy of the editor's text (and its UTF-16 map) per document change."""

    def __init__(self, editor: MarkdownEditor) -> None:
        self._editor = editor
        self._text: str | None = None
        self._map: Utf16Map | None = None
        editor.document().contentsChanged.connect(self.clear)

    def clear(self) -> None:
        self._text = None
        self._map = None

    @property
    def text(self) -> str:
        if self._text is None:
            raw = self._editor.document().toRawText()
            self._text = raw.replace("\u2029", "\n")
        return self._text

    @property
    def map(self) -> Utf16Map:
        if self._map is None:
            self._map = Utf16Map(self.text)
        return self._map


class FindReplaceBar(QWidget):
    """Find (and replace) in ``editor``; call ``open_find()``/``open_replace()``."""

    closed = Signal()

    def __init__(self, editor: MarkdownEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._editor = editor
        self._cache = _TextCache(editor)
        self._origin = 0  # where search-as-you-type starts from
        self._total: int | None = None

        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText("Find")
        self.find_field.setClearButtonEnabled(True)
        self.find_field.setAccessibleName("Find")
        self.replace_field = QLineEdit()
        self.replace_field.setPlaceholderText("Replace with")
        self.replace_field.setAccessibleName("Replace with")
        self.status_label = QLabel()
        self.status_label.setObjectName("muted")
        mute(self.status_label)
        self.status_label.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("999,999 of 999,999")
        )
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)

        self.previous_button = self._button("↑", "Previous match (Shift+Enter, Shift+F3)")
        self.next_button = self._button("↓", "Next match (Enter, F3)")
        self.case_button = self._button("Aa", "Match case", checkable=True)
        self.word_button = self._button("W", "Whole words only", checkable=True)
        self.replace_toggle = self._button("⇄", "Show replace", checkable=True)
        self.close_button = self._button("✕", "Close (Esc)")
        self.replace_button = self._button("Replace", "Replace this match (Enter)")
        self.replace_all_button = self._button("All", "Replace every match (one undo step)")
        self.replace_all_button.setText("Replace all")

        grid = QGridLayout(self)
        grid.setContentsMargins(10, 4, 10, 4)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.replace_toggle, 0, 0)
        grid.addWidget(self.find_field, 0, 1)
        find_tools = QHBoxLayout()
        find_tools.setSpacing(2)
        for widget in (self.status_label, self.previous_button, self.next_button):
            find_tools.addWidget(widget)
        find_tools.addSpacing(6)
        find_tools.addWidget(self.case_button)
        find_tools.addWidget(self.word_button)
        find_tools.addStretch(1)
        find_tools.addWidget(self.close_button)
        grid.addLayout(find_tools, 0, 2)
        grid.addWidget(self.replace_field, 1, 1)
        replace_tools = QHBoxLayout()
        replace_tools.setSpacing(4)
        replace_tools.addWidget(self.replace_button)
        replace_tools.addWidget(self.replace_all_button)
        replace_tools.addStretch(1)
        grid.addLayout(replace_tools, 1, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.find_field.setMinimumWidth(180)
        self._replace_row = (self.replace_field, self.replace_button, self.replace_all_button)
        QWidget.setTabOrder(self.find_field, self.replace_field)  # Tab: find → replace
        QWidget.setTabOrder(self.replace_field, self.replace_button)
        self._show_replace(False)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._update_status)

        self.find_field.textEdited.connect(self._on_needle_edited)
        self.find_field.installEventFilter(self)
        self.replace_field.installEventFilter(self)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.case_button.toggled.connect(self._on_options_changed)
        self.word_button.toggled.connect(self._on_options_changed)
        self.replace_toggle.toggled.connect(self._on_replace_toggled)
        self.close_button.clicked.connect(self.dismiss)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        editor.document().contentsChanged.connect(self._on_text_changed)
        editor.verticalScrollBar().valueChanged.connect(self._mark_visible)

        # F3 / Shift+F3 also work from the editor, with the bar open or not.
        self.next_action = self._action(QKeySequence.StandardKey.FindNext, "F3", self.find_next)
        self.previous_action = self._action(
            QKeySequence.StandardKey.FindPrevious, "Shift+F3", self.find_previous
        )

    def _button(self, text: str, tip: str, *, checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setCheckable(checkable)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _action(
        self, standard: QKeySequence.StandardKey, fallback: str, slot: Callable[[], object]
    ) -> QAction:
        keys = QKeySequence.keyBindings(standard)
        if QKeySequence(fallback) not in keys:
            keys = [QKeySequence(fallback), *keys]
        action = QAction(self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        editor_action = QAction(self._editor)
        editor_action.setShortcuts(keys)
        editor_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        editor_action.triggered.connect(slot)
        self._editor.addAction(editor_action)
        return action

    # -- public ----------------------------------------------------------------------------

    @property
    def needle(self) -> str:
        return self.find_field.text()

    @property
    def match_case(self) -> bool:
        return self.case_button.isChecked()

    @property
    def whole_word(self) -> bool:
        return self.word_button.isChecked()

    def set_options(
        self, *, match_case: bool | None = None, whole_word: bool | None = None
    ) -> None:
        if match_case is not None:
            self.case_button.setChecked(match_case)
        if whole_word is not None:
            self.word_button.setChecked(whole_word)

    def open_find(self) -> None:
        """Show the bar (find only) with the selected text to look for; focus the field."""
        self._open(replace=False)

    def open_replace(self) -> None:
        """Show the bar with the replace row."""
        self._open(replace=True)

    def dismiss(self) -> None:
        """Hide the bar and give the focus back to the editor (Esc)."""
        self._count_timer.stop()
        self._clear_marks()
        self.hide()
        self._editor.setFocus()
        self.closed.emit()

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def replace_one(self) -> bool:
        """Replace the selected match (and go to the next); else go to the next."""
        if not self.needle or self._editor.isReadOnly():
            return False
        cursor = self._editor.textCursor()
        if cursor.hasSelection():
            found = self._editor.document().find(
                self.needle, cursor.selectionStart(), self._flags()
            )
            if (
                not found.isNull()
                and found.selectionStart() == cursor.selectionStart()
                and found.selectionEnd() == cursor.selectionEnd()
            ):
                cursor.insertText(self.replace_field.text())
                self._editor.setTextCursor(cursor)
        return self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        if not self.needle or self._editor.isReadOnly():
            return 0
        pattern = self._pattern()
        text = self._cache.text
        replacement = self.replace_field.text()
        # One pass gives the new text and the count; the matches' places are only
        # needed (and listed) when few enough to edit one by one.
        literal = replacement.replace("\\", "\\\\")  # no group references in the template
        new_text, count = pattern.subn(literal, text) if text else (text, 0)
        if not count:
            self._show_status("No matches", no_match=True)
            return 0
        editor = self._editor
        cursor = editor.textCursor()
        bar = editor.verticalScrollBar()
        scroll = bar.value()
        cursor.beginEditBlock()
        try:
            if count <= PER_MATCH_EDITS:
                u16 = self._cache.map
                edit = QTextCursor(editor.document())
                for start, end in reversed([m.span() for m in pattern.finditer(text)]):
                    edit.setPosition(u16.to_qt(start))
                    edit.setPosition(u16.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                    edit.insertText(replacement)
            else:  # too many for one edit each: swap the changed span in one go
                prepare = getattr(editor, "prepare_for_insert", None)
                if prepare is not None:
                    prepare(new_text, replace_all=True)
                # Qt's cost is per line removed and inserted, so the unchanged lines
                # before the first and after the last match are left alone.
                start, old_end, new_end = changed_span(text, new_text)
                u16 = self._cache.map
                position = cursor.position()
                cursor.setPosition(u16.to_qt(start))
                cursor.setPosition(u16.to_qt(old_end), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(new_text[start:new_end])
                cursor.setPosition(min(position, editor.document().characterCount() - 1))
        finally:
            cursor.endEditBlock()
        editor.setTextCursor(cursor)
        bar.setValue(scroll)
        self._total = None
        self._show_status(f"Replaced {count:,}")
        return count

    # -- searching -------------------------------------------------------------------------

    def _open(self, *, replace: bool) -> None:
        cursor = self._editor.textCursor()
        selected = cursor.selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self._origin = cursor.selectionStart()
        self._show_replace(replace)
        self.show()
        field = self.replace_field if replace and self.needle else self.find_field
        field.setFocus()
        field.selectAll()
        if self.needle:
            self._search_from(self._origin)
        else:
            self._show_status("")

    def _flags(self, *, backward: bool = False) -> Flag:
        flags = Flag(0)
        if self.match_case:
            flags |= Flag.FindCaseSensitively
        if self.whole_word:
            flags |= Flag.FindWholeWords
        if backward:
            flags |= Flag.FindBackward
        return flags

    def _pattern(self) -> re.Pattern[str]:
        return search_pattern(self.needle, match_case=self.match_case, whole_word=self.whole_word)

    def _find(self, *, backward: bool) -> bool:
        if not self.needle:
            if self.isHidden():
                self.open_find()
            return False
        cursor = self._editor.textCursor()
        start = cursor.selectionStart() if backward else cursor.selectionEnd()
        return self._search_from(start, backward=backward)

    def _search_from(self, position: int, *, backward: bool = False, typing: bool = False) -> bool:
        doc = self._editor.document()
        flags = self._flags(backward=backward)
        found = doc.find(self.needle, position, flags)
        if found.isNull():  # wrap around
            edge = QTextCursor(doc)
            edge.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            found = doc.find(self.needle, edge, flags)
        if found.isNull():
            cursor = self._editor.textCursor()
            cursor.setPosition(min(self._origin, doc.characterCount() - 1))
            self._editor.setTextCursor(cursor)
            self._total = 0
            self._show_status("No matches", no_match=True)
            self._mark_visible()
            return False
        self._editor.setTextCursor(found)
        self._editor.ensureCursorVisible()
        if typing and self._editor.document().characterCount() > COUNT_AT_ONCE:
            self._show_status("…")  # counting a huge text on every key would lag
            self._count_timer.start()
        else:
            self._update_status()
        self._mark_visible()
        return True

    def _update_status(self) -> None:
        self._count_timer.stop()
        if not self.needle:
            self._show_status("")
            return
        text = self._cache.text
        pattern = self._pattern()
        if self._total is None:
            self._total = len(pattern.findall(text))
        if not self._total:
            self._show_status("No matches", no_match=True)
            return
        cursor = self._editor.textCursor()
        start = self._cache.map.to_py(cursor.selectionStart())
        selected = cursor.hasSelection() and pattern.fullmatch(cursor.selectedText()) is not None
        after = len(pattern.findall(text, start))
        if selected:
            self._show_status(f"{self._total - after + 1:,} of {self._total:,}")
        else:
            self._show_status(f"{self._total:,} match{'es' if self._total != 1 else ''}")

    def _show_status(self, text: str, *, no_match: bool = False) -> None:
        self.status_label.setText(text)
        if bool(self.find_field.property("noMatch")) != no_match:
            self.find_field.setProperty("noMatch", no_match)
            self._tint_field()

    def _tint_field(self) -> None:
        """A red-tinted field while nothing matches (from the current palette)."""
        if not self.find_field.property("noMatch"):
            self.find_field.setPalette(QPalette())  # back to following the theme
            return
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        palette.setColor(QPalette.ColorRole.Base, mix(base, QColor("#e5484d"), 0.22))
        self.find_field.setPalette(palette)

    def _mark_visible(self) -> None:
        """Tint the matches in view (the current one is the selection)."""
        editor = self._editor
        if self.isHidden() or not self.needle or self._total == 0:
            self._clear_marks()
            return
        doc = editor.document()
        first = editor.firstVisibleBlock()
        bottom = editor.viewport().height()
        last, offset = first, editor.contentOffset()
        while (
            last.next().isValid()
            and editor.blockBoundingGeometry(last.next()).translated(offset).top() < bottom
        ):
            last = last.next()
        end = last.position() + last.length()
        color = QColor(editor.palette().color(QPalette.ColorRole.Highlight))
        color.setAlpha(60)
        spans: list[tuple[int, int]] = []
        cursor = QTextCursor(doc)
        cursor.setPosition(first.position())
        flags = self._flags()
        while len(spans) < MAX_VISIBLE_MARKS:
            cursor = doc.find(self.needle, cursor, flags)
            if cursor.isNull() or cursor.selectionStart() >= end:
                break
            spans.append((cursor.selectionStart(), cursor.selectionEnd()))
        editor.set_match_marks(spans, color)

    def _clear_marks(self) -> None:
        self._editor.set_match_marks([], QColor())

    # -- events ----------------------------------------------------------------------------

    def _show_replace(self, on: bool) -> None:
        for widget in self._replace_row:
            widget.setVisible(on)
        self.replace_toggle.blockSignals(True)
        self.replace_toggle.setChecked(on)
        self.replace_toggle.blockSignals(False)
        self.replace_toggle.setToolTip("Hide replace" if on else "Show replace")

    def _on_replace_toggled(self, on: bool) -> None:
        self._show_replace(on)
        (self.replace_field if on else self.find_field).setFocus()

    def _on_needle_edited(self, _text: str) -> None:
        self._total = None
        if self.needle:
            self._search_from(self._origin, typing=True)
        else:
            cursor = self._editor.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self._editor.setTextCursor(cursor)
            self._show_status("")
            self._mark_visible()

    def _on_options_changed(self) -> None:
        self._total = None
        if self.needle:
            self._search_from(self._editor.textCursor().selectionStart())

    def _on_text_changed(self) -> None:
        self._total = None
        if self.isVisible() and self.needle:
            self._count_timer.start()  # recount once typing pauses
            self._mark_visible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Escape:
                self.dismiss()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
                if watched is self.replace_field:
                    if mods & Qt.KeyboardModifier.ControlModifier:
                        self.replace_all()
                    else:
                        self.replace_one()
                elif shift:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._tint_field()
