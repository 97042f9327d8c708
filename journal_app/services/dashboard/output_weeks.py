"""Output per week: how many things were made and how many words, by kind. An output
counts in the week of its date, whatever its status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from journal_app.services.dashboard.weekly import monday
from journal_app.services.tracking.outputs import KINDS


class OutputLike(Protocol):
    @property
    def day(self) -> dt.date: ...
    @property
    def kind(self) -> str: ...
    @property
    def words(self) -> int | None: ...


@dataclass(frozen=True)
class OutputWeeks:
    weeks: tuple[dt.date, ...]  # consecutive Mondays
    kinds: tuple[str, ...]  # every kind, in KINDS order (then unknown ones)
    counts: Mapping[str, tuple[int, ...]]  # kind -> one number per week
    words: Mapping[str, tuple[int, ...]]

    def index_of(self, day: dt.date) -> int | None:
        """The position of the week holding `day`, if it is covered."""
        if not self.weeks:
            return None
        index = (monday(day) - self.weeks[0]).days // 7
        return index if 0 <= index < len(self.weeks) else None

    def total_count(self, index: int) -> int:
        return sum(self.counts[k][index] for k in self.kinds)

    def total_words(self, index: int) -> int:
        return sum(self.words[k][index] for k in self.kinds)

    def totals_between(self, first: dt.date, last: dt.date) -> tuple[int, int]:
        """(outputs, words) of the weeks whose Monday is in `first`..`last`'s weeks."""
        lo, hi = monday(first), monday(last)
        chosen = [i for i, w in enumerate(self.weeks) if lo <= w <= hi]
        return sum(self.total_count(i) for i in chosen), sum(self.total_words(i) for i in chosen)


def output_weeks(outputs: Iterable[OutputLike], first: dt.date, last: dt.date) -> OutputWeeks:
    """Counts and words per kind for every week from `first`'s to `last`'s (outputs
    dated outside are left out; an output without a word count adds no words)."""
    start, end = monday(first), monday(last)
    weeks = tuple(start + dt.timedelta(weeks=i) for i in range((end - start).days // 7 + 1))
    chosen = [o for o in outputs if first <= o.day <= last]
    kinds = tuple(KINDS) + tuple(sorted({o.kind for o in chosen} - set(KINDS)))
    counts = {k: [0] * len(weeks) for k in kinds}
    words = {k: [0] * len(weeks) for k in kinds}
    for output in chosen:
        index = (monday(output.day) - start).days // 7
        counts[output.kind][index] += 1
        words[output.kind][index] += output.words or 0
    return OutputWeeks(
        weeks=weeks,
        kinds=kinds,
        counts={k: tuple(v) for k, v in counts.items()},
        words={k: tuple(v) for k, v in words.items()},
    )
