"""Everything the Dashboard draws, day by day over the whole journal: read once, then
sliced for any range without touching the database again (a range change only
recomputes `figures.range_figures`)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from journal_app.services.dashboard.buckets import Buckets, bucket_means
from journal_app.services.dashboard.ledger import SkillCurve
from journal_app.services.dashboard.output_weeks import OutputWeeks
from journal_app.services.dashboard.weekly import WeekTotal


class DashboardSettings(NamedTuple):
    sleep_target_hours: float  # the nightly target sleep debt is counted against
    streak_min_hours: float  # a day counts toward a streak from this much deep work
    weekly_target_hours: float  # the weekly goal
    daily_target_hours: float  # shades the calendar


class DayValues(NamedTuple):
    """One day's figures, as the hover read-out shows them."""

    day: dt.date
    production: float
    consumption: float
    other: float
    total: float
    average: float | None  # deep work, 7 days ending this day
    sleep: float | None  # the night that ended this morning
    quality: int | None  # of that night, 1-5
    sleep_debt: float | None
    production_share: float | None  # 28 days ending this day, 0..1
    outputs: int  # dated this day
    words: int
    week_outputs: int  # in this day's calendar week
    week_words: int


class History(NamedTuple):
    """Consecutive days `days[0]`..today (from the first session, night or output)."""

    today: dt.date
    since: dt.date | None  # the day of the first tracked session; None: none yet
    days: tuple[dt.date, ...]
    production: tuple[float, ...]  # hours of deep work by side
    consumption: tuple[float, ...]
    other: tuple[float, ...]  # sessions without a category
    total: tuple[float, ...]
    average: tuple[float | None, ...]  # 7-day rolling mean of total
    sleep: tuple[float | None, ...]  # hours, the night ending that day
    quality: tuple[int | None, ...]
    sleep_debt: tuple[float | None, ...]
    production_share: tuple[float | None, ...]  # 28-day rolling, 0..1
    output_count: tuple[int, ...]  # outputs dated that day
    output_words: tuple[int, ...]
    weeks: tuple[WeekTotal, ...]  # every calendar week of `days`
    outputs: OutputWeeks  # per week and kind
    outputs_monthly: OutputWeeks  # per month and kind (charts zoomed far out)
    skills: tuple[SkillCurve, ...]
    settings: DashboardSettings
    streak_current: int  # days in a row counted, up to today (or yesterday)
    streak_longest: int  # the longest run ever

    @property
    def first(self) -> dt.date:
        return self.days[0]

    @property
    def last(self) -> dt.date:
        return self.days[-1]

    @property
    def empty(self) -> bool:
        """Nothing tracked at all: no session, night or output."""
        return (
            self.since is None and all(s is None for s in self.sleep) and not any(self.output_count)
        )

    def buckets(self, size: str) -> Buckets:
        """Weekly or monthly means of the daily series, for charts zoomed far out."""
        return bucket_means(
            self.days,
            {
                "production": self.production,
                "consumption": self.consumption,
                "other": self.other,
                "total": self.total,
                "sleep": self.sleep,
                "quality": [None if q is None else float(q) for q in self.quality],
                "sleep_debt": self.sleep_debt,
                "production_share": self.production_share,
            },
            size,
        )

    def index_of(self, day: dt.date) -> int | None:
        index = (day - self.days[0]).days
        return index if 0 <= index < len(self.days) else None

    def span(self, first: dt.date, last: dt.date) -> range:
        """The indexes of the days of `first`..`last` that the history holds."""
        lo = max(0, (first - self.days[0]).days)
        hi = min(len(self.days), (last - self.days[0]).days + 1)
        return range(lo, max(lo, hi))

    def values(self, day: dt.date) -> DayValues | None:
        i = self.index_of(day)
        if i is None:
            return None
        week = self.outputs.index_of(day)
        return DayValues(
            day=day,
            production=self.production[i],
            consumption=self.consumption[i],
            other=self.other[i],
            total=self.total[i],
            average=self.average[i],
            sleep=self.sleep[i],
            quality=self.quality[i],
            sleep_debt=self.sleep_debt[i],
            production_share=self.production_share[i],
            outputs=self.output_count[i],
            words=self.output_words[i],
            week_outputs=0 if week is None else self.outputs.total_count(week),
            week_words=0 if week is None else self.outputs.total_words(week),
        )
