"""The journal's spelling settings and personal dictionary.

Kept with the journal (so they sync and back up with it): whether to check and the
language in the `setting` table ("spelling.enabled", "spelling.language"), the personal
dictionary in `personal_word` (schema v8). An entry's front matter `lang:` overrides the
language for that entry when a dictionary for it is installed.
"""

from __future__ import annotations

import locale
from dataclasses import dataclass

from journal_app.db.models import PersonalWord, Setting
from journal_app.errors import InvalidInput
from journal_app.services.common import atomic, clean_text
from journal_app.services.spelling.backend import DictionaryProvider, EnchantProvider
from journal_app.services.spelling.checker import SpellChecker, WordLists
from journal_app.services.tracking.common import put_setting

ENABLED_KEY = "spelling.enabled"
LANGUAGE_KEY = "spelling.language"
FALLBACK_LANGUAGE = "en_US"
MAX_WORD_CHARS = 100


@dataclass(frozen=True)
class SpellingSettings:
    enabled: bool
    language: str | None  # the dictionary used: the chosen one, else a default; None: none
    chosen: str | None  # what the journal's setting says (maybe not installed here)
    languages: tuple[str, ...]  # the dictionaries installed on this system


def resolve(tag: str | None, available: list[str]) -> str | None:
    """The installed dictionary for a language tag: "en-gb" → "en_GB", "de" → "de_DE"
    (or another "de_…"), "pt_BR" → "pt_BR" else "pt…"; None when none fits."""
    if not tag:
        return None
    wanted = tag.replace("-", "_").split(".")[0]
    by_lower = {a.lower(): a for a in available}
    if wanted.lower() in by_lower:
        return by_lower[wanted.lower()]
    base = wanted.split("_")[0].lower()
    same = by_lower.get(f"{base}_{base}")
    if same:
        return same
    for name in available:
        if name.lower() == base or name.lower().startswith(base + "_"):
            return name
    return None


class SpellingService:
    def __init__(self, provider: DictionaryProvider | None = None) -> None:
        self._provider = provider if provider is not None else EnchantProvider()
        self._languages: list[str] | None = None
        self._lists: WordLists | None = None
        self._checkers: dict[str, SpellChecker | None] = {}

    # -- dictionaries --------------------------------------------------------------------

    def available_languages(self) -> list[str]:
        """The dictionaries installed on this system (asked once per session)."""
        if self._languages is None:
            self._languages = self._provider.languages()
        return list(self._languages)

    def problem(self) -> str:
        """Why no dictionary can be used, in one line ("" when one can)."""
        if self.available_languages():
            return ""
        detail = getattr(self._provider, "problem", "")
        return "Spell check is off: no spelling dictionary is installed" + (
            f" ({detail})" if detail else ""
        )

    def settings(self) -> SpellingSettings:
        available = self.available_languages()
        chosen = _get(LANGUAGE_KEY)
        language = resolve(chosen, available) or self._default(available)
        return SpellingSettings(
            enabled=_get(ENABLED_KEY) != "0",
            language=language,
            chosen=chosen,
            languages=tuple(available),
        )

    def _default(self, available: list[str]) -> str | None:
        try:
            system = locale.getlocale()[0]
        except ValueError:  # a locale Python cannot parse: not a reason to stop checking
            system = None
        return (
            resolve(system, available)
            or resolve(FALLBACK_LANGUAGE, available)
            or (available[0] if available else None)
        )

    def set_enabled(self, on: bool) -> None:
        with atomic():
            put_setting(ENABLED_KEY, "1" if on else "0")

    def set_language(self, language: str) -> None:
        """Check this journal in ``language`` (an installed dictionary's tag)."""
        found = resolve(language, self.available_languages())
        if found is None:
            raise InvalidInput(f"no spelling dictionary for {language!r} is installed")
        with atomic():
            put_setting(LANGUAGE_KEY, found)

    def checker(self, entry_language: str | None = None) -> SpellChecker | None:
        """The checker for an entry: its front matter's ``lang:`` when installed, else
        the journal's language; None when spell check is off or no dictionary loads."""
        settings = self.settings()
        if not settings.enabled:
            return None
        language = resolve(entry_language, list(settings.languages)) or settings.language
        if language is None:
            return None
        if language not in self._checkers:
            dictionary = self._provider.load(language)
            self._checkers[language] = (
                None if dictionary is None else SpellChecker(language, dictionary, self._words())
            )
        return self._checkers[language]

    # -- the personal dictionary and ignored words ---------------------------------------

    def _words(self) -> WordLists:
        if self._lists is None:
            self._lists = WordLists(personal=set(self.personal_words()))
        return self._lists

    def personal_words(self) -> list[str]:
        """The journal's personal dictionary, sorted."""
        rows = PersonalWord.select(PersonalWord.word).order_by(PersonalWord.word)
        return [str(row.word) for row in rows]

    def add_word(self, word: str) -> None:
        """Accept ``word`` in every language of this journal from now on."""
        word = _check_word(word)
        with atomic():
            PersonalWord.insert(word=word).on_conflict_ignore().execute()
        lists = self._words()
        lists.personal.add(word)
        lists.version += 1

    def remove_word(self, word: str) -> None:
        with atomic():
            PersonalWord.delete().where(PersonalWord.word == word).execute()
        lists = self._words()
        lists.personal.discard(word)
        lists.version += 1

    def ignore_word(self, word: str) -> None:
        """Accept ``word`` until the app closes (not stored)."""
        lists = self._words()
        lists.ignored.add(_check_word(word))
        lists.version += 1

    def reload(self) -> bool:
        """Read the personal dictionary again (another process, a sync, an import or a
        restore changed the journal); whether it changed."""
        if self._lists is None:
            return False
        words = set(self.personal_words())
        if words == self._lists.personal:
            return False
        self._lists.personal = words
        self._lists.version += 1
        return True


def _get(key: str) -> str | None:
    row = Setting.get_or_none(Setting.key == key)
    return None if row is None else str(row.value)


def _check_word(word: str) -> str:
    word = clean_text(word, "the word").strip()
    if not word or len(word) > MAX_WORD_CHARS or any(c.isspace() for c in word):
        raise InvalidInput(
            f"{word[:40]!r} is not a single word of at most {MAX_WORD_CHARS} characters"
        )
    return word
