"""A realistic, deterministic demo journal: years of study log, sleep, deep work and sprints.

`generate_demo` fills an *empty* journal with the life of a self-taught ML engineer: a
numbered Markdown journal ("Day 0 of ML", "Self Study Journal #2", ... and a review at
the end of every two-week sprint), deep-work sessions with a weekly rhythm and gaps, a
night of sleep for every day (worse after very long days), outputs, resources, sprints,
tasks and a backlog.

Everything comes from one `random.Random(seed)` and the given `today`: the wall clock is
never read, so the same seed and day give byte-identical tables. Rows are built in
memory first, then written with `insert_many` inside one transaction, so a failure
leaves the journal as empty as it was.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from peewee import chunked, fn

from journal_app.db.models import (
    BaseModel,
    Category,
    DayLog,
    Entry,
    EntryTag,
    Output,
    Resource,
    Skill,
    Sprint,
    Tag,
    Task,
    WorkSession,
)
from journal_app.demo import text
from journal_app.demo.text import ML, WRITING, ResourceSpec, Topic
from journal_app.errors import InvalidInput
from journal_app.services.clock import to_storage
from journal_app.services.tracking.categories import DEFAULTS as DEFAULT_CATEGORIES

if TYPE_CHECKING:
    from journal_app.services.facade import Services

Progress = Callable[[str, float], None]

MAX_YEARS = 100
SPRINT_DAYS = 14
MARATHON_HOURS = 7.0  # a deep-work day at least this long disturbs the following night
_CHUNK = 400  # rows per INSERT: well below SQLite's bound-variable limit

# Seconds after local midnight (converted to UTC when stored, like everything else).
_H = 3600
_M = 60

_CATEGORIES = DEFAULT_CATEGORIES  # the ones every new journal starts with
_SIDES = dict(_CATEGORIES)
_PRODUCTION_MIX = (("Writing", 0.4), ("Coding", 0.4), ("Teaching", 0.08), ("Explaining", 0.12))
_CONSUMPTION_MIX = (("Reading", 0.4), ("Watching", 0.2), ("Courses", 0.4))
_KINDS_FOR_CATEGORY = {
    "Reading": ("book", "paper"),
    "Watching": ("video",),
    "Courses": ("course", "curriculum"),
}
_OUTPUT_KINDS = (
    ("comment", 0.2),
    ("x_thread", 0.15),
    ("summary", 0.15),
    ("explainer", 0.15),
    ("code", 0.15),
    ("blog_post", 0.12),
    ("forum_post", 0.08),
)
_OUTPUT_WORDS = {
    "comment": (40, 400),
    "x_thread": (150, 600),
    "summary": (400, 1500),
    "explainer": (1500, 5000),
    "blog_post": (800, 3000),
    "forum_post": (1500, 6000),
}
_WEEKDAY_LOAD = (1.0, 1.0, 1.0, 1.0, 0.85, 0.6, 0.45)
_WEEKDAY_SKIP = (0.03, 0.03, 0.03, 0.04, 0.06, 0.2, 0.35)


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo created."""

    entries: int
    sessions: int
    day_logs: int
    outputs: int
    skills: int
    resources: int
    sprints: int
    tasks: int

    def describe(self) -> str:
        parts = [
            _count(self.entries, "entry", "entries"),
            _count(self.sessions, "work session", "work sessions"),
            _count(self.day_logs, "night of sleep", "nights of sleep"),
            _count(self.outputs, "output", "outputs"),
            _count(self.skills, "skill", "skills"),
            _count(self.resources, "resource", "resources"),
            _count(self.sprints, "sprint", "sprints"),
            _count(self.tasks, "task", "tasks"),
        ]
        return ", ".join(parts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def generate_demo(
    services: Services,
    *,
    years: int,
    seed: int,
    today: dt.date,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill the empty journal behind `services` with `years` of demo data ending `today`.

    Refuses (InvalidInput, nothing written) when the journal already holds anything.
    `progress(stage, fraction)` is called about fifteen times, fraction rising to 1.0.
    """
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= MAX_YEARS:
        raise InvalidInput(f"the demo covers 1 to {MAX_YEARS} years, not {years!r}")
    if isinstance(today, dt.datetime):
        today = today.date()
    if not dt.date(1900 + MAX_YEARS + 1, 1, 1) <= today <= dt.date(2100, 12, 31):
        raise InvalidInput(f"{today.isoformat()} is outside the dates the demo can fill")
    if not services.is_empty():
        raise InvalidInput(
            "this data folder already holds a journal; the demo only fills an empty one "
            "(choose another folder with --data-dir)"
        )
    report: Progress = progress or (lambda _stage, _fraction: None)
    database = Entry._meta.database
    with database.atomic():
        builder = _Builder(
            random.Random(seed), years=years, today=today, report=report, tz=services.tz
        )
        summary = builder.run()
    database.execute_sql("ANALYZE")  # a bulk load: give the planner statistics at once
    report("Demo journal ready", 1.0)
    return summary


# --------------------------------------------------------------------------- plan


@dataclass
class _Res:
    id: int
    spec: ResourceSpec
    skill_id: int
    first: int  # day index it becomes active
    last: int  # day index it stops being active (done/dropped), may be beyond today
    status: str


@dataclass
class _Sprint:
    id: int
    number: int
    first: int  # day index of its first day
    start: dt.date
    end: dt.date
    topic: Topic
    resource: _Res | None
    goal: str
    career_goal: str
    capacity: float
    status: str
    tasks: list[_Task] = field(default_factory=list)


@dataclass
class _Task:
    id: int
    title: str
    category: str
    skill_id: int | None
    resource: _Res | None
    status: str
    done_at: dt.datetime | None
    estimate: float | None
    notes: str = ""


@dataclass
class _Session:
    start: int  # seconds since the day's midnight
    end: int
    category: str
    skill_id: int | None
    resource: _Res | None
    task: _Task | None
    note: str
    source: str


@dataclass
class _Night:
    start: dt.datetime
    end: dt.datetime
    hours: float
    quality: int
    energy: int
    note: str


@dataclass
class _Day:
    index: int
    date: dt.date
    frac: float
    off: str  # "" for a working day, else holiday / sick / rest
    marathon: bool
    load: float  # planned deep-work hours before the day's energy is known
    topic: Topic
    sprint: _Sprint | None = None
    night: _Night | None = None  # the night that ended this morning
    sessions: list[_Session] = field(default_factory=list)
    entry_id: int | None = None

    @property
    def hours(self) -> float:
        return sum(s.end - s.start for s in self.sessions) / _H


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def _fmt_minutes(seconds: int) -> str:
    minutes = round(seconds / 60)
    h, m = divmod(minutes, 60)
    if h and m:
        return f"{h} h {m:02d} min"
    return f"{h} h" if h else f"{m} min"


def _short(title: str) -> str:
    return text.SHORT_TITLES.get(title, title.split(" (")[0])


class _Builder:
    def __init__(
        self,
        rng: random.Random,
        *,
        years: int,
        today: dt.date,
        report: Progress,
        tz: dt.tzinfo = dt.UTC,
    ) -> None:
        self.rng = rng
        self.tz = tz  # the demo's days are local days; instants are stored as UTC
        self.today = today
        self.report = report
        start = _years_before(today, years)
        self.start = start - dt.timedelta(days=start.weekday())  # sprints start on Mondays
        self.n = (today - self.start).days + 1
        self.topics = {t.name: t for t in text.TOPICS}
        models: tuple[type[BaseModel], ...] = (Skill, Category, Resource, Sprint, Task)
        models += (DayLog, WorkSession, Entry, Tag, Output)
        self.ids: dict[type[BaseModel], int] = {model: _max_id(model) for model in models}
        self.days: list[_Day] = []
        self.sprints: list[_Sprint] = []
        self.resources: list[_Res] = []
        self.backlog: list[_Task] = []
        self.skills: dict[str, int] = {}
        self.categories: dict[str, int] = {}
        self.created_skills = 0

    def next_id(self, model: type[BaseModel]) -> int:
        self.ids[model] += 1
        return self.ids[model]

    def at(self, index: int, seconds: float) -> dt.datetime:
        """Local wall time ``seconds`` after midnight of day ``index``, as stored (UTC)."""
        wall = dt.datetime.combine(self.start, dt.time()) + dt.timedelta(
            days=index, seconds=int(seconds)
        )
        return to_storage(wall.replace(tzinfo=self.tz))

    # ------------------------------------------------------------------ stages

    def run(self) -> DemoSummary:
        # Fractions follow where the time goes (measured on a 10-year journal): most
        # of it is spent writing rows, and re-indexing entries as their tags arrive.
        self.report("Planning the days", 0.0)
        self._plan_days()
        self.report("Skills and resources", 0.02)
        self._skills_and_categories()
        self._resources()
        self.report("Sprints and tasks", 0.03)
        self._sprints()
        self._tasks()
        self.report("Sleep and deep work", 0.04)
        self._nights_and_sessions()
        self.report("Writing the journal", 0.12)
        entries, entry_tags, tag_names = self._entries()
        self.report("Outputs", 0.16)
        outputs = self._outputs()

        self.report("Saving resources, sprints and tasks", 0.17)
        _insert(Resource, [self._resource_row(r) for r in self.resources])
        _insert(Sprint, [self._sprint_row(s) for s in self.sprints])
        task_rows = [
            self._task_row(t, s, pos) for s in self.sprints for pos, t in enumerate(s.tasks)
        ]
        task_rows += [self._task_row(t, None, pos) for pos, t in enumerate(self.backlog)]
        _insert(Task, task_rows)
        self.report("Saving sleep logs", 0.23)
        night_rows = self._night_rows()
        _insert(DayLog, night_rows)
        self.report("Saving work sessions", 0.32)
        session_rows = self._session_rows()
        _insert(WorkSession, session_rows)
        self._insert_in_parts(Entry, entries, "Saving entries", 0.56, 0.69)
        tag_ids = self._tag_ids(tag_names)
        links = [{"entry": entry_id, "tag": tag_ids[name]} for entry_id, name in entry_tags]
        self._insert_in_parts(EntryTag, links, "Tagging entries for search", 0.69, 0.96)
        self.report("Saving outputs", 0.96)
        _insert(Output, outputs)
        return DemoSummary(
            entries=len(entries),
            sessions=len(session_rows),
            day_logs=len(night_rows),
            outputs=len(outputs),
            skills=self.created_skills,
            resources=len(self.resources),
            sprints=len(self.sprints),
            tasks=len(task_rows),
        )

    def _insert_in_parts(
        self,
        model: type[BaseModel],
        rows: list[dict[str, Any]],
        stage: str,
        low: float,
        high: float,
    ) -> None:
        self.report(stage, low)
        parts = 3
        size = max(1, math.ceil(len(rows) / parts))
        for part, batch in enumerate(chunked(rows, size)):
            _insert(model, batch)
            if part + 1 < parts:
                self.report(stage, low + (high - low) * (part + 1) / parts)

    # ------------------------------------------------------------------ days

    def _plan_days(self) -> None:
        rng, n = self.rng, self.n
        off: dict[int, str] = {}

        def mark(first: dt.date, length: int, why: str) -> None:
            for k in range(length):
                index = (first - self.start).days + k
                if 3 <= index < n:  # the first days always have work: the habit starts
                    off.setdefault(index, why)

        for year in range(self.start.year, self.today.year + 1):
            mark(
                dt.date(year, 12, 22) + dt.timedelta(days=rng.randint(0, 3)),
                rng.randint(5, 9),
                "holiday",
            )
            summer = dt.date(year, 7, 1) + dt.timedelta(days=rng.randint(0, 55))
            mark(summer, rng.randint(6, 10), "holiday")
            for _ in range(rng.choice((1, 1, 2))):
                mark(
                    dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364)),
                    rng.randint(3, 7),
                    "sick",
                )

        for index in range(n):
            date = self.start + dt.timedelta(days=index)
            frac = index / max(n - 1, 1)
            why = off.get(index, "")
            weekday = date.weekday()
            if not why and index >= 1 and rng.random() < _WEEKDAY_SKIP[weekday]:
                why = "rest"
            marathon = not why and weekday < 6 and 0 < index < n - 1 and rng.random() < 0.03
            load = (2.1 + 2.6 * frac) * _WEEKDAY_LOAD[weekday] * rng.lognormvariate(0, 0.28)
            load = _clamp(load, 0.5, 6.6)
            if marathon:
                load = rng.uniform(7.6, 9.6)
            elif self.days and self.days[-1].marathon:
                load *= 0.6  # the day after a marathon is lighter
            topic = self._pick_topic(frac)
            self.days.append(_Day(index, date, frac, why, marathon, load, topic))

    def _pick_topic(self, frac: float, *, technical: bool = False) -> Topic:
        """A topic typical of this point of the journey; `technical` skips career/writing."""
        topics = [t for t in text.TOPICS if not technical or t.skill != WRITING]
        weights = [math.exp(-(((t.stage - frac) / 0.15) ** 2)) + 0.005 for t in topics]
        return self.rng.choices(topics, weights=weights)[0]

    # ------------------------------------------------------------------ catalogue

    def _skills_and_categories(self) -> None:
        existing = {s.name: s.id for s in Skill.select(Skill.id, Skill.name)}
        rows: list[dict[str, Any]] = []
        for name, target, baseline in text.SKILLS:
            if name in existing:  # a skill the user made before asking for the demo
                self.skills[name] = existing[name]
                continue
            self.skills[name] = self.next_id(Skill)
            rows.append(
                {
                    "id": self.skills[name],
                    "name": name,
                    "target_hours": target,
                    "baseline_hours": baseline,
                    "created_at": self.at(0, 8 * _H + len(rows) * _M),
                }
            )
        _insert(Skill, rows)
        self.created_skills = len(rows)

        have = {c.name: c.id for c in Category.select(Category.id, Category.name)}
        rows = []
        for position, (name, side) in enumerate(_CATEGORIES):
            if name not in have:  # seeded by migration 1, unless the user removed it
                have[name] = self.next_id(Category)
                rows.append({"id": have[name], "name": name, "side": side, "position": position})
        _insert(Category, rows)
        self.categories = have

    def _resources(self) -> None:
        rng, n = self.rng, self.n
        limits = {
            "paper": (2, 14),
            "video": (3, 30),
            "course": (20, 240),
            "book": (30, 300),
            "curriculum": (40, 400),
        }
        for spec in text.RESOURCES:
            low, high = limits[spec.kind]
            first = round(spec.stage * (n - 1)) + rng.randint(-3, 3)
            first = max(0, first)
            length = int(_clamp(round(spec.length * n * rng.uniform(0.8, 1.2)), low, high))
            last = first + length
            if first > n - 1:
                status = "planned"
            elif last < n - 1:
                status = "dropped" if rng.random() < 0.1 else "done"
                if status == "dropped":
                    last = first + max(1, int(length * rng.uniform(0.2, 0.6)))
            else:
                status = "active"
            self.resources.append(
                _Res(self.next_id(Resource), spec, self.skills[spec.skill], first, last, status)
            )

    def _resource_row(self, res: _Res) -> dict[str, Any]:
        rng, n = self.rng, self.n
        length = res.last - res.first
        if res.status == "done":
            progress = 100.0
        elif res.status == "planned":
            progress = 0.0
        elif res.status == "dropped":
            progress = round(rng.uniform(15, 70), 0)
        else:
            progress = round(_clamp(100 * (n - 1 - res.first) / max(length, 1), 1, 95), 0)
        if res.status == "planned":
            created = self.at(n - 1 - rng.randint(3, 60), rng.randint(9 * _H, 22 * _H))
        else:
            created = self.at(max(0, res.first - rng.randint(0, 10)), rng.randint(9 * _H, 22 * _H))
        notes = {
            "done": "Finished. Notes are in the journal.",
            "dropped": "Dropped: not the right level for me at the time.",
            "active": "In progress.",
            "planned": "On the list.",
        }[res.status]
        return {
            "id": res.id,
            "title": res.spec.title,
            "kind": res.spec.kind,
            "url": res.spec.url,
            "status": res.status,
            "progress": progress,
            "notes": notes,
            "skill": res.skill_id,
            "created_at": created,
        }

    def _active_resources(self, index: int) -> list[_Res]:
        return [r for r in self.resources if r.first <= index <= r.last and r.status != "planned"]

    # ------------------------------------------------------------------ sprints

    def _sprints(self) -> None:
        rng, n = self.rng, self.n
        count = (n - 1) // SPRINT_DAYS + 1
        eras = len(text.CAREER_GOALS)
        for k in range(count):
            first = k * SPRINT_DAYS
            start = self.start + dt.timedelta(days=first)
            end = start + dt.timedelta(days=SPRINT_DAYS - 1)
            mid = min(first + SPRINT_DAYS // 2, n - 1)
            frac = mid / max(n - 1, 1)
            topic = self._pick_topic(frac, technical=True)
            active = self._active_resources(mid)
            resource = rng.choice(active) if active else None
            era = min(int(frac * eras), eras - 1)
            target = self.start + dt.timedelta(days=int((era + 1) * n / eras) + 120)
            when = f"June {target.year}" if target.month <= 6 else f"December {target.year}"
            goal = rng.choice(text.SPRINT_GOALS).format(
                resource=_short(resource.spec.title) if resource else "the backlog",
                topic=topic.name,
            )
            expected = sum(
                (2.1 + 2.6 * frac) * _WEEKDAY_LOAD[(start + dt.timedelta(days=d)).weekday()]
                for d in range(SPRINT_DAYS)
                if first + d >= n or self.days[first + d].off not in ("holiday", "sick")
            )
            status = "closed" if end < self.today else "active"
            sprint = _Sprint(
                id=self.next_id(Sprint),
                number=k + 1,
                first=first,
                start=start,
                end=end,
                topic=topic,
                resource=resource,
                goal=goal,
                career_goal=text.CAREER_GOALS[era].format(when=when),
                capacity=float(max(5, round(expected * 0.9 / 5) * 5)),
                status=status,
            )
            self.sprints.append(sprint)
            for d in range(first, min(first + SPRINT_DAYS, n)):
                self.days[d].sprint = sprint

    def _sprint_row(self, s: _Sprint) -> dict[str, Any]:
        created = self.at(max(0, s.first - 1), 19 * _H + self.rng.randint(0, 3 * _H))
        if s.first == 0:
            created = self.at(0, 8 * _H + 30 * _M)
        return {
            "id": s.id,
            "name": f"Sprint {s.number}",
            "goal": s.goal,
            "career_goal": s.career_goal,
            "start": s.start,
            "end": s.end,
            "capacity_hours": s.capacity,
            "status": s.status,
            "created_at": created,
        }

    def _tasks(self) -> None:
        rng, n = self.rng, self.n
        carried: list[_Task] = []
        for sprint in self.sprints:
            last = min(sprint.first + SPRINT_DAYS, n) - 1
            active = self._active_resources(sprint.first + SPRINT_DAYS // 2)
            if not active:  # between resources: revisit the latest ones started
                started = [r for r in self.resources if r.first <= sprint.first]
                active = started[-3:] or self.resources[:3]
            tasks = [
                _Task(
                    self.next_id(Task),
                    t.title,
                    t.category,
                    t.skill_id,
                    t.resource,
                    "",
                    None,
                    t.estimate,
                    f"Rolled over from Sprint {sprint.number - 1}.",
                )
                for t in carried
            ]
            want = rng.randint(3, 10)
            attempts = 0
            while len(tasks) < want and attempts < 100:
                attempts += 1
                template, category, kinds = rng.choice(text.TASK_TEMPLATES)
                resource: _Res | None = None
                if kinds:
                    fitting = [r for r in active if r.spec.kind in kinds]
                    lead = sprint.resource
                    if lead is not None and lead.spec.kind in kinds and rng.random() < 0.6:
                        resource = lead
                    elif fitting:
                        resource = rng.choice(fitting)
                    else:
                        continue
                topic = sprint.topic
                if resource is not None and rng.random() < 0.5:
                    own = self.topics[resource.spec.topic]
                    topic = own if own.skill != WRITING else topic
                title = template.format(
                    resource=_short(resource.spec.title) if resource else "",
                    topic=topic.name,
                    build=topic.build,
                    n=rng.randint(1, 4),
                )
                if any(t.title == title for t in tasks):
                    continue
                skill = WRITING if category == "Writing" and rng.random() < 0.6 else topic.skill
                tasks.append(
                    _Task(
                        self.next_id(Task),
                        title,
                        category,
                        self.skills[skill],
                        resource,
                        "",
                        None,
                        rng.choice((1.0, 2.0, 2.0, 3.0, 4.0, 4.0, 5.0, 6.0, 8.0, 10.0)),
                    )
                )
            # When does each task get done? Working days of the sprint, in order.
            work_days = [d for d in range(sprint.first, last + 1) if not self.days[d].off]
            work_days = work_days or [sprint.first]
            elapsed = (last - sprint.first + 1) / SPRINT_DAYS
            carried = []
            for task in tasks:
                if sprint.status == "closed":
                    task.status = "done" if rng.random() < 0.85 else "todo"
                    if task.status == "todo" and rng.random() < 0.65:
                        carried.append(task)
                else:
                    roll = rng.random()
                    task.status = (
                        "done"
                        if roll < 0.8 * elapsed
                        else "doing"
                        if roll < 0.8 * elapsed + 0.3
                        else "todo"
                    )
            if sprint.status == "active" and not any(t.status == "doing" for t in tasks):
                undone = [t for t in tasks if t.status == "todo"]
                if undone:
                    undone[0].status = "doing"
            done = [t for t in tasks if t.status == "done"]
            when = sorted(rng.choice(work_days) for _ in done)
            for task, day in zip(done, when, strict=True):
                if day == n - 1:  # today: only mornings have happened for sure
                    task.done_at = self.at(day, rng.randint(9 * _H, 11 * _H))
                else:
                    task.done_at = self.at(day, rng.randint(11 * _H, 21 * _H))
            sprint.tasks = tasks
        picks = rng.sample(text.BACKLOG, k=min(len(text.BACKLOG), rng.randint(18, 22)))
        for title in picks:
            skill = WRITING if "Write" in title or "post" in title else ML
            estimate = rng.choice((None, 2.0, 4.0, 6.0, 10.0, 20.0))
            self.backlog.append(
                _Task(
                    self.next_id(Task), title, "", self.skills[skill], None, "todo", None, estimate
                )
            )

    def _task_row(self, t: _Task, sprint: _Sprint | None, position: int) -> dict[str, Any]:
        if sprint is not None:
            created = self.at(max(0, sprint.first - 1), 19 * _H + 30 * _M + position * _M)
        else:
            created = self.at(self.rng.randint(0, self.n - 1), 20 * _H + position * _M)
        return {
            "id": t.id,
            "title": t.title,
            "notes": t.notes,
            "sprint": sprint.id if sprint else None,
            "status": t.status,
            "position": position,
            "estimate_hours": t.estimate,
            "skill": t.skill_id,
            "resource": t.resource.id if t.resource else None,
            "done_at": t.done_at,
            "created_at": created,
        }

    # ------------------------------------------------------------------ sleep + work

    def _nights_and_sessions(self) -> None:
        previous: _Day | None = None
        for day in self.days:
            day.night = self._night(day, previous)
            if not day.off:
                self._sessions(day)
            previous = day

    def _night(self, day: _Day, previous: _Day | None) -> _Night:
        """The night that ended on the morning of `day` (bed time on the evening before)."""
        rng = self.rng
        long_day = previous is not None and previous.hours >= MARATHON_HOURS
        eve = day.date - dt.timedelta(days=1)
        bed = 23 * _H + 50 * _M + rng.gauss(0, 35 * _M)
        if eve.weekday() in (4, 5):
            bed += 30 * _M
        if long_day:
            bed += rng.uniform(50, 100) * _M  # cannot switch off after a marathon
        if previous is not None and previous.sessions:
            bed = max(bed, previous.sessions[-1].end + rng.uniform(15, 45) * _M)
        bed = self._soft_clamp(bed, 22 * _H + 30 * _M, 25 * _H + 30 * _M)
        wake = 24 * _H + 7 * _H + 15 * _M + rng.gauss(0, 30 * _M)
        if day.date.weekday() >= 5:
            wake += 35 * _M
        if long_day:
            wake -= rng.uniform(0, 40) * _M
        wake = self._soft_clamp(wake, 24 * _H + 6 * _H + 30 * _M, 24 * _H + 9 * _H)
        start = self.at(day.index - 1, round(bed))
        end = self.at(day.index - 1, round(wake))
        hours = round((end - start).total_seconds() / _H, 2)
        quality = 3 + (hours - 7.2) * 0.9 + rng.gauss(0, 0.6) - (1.0 if long_day else 0)
        q = int(_clamp(round(quality), 1, 5))
        energy = int(_clamp(round(q * 0.6 + 1.3 + rng.gauss(0, 0.7)), 1, 5))
        if day.off == "sick":
            energy = min(energy, 2)
        note = ""
        if rng.random() < 0.15 or (long_day and rng.random() < 0.5):
            if long_day or q <= 2:
                note = rng.choice(text.NIGHT_NOTES_BAD)
            elif q >= 4:
                note = rng.choice(text.NIGHT_NOTES_GOOD)
            else:
                note = rng.choice(text.DAY_NOTES)
        return _Night(start, end, hours, q, energy, note)

    def _soft_clamp(self, seconds: float, low: float, high: float) -> float:
        """Keep a time inside [low, high] without piling values up on the bounds."""
        if seconds < low:
            return low + self.rng.uniform(0, 20 * _M)
        if seconds > high:
            return high - self.rng.uniform(0, 20 * _M)
        return seconds

    def _sessions(self, day: _Day) -> None:
        rng = self.rng
        assert day.night is not None
        wake = round((day.night.end - self.at(day.index, 0)).total_seconds())
        energy_factor = (0.7, 0.85, 1.0, 1.05, 1.1)[day.night.energy - 1]
        total = day.load * _H * (1.0 if day.marathon else energy_factor)
        big: int | None = None
        if day.marathon:
            big_len = rng.uniform(6.0, 7.5) * _H
            rest = max(total - big_len, 40 * _M)
            count = rng.randint(1, 2)
            lengths = [rest / count] * count
            big = rng.randint(0, count)
            lengths.insert(big, big_len)
            cursor = wake + rng.uniform(30, 60) * _M
        else:
            count = int(_clamp(round(total / (70 * _M) + rng.uniform(-0.7, 0.7)), 1, 5))
            weights = [rng.uniform(0.6, 1.4) for _ in range(count)]
            lengths = [max(20 * _M, total * w / sum(weights)) for w in weights]
            cursor = wake + rng.uniform(40, 120) * _M
        breaks = [rng.uniform(10, 80) * _M for _ in lengths]
        latest = 23 * _H
        if cursor + sum(lengths) + sum(breaks[:-1]) > latest:
            breaks = [10 * _M for _ in breaks]
            overflow = cursor + sum(lengths) + sum(breaks[:-1]) - latest
            if overflow > 0:
                scale = max(0.3, 1 - overflow / sum(lengths))
                lengths = [x * scale for x in lengths]
        frac = day.frac
        p_production = 0.25 + 0.35 * frac
        sprint_tasks = day.sprint.tasks if day.sprint else []
        open_tasks = [
            t for t in sprint_tasks if t.done_at is None or t.done_at >= self.at(day.index, 0)
        ]
        active = self._active_resources(day.index)
        for k, length in enumerate(lengths):
            if k == big:
                category = "Writing"
            elif rng.random() < p_production:
                category = _weighted(rng, _PRODUCTION_MIX)
            else:
                category = _weighted(rng, _CONSUMPTION_MIX)
            task: _Task | None = None
            if open_tasks and rng.random() < 0.4:
                matching = [t for t in open_tasks if t.category == category]
                task = rng.choice(matching or open_tasks)
            resource: _Res | None = None
            if category in _KINDS_FOR_CATEGORY:
                fitting = [r for r in active if r.spec.kind in _KINDS_FOR_CATEGORY[category]]
                if fitting:
                    resource = rng.choice(fitting)
                elif active and rng.random() < 0.5:
                    resource = rng.choice(active)
            elif active and rng.random() < 0.2:
                resource = rng.choice(active)
            if task is not None and task.resource is not None:
                resource = task.resource
            if category == "Writing":
                skill = WRITING if rng.random() < 0.8 else day.topic.skill
            elif resource is not None:
                skill = resource.spec.skill
            else:
                skill = day.topic.skill
            if k == big:
                note = rng.choice(text.MARATHON_NOTES)
            elif rng.random() < 0.6:
                note = rng.choice(text.SESSION_NOTES[category])
                if resource is not None and rng.random() < 0.5:
                    note = f"{_short(resource.spec.title)}: {note}"
            else:
                note = ""
            source = "timer" if rng.random() < 0.85 else "manual"
            start = int(cursor)
            end = int(cursor + length)
            if source == "manual":  # typed in afterwards: whole five minutes, inside the span
                start = -(-start // (5 * _M)) * (5 * _M)
                end = end // (5 * _M) * (5 * _M)
            if day.index == self.n - 1 and end > 12 * _H:
                break  # today: only the morning is in the past for sure
            day.sessions.append(
                _Session(start, end, category, self.skills[skill], resource, task, note, source)
            )
            cursor += length + breaks[k]

    def _night_rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for day in self.days:
            night = day.night
            assert night is not None
            rows.append(
                {
                    "id": self.next_id(DayLog),
                    "day": day.date,
                    "sleep_start": night.start,
                    "sleep_end": night.end,
                    "sleep_hours": night.hours,
                    "sleep_quality": night.quality,
                    "energy": night.energy,
                    "note": night.note,
                }
            )
        return rows

    def _session_rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for day in self.days:
            for s in day.sessions:
                rows.append(
                    {
                        "id": self.next_id(WorkSession),
                        "start": self.at(day.index, s.start),
                        "end": self.at(day.index, s.end),
                        "category": self.categories[s.category],
                        "skill": s.skill_id,
                        "resource": s.resource.id if s.resource else None,
                        "task": s.task.id if s.task else None,
                        "note": s.note,
                        "source": s.source,
                    }
                )
        return rows

    # ------------------------------------------------------------------ entries

    def _entries(self) -> tuple[list[dict[str, Any]], list[tuple[int, str]], list[str]]:
        rng = self.rng
        reviews = {s.first + SPRINT_DAYS - 1: s for s in self.sprints if s.status == "closed"}
        rows: list[dict[str, Any]] = []
        links: list[tuple[int, str]] = []
        tag_names: dict[str, None] = {}
        number = 0
        for day in self.days:
            review = reviews.get(day.index)
            if day.index == 0 or review is not None or day.marathon:
                write = True
            elif day.off:
                write = rng.random() < 0.35
            else:
                write = rng.random() < 0.86
            if not write:
                continue
            number += 1
            if day.index == 0:
                title, body, tags = self._day_zero(day)
            elif review is not None:
                title, body, tags = self._review(review)
            else:
                title, body, tags = self._daily(day, number)
            entry_id = self.next_id(Entry)
            day.entry_id = entry_id
            created, updated = self._entry_times(day, len(body))
            public_p = 0.5 if review or day.marathon else 0.03 + 0.1 * day.frac
            public = rng.random() < public_p
            rows.append(
                {
                    "id": entry_id,
                    "day": day.date,
                    "title": title,
                    "body": body,
                    "series": text.SERIES,
                    "number": number,
                    "visibility": "public" if public else "private",
                    "published_url": f"{text.BLOG}/journal/{number}" if public else "",
                    "sprint": day.sprint.id if day.sprint else None,
                    "rev": rng.randint(1, 3 + len(body) // 400),
                    "created_at": created,
                    "updated_at": updated,
                    "deleted_at": None,
                }
            )
            for tag in dict.fromkeys(tags):
                tag_names.setdefault(tag, None)
                links.append((entry_id, tag))
        return rows, links, list(tag_names)

    def _entry_times(self, day: _Day, length: int) -> tuple[dt.datetime, dt.datetime]:
        rng, n = self.rng, self.n
        if day.index == n - 1:
            end = day.sessions[-1].end if day.sessions else 8 * _H
            created = self.at(day.index, end + rng.randint(5 * _M, 30 * _M))
        elif 0 < day.index < n - 3 and rng.random() < 0.05:  # backdated: written a day or two later
            created = self.at(day.index + rng.randint(1, 2), rng.randint(8 * _H, 12 * _H))
        else:
            following = self.days[day.index + 1].night
            assert following is not None
            created = following.start - dt.timedelta(seconds=rng.randint(20 * _M, 90 * _M))
            if day.sessions:
                created = max(created, self.at(day.index, day.sessions[-1].end + 5 * _M))
        updated = created + dt.timedelta(seconds=rng.randint(60, 60 + length * 2))
        return created, updated

    def _day_zero(self, day: _Day) -> tuple[str, str, list[str]]:
        sprint = day.sprint
        goal = sprint.career_goal if sprint else "an ML engineer role"
        body = "\n".join(
            [
                "# Day 0 of ML",
                "",
                "Today I start teaching myself machine learning, properly, in public. The plan:",
                "",
                "- [x] Set up this journal",
                "- [x] Count the hours I already have (about 350 h of tinkering)",
                "- [ ] Linear algebra, calculus and probability until they feel boring",
                "- [ ] fast.ai, then Karpathy's *Neural Networks: Zero to Hero*",
                "- [ ] Transformers from scratch, then interpretability",
                "",
                f"**Career goal:** {goal}.",
                "",
                "The rule: **two hours of deep work every day**, a journal entry every evening, "
                "a sprint review every two weeks. Consistency over intensity.",
                "",
                "> 10,000 hours is a lot. 2 hours a day is not.",
                "",
                "Links: [fast.ai](https://course.fast.ai), "
                "[Zero to Hero](https://karpathy.ai/zero-to-hero.html), "
                "[Mathematics for Machine Learning](https://mml-book.github.io).",
            ]
        )
        return "Day 0 of ML", body, ["ml", "math", "day-0", "planning"]

    def _daily(self, day: _Day, number: int) -> tuple[str, str, list[str]]:
        rng = self.rng
        night = day.night
        assert night is not None
        topic = day.topic
        if day.sprint is not None and rng.random() < 0.5:
            topic = day.sprint.topic
        tags = list(topic.tags)
        title = f"{text.SERIES} #{number}"
        if rng.random() < 0.3:
            title += f": {topic.name}"
        if day.off:
            opener = rng.choice(text.OPENERS_OFF)
        elif day.marathon:
            opener = rng.choice(text.MARATHON_NOTES)
        elif night.energy <= 2:
            opener = rng.choice(text.OPENERS_BAD)
        elif night.energy >= 4:
            opener = rng.choice(text.OPENERS_GOOD)
        else:
            opener = rng.choice(text.OPENERS_OK)
        worked = sum(s.end - s.start for s in day.sessions)
        lines = [opener, ""]
        lines.append(
            f"**Deep work:** {_fmt_minutes(worked)} in {len(day.sessions)} "
            f"session{'s' if len(day.sessions) != 1 else ''} · **Sleep:** {night.hours:.1f} h "
            f"(quality {night.quality}/5, energy {night.energy}/5)"
        )
        shape = rng.random()
        if day.off or shape < 0.2:  # a short note
            return title, "\n".join(lines) + "\n", tags
        if day.sessions:
            lines += ["", "## What I did"]
            for s in day.sessions:
                what = f"- {_fmt_minutes(s.end - s.start)} · {s.category}"
                if s.resource is not None:
                    what += f" · {s.resource.spec.title}"
                if s.note:
                    note = s.note
                    if s.resource is not None:
                        note = note.removeprefix(f"{_short(s.resource.spec.title)}: ")
                    what += f" — {note}"
                lines.append(what)
            if any(s.category == "Writing" for s in day.sessions):
                tags.append("writing")
        lines += ["", "## Notes", ""]
        picked = rng.sample(topic.notes, k=min(len(topic.notes), rng.randint(1, 3)))
        lines.append(" ".join(picked))
        if rng.random() < 0.5:
            lines += ["", rng.choice(text.REFLECTIONS)]
        if topic.code and rng.random() < 0.25:
            lines += ["", "```python", topic.code, "```"]
            tags.append("code")
        if rng.random() < 0.07:
            lines += ["", "| run | lr | batch | val loss |", "|---|---:|---:|---:|"]
            for run in range(rng.randint(2, 5)):
                lr = rng.choice(("1e-3", "3e-4", "1e-4", "3e-3"))
                batch = rng.choice((32, 64, 128, 256))
                lines.append(f"| {run + 1} | {lr} | {batch} | {rng.uniform(1.6, 2.8):.3f} |")
        linked = [
            s.resource for s in day.sessions if s.resource is not None and s.resource.spec.url
        ]
        if linked and rng.random() < 0.35:
            res = rng.choice(linked)
            lines += ["", f"Reading: [{res.spec.title}]({res.spec.url})"]
            if res.spec.kind == "paper":
                tags.append("paper")
        if shape > 0.95:  # now and then a long essay, and rarely a very long one
            lines += ["", f"## Long-form: what {topic.name} taught me", ""]
            lines += self._essay([topic], rng.randint(4, 8))
            if shape > 0.985:
                others = rng.sample([t for t in text.TOPICS if t is not topic], k=5)
                for other in others:
                    lines += [f"### {other.name[0].upper()}{other.name[1:]}", ""]
                    lines += self._essay([other], rng.randint(3, 6))
        sprint_tasks = day.sprint.tasks if day.sprint else []
        todo = [t for t in sprint_tasks if t.done_at is None or t.done_at.date() > day.date]
        done_today = [
            t for t in sprint_tasks if t.done_at is not None and t.done_at.date() == day.date
        ]
        if todo or done_today:
            lines += ["", "## Tasks"]
            lines += [f"- [x] {t.title}" for t in done_today]
            lines += [f"- [ ] {t.title}" for t in todo[: rng.randint(1, 3)]]
        return title, "\n".join(lines).rstrip() + "\n", tags

    def _essay(self, topics: Sequence[Topic], paragraphs: int) -> list[str]:
        """Paragraphs of two to four sentences, none repeated within the essay."""
        rng = self.rng
        pool = [note for t in topics for note in t.notes]
        pool += list(text.LONG_FORM_PARAGRAPHS) + list(text.REFLECTIONS)
        rng.shuffle(pool)
        lines: list[str] = []
        for _ in range(paragraphs):
            take = rng.randint(2, 4)
            if len(pool) < take:
                break
            lines += [" ".join(pool[:take]), ""]
            del pool[:take]
        return lines

    def _review(self, sprint: _Sprint) -> tuple[str, str, list[str]]:
        rng = self.rng
        days = self.days[sprint.first : sprint.first + SPRINT_DAYS]
        production = consumption = 0
        for d in days:
            for s in d.sessions:
                if _SIDES[s.category] == "production":
                    production += s.end - s.start
                else:
                    consumption += s.end - s.start
        total = (production + consumption) / _H
        nights = [d.night.hours for d in days if d.night is not None]
        worked_days = sum(1 for d in days if d.sessions)
        lines = [
            f"# Sprint {sprint.number} review",
            "",
            f"**Goal:** {sprint.goal}  ",
            f"**Career goal:** {sprint.career_goal}  ",
            f"**Dates:** {sprint.start.isoformat()} – {sprint.end.isoformat()}, "
            f"capacity {sprint.capacity:.0f} h",
            "",
            "## Tasks",
        ]
        for t in sprint.tasks:
            mark = "x" if t.status == "done" else " "
            estimate = f" ({t.estimate:.0f} h)" if t.estimate else ""
            lines.append(f"- [{mark}] {t.title}{estimate}")
        lines += [
            "",
            "## Numbers",
            "",
            "| | hours |",
            "|---|---:|",
            f"| Production | {production / _H:.1f} |",
            f"| Consumption | {consumption / _H:.1f} |",
            f"| Total | {total:.1f} of {sprint.capacity:.0f} planned |",
            f"| Days with deep work | {worked_days} of {len(days)} |",
            f"| Average sleep | {sum(nights) / max(len(nights), 1):.1f} h |",
            "",
            "## What went well",
        ]
        good: list[str] = []
        bad: list[str] = []
        if worked_days >= 11:
            good.append("Showed up almost every day.")
        if production > consumption:
            good.append("Production hours above consumption hours.")
        elif production < consumption / 3:
            bad.append("Too much reading and watching, not enough building.")
        if all(t.status == "done" for t in sprint.tasks):
            good.append("Finished every task on the board.")
        elif sum(t.status != "done" for t in sprint.tasks) >= 2:
            bad.append("Overcommitted: too many tasks for the capacity.")
        sick = sum(d.off == "sick" for d in days)
        if sick:
            bad.append(f"Lost {_count(sick, 'day', 'days')} to a cold.")
        if any(d.marathon for d in days):
            good.append("One huge production day.")
            bad.append("The marathon session wrecked my sleep for a night.")
        good += rng.sample(text.REVIEW_WENT_WELL, k=rng.randint(0 if good else 1, 1))
        bad += rng.sample(text.REVIEW_WENT_BADLY, k=rng.randint(0 if bad else 1, 1))
        lines += [f"- {x}" for x in dict.fromkeys(good)]
        lines += ["", "## What didn't"]
        lines += [f"- {x}" for x in dict.fromkeys(bad)]
        following = self.sprints[sprint.number] if sprint.number < len(self.sprints) else None
        if following is not None:
            lines += ["", "## Next sprint", "", following.goal]
        tags = ["sprint-review", *sprint.topic.tags[:1]]
        return f"Sprint {sprint.number} review", "\n".join(lines) + "\n", tags

    def _tag_ids(self, names: Iterable[str]) -> dict[str, int]:
        existing = {t.name: t.id for t in Tag.select(Tag.id, Tag.name)}
        rows: list[dict[str, Any]] = []
        for name in names:
            if name not in existing:
                existing[name] = self.next_id(Tag)
                rows.append({"id": existing[name], "name": name})
        _insert(Tag, rows)
        return existing

    # ------------------------------------------------------------------ outputs

    def _outputs(self) -> list[dict[str, Any]]:
        rng, n = self.rng, self.n
        planned: list[tuple[_Day, str]] = []
        for day in self.days:
            if day.marathon:
                planned.append((day, rng.choice(("explainer", "blog_post", "forum_post"))))
        month_days: dict[tuple[int, int], list[_Day]] = {}
        for day in self.days:
            if not day.off:
                month_days.setdefault((day.date.year, day.date.month), []).append(day)
        for days in month_days.values():
            share = len(days) / 22
            count = max(0, round((1.5 + 3.5 * days[0].frac + rng.uniform(-1, 1)) * share))
            for day in rng.sample(days, k=min(count, len(days))):
                planned.append((day, _weighted(rng, _OUTPUT_KINDS)))
        planned.sort(key=lambda p: p[0].index)
        rows: list[dict[str, Any]] = []
        for day, kind in planned:
            age = n - 1 - day.index
            if day.marathon:
                status = "published" if age > 0 or rng.random() < 0.5 else "draft"
            elif kind in ("comment", "x_thread"):
                status = "published" if rng.random() < 0.9 else "idea"
            elif age > 45:
                status = _weighted(rng, (("published", 0.75), ("draft", 0.1), ("idea", 0.15)))
            else:
                status = _weighted(rng, (("published", 0.3), ("draft", 0.35), ("idea", 0.35)))
            topic = day.topic
            if topic.skill == WRITING and day.sprint is not None:
                topic = day.sprint.topic
            active = self._active_resources(day.index)
            papers = [r for r in active if r.spec.kind == "paper"]
            if kind == "summary" and papers:
                active = papers
            resource = rng.choice(active) if active else None
            title = rng.choice(text.OUTPUT_TITLES[kind]).format(
                topic=topic.name,
                build=topic.build,
                resource=resource.spec.title if resource else topic.name,
            )
            title = title[0].upper() + title[1:]
            words: int | None = None
            if kind in _OUTPUT_WORDS and status != "idea":
                low, high = _OUTPUT_WORDS[kind]
                if day.marathon:
                    low, high = 3000, 6500
                words = rng.randint(low, high)
                if status == "draft":
                    words = int(words * rng.uniform(0.3, 0.8))
            url = self._output_url(kind, title, day.date) if status == "published" else ""
            if kind in ("code", "summary"):
                skill = self.skills[topic.skill]
            else:
                skill = self.skills[WRITING]
            entry = day.entry_id if day.marathon or rng.random() < 0.7 else None
            created = self.at(
                day.index,
                rng.randint(10 * _H, 12 * _H) if age == 0 else rng.randint(12 * _H, 22 * _H),
            )
            rows.append(
                {
                    "id": self.next_id(Output),
                    "kind": kind,
                    "title": title,
                    "status": status,
                    "url": url,
                    "words": words,
                    "day": day.date,
                    "entry": entry,
                    "sprint": day.sprint.id if day.sprint else None,
                    "skill": skill,
                    "created_at": created,
                }
            )
        return rows

    def _output_url(self, kind: str, title: str, day: dt.date) -> str:
        rng = self.rng
        slug = _slug(title)
        alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        post_id = "".join(rng.choice(alphabet) for _ in range(17))
        if kind in ("explainer", "blog_post"):
            return f"{text.BLOG}/{day.year}/{slug}"
        if kind == "forum_post":
            return f"https://www.lesswrong.com/posts/{post_id}/{slug}"
        if kind == "comment":
            return f"https://www.lesswrong.com/posts/{post_id}?commentId={post_id[::-1]}"
        if kind == "x_thread":
            return f"https://x.com/{text.HANDLE}/status/{rng.randint(10**18, 10**19 - 1)}"
        if kind == "code":
            return f"https://github.com/{text.HANDLE}/{slug}"
        return f"{text.BLOG}/notes/{slug}"


def _max_id(model: type[BaseModel]) -> int:
    value = model.select(fn.MAX(model._meta.primary_key)).scalar()
    return int(value or 0)


def _insert(model: type[BaseModel], rows: Sequence[dict[str, Any]]) -> None:
    for batch in chunked(rows, _CHUNK):
        model.insert_many(batch).execute()
