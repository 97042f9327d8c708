"""Skills ("Machine learning") with a target (10,000 h by default) and a baseline of hours
done before the app, and the ledger per skill: total, last 7/30 days, the date the
target is reached at the last four weeks' pace, the daily hours needed by a chosen date.
"""

from __future__ import annotations

import builtins
import datetime as dt
import math
from typing import Any, NamedTuple

from journal_app.db.models import Skill, WorkSession
from journal_app.errors import InvalidInput
from journal_app.services.clock import Clock
from journal_app.services.common import UNSET, Unset, atomic, get_row
from journal_app.services.rows import rows
from journal_app.services.tracking import daily
from journal_app.services.tracking.common import check_hours, check_name
from journal_app.services.tracking.timeutil import check_day, local_date, to_storage

DEFAULT_TARGET_HOURS = 10_000.0
PACE_DAYS = 28  # "the 4-week pace"
REACH_BY_YEARS = 10  # "10,000 hours in ten years": the date a "reach it by" starts at
MAX_TARGET_HOURS = 1_000_000.0


class SkillData(NamedTuple):
    id: int
    name: str
    target_hours: float
    baseline_hours: float


class SkillLedger(NamedTuple):
    id: int
    name: str
    target_hours: float
    baseline_hours: float
    logged_hours: float  # sessions linked to the skill
    total_hours: float  # baseline + logged
    hours_last_7_days: float  # the 7 days ending `today`, today included
    hours_last_30_days: float
    pace_hours_per_day: float  # average over the last 28 days
    remaining_hours: float  # 0 once the target is reached
    projected_date: dt.date | None  # None: reached, or no work in the last 4 weeks
    today: dt.date

    @property
    def reached(self) -> bool:
        return self.remaining_hours <= 0

    @property
    def progress(self) -> float:
        """Share of the target done, 0..1."""
        return 1.0 if self.target_hours <= 0 else min(1.0, self.total_hours / self.target_hours)

    def hours_per_day_to_reach(self, by: dt.date) -> float:
        """Hours a day needed from today through `by` (both included) to reach the target."""
        check_day(by, "the date to reach the target")
        if by < self.today:
            raise InvalidInput("pick a date from today on")
        return self.remaining_hours / ((by - self.today).days + 1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "target_hours": self.target_hours,
            "baseline_hours": self.baseline_hours,
            "logged_hours": round(self.logged_hours, 6),
            "total_hours": round(self.total_hours, 6),
            "hours_last_7_days": round(self.hours_last_7_days, 6),
            "hours_last_30_days": round(self.hours_last_30_days, 6),
            "pace_hours_per_day": round(self.pace_hours_per_day, 6),
            "remaining_hours": round(self.remaining_hours, 6),
            "projected_date": None
            if self.projected_date is None
            else self.projected_date.isoformat(),
        }


def default_reach_by(today: dt.date) -> dt.date:
    """The date every "reach the target by" picker starts at (the Skills tab and the
    Dashboard's ledger): one answer, so both show the same hours a day."""
    try:
        return today.replace(year=today.year + REACH_BY_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + REACH_BY_YEARS, day=28)


def project(remaining: float, pace: float, today: dt.date) -> dt.date | None:
    """The day the remaining hours are done at `pace` hours a day (None if never)."""
    if remaining <= 0 or pace <= 0:
        return None
    days = math.ceil(remaining / pace - 1e-9)
    if days > (dt.date.max - today).days:
        return None
    return today + dt.timedelta(days=days)


def _data(row: Any) -> SkillData:
    return SkillData(row.id, row.name, float(row.target_hours), float(row.baseline_hours))


