"""DashboardService: reads the journal's tracking once into a History, and answers
ranges and figures from it (services.dashboard)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from journal_app.services.clock import Clock
from journal_app.services.dashboard import queries
from journal_app.services.dashboard.figures import RangeFigures, range_figures
from journal_app.services.dashboard.history import DashboardSettings, History
from journal_app.services.dashboard.ledger import SkillCurve, skill_curves
from journal_app.services.dashboard.output_weeks import OutputLike, output_weeks
from journal_app.services.dashboard.ranges import DateRange, resolve_range
from journal_app.services.dashboard.rolling import rolling_mean, rolling_share
from journal_app.services.dashboard.sleep_debt import sleep_debt
from journal_app.services.dashboard.streaks import streak_figures
from journal_app.services.dashboard.weekly import weekly_totals
from journal_app.services.tracking import daily
from journal_app.services.tracking.settings import SettingsService
from journal_app.services.tracking.skills import SkillService
from journal_app.services.tracking.stats import DailySeries, StatsService
from journal_app.services.tracking.timeutil import check_day, local_date


class DashboardService:
    def __init__(
        self,
        clock: Clock,
        tz: dt.tzinfo,
        *,
        stats: StatsService,
        skills: SkillService,
        settings: SettingsService,
    ) -> None:
        self._clock = clock
        self._tz = tz
        self._stats = stats
        self._skills = skills
        self._settings = settings

    def today(self) -> dt.date:
        return local_date(self._clock(), self._tz)

    def history(self, today: dt.date | None = None) -> History:
        """Every day from the first tracked one (session, night or output) to today."""
        day = self.today() if today is None else check_day(today)
        stored = self._settings.get()
        settings = DashboardSettings(
            sleep_target_hours=stored.sleep_target_hours,
            streak_min_hours=stored.streak_min_hours,
            weekly_target_hours=stored.weekly_target_hours,
            daily_target_hours=stored.daily_target_hours,
        )
        since = self._stats.first_day()
        made = queries.outputs_until(day)
        starts = [d for d in (since, queries.first_log_day(day)) if d is not None]
        starts += [o.day for o in made[:1]]
        first = min([*starts, day])
        ledgers = self._skills.ledgers(day)
        by_side: dict[daily.DayKey, float] | None = None
        per_skill: dict[daily.DayKey, float] = {}
        if ledgers:  # the skill curves too: both splits from one read of the sessions
            by_side, per_skill = daily.side_and_skill(first, day, self._tz)
        series = self._stats.series(first, day, by_side)
        return compose_history(
            series,
            today=day,
            since=since,
            qualities=queries.sleep_qualities(day),
            outputs=made,
            skills=skill_curves(ledgers, series.days, per_skill),
            settings=settings,
        )

    @staticmethod
    def range(history: History, kind: str, custom: Sequence[dt.date] | None = None) -> DateRange:
        """The days a range choice covers ("all" starts at the history's first day)."""
        pair = None if custom is None else (custom[0], custom[1])
        return resolve_range(kind, history.today, first_day=history.first, custom=pair)

    @staticmethod
    def figures(history: History, rng: DateRange) -> RangeFigures:
        return range_figures(history, rng)


def compose_history(
    series: DailySeries,
    *,
    today: dt.date,
    since: dt.date | None,
    qualities: Mapping[dt.date, int],
    outputs: Sequence[OutputLike],
    skills: tuple[SkillCurve, ...] = (),
    settings: DashboardSettings,
) -> History:
    """Every figure of the History from the plain daily series (no database; tests
    feed it made-up days)."""
    days = series.days
    first, last = series.first, series.last
    made = [o for o in outputs if first <= o.day <= last]
    counts = dict.fromkeys(days, 0)
    words = dict.fromkeys(days, 0)
    for output in made:
        counts[output.day] += 1
        words[output.day] += output.words or 0
    runs = streak_figures(days, series.total, min_hours=settings.streak_min_hours, today=today)
    return History(
        today=today,
        since=since if since is not None and since <= today else None,
        days=days,
        production=series.production,
        consumption=series.consumption,
        other=series.other,
        total=series.total,
        average=rolling_mean(series.total),
        sleep=series.sleep,
        quality=tuple(qualities.get(d) for d in days),
        sleep_debt=sleep_debt(series.sleep, settings.sleep_target_hours),
        production_share=rolling_share(series.production, series.consumption),
        output_count=tuple(counts.values()),
        output_words=tuple(words.values()),
        weeks=weekly_totals(days, series.total, goal=settings.weekly_target_hours, today=today),
        outputs=output_weeks(made, first, last),
        outputs_monthly=output_weeks(made, first, last, "month"),
        skills=skills,
        settings=settings,
        streak_current=runs.current,
        streak_longest=runs.longest,
    )
