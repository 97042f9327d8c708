"""Output per week (or month): how many things were made and how many words, by kind.
An output counts in the week of its date, whatever its status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import NamedTuple, Protocol

from journal_app.services.dashboard.buckets import bucket_start, next_start
from journal_app.services.tracking.outputs import KINDS


class OutputLike(Protocol):
    @property
    def day(self) -> dt.date: ...
    @property
    def kind(self) -> str: ...
    @property
    def words(self) -> int | None: ...


class OutputWeeks(NamedTuple):
    weeks: tuple[dt.date, ...]  # consecutive Mondays (or firsts of months)
    kinds: tuple[str, ...]  # every kind, in KINDS order (then unknown ones)
    counts: Mapping[str, tuple[int, ...]]  # kind -> one number per week
    words: Mapping[str, tuple[int, ...]]
    size: str = "week"  # or "month"

    def index_of(self, day: dt.date) -> int | None:
        """The position of the week (month) holding `day`, if it is covered."""
        if not self.weeks:
            return None
        start = bucket_start(day, self.size)
        if self.size == "week":
            index = (start - self.weeks[0]).days // 7
        else:
            first = self.weeks[0]
            index = (start.year - first.year) * 12 + start.month - first.month
        return index if 0 <= index < len(self.weeks) else None

    def total_count(self, index: int) -> int:
        return sum(self.counts[k][index] for k in self.kinds)

    def total_words(self, index: int) -> int:
        return sum(self.words[k][index] for k in self.kinds)

    def totals_between(self, first: dt.date, last: dt.date) -> tuple[int, int]:
        """(outputs, words) of the weeks from `first`'s through `last`'s."""
        lo, hi = bucket_start(first, self.size), bucket_start(last, self.size)
        chosen = [i for i, w in enumerate(self.weeks) if lo <= w <= hi]
        return sum(self.total_count(i) for i in chosen), sum(self.total_words(i) for i in chosen)


def output_weeks(
    outputs: Iterable[OutputLike], first: dt.date, last: dt.date, size: str = "week"
) -> OutputWeeks:
    """Counts and words per kind for every week (or month) from `first`'s to `last`'s
    (outputs dated outside are left out; one without a word count adds no words)."""
    start, end = bucket_start(first, size), bucket_start(last, size)
    periods = [start]
    while periods[-1] < end:
        periods.append(next_start(periods[-1], size))
    position = {p: i for i, p in enumerate(periods)}
    chosen = [o for o in outputs if first <= o.day <= last]
    kinds = tuple(KINDS) + tuple(sorted({o.kind for o in chosen} - set(KINDS)))
    counts = {k: [0] * len(periods) for k in kinds}
    words = {k: [0] * len(periods) for k in kinds}
    for output in chosen:
        index = position[bucket_start(output.day, size)]
        counts[output.kind][index] += 1
        words[output.kind][index] += output.words or 0
    return OutputWeeks(
        weeks=tuple(periods),
        kinds=kinds,
        counts={k: tuple(v) for k, v in counts.items()},
        words={k: tuple(v) for k, v in words.items()},
        size=size,
    )