class SkillService:
    def __init__(self, clock: Clock, tz: dt.tzinfo) -> None:
        self._clock = clock
        self._tz = tz

    # ------------------------------------------------------------------ editing

    def list(self) -> list[SkillData]:
        return sorted((_data(s) for s in Skill.select()), key=lambda s: s.name.casefold())

    def get(self, skill_id: int) -> SkillData:
        return _data(self._row(skill_id))

    def find(self, name: str) -> SkillData | None:
        wanted = check_name(name, "a skill name").casefold()
        return next((s for s in self.list() if s.name.casefold() == wanted), None)

    def ensure(self, name: str) -> SkillData:
        """The skill called `name`, created with the default target if new (CLI)."""
        found = self.find(name)
        return found if found is not None else self.add(name)

    def add(
        self,
        name: str,
        *,
        target_hours: float = DEFAULT_TARGET_HOURS,
        baseline_hours: float = 0.0,
    ) -> SkillData:
        name = check_name(name, "a skill name")
        target = _check_target(target_hours)
        baseline = check_hours(baseline_hours, "the baseline", high=MAX_TARGET_HOURS)
        with atomic():
            self._check_free(name)
            row = Skill.create(
                name=name,
                target_hours=target,
                baseline_hours=baseline,
                created_at=to_storage(self._clock()),
            )
        return _data(row)

    def update(
        self,
        skill_id: int,
        *,
        name: str | Unset = UNSET,
        target_hours: float | Unset = UNSET,
        baseline_hours: float | Unset = UNSET,
    ) -> SkillData:
        values: dict[str, Any] = {}
        if name is not UNSET:
            values["name"] = check_name(name, "a skill name")
        if target_hours is not UNSET:
            values["target_hours"] = _check_target(target_hours)
        if baseline_hours is not UNSET:
            values["baseline_hours"] = check_hours(
                baseline_hours, "the baseline", high=MAX_TARGET_HOURS
            )
        with atomic():
            self._row(skill_id)
            if "name" in values:
                self._check_free(values["name"], skill_id)
            if values:
                Skill.update(values).where(Skill.id == skill_id).execute()
        return self.get(skill_id)

    def usage(self, skill_id: int) -> int:
        return WorkSession.select().where(WorkSession.skill == skill_id).count()

    def delete(self, skill_id: int, *, force: bool = False) -> None:
        """Delete a skill; refused while sessions count toward it unless `force` (they
        keep their time but no longer count toward any skill)."""
        with atomic():
            row = self._row(skill_id)
            used = self.usage(skill_id)
            if used and not force:
                raise InvalidInput(
                    f"{used} session{'s count' if used != 1 else ' counts'} toward “{row.name}”; "
                    "rename it instead"
                )
            row.delete_instance()

    @staticmethod
    def _row(skill_id: int) -> Any:
        return get_row(Skill, skill_id, "skill")

    @staticmethod
    def _check_free(name: str, skill_id: int | None = None) -> None:
        names = rows(Skill.select(Skill.id, Skill.name).tuples())
        if any(n.casefold() == name.casefold() and i != skill_id for i, n in names):
            raise InvalidInput(f"there is already a skill called “{name}”")

    # ------------------------------------------------------------------ ledger

    def today(self) -> dt.date:
        return local_date(self._clock(), self._tz)

    def ledgers(self, today: dt.date | None = None) -> builtins.list[SkillLedger]:
        """The ledger of every skill, by name."""
        day = self.today() if today is None else check_day(today)
        skills = self.list()
        if not skills:
            return []
        totals = daily.total_seconds("skill")
        window = daily.daily_seconds(day - dt.timedelta(days=29), day, self._tz, key="skill")
        return [self._ledger(s, day, totals, window) for s in skills]

    def ledger(self, skill_id: int, today: dt.date | None = None) -> SkillLedger:
        wanted = self.get(skill_id)
        found = [s for s in self.ledgers(today) if s.id == wanted.id]
        return found[0]

    def hours_per_day_to_reach(self, skill_id: int, by: dt.date) -> float:
        return self.ledger(skill_id).hours_per_day_to_reach(by)

    @staticmethod
    def _ledger(
        skill: SkillData,
        today: dt.date,
        totals: dict[Any, float],
        window: dict[tuple[dt.date, Any], float],
    ) -> SkillLedger:
        def since(days: int) -> float:
            first = today - dt.timedelta(days=days - 1)
            return (
                sum(
                    seconds
                    for (day, skill_id), seconds in window.items()
                    if skill_id == skill.id and first <= day <= today
                )
                / 3600
            )

        logged = totals.get(skill.id, 0.0) / 3600
        total = skill.baseline_hours + logged
        remaining = max(0.0, skill.target_hours - total)
        pace = since(PACE_DAYS) / PACE_DAYS
        return SkillLedger(
            id=skill.id,
            name=skill.name,
            target_hours=skill.target_hours,
            baseline_hours=skill.baseline_hours,
            logged_hours=logged,
            total_hours=total,
            hours_last_7_days=since(7),
            hours_last_30_days=since(30),
            pace_hours_per_day=pace,
            remaining_hours=remaining,
            projected_date=project(remaining, pace, today),
            today=today,
        )


def _check_target(value: object) -> float:
    target = check_hours(value, "the target", high=MAX_TARGET_HOURS)
    if target <= 0:
        raise InvalidInput("the target must be more than 0 hours")
    return target
