"""Spell check while writing (#18): misspelled words underlined as they are typed, the
context menu's corrections, the personal dictionary kept in the journal, entries in
another language, and no dictionary at all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit

from journal_app.config import DataPaths
from journal_app.services import Services
from journal_app.services.spelling import SpellingService
from journal_app.ui.journal.editor import MarkdownEditor
from journal_app.ui.journal.spelling import EditorSpelling

from .conftest import format_at

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(editor: QPlainTextEdit) -> list[str]:
    """The words shown with the red wavy line, in order."""
    words = []
    block = editor.document().firstBlock()
    while block.isValid():
        text = block.text()
        run = ""
        for i, ch in enumerate(text):
            if format_at(block, i).underlineStyle() == WAVY:
                run += ch
            elif run:
                words.append(run)
                run = ""
        if run:
            words.append(run)
        block = block.next()
    return words


def spell(editor: MarkdownEditor, service: SpellingService, messages: list[str] | None = None):
    return EditorSpelling(editor, service, (messages if messages is not None else []).append)


def point_at(editor: MarkdownEditor, word: str):
    cursor = QTextCursor(editor.document())
    cursor.setPosition(editor.text().index(word) + 2)
    return editor.cursorRect(cursor).center()


def test_a_misspelled_word_is_underlined_as_it_is_typed(qtbot, editor, services: Services):
    services.spelling.set_language("en_US")
    spell(editor, services.spelling)
    qtbot.keyClicks(editor, "Today I recieve")
    assert underlined(editor) == ["recieve"]
    block = editor.document().firstBlock()
    assert format_at(block, 9).underlineColor().red() > 150  # red
    qtbot.keyClicks(editor, "d the parcel")  # still wrong, the rest is right
    assert underlined(editor) == ["recieved"]


def test_choosing_a_suggestion_replaces_the_word_and_undo_brings_it_back(
    qtbot, editor, services: Services
):
    services.spelling.set_language("en_US")
    spell(editor, services.spelling)
    qtbot.keyClicks(editor, "We recieve **bold** news")
    menu = editor.build_context_menu(point_at(editor, "recieve"))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "receive"  # the best suggestion first
    assert "Add to Dictionary" in texts and "Ignore" in texts
    next(a for a in menu.actions() if a.text() == "receive").trigger()
    menu.deleteLater()
    assert editor.text() == "We receive **bold** news"
    assert underlined(editor) == []
    editor.undo()
    assert editor.text() == "We recieve **bold** news"


def test_a_correct_word_gets_no_spelling_items(qtbot, editor, services: Services):
    spell(editor, services.spelling)
    qtbot.keyClicks(editor, "All fine here")
    menu = editor.build_context_menu(point_at(editor, "fine"))
    assert "Add to Dictionary" not in [a.text() for a in menu.actions()]
    menu.deleteLater()


def test_add_to_dictionary_is_kept_with_the_journal_across_reopening(
    qtbot, data_paths: DataPaths, clock
):
    first = Services.open(data_paths, clock=clock)
    try:
        editor = MarkdownEditor()
        qtbot.addWidget(editor)
        spell(editor, first.spelling)
        editor.set_text("Backprop by hand: backprop is neat")
        assert underlined(editor) == ["Backprop", "backprop"]
        menu = editor.build_context_menu(point_at(editor, "backprop"))
        next(a for a in menu.actions() if a.text() == "Add to Dictionary").trigger()
        menu.deleteLater()
        assert underlined(editor) == []
    finally:
        first.close()
    again = Services.open(data_paths, clock=clock)
    try:
        assert again.spelling.personal_words() == ["backprop"]
        other = MarkdownEditor()
        qtbot.addWidget(other)
        spell(other, again.spelling)
        other.set_text("Backprop by hand: backprop is neat, teh end")
        assert underlined(other) == ["teh"]
    finally:
        again.close()


def test_ignore_accepts_the_word_in_this_session_without_storing_it(
    qtbot, editor, services: Services
):
    spell(editor, services.spelling)
    editor.set_text("Zorblat met zorblat")
    menu = editor.build_context_menu(point_at(editor, "Zorblat"))
    next(a for a in menu.actions() if a.text() == "Ignore").trigger()
    menu.deleteLater()
    assert underlined(editor) == ["zorblat"]  # another word (the capital case accepts both)
    assert services.spelling.personal_words() == []


def test_code_urls_wiki_links_front_matter_and_markup_are_never_flagged(
    qtbot, editor, services: Services
):
    spell(editor, services.spelling)
    editor.set_text(
        "---\n"
        "title: Wrds in front mattr\n"
        "tags: [mlx, nnz]\n"
        "---\n"
        "Call `np.einsm(xyzw)` then see [[Attenshun notes]] and [the docz](https://exmple.org/pathz)\n"
        "Visit https://exmple.org/sumthing or <mailto:someone@exmple.org>\n"
        "```pythn\n"
        "def lernin_rate(): return gradz\n"
        "```\n"
        'A <span class="hilitez">fine</span> line, ~~strk~~ and a typo: mispeled'
    )
    assert underlined(editor) == ["docz", "strk", "mispeled"]


def test_typing_in_a_fenced_block_or_a_code_span_is_not_flagged(qtbot, editor, services):
    spell(editor, services.spelling)
    for line in ("Run `foo barz` then", "```", "barz = quxx()", "```", "well"):
        qtbot.keyClicks(editor, line)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.text().startswith("Run `foo barz` then\n```\nbarz = quxx()\n```\nwell")
    assert underlined(editor) == []


class _Words:
    def __init__(self, words: set[str]) -> None:
        self.words = words

    def check(self, word: str) -> bool:
        return word.lower() in self.words

    def suggest(self, word: str) -> list[str]:
        return []


class _GermanAndEnglish:
    def languages(self) -> list[str]:
        return ["de_DE", "en_US"]

    def load(self, language: str) -> _Words:
        if language == "de_DE":
            return _Words({"heute", "habe", "ich", "gelernt"})
        return _Words({"today", "i", "learned"})


def test_an_entry_in_another_language_is_checked_in_it(qtbot, editor, services: Services):
    service = SpellingService(_GermanAndEnglish())
    service.set_language("en_US")
    spelling = spell(editor, service)
    editor.set_text("---\nlang: de\n---\nHeute habe ich gelernt")
    qtbot.waitUntil(lambda: spelling.language == "de_DE")
    assert underlined(editor) == []
    # Editing the front matter switches the language of the whole entry.
    cursor = QTextCursor(editor.document().findBlockByNumber(1))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.deletePreviousChar()
    cursor.deletePreviousChar()
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "en")
    qtbot.waitUntil(lambda: spelling.language == "en_US")
    assert underlined(editor) == ["Heute", "habe", "ich", "gelernt"]


def test_view_spelling_turns_checking_off_and_picks_the_language(qtbot, editor, services: Services):
    service = SpellingService(_GermanAndEnglish())
    spelling = spell(editor, service)
    assert [a.text() for a in spelling.language_actions.values()] == [
        "German (Germany) — de_DE",
        "English (United States) — en_US",
    ]
    spelling.language_actions["de_DE"].trigger()
    editor.set_text("Heute habe ich gelernt, today")
    assert service.settings().chosen == "de_DE" and underlined(editor) == ["today"]
    spelling.check_action.trigger()  # off
    assert not spelling.check_action.isChecked() and underlined(editor) == []
    assert SpellingService(_GermanAndEnglish()).settings().enabled is False  # kept


class _Nothing:
    problem = "the Enchant spelling library is not installed (test)"

    def languages(self) -> list[str]:
        return []

    def load(self, language: str) -> None:
        return None


def test_without_a_dictionary_one_message_and_the_editor_works_as_before(
    qtbot, editor, services: Services
):
    messages: list[str] = []
    spelling = spell(editor, SpellingService(_Nothing()), messages)
    qtbot.keyClicks(editor, "Wrods typed ")
    editor.set_text("another entry, mispeled")
    spelling.refresh()
    assert messages == [
        "Spell check is off: no spelling dictionary is installed "
        "(the Enchant spelling library is not installed (test))"
    ]
    assert underlined(editor) == [] and editor.text() == "another entry, mispeled"
    assert [a.text() for a in spelling.menu.actions() if not a.isSeparator()][:2] == [
        "&Check Spelling",
        "No Dictionaries Installed",
    ]
    assert not spelling.check_action.isEnabled()
    menu = editor.build_context_menu(point_at(editor, "mispeled"))
    assert "Add to Dictionary" not in [a.text() for a in menu.actions()]
    menu.deleteLater()


# A popup menu on the offscreen platform (it cannot raise it nor grab the keyboard).
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_a_right_click_on_the_word_offers_the_corrections(qtbot, editor, services: Services):
    spell(editor, services.spelling)
    qtbot.keyClicks(editor, "We recieve news")
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        first = menu.actions()[0]
        chosen.append(first.text())
        menu.setActiveAction(first)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    # What a right-click (or the Menu key) sends; QTest's clicks never make one.
    pos = point_at(editor, "recieve")
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, editor.viewport().mapToGlobal(pos)
    )
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: editor.text() == "We receive news")
    assert chosen == ["receive"]
    editor.undo()
    assert editor.text() == "We recieve news"
