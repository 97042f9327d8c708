"""A running word count of a QTextDocument, kept per line as the text changes.

Recounting a 10 MB entry on every keystroke would freeze typing, so each line's count is
stored and only the lines an edit touched are counted again (``text_stats`` counts add up
line by line). A change spanning many lines (loading an entry, a huge paste) marks the
tally stale instead; ``words()`` recounts it once, from one copy of the text.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from journal_app.text_stats import word_count

BULK_LINES = 2000  # a change touching more lines than this is recounted lazily


class WordTally:
    def __init__(self, document: QTextDocument) -> None:
        self._doc = document
        self._lines: list[int] = []
        self._total = 0
        self._stale = True
        document.contentsChange.connect(self._on_contents_change)

    def words(self) -> int:
        if self._stale:
            self._recount()
        return self._total

    def invalidate(self) -> None:
        self._stale = True

    def _recount(self) -> None:
        raw = self._doc.toRawText()
        self._lines = [word_count(line) for line in raw.split("\u2029")]
        self._total = sum(self._lines)
        self._stale = len(self._lines) != self._doc.blockCount()  # never expected

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._stale:
            return
        doc = self._doc
        first = doc.findBlock(position)
        last = doc.findBlock(position + added)
        if not last.isValid():
            last = doc.lastBlock()
        if not first.isValid():
            first = doc.firstBlock()
        start, stop = first.blockNumber(), last.blockNumber()
        old_stop = stop - (doc.blockCount() - len(self._lines))
        if stop - start > BULK_LINES or old_stop < start - 1 or old_stop >= len(self._lines):
            self._stale = True
            return
        counts = []
        block = first
        while True:
            counts.append(word_count(block.text()))
            if block == last:
                break
            block = block.next()
        self._total += sum(counts) - sum(self._lines[start : old_stop + 1])
        self._lines[start : old_stop + 1] = counts
