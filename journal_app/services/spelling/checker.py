"""One language's checker: a system dictionary, the journal's personal words and the
words ignored this session, with a cache of every word looked up (a line is re-checked
on each keystroke in it; its words mostly were seen before)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from journal_app.services.spelling.words import words_to_check

MAX_SUGGESTIONS = 6
_CACHE_LIMIT = 50_000  # words; past it the cache starts again (a bound, not a tuning)


class Dictionary(Protocol):
    """What a dictionary backend does (``enchant.Dict`` fits)."""

    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


@dataclass
class WordLists:
    """Words every checker of a journal accepts: the personal dictionary (stored in the
    journal) and the ignored ones (this session only). ``version`` moves on each change
    so checkers drop what they cached."""

    personal: set[str] = field(default_factory=set)
    ignored: set[str] = field(default_factory=set)
    version: int = 0

    def accepts(self, word: str) -> bool:
        if word in self.personal or word in self.ignored:
            return True
        lower = word.lower()  # "Backprop" starting a sentence, when "backprop" was added
        return word[:1].isupper() and (lower in self.personal or lower in self.ignored)


class SpellChecker:
    """Checks words of one ``language`` against ``dictionary`` and the ``lists``."""

    def __init__(self, language: str, dictionary: Dictionary, lists: WordLists) -> None:
        self.language = language
        self._dictionary = dictionary
        self._lists = lists
        self._cache: dict[str, bool] = {}
        self._seen_version = lists.version

    def check(self, word: str) -> bool:
        """Whether ``word`` is spelled right (or accepted by the user)."""
        if self._seen_version != self._lists.version or len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
            self._seen_version = self._lists.version
        known = self._cache.get(word)
        if known is None:
            word_ = word.replace("’", "'")  # dictionaries spell apostrophes straight
            known = self._lists.accepts(word) or self._dictionary.check(word_)
            self._cache[word] = known
        return known

    def misspelled(self, line: str) -> list[tuple[int, int]]:
        """(start, end) of each misspelled word of one line of Markdown (Python string
        positions); code, URLs, wiki links and the like are never looked at."""
        return [(a, b) for a, b in words_to_check(line) if not self.check(line[a:b])]

    def suggest(self, word: str) -> list[str]:
        """Up to ``MAX_SUGGESTIONS`` corrections, best first."""
        return self._dictionary.suggest(word.replace("’", "'"))[:MAX_SUGGESTIONS]
