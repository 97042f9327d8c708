"""Entry templates: the three built-ins (daily log, weekly review, sprint review) and the
user's own, with placeholders filled from the calendar and the tracking data.

Placeholders (anything else in double braces stays as typed):

- ``{{date}}`` 2026-11-22, ``{{weekday}}`` Sunday, ``{{long_date}}`` 22 November 2026
- ``{{series}}``, ``{{number}}``: the series (the one asked for, else the one used last,
  else "Self Study Journal") and the next number in it
- ``{{sprint}}``: the sprint running on that day
- ``{{yesterday_hours}}``: deep-work hours the day before; ``{{yesterday_sleep}}``: hours
  slept the night that ended on the day ("last night")
- ``{{week_hours}}``, ``{{week_sleep_avg}}``: deep-work hours and average nightly sleep over
  the seven days ending on the day

Figures with nothing logged render as "—". Days are cut at local midnight.
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from peewee import IntegrityError, fn

from journal_app.db.models import Entry, Template
from journal_app.errors import InvalidInput
from journal_app.services.clock import Clock, to_storage
from journal_app.services.common import UNSET, Unset, clean_text, get_row
from journal_app.services.entries import EntryService
from journal_app.services.sprints import SprintService

DEFAULT_SERIES = "Self Study Journal"
MISSING = "—"
MAX_NAME = 100
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")


if TYPE_CHECKING:
    from journal_app.services.tracking.stats import StatsService


@dataclass(frozen=True)
class BuiltinTemplate:
    key: str
    name: str
    title: str
    body: str


# The shipped texts. Migration 3 (db/schema_v3.sql) inserted the same texts, frozen;
# `reset()` puts a built-in back to what is written here.
BUILTINS: tuple[BuiltinTemplate, ...] = (
    BuiltinTemplate(
        key="daily",
        name="Daily log",
        title="{{series}} #{{number}}",
        body="""\
## Plan
- [ ]

## What I did
*Deep work yesterday: {{yesterday_hours}} h · sleep last night: {{yesterday_sleep}} h*

-

## Learned
-

## Blockers
-

## Tomorrow
- [ ]
""",
    ),
    BuiltinTemplate(
        key="weekly",
        name="Weekly review",
        title="{{series}} #{{number}} — Weekly review",
        body="""\
*Week ending {{weekday}} {{long_date}} · sprint: {{sprint}}*

| Deep work | Average sleep |
|---|---|
| {{week_hours}} h | {{week_sleep_avg}} h |

## Wins
-

## Produced
Explainers, code, posts, threads: what did I make, not only consume?

-

## Consumed
Courses, papers, videos, books:

-

## What got in the way
-

## Consistency
- Days with deep work:
- Sleep and energy:

## Next week
- [ ]
""",
    ),
    BuiltinTemplate(
        key="sprint",
        name="Sprint review",
        title="{{series}} #{{number}} — {{sprint}} review",
        body="""\
## Goal
What was {{sprint}} for, and how does it move me toward the career goal?

## Done
- [x]

## Not done, and why
- [ ]

## Output
Explainers, posts, code and projects shipped this sprint:

-

## Hours and sleep
Last seven days: {{week_hours}} h of deep work, {{week_sleep_avg}} h of sleep a night.

## What worked
-

## What to change
-

## Next sprint
Goal:

