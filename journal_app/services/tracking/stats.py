"""The figures of tracking, from one family of functions: the Today view and `journal-app
day D --json` read `day_summary`, the Dashboard and `journal-app stats --json` read
`overall` and `series`; templates read `deep_work_hours` and `sleep_hours`. All of them
sum `daily.daily_seconds` / `daily.nightly_sleep`, so the numbers agree everywhere.

Deep work is the time of all finished sessions; production and consumption split it by
the category's side ("other": sessions without a category). Days are local days in the
service's zone; a session across midnight counts on both days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from peewee import fn

from journal_app.db.models import WorkSession
from journal_app.services.clock import Clock
from journal_app.services.tracking import daily
from journal_app.services.tracking.outputs import OutputData, OutputService
from journal_app.services.tracking.sessions import SessionPart, SessionService
from journal_app.services.tracking.settings import SettingsService
from journal_app.services.tracking.skills import SkillLedger, SkillService
from journal_app.services.tracking.sleep import DayLogData, SleepService
from journal_app.services.tracking.timeutil import check_day, from_storage, local_date

_DIGITS = 6  # hours in JSON: 3.6 ms resolution, no float noise
_SIDE_INDEX = {"production": 0, "consumption": 1}


def _r(value: float | None) -> float | None:
    return None if value is None else round(float(value), _DIGITS)


class DayHours(NamedTuple):
    day: dt.date
    production: float
    consumption: float
    other: float  # sessions without a category

    @property
    def total(self) -> float:
        return self.production + self.consumption + self.other


class DaySummary(NamedTuple):
    date: dt.date
    sleep_hours: float | None  # the night that ended this morning
    deep_work_hours: float
    production_hours: float
    consumption_hours: float
    other_hours: float
    sessions: list[SessionPart]  # this day's parts, in order
    outputs: list[OutputData]
    day_log: DayLogData | None
    week_start: dt.date  # Monday of the day's week
    week_hours: float  # deep work Monday–Sunday of that week
    daily_target_hours: float
    weekly_target_hours: float

    def as_dict(self) -> dict[str, Any]:
        log = self.day_log
        return {
            "date": self.date.isoformat(),
            "sleep_hours": _r(self.sleep_hours),
            "deep_work_hours": _r(self.deep_work_hours),
            "production_hours": _r(self.production_hours),
            "consumption_hours": _r(self.consumption_hours),
            "other_hours": _r(self.other_hours),
            "sleep_quality": None if log is None else log.quality,
            "energy": None if log is None else log.energy,
            "bed": None if log is None or log.bed is None else log.bed.isoformat(),
            "wake": None if log is None or log.wake is None else log.wake.isoformat(),
            "note": "" if log is None else log.note,
            "week_hours": _r(self.week_hours),
            "daily_target_hours": self.daily_target_hours,
            "weekly_target_hours": self.weekly_target_hours,
            "sessions": [p.as_dict() for p in self.sessions],
            "outputs": [o.as_dict() for o in self.outputs],
        }


class OverallStats(NamedTuple):
    today: dt.date
    total_hours: float  # every finished session
    hours_last_7_days: float  # the 7 days ending today, today included
    hours_last_30_days: float
    streak_current: int  # days in a row with deep work, up to today (or yesterday)
    streak_longest: int
    streak_min_hours: float  # how much work makes a day count
    sleep_avg_7_days: float | None  # nights that ended in the last 7 days
    skills: list[SkillLedger]
    first_day: dt.date | None  # of the first session

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "total_hours": _r(self.total_hours),
            "hours_last_7_days": _r(self.hours_last_7_days),
            "hours_last_30_days": _r(self.hours_last_30_days),
            "streak_current": self.streak_current,
            "streak_longest": self.streak_longest,
            "streak_min_hours": self.streak_min_hours,
            "sleep_avg_7_days": _r(self.sleep_avg_7_days),
            "first_day": None if self.first_day is None else self.first_day.isoformat(),
            "skills": [s.as_dict() for s in self.skills],
        }


class DailySeries(NamedTuple):
    """One value per day from `first` to `last` (charts): hours of deep work by side and
    hours slept the night that ended that day (None: not logged)."""

    first: dt.date
    last: dt.date
    days: tuple[dt.date, ...]
    production: tuple[float, ...]
    consumption: tuple[float, ...]
    other: tuple[float, ...]
    total: tuple[float, ...]
    sleep: tuple[float | None, ...]


def streaks(days: Iterable[dt.date], today: dt.date) -> tuple[int, int]:
    """(current, longest) runs of consecutive days among `days` (days after `today` are
    ignored). The current run ends today, or yesterday while today has nothing yet."""
    ordered = sorted({d for d in days if d <= today})
    longest = run = 0
    previous: dt.date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    current = 0
    if ordered and (today - ordered[-1]).days <= 1:
        current = run
    return current, longest


class StatsService:
    def __init__(
        self,
        clock: Clock,
        tz: dt.tzinfo,
        *,
        sessions: SessionService,
        outputs: OutputService,
        sleep: SleepService,
        skills: SkillService,
        settings: SettingsService,
    ) -> None:
        self._clock = clock
        self._tz = tz
        self._sessions = sessions
        self._outputs = outputs
        self._sleep = sleep
        self._skills = skills
        self._settings = settings

    def today(self) -> dt.date:
        return local_date(self._clock(), self._tz)

    # ------------------------------------------------------------------ per day

    def day_hours(
        self,
        first: dt.date,
        last: dt.date,
        by_side: dict[tuple[dt.date, Any], float] | None = None,
    ) -> list[DayHours]:
        """Every day from `first` to `last`, zeros included (`by_side`: the days'
        `daily.daily_seconds` by side when the caller read them already)."""
        by_day = self._hours_by_day(first, last, by_side)
        found: list[DayHours] = []
        for offset in range((last - first).days + 1):
            day = first + dt.timedelta(days=offset)
            production, consumption, other = by_day.get(day, (0.0, 0.0, 0.0))
            found.append(DayHours(day, production, consumption, other))
        return found

    def _hours_by_day(
        self, first: dt.date, last: dt.date, by_side: dict[tuple[dt.date, Any], float] | None
    ) -> dict[dt.date, list[float]]:
        """{day: [production, consumption, other hours]} of the days with any."""
        check_day(first)
        check_day(last)
        if by_side is None:
            by_side = daily.daily_seconds(first, last, self._tz)
        by_day: dict[dt.date, list[float]] = {}
        for (day, side), seconds in by_side.items():
            sums = by_day.setdefault(day, [0.0, 0.0, 0.0])
            sums[_SIDE_INDEX.get(side, 2)] += seconds / 3600
        return by_day

    def series(
        self,
        first: dt.date,
        last: dt.date,
        by_side: dict[tuple[dt.date, Any], float] | None = None,
    ) -> DailySeries:
        """Daily hours by side and sleep per night for the Dashboard's charts
        (`by_side` as for day_hours). The columns straight from the sums: ten years of
        DayHours cost more than the rest of the series."""
        by_day = self._hours_by_day(first, last, by_side)
        nights = daily.nightly_sleep(first, last)
        days = tuple(first + dt.timedelta(days=i) for i in range((last - first).days + 1))
        zero = (0.0, 0.0, 0.0)
        hours = [by_day.get(day, zero) for day in days]
        return DailySeries(
            first=first,
            last=last,
            days=days,
            production=tuple(h[0] for h in hours),
            consumption=tuple(h[1] for h in hours),
            other=tuple(h[2] for h in hours),
            total=tuple(h[0] + h[1] + h[2] for h in hours),  # as DayHours.total adds
            sleep=tuple(nights.get(day) for day in days),
        )

    def day_summary(self, day: dt.date) -> DaySummary:
        """Everything the Today view shows for `day` (and `day D --json`)."""
        check_day(day)
        hours = self.day_hours(day, day)[0]
        monday = day - dt.timedelta(days=day.weekday())
        week = daily.daily_seconds(monday, monday + dt.timedelta(days=6), self._tz, key="none")
        settings = self._settings.get()
        log = self._sleep.get(day)
        return DaySummary(
            date=day,
            sleep_hours=None if log is None else log.sleep_hours,
            deep_work_hours=hours.total,
            production_hours=hours.production,
            consumption_hours=hours.consumption,
            other_hours=hours.other,
            sessions=self._sessions.for_day(day),
            outputs=self._outputs.for_day(day),
            day_log=log,
            week_start=monday,
            week_hours=sum(week.values()) / 3600,
            daily_target_hours=settings.daily_target_hours,
            weekly_target_hours=settings.weekly_target_hours,
        )

    # ------------------------------------------------------------------ overall

    def overall(self, today: dt.date | None = None) -> OverallStats:
        """The Dashboard's headline figures (and `stats --json`)."""
        day = self.today() if today is None else check_day(today)
        settings = self._settings.get()
        first = self.first_day()
        per_day: dict[dt.date, float] = {}
        if first is not None and first <= day:
            for (d, _), seconds in daily.daily_seconds(first, day, self._tz, key="none").items():
                per_day[d] = per_day.get(d, 0.0) + seconds / 3600

        def since(days: int) -> float:
            start = day - dt.timedelta(days=days - 1)
            return sum((h for d, h in per_day.items() if start <= d <= day), 0.0)

        threshold = settings.streak_min_hours
        worked = [d for d, h in per_day.items() if h > 0 and h >= threshold - 1e-9]
        current, longest = streaks(worked, day)
        nights = daily.nightly_sleep(day - dt.timedelta(days=6), day)
        total = sum(daily.total_seconds("none").values()) / 3600
        return OverallStats(
            today=day,
            total_hours=total,
            hours_last_7_days=since(7),
            hours_last_30_days=since(30),
            streak_current=current,
            streak_longest=longest,
            streak_min_hours=threshold,
            sleep_avg_7_days=sum(nights.values()) / len(nights) if nights else None,
            skills=self._skills.ledgers(day),
            first_day=first,
        )

    def first_day(self) -> dt.date | None:
        """The local day of the first finished session."""
        earliest = (
            WorkSession.select(fn.MIN(WorkSession.start))
            .where(WorkSession.end.is_null(False), WorkSession.end > WorkSession.start)
            .scalar()
        )
        if earliest is None:
            return None
        if isinstance(earliest, str):
            earliest = dt.datetime.fromisoformat(earliest)
        return local_date(from_storage(earliest), self._tz)

    # ------------------------------------------------------------------ templates

    def deep_work_hours(self, first: dt.date, days: int = 1) -> float | None:
        """Hours of deep work on the `days` days from `first`; None when nothing is
        logged (templates show "—")."""
        last = first + dt.timedelta(days=days - 1)
        seconds = daily.daily_seconds(first, last, self._tz, key="none")
        return sum(seconds.values()) / 3600 if seconds else None

    def sleep_hours(self, first: dt.date, days: int = 1) -> list[float]:
        """Hours slept for each logged night that ended on one of the days."""
        nights = daily.nightly_sleep(first, first + dt.timedelta(days=days - 1))
        return [nights[d] for d in sorted(nights)]
