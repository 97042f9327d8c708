"""The system's dictionaries through pyenchant (Enchant 2 with Hunspell, Nuspell or Aspell
behind it). Measured against spylls (pure-Python Hunspell) on a 2,000-word entry with
Debian's hunspell-en-us: loading en_US 170 ms vs 1,590 ms, checking every word 30-50 ms
vs 70-110 ms, one suggestion 40-120 ms vs 220-530 ms, and Enchant lists the installed
dictionaries of every backend itself; see README "Spell check".

Enchant keeps a per-user word list of its own and creates it when a dictionary is first
loaded (~/.config/enchant/en_US.dic and .exc). The app's words live in the journal and it
writes nowhere the user did not name, so ``ENCHANT_CONFIG_DIR`` names a folder that
cannot be made (under the null device): Enchant then checks and suggests as before and
writes nothing (checked with Enchant 2.3).

Without the Enchant library (``import enchant`` raises ImportError) or without any
dictionary, ``languages()`` is empty and ``load`` returns None: the editor works as before.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from journal_app.services.spelling.checker import Dictionary

NOWHERE = Path(os.devnull) / "enchant"  # a folder under a device file cannot be made


class DictionaryProvider(Protocol):
    """Where dictionaries come from (tests hand the service their own)."""

    def languages(self) -> list[str]:
        """The tags of the installed dictionaries ("en_US", "de_DE"), sorted."""
        ...

    def load(self, language: str) -> Dictionary | None:
        """The dictionary of ``language``, or None when it cannot be loaded."""
        ...


class EnchantProvider:
    """The system's dictionaries, through pyenchant; imported on first use."""

    def __init__(self) -> None:
        self.problem = ""  # why there are no dictionaries, when there are none

    def _enchant(self) -> object | None:
        # Read by Enchant when it loads a dictionary: its own word lists would go there.
        os.environ["ENCHANT_CONFIG_DIR"] = str(NOWHERE)
        try:
            # lazy: the Enchant library loads when spelling is first used, after the paint
            import enchant
        except (ImportError, OSError) as exc:  # no libenchant-2 on this system
            self.problem = f"the Enchant spelling library is not installed ({exc})"
            return None
        return enchant

    def languages(self) -> list[str]:
        enchant = self._enchant()
        if enchant is None:
            return []
        try:
            found = enchant.list_languages()  # type: ignore[attr-defined]
        except Exception as exc:  # an Enchant provider that fails to load its list
            self.problem = f"the spelling dictionaries could not be listed ({exc})"
            return []
        return sorted({str(tag) for tag in found})

    def load(self, language: str) -> Dictionary | None:
        enchant = self._enchant()
        if enchant is None:
            return None
        try:
            dictionary: Dictionary = enchant.Dict(language)  # type: ignore[attr-defined]
        except Exception as exc:  # enchant.errors.DictNotFoundError, a broken .aff
            self.problem = f"the {language} dictionary could not be loaded ({exc})"
            return None
        return dictionary
