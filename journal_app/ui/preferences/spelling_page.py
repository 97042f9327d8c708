"""Preferences ▸ Spelling: check as you type, and in which language (per journal).

The same choices as View ▸ Spelling; the editor hears of a change through
``entries_changed`` (ui/journal/spelling.py reads its settings again)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from journal_app.errors import JournalError
from journal_app.ui.preferences.registry import PreferencesContext
from journal_app.ui.theme import mute


class SpellingPage(QWidget):
    def __init__(self, context: PreferencesContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        service = context.services.spelling
        settings = service.settings()
        self.check = QCheckBox("Check &spelling as I type")
        self.check.setChecked(settings.enabled)
        self.language = QComboBox()
        self.language.setAccessibleName("Spelling language")
        for tag in service.available_languages():
            self.language.addItem(tag, tag)
        if settings.language is not None:
            self.language.setCurrentIndex(self.language.findData(settings.language))
        self.note = QLabel(
            "An entry whose front matter says <code>lang: de</code> is checked in that "
            "language. Words you add to the dictionary are kept with this journal."
        )
        self.note.setWordWrap(True)
        mute(self.note)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        if not service.available_languages():
            self.language.setEnabled(False)
            self.error.setText(service.problem() or "No spelling dictionary is installed.")
            self.error.setVisible(True)
        form = QFormLayout(self)
        form.addRow(self.check)
        form.addRow("&Language:", self.language)
        form.addRow(self.note)
        form.addRow(self.error)
        self.check.toggled.connect(self._on_check)
        self.language.activated.connect(self._on_language)

    def _apply(self, change: Callable[[], None]) -> None:
        try:
            change()
        except JournalError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self._context.events.entries_changed.emit()  # the editor picks the checker again

    def _on_check(self, on: bool) -> None:
        self._apply(lambda: self._context.services.spelling.set_enabled(on))

    def _on_language(self, _index: int) -> None:
        tag = self.language.currentData()
        self._apply(lambda: self._context.services.spelling.set_language(tag))


def make_page(context: PreferencesContext) -> QWidget:
    return SpellingPage(context)
