"""The 10,000-hour ledger over time: per skill, the hours done so far (baseline
included) on every day, and the straight road to the target at the 4-week pace."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from journal_app.services.tracking.skills import SkillLedger


class SkillCurve(NamedTuple):
    ledger: SkillLedger  # the figures: total, pace, projected date (skills.ledgers)
    days: tuple[dt.date, ...]
    cumulative: tuple[float, ...]  # baseline + hours logged up to and including each day

    @property
    def name(self) -> str:
        return self.ledger.name

    @property
    def projection(self) -> tuple[tuple[dt.date, float], tuple[dt.date, float]] | None:
        """From (today, total) to (projected date, target); None when reached or when
        there was no work in the last four weeks."""
        ledger = self.ledger
        if ledger.projected_date is None:
            return None
        return (ledger.today, ledger.total_hours), (ledger.projected_date, ledger.target_hours)

    def needed_per_day(self, by: dt.date) -> float:
        """Hours a day from today through `by` to reach the target (InvalidInput for a
        day before today)."""
        return self.ledger.hours_per_day_to_reach(by)


def skill_curves(
    ledgers: Sequence[SkillLedger],
    days: Sequence[dt.date],
    seconds: Mapping[tuple[dt.date, Any], float],
) -> tuple[SkillCurve, ...]:
    """One curve per ledger; `seconds` is {(day, skill id): seconds of deep work}."""
    curves = []
    for ledger in ledgers:
        daily = (seconds.get((day, ledger.id), 0.0) / 3600 for day in days)
        cumulative = tuple(itertools.accumulate(daily, initial=ledger.baseline_hours))[1:]
        curves.append(SkillCurve(ledger, tuple(days), cumulative))
    return tuple(curves)
