"""Spell checking (#18): which words of a Markdown line to check, a checker over a system
dictionary (pyenchant: Enchant with Hunspell/Nuspell/Aspell behind it), and the journal's
own settings and personal dictionary. Qt-free; the editor's highlighter calls it per line."""

from journal_app.services.spelling.checker import SpellChecker
from journal_app.services.spelling.service import SpellingService, SpellingSettings

__all__ = ["SpellChecker", "SpellingService", "SpellingSettings"]