- [ ]
""",
    ),
)
_BUILTIN_BY_KEY = {b.key: b for b in BUILTINS}


@dataclass(frozen=True)
class TemplateData:
    id: int
    name: str
    title: str
    body: str
    builtin: bool


@dataclass(frozen=True)
class RenderedTemplate:
    title: str
    body: str
    series: str | None
    number: int | None


def _data(t: Any) -> TemplateData:
    return TemplateData(t.id, t.name, t.title, t.body, bool(t.builtin))


def _hours(value: float) -> str:
    return f"{value:.1f}"


def _check_name(name: object) -> str:
    text = clean_text(name, "the template name").strip()
    if not text:
        raise InvalidInput("a template needs a name")
    if len(text) > MAX_NAME:
        raise InvalidInput(f"a template name has at most {MAX_NAME} characters")
    if "\n" in text or "\r" in text:
        raise InvalidInput("a template name is one line")
    return text


class TemplateService:
    def __init__(
        self,
        clock: Clock,
        entries: EntryService,
        sprints: SprintService,
        stats: StatsService,
    ) -> None:
        self._clock = clock
        self._entries = entries
        self._sprints = sprints
        self._stats = stats  # tracking figures: the same ones the CLI and the Today view show

    # ------------------------------------------------------------------ editing

    def list(self) -> list[TemplateData]:
        """Built-ins first (in their order), then the user's own by name."""
        query = Template.select().order_by(
            Template.builtin.desc(), Template.position, fn.lower(Template.name), Template.id
        )
        return [_data(t) for t in query]

    def get(self, template_id: int) -> TemplateData:
        return _data(self._template(template_id))

    @staticmethod
    def _template(template_id: int) -> Any:
        return get_row(Template, template_id, "template")

    @staticmethod
    def _check_free(name: str, template_id: int | None = None) -> None:
        query = Template.select(Template.id).where(fn.lower(Template.name) == name.lower())
        if template_id is not None:
            query = query.where(Template.id != template_id)
        if query.exists():
            raise InvalidInput(f"there is already a template called “{name}”")

    def create(self, *, name: str, title: str, body: str) -> TemplateData:
        name = _check_name(name)
        title = clean_text(title, "the title")
        body = clean_text(body, "the body")
        now = to_storage(self._clock())
        with Template._meta.database.atomic():
            self._check_free(name)
            highest = Template.select(fn.MAX(Template.position)).scalar() or 0
            template = Template.create(
                name=name,
                title=title,
                body=body,
                builtin=False,
                position=int(highest) + 1,
                created_at=now,
                updated_at=now,
            )
        return _data(template)

    def update(
        self,
        template_id: int,
        *,
        name: str | Unset = UNSET,
        title: str | Unset = UNSET,
        body: str | Unset = UNSET,
    ) -> TemplateData:
        values: dict[str, Any] = {}
        if name is not UNSET:
            values["name"] = _check_name(name)
        if title is not UNSET:
            values["title"] = clean_text(title, "the title")
        if body is not UNSET:
            values["body"] = clean_text(body, "the body")
        with Template._meta.database.atomic():
            template = self._template(template_id)
            changed = {k: v for k, v in values.items() if getattr(template, k) != v}
            if not changed:
                return _data(template)
            if "name" in changed:
                self._check_free(changed["name"], template_id)
            changed["updated_at"] = to_storage(self._clock())
            Template.update(changed).where(Template.id == template_id).execute()
        return self.get(template_id)

    def delete(self, template_id: int) -> None:
        """Delete one of the user's templates (built-ins can be edited and reset instead)."""
        with Template._meta.database.atomic():
            template = self._template(template_id)
            if template.builtin:
                raise InvalidInput(
                    f"“{template.name}” is a built-in template; edit it or reset it instead"
                )
            template.delete_instance()

    def reset(self, template_id: int) -> TemplateData:
        """Put a built-in back to its shipped title and body (and name, unless taken)."""
        with Template._meta.database.atomic():
            template = self._template(template_id)
            shipped = _BUILTIN_BY_KEY.get(template.builtin_key or "")
            if not template.builtin or shipped is None:
                raise InvalidInput(
                    f"“{template.name}” is your own template; it has no shipped text"
                )
            name = shipped.name
            try:
                self._check_free(name, template_id)
            except InvalidInput:
                name = template.name  # the user gave the shipped name to another template
            try:
                Template.update(
                    name=name,
                    title=shipped.title,
                    body=shipped.body,
                    updated_at=to_storage(self._clock()),
                ).where(Template.id == template_id).execute()
            except IntegrityError:  # pragma: no cover - guarded by _check_free
                raise InvalidInput(f"there is already a template called “{name}”") from None
        return self.get(template_id)

    # ------------------------------------------------------------------ rendering

    def render(
        self, template_id: int, *, day: dt.date, series: str | None = None
    ) -> RenderedTemplate:
        """The template's title and body with its placeholders filled for `day`."""
        template = self.get(template_id)
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            raise InvalidInput(f"the day must be a date, not {day!r}")
        name = (series or "").strip() or self._last_series() or DEFAULT_SERIES
        number = self._entries.next_number(name)
        fill = _Filler(self, day, name, number)
        return RenderedTemplate(
            title=fill(template.title), body=fill(template.body), series=name, number=number
        )

    @staticmethod
    def _last_series() -> str | None:
        return cast(
            "str | None",
            Entry.select(Entry.series)
            .where(Entry.series.is_null(False), Entry.deleted_at.is_null())
            .order_by(Entry.day.desc(), Entry.id.desc())
            .limit(1)
            .scalar(),
        )

    def deep_work_hours(self, first: dt.date, days: int = 1) -> float | None:
        return self._stats.deep_work_hours(first, days)

    def sleep_hours(self, first: dt.date, days: int = 1) -> builtins.list[float]:
        return self._stats.sleep_hours(first, days)


class _Filler:
    """Replaces known placeholders, computing each figure only when the text uses it."""

    def __init__(self, service: TemplateService, day: dt.date, series: str, number: int) -> None:
        self._service = service
        self._day = day
        self._cache: dict[str, str] = {}
        week_start = day - dt.timedelta(days=6)
        yesterday = day - dt.timedelta(days=1)
        self._values: dict[str, Callable[[], str]] = {
            "date": day.isoformat,
            "weekday": lambda: _WEEKDAYS[day.weekday()],
            "long_date": lambda: f"{day.day} {_MONTHS[day.month - 1]} {day.year}",
            "series": lambda: series,
            "number": lambda: str(number),
            "sprint": self._sprint,
            "yesterday_hours": lambda: self._figure(service.deep_work_hours(yesterday)),
            "yesterday_sleep": lambda: self._average(service.sleep_hours(day)),
            "week_hours": lambda: self._figure(service.deep_work_hours(week_start, 7)),
            "week_sleep_avg": lambda: self._average(service.sleep_hours(week_start, 7)),
        }

    def __call__(self, text: str) -> str:
        return _PLACEHOLDER.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        key = match.group(1)
        make = self._values.get(key)
        if make is None:
            return match.group(0)
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def _sprint(self) -> str:
        sprint = self._service._sprints.active(self._day)
        return sprint.name if sprint is not None else MISSING

    @staticmethod
    def _figure(hours: float | None) -> str:
        return MISSING if hours is None else _hours(hours)

    @staticmethod
    def _average(hours: list[float]) -> str:
        return _hours(sum(hours) / len(hours)) if hours else MISSING
