"""The figures of one range, computed from a loaded History alone (no database), so a
range change costs a few milliseconds even on ten years."""

from __future__ import annotations

import math
from typing import NamedTuple

from journal_app.services.dashboard.heatmap import Heatmap, heatmap
from journal_app.services.dashboard.history import History
from journal_app.services.dashboard.pairings import Pairing, sleep_then_work, work_then_sleep
from journal_app.services.dashboard.ranges import DateRange
from journal_app.services.dashboard.rolling import share
from journal_app.services.dashboard.streaks import Streaks, counts
from journal_app.services.dashboard.weekly import WeekTotal, weeks_overlapping


class RangeFigures(NamedTuple):
    range: DateRange
    tracked_days: int  # days of the range from the journal's first day through today
    total_hours: float
    production_hours: float
    consumption_hours: float
    other_hours: float
    average_hours: float | None  # per tracked day
    production_share: float | None  # production / (production + consumption), 0..1
    sleep_average: float | None  # over the logged nights
    nights_logged: int
    sleep_debt: float | None  # at the range's last night up to today (see sleep_debt.py)
    streaks: Streaks
    weeks: tuple[WeekTotal, ...]  # calendar weeks touching the range, whole-week totals
    weeks_met: int  # finished weeks among them that reached the goal
    weeks_finished: int
    heatmap: Heatmap  # the 53 weeks ending with the range
    sleep_then_work: Pairing
    work_then_sleep: Pairing
    outputs: int  # dated in the range
    words: int


def range_figures(history: History, rng: DateRange) -> RangeFigures:
    h = history
    span = h.span(rng.first, min(rng.last, h.today))
    lo, hi = span.start, span.stop
    production = math.fsum(h.production[lo:hi])
    consumption = math.fsum(h.consumption[lo:hi])
    other = math.fsum(h.other[lo:hi])
    total = math.fsum(h.total[lo:hi])
    nights = [s for s in h.sleep[lo:hi] if s is not None]
    weeks = weeks_overlapping(h.weeks, rng.first, rng.last)
    finished = [w for w in weeks if not w.in_progress and w.start <= h.today]
    tracked = hi - lo
    settings = h.settings
    last_shown = min(rng.last, h.today)
    return RangeFigures(
        range=rng,
        tracked_days=tracked,
        total_hours=total,
        production_hours=production,
        consumption_hours=consumption,
        other_hours=other,
        average_hours=total / tracked if tracked else None,
        production_share=share(production, consumption),
        sleep_average=math.fsum(nights) / len(nights) if nights else None,
        nights_logged=len(nights),
        sleep_debt=h.sleep_debt[hi - 1] if tracked else None,
        streaks=Streaks(
            current=h.streak_current,
            longest=h.streak_longest,
            min_hours=settings.streak_min_hours,
            counted_in_range=sum(1 for v in h.total[lo:hi] if counts(v, settings.streak_min_hours)),
            days_in_range=tracked,
        ),
        weeks=weeks,
        weeks_met=sum(1 for w in finished if w.met),
        weeks_finished=len(finished),
        heatmap=heatmap(
            dict(zip(h.days, h.total, strict=True)),
            last_shown if last_shown >= rng.first else rng.last,
            daily_target=settings.daily_target_hours,
            min_hours=settings.streak_min_hours,
        ),
        sleep_then_work=sleep_then_work(
            h.days, h.sleep, h.total, first=rng.first, last=rng.last, today=h.today, since=h.since
        ),
        work_then_sleep=work_then_sleep(
            h.days, h.sleep, h.total, first=rng.first, last=rng.last, since=h.since
        ),
        outputs=sum(h.output_count[lo:hi]),
        words=sum(h.output_words[lo:hi]),
    )
