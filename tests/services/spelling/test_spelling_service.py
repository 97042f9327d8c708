"""The spelling service: the system's dictionaries, the journal's language, the personal
dictionary kept in the journal, and no dictionary at all."""

from __future__ import annotations

import pytest

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.spelling import SpellingService
from journal_app.services.spelling.service import resolve


class _NoDictionaries:
    problem = "the Enchant spelling library is not installed (test)"

    def languages(self) -> list[str]:
        return []

    def load(self, language: str) -> None:
        return None


class _Words:
    """A tiny dictionary: the words it knows."""

    def __init__(self, words: set[str]) -> None:
        self.words = words

    def check(self, word: str) -> bool:
        return word.lower() in self.words

    def suggest(self, word: str) -> list[str]:
        return sorted(w for w in self.words if w[0] == word[0].lower())


class _TwoLanguages:
    def languages(self) -> list[str]:
        return ["de_DE", "en_US"]

    def load(self, language: str) -> _Words:
        if language == "de_DE":
            return _Words({"heute", "habe", "ich", "gelernt"})
        return _Words({"today", "i", "learned"})


def test_the_system_en_us_dictionary_flags_a_misspelling_and_suggests(services: Services):
    spelling = services.spelling
    assert "en_US" in spelling.available_languages()
    spelling.set_language("en-US")
    checker = spelling.checker()
    assert checker is not None and checker.language == "en_US"
    line = "I recieve the `recieve` code and [[Recieve]] notes"
    assert [line[a:b] for a, b in checker.misspelled(line)] == ["recieve"]
    assert "receive" in checker.suggest("recieve")


def test_added_words_are_kept_in_the_journal_and_accepted_capitalised(services: Services):
    checker = services.spelling.checker("en_US")
    assert checker is not None
    assert checker.misspelled("backprop works") == [(0, 8)]
    services.spelling.add_word("backprop")
    assert checker.misspelled("backprop works. Backprop again") == []
    # A new session of the same journal (the service is rebuilt) still knows it.
    assert SpellingService().personal_words() == ["backprop"]
    fresh = SpellingService().checker("en_US")
    assert fresh is not None and fresh.misspelled("backprop") == []


def test_ignored_words_are_accepted_for_the_session_only(services: Services):
    checker = services.spelling.checker("en_US")
    assert checker is not None
    services.spelling.ignore_word("Zorblat")
    assert checker.misspelled("Zorblat said") == []
    assert services.spelling.personal_words() == []
    again = SpellingService().checker("en_US")
    assert again is not None and again.misspelled("Zorblat said") == [(0, 7)]


def test_the_language_is_a_setting_of_the_journal_and_an_entry_can_override_it(
    services: Services,
):
    spelling = SpellingService(_TwoLanguages())
    spelling.set_language("de")
    assert spelling.settings().language == "de_DE"
    assert SpellingService(_TwoLanguages()).settings().chosen == "de_DE"  # stored
    german = spelling.checker()
    english = spelling.checker("en")  # front matter `lang: en`
    assert german is not None and german.misspelled("Heute habe ich gelernt") == []
    assert english is not None and english.misspelled("Today I learned") == []
    # A language without a dictionary here falls back to the journal's.
    assert spelling.checker("fr") is german
    with pytest.raises(InvalidInput, match="no spelling dictionary for 'fr'"):
        spelling.set_language("fr")


def test_spell_check_can_be_switched_off_for_the_journal(services: Services):
    services.spelling.set_enabled(False)
    assert services.spelling.checker() is None
    assert SpellingService().settings().enabled is False
    services.spelling.set_enabled(True)
    assert services.spelling.checker() is not None


def test_without_a_dictionary_there_is_no_checker_and_one_line_saying_why(services: Services):
    spelling = SpellingService(_NoDictionaries())
    assert spelling.available_languages() == []
    assert spelling.checker() is None and spelling.checker("de") is None
    assert spelling.settings().language is None
    assert spelling.problem() == (
        "Spell check is off: no spelling dictionary is installed "
        "(the Enchant spelling library is not installed (test))"
    )


def test_a_word_to_add_must_be_one_word(services: Services):
    for bad in ("", "two words", "x" * 101):
        with pytest.raises(InvalidInput):
            services.spelling.add_word(bad)
    assert services.spelling.personal_words() == []


def test_language_tags_resolve_to_installed_dictionaries():
    available = ["de_AT", "de_DE", "en_GB", "en_US", "pt_BR"]
    assert resolve("en-gb", available) == "en_GB"
    assert resolve("de", available) == "de_DE"
    assert resolve("pt", available) == "pt_BR"
    assert resolve("en_AU", available) == "en_GB"
    assert resolve("en_US.UTF-8", available) == "en_US"
    assert resolve("fr", available) is None and resolve(None, available) is None
