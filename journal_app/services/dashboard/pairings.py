"""Sleep and deep work, paired day by day for the two scatter plots.

- Sleep, then work: the night that ended on a day (its waking day) against that day's
  deep-work hours. Today is left out: its work is not finished.
- Work, then sleep: a day's deep-work hours against the night that followed (the night
  that ended the next morning).

Only days from the journal's first tracked session count (a day before it would pair a
night with work that was never logged); a night not logged leaves its day out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from journal_app.services.dashboard.correlation import Correlation, spearman

NOTE = "Correlation, not cause: a link here does not say that one drives the other."


class Pairing(NamedTuple):
    title: str
    x_label: str
    y_label: str
    days: tuple[dt.date, ...]  # the day of the deep work in each pair
    x: tuple[float, ...]
    y: tuple[float, ...]
    correlation: Correlation


def sleep_then_work(
    days: Sequence[dt.date],
    sleep: Sequence[float | None],
    hours: Sequence[float],
    *,
    first: dt.date,
    last: dt.date,
    today: dt.date,
    since: dt.date | None,
) -> Pairing:
    """Last night's sleep (x) against the day's deep work (y), for days in first..last
    (`days` consecutive)."""
    lo, hi = _span(days, first, last, since)
    picked: list[tuple[dt.date, float, float]] = []
    for i in range(lo, hi):
        night = sleep[i]
        if night is not None and days[i] < today:
            picked.append((days[i], night, hours[i]))
    return _pairing(
        "Sleep, then deep work",
        "sleep the night before (h)",
        "deep work that day (h)",
        picked,
        x_name="sleep the night before",
        y_name="deep work",
    )


def work_then_sleep(
    days: Sequence[dt.date],
    sleep: Sequence[float | None],
    hours: Sequence[float],
    *,
    first: dt.date,
    last: dt.date,
    since: dt.date | None,
) -> Pairing:
    """A day's deep work (x) against the following night's sleep (y), days in first..last
    (`days` consecutive: the night after days[i] is sleep[i + 1])."""
    lo, hi = _span(days, first, last, since)
    picked: list[tuple[dt.date, float, float]] = []
    for i in range(lo, min(hi, len(days) - 1)):
        night = sleep[i + 1]
        if night is not None:
            picked.append((days[i], hours[i], night))
    return _pairing(
        "Deep work, then sleep",
        "deep work that day (h)",
        "sleep the night after (h)",
        picked,
        x_name="deep work",
        y_name="sleep the night after",
    )


def _span(
    days: Sequence[dt.date], first: dt.date, last: dt.date, since: dt.date | None
) -> tuple[int, int]:
    """The indexes of the days in first..last from `since` on (consecutive `days`)."""
    if not days or since is None:
        return 0, 0
    lo = max(0, (max(first, since) - days[0]).days)
    return lo, max(lo, min(len(days), (last - days[0]).days + 1))


def _pairing(
    title: str,
    x_label: str,
    y_label: str,
    picked: list[tuple[dt.date, float, float]],
    *,
    x_name: str,
    y_name: str,
) -> Pairing:
    xs = tuple(p[1] for p in picked)
    ys = tuple(p[2] for p in picked)
    return Pairing(
        title=title,
        x_label=x_label,
        y_label=y_label,
        days=tuple(p[0] for p in picked),
        x=xs,
        y=ys,
        correlation=spearman(xs, ys, x_name=x_name, y_name=y_name),
    )
