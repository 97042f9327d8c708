"""Spell check in the entry editor (#18): View ▸ Spelling and the editor's checker.

``EditorSpelling`` is the spell check the editor's highlighter and context menu use: it
asks ``services.spelling`` for the checker of the open text — the language of its front
matter's ``lang:`` when that dictionary is installed, else the journal's — and follows
the front matter as it is edited. The View ▸ Spelling submenu turns checking on and off
for the journal and lists the dictionaries installed on the system. With none, the
status bar says so once and the editor works as before, unchecked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from journal_app.errors import JournalError
from journal_app.services.spelling import SpellChecker, SpellingService
from journal_app.services.spelling.words import front_matter_lang
from journal_app.ui.journal.editor import MarkdownEditor

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents
    from journal_app.ui.window_context import WindowContext

STATUS_MS = 10_000
_FRONT_MATTER_SCAN_LINES = 200


def language_label(tag: str) -> str:
    """ "English (United States) — en_US" for a dictionary's tag."""
    locale = QLocale(tag)
    if locale.language() == QLocale.Language.C:
        return tag
    name = QLocale.languageToString(locale.language())
    if "_" in tag:
        name += f" ({QLocale.territoryToString(locale.territory())})"
    return f"{name} — {tag}"


class EditorSpelling(QObject):
    """Checks the spelling of ``editor``'s text; see the module docstring."""

    def __init__(
        self,
        editor: MarkdownEditor,
        spelling: SpellingService,
        notify: Callable[[str], None],
    ) -> None:
        super().__init__(editor)
        self._editor = editor
        self._service = spelling
        self._notify = notify
        self._checker: SpellChecker | None = None
        self._entry_language: str | None = None
        self._told_missing = False
        self._front_end = 0  # the document position where the front matter ends (or line 1)
        self.menu = QMenu("&Spelling")
        self.menu.setObjectName("spelling_menu")
        self.check_action = QAction("&Check Spelling", self, checkable=True)
        self.check_action.setStatusTip("Underline misspelled words while writing")
        self.check_action.toggled.connect(self._on_check_toggled)
        self.language_actions: dict[str, QAction] = {}
        self._languages = QActionGroup(self)
        self._languages.setExclusive(True)
        self._build_menu()
        editor.document().contentsChange.connect(self._on_contents_change)
        self.refresh()

    # -- what the editor asks (MarkdownEditor's SpellActions) -----------------------------

    def misspelled(self, line: str) -> list[tuple[int, int]]:
        return [] if self._checker is None else self._checker.misspelled(line)

    def suggest(self, word: str) -> list[str]:
        return [] if self._checker is None else self._checker.suggest(word)

    def add_word(self, word: str) -> None:
        self._write(lambda: self._service.add_word(word))

    def ignore_word(self, word: str) -> None:
        self._write(lambda: self._service.ignore_word(word))

    @property
    def language(self) -> str | None:
        """The dictionary the open text is checked with (None: not checked)."""
        return None if self._checker is None else self._checker.language

    # -- state ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Pick the checker again (settings, the entry's language) and re-check."""
        self._entry_language = self._read_entry_language()
        settings = self._service.settings()
        checker = self._service.checker(self._entry_language) if settings.enabled else None
        if settings.enabled and checker is None and not self._told_missing:
            self._told_missing = True
            problem = self._service.problem() or (
                f"Spell check is off: the {settings.language} dictionary could not be loaded"
            )
            self._notify(problem)
        self._sync_menu()
        if checker is not self._checker:
            self._checker = checker
            if checker is None:
                self._editor.set_spell_check(None)
            elif self._editor.spell_check is self:
                self._editor.recheck_spelling()
            else:
                self._editor.set_spell_check(self)

    def reload(self) -> None:
        """The journal changed outside this editor (another process, an import, a
        restore): its personal dictionary and settings are read again."""
        changed = self._service.reload()
        checker = self._checker
        self.refresh()
        if changed and checker is self._checker and self._editor.spell_check is self:
            self._editor.recheck_spelling()

    def _read_entry_language(self) -> str | None:
        doc = self._editor.document()
        first = doc.firstBlock()
        self._front_end = first.position() + first.length()
        if first.text().rstrip() != "---":
            return None
        lines: list[str] = []
        block = first
        while block.isValid() and len(lines) < _FRONT_MATTER_SCAN_LINES:
            lines.append(block.text())
            if len(lines) > 1 and block.text().rstrip() in ("---", "..."):
                self._front_end = block.position() + block.length()
                break
            block = block.next()
        return front_matter_lang("\n".join(lines))

    def _on_contents_change(self, position: int, _removed: int, _added: int) -> None:
        if position <= self._front_end:  # the front matter (or the first line) changed
            QTimer.singleShot(0, self, self._on_front_matter_edited)

    def _on_front_matter_edited(self) -> None:
        if self._read_entry_language() != self._entry_language:
            self.refresh()

    def _write(self, change: Callable[[], None]) -> None:
        try:
            change()
        except JournalError as exc:
            self._notify(str(exc))

    # -- View ▸ Spelling ------------------------------------------------------------------

    def _build_menu(self) -> None:
        self.menu.addAction(self.check_action)
        self.menu.addSeparator()
        languages = self._service.available_languages()
        for tag in languages:
            action = QAction(language_label(tag), self, checkable=True)
            action.setData(tag)
            action.setStatusTip(f"Check this journal's entries in {tag}")
            action.triggered.connect(lambda _checked=False, t=tag: self._on_language_chosen(t))
            self._languages.addAction(action)
            self.menu.addAction(action)
            self.language_actions[tag] = action
        if not languages:
            none = QAction("No Dictionaries Installed", self)
            none.setEnabled(False)
            self.menu.addAction(none)
        self.menu.addSeparator()
        note = QAction("An entry's front matter “lang: de” checks it in German", self)
        note.setEnabled(False)
        self.menu.addAction(note)

    def _sync_menu(self) -> None:
        settings = self._service.settings()
        self.check_action.blockSignals(True)
        self.check_action.setChecked(settings.enabled)
        self.check_action.setEnabled(bool(settings.languages))
        self.check_action.blockSignals(False)
        for tag, action in self.language_actions.items():
            action.setChecked(tag == settings.language)

    def _on_check_toggled(self, on: bool) -> None:
        self._write(lambda: self._service.set_enabled(on))
        self.refresh()

    def _on_language_chosen(self, tag: str) -> None:
        self._write(lambda: self._service.set_language(tag))
        self.refresh()


def install_spelling(
    context: WindowContext,
    services: Services,
    events: DataEvents,
    editor: MarkdownEditor,
    view_menu: QMenu,
    before: QAction,
) -> EditorSpelling:
    """Check ``editor``'s spelling and add View ▸ Spelling above ``before``; read the
    personal dictionary again when the journal changes elsewhere. After the first paint:
    the dictionary takes a moment to load."""
    spelling = EditorSpelling(
        editor, services.spelling, lambda text: context.show_status(text, STATUS_MS)
    )
    view_menu.insertMenu(before, spelling.menu)
    events.entries_changed.connect(spelling.reload)
    return spelling
