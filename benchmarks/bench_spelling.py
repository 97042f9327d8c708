"""Spell-check figures (issue #18), measured in a child process with an offscreen
QApplication, the system's en_US dictionary through pyenchant (what the app uses).

- spellcheck_2000_words_ms: median time to check the whole ~2,000-word sample entry of
  bench_preview.py as the editor does when it opens it: every line highlighted with spell
  check on (``MarkdownHighlighter.rehighlight``), with a fresh checker each run (no word
  cached yet; the dictionary loaded).
- typing_spellcheck_ms: median time of one keystroke (key press handled, the line
  re-highlighted and re-checked, events processed) typing a sentence into the middle of
  that entry with spell check on; typing_ms is the same with it off, for comparison.

Informational: spellcheck_words_only_ms (the checker alone over every line, no Qt),
spellcheck_highlight_off_ms (the same rehighlight without spell check),
spellcheck_dictionary_load_ms (loading en_US once), spellcheck_suggest_ms (suggestions
for one misspelled word, what a right-click costs), spellcheck_misspelled (words
underlined in the sample).

    python benchmarks/bench_spelling.py [--quick]      # standalone: prints the JSON
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from standalone import StandaloneContext, report, run_child

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUDGET = {"spellcheck_2000_words_ms": 50.0, "typing_spellcheck_ms": 16.0}
KEYS = (
    *BUDGET,
    "typing_ms",
    "spellcheck_words_only_ms",
    "spellcheck_highlight_off_ms",
    "spellcheck_dictionary_load_ms",
    "spellcheck_suggest_ms",
    "spellcheck_misspelled",
)
TIMEOUT_S = 180.0
SENTENCE = "Then I recieved the gradient and wrote it down. "


def _child(runs: int) -> dict[str, Any]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from bench_preview import sample_entry
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0], "-style", "fusion"])
    from journal_app.services.spelling.backend import EnchantProvider
    from journal_app.services.spelling.checker import SpellChecker, WordLists
    from journal_app.ui.journal.editor import MarkdownEditor

    start = time.perf_counter()
    dictionary = EnchantProvider().load("en_US")
    load_ms = (time.perf_counter() - start) * 1000
    if dictionary is None:
        raise SystemExit("no en_US dictionary: install libenchant-2-2 and hunspell-en-us")

    class Spelling:  # what ui/journal/spelling.py hands the editor, without a journal
        def __init__(self) -> None:
            self.checker = SpellChecker("en_US", dictionary, WordLists())

        def misspelled(self, line: str) -> list[tuple[int, int]]:
            return self.checker.misspelled(line)

        def suggest(self, word: str) -> list[str]:
            return self.checker.suggest(word)

        def add_word(self, word: str) -> None: ...

        def ignore_word(self, word: str) -> None: ...

    text = sample_entry()
    editor = MarkdownEditor()
    editor.resize(900, 1000)
    editor.show()
    editor.set_text(text)
    app.processEvents()
    highlighter = editor.highlighter
    assert highlighter is not None

    whole, off, words_only = [], [], []
    for _ in range(runs):
        spelling = Spelling()
        editor.set_spell_check(None)
        start = time.perf_counter()
        highlighter.rehighlight()
        off.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        editor.set_spell_check(spelling)  # rehighlights every line, checking each
        whole.append((time.perf_counter() - start) * 1000)
        fresh = SpellChecker("en_US", dictionary, WordLists())
        start = time.perf_counter()
        misspelled = sum(len(fresh.misspelled(line)) for line in text.split("\n"))
        words_only.append((time.perf_counter() - start) * 1000)

    start = time.perf_counter()
    Spelling().suggest("recieved")
    suggest_ms = (time.perf_counter() - start) * 1000

    def typing(spell: Any) -> float:
        editor.set_text(text)
        editor.set_spell_check(spell)
        cursor = editor.textCursor()
        cursor.setPosition(text.index("\n\n", len(text) // 2))  # the end of a paragraph
        editor.setTextCursor(cursor)
        app.processEvents()
        keys: list[float] = []
        for _ in range(max(1, runs // 10)):
            for char in SENTENCE:
                begin = time.perf_counter()
                QTest.keyClicks(editor, char)
                app.processEvents()
                keys.append((time.perf_counter() - begin) * 1000)
        return statistics.median(keys)

    typing_off = typing(None)
    typing_on = typing(Spelling())
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    return {
        "spellcheck_2000_words_ms": round(statistics.median(whole), 2),
        "typing_spellcheck_ms": round(typing_on, 3),
        "typing_ms": round(typing_off, 3),
        "spellcheck_words_only_ms": round(statistics.median(words_only), 2),
        "spellcheck_highlight_off_ms": round(statistics.median(off), 2),
        "spellcheck_dictionary_load_ms": round(load_ms, 1),
        "spellcheck_suggest_ms": round(suggest_ms, 1),
        "spellcheck_misspelled": misspelled,
    }


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def measure_spelling(ctx: Any) -> dict[str, Any]:
    """Every key is returned; on failure they are null and ctx.error says why."""
    figures: dict[str, Any] = dict.fromkeys(KEYS)
    runs = 11 if ctx.quick else 31
    measured = run_child(ctx, "spelling", __file__, runs, TIMEOUT_S)
    if measured is None:
        return figures
    figures.update(measured)
    _log(
        f"spelling: whole entry {figures['spellcheck_2000_words_ms']} ms (highlighting alone "
        f"{figures['spellcheck_highlight_off_ms']}), a keystroke {figures['typing_spellcheck_ms']}"
        f" ms (off: {figures['typing_ms']})"
    )
    return figures


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        print(json.dumps(_child(int(argv[1]))), flush=True)
        return 0
    ctx = StandaloneContext(quick="--quick" in argv)
    return report(measure_spelling(ctx), BUDGET, ctx)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
