"""Spell check in the window: View ▸ Spelling, the Journal's editor checked once the
window has painted, and one status-bar message when no dictionary is installed."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from journal_app.services import Services
from journal_app.services.spelling import SpellingService

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def _open(make_window, qtbot):
    window = make_window(show=False)
    with qtbot.waitSignal(window.focus_timer_ready, timeout=30_000):
        window.show()
    return window


def _spelling_menu(window):
    return next(a.menu() for a in window.view_menu.actions() if a.text() == "&Spelling")


def test_view_spelling_lists_the_installed_dictionaries_and_the_editor_is_checked(
    make_window, qtbot, services: Services
):
    services.spelling.set_language("en_US")
    window = _open(make_window, qtbot)
    menu = _spelling_menu(window)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "&Check Spelling" and menu.actions()[0].isChecked()
    assert "English (United States) — en_US" in texts
    editor = window.journal_page.editor_pane.editor
    editor.set_text("A mispeled word")
    block = editor.document().firstBlock()
    underlined = [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == WAVY
    ]
    assert underlined == ["mispeled"]


class _Nothing:
    problem = "the Enchant spelling library is not installed (test)"

    def languages(self) -> list[str]:
        return []

    def load(self, language: str) -> None:
        return None


def test_without_a_dictionary_the_status_bar_says_so_and_the_editor_works(
    make_window, qtbot, services: Services
):
    services.spelling = SpellingService(_Nothing())  # type: ignore[misc]
    window = _open(make_window, qtbot)
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Spell check is off: no spelling dictionary is installed")
    )
    editor = window.journal_page.editor_pane.editor
    editor.set_text("A mispeled word")
    assert editor.text() == "A mispeled word"
    assert all(
        r.format.underlineStyle() != WAVY for r in editor.document().firstBlock().layout().formats()
    )
    assert "No Dictionaries Installed" in [a.text() for a in _spelling_menu(window).actions()]


def test_words_added_elsewhere_are_accepted_when_the_journal_changes(
    make_window, qtbot, services: Services
):
    services.spelling.set_language("en_US")
    window = _open(make_window, qtbot)
    editor = window.journal_page.editor_pane.editor
    editor.set_text("Our zorblat works")
    block = editor.document().firstBlock()

    def underlined() -> list[str]:
        return [
            block.text()[r.start : r.start + r.length]
            for r in block.layout().formats()
            if r.format.underlineStyle() == WAVY
        ]

    assert underlined() == ["zorblat"]
    SpellingService().add_word("zorblat")  # as another window or a sync would
    window.events.entries_changed.emit()  # what the external-change watcher says
    assert underlined() == []
