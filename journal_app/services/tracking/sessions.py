"""Deep-work sessions: add, edit and delete by hand, list per day, overlaps (warn, then
merge or trim). Timed sessions come from the timer (source "timer").

A session is stored whole, as one row with start and end instants in UTC; a session
crossing local midnight is split when read (`for_day`, `between`), so editing or
deleting it touches one row, and the day it counts toward follows the zone it is viewed
in.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from journal_app.db.models import Category, Resource, Setting, Skill, Task, WorkSession
from journal_app.errors import InvalidInput
from journal_app.services.clock import Clock
from journal_app.services.common import UNSET, Unset, atomic, clean_text
from journal_app.services.rows import check_ref
from journal_app.services.tracking.common import put_setting
from journal_app.services.tracking.timeutil import (
    at_local,
    check_day,
    day_bounds,
    duration,
    from_storage,
    local_date,
    split_by_day,
    to_storage,
    to_utc,
)

SOURCES = ("manual", "timer")
# What to do with a session saved over others: one session of them all, cut the others'
# time out of the new one or the new one's out of the others, or keep both (their
# common time still counts once: services.tracking.daily).
MERGE, TRIM_NEW, TRIM_OTHERS, KEEP = "merge", "trim_new", "trim_others", "keep"
OVERLAP_CHOICES = (MERGE, TRIM_NEW, TRIM_OTHERS, KEEP)
MIN_SESSION = dt.timedelta(minutes=1)
MAX_SESSION = dt.timedelta(hours=24)
_DEFAULT_START = dt.time(9, 0)  # where `add_minutes` puts a session on an empty past day
# The category, skill and resource of the last session added or timer started, which new
# sessions and the timer start with; in the journal, so each journal has its own.
LAST_LABELS_KEY = "sessions.last_labels"
_REMEMBERED = (("category_id", Category), ("skill_id", Skill), ("resource_id", Resource))


class _Span:
    """A start and an end: how long, never negative (a clock set back counts as 0)."""

    start: dt.datetime
    end: dt.datetime

    @property
    def duration(self) -> dt.timedelta:
        # Real elapsed time: two datetimes in one zone subtract by wall clock in Python,
        # an hour off across a clock change.
        return duration(self.start, self.end)

    @property
    def hours(self) -> float:
        return self.duration.total_seconds() / 3600


@dataclass(frozen=True)
class SessionData(_Span):
    id: int
    start: dt.datetime  # aware UTC
    end: dt.datetime  # aware UTC
    category_id: int | None
    category: str | None
    side: str | None  # production / consumption / None without a category
    skill_id: int | None
    skill: str | None
    resource_id: int | None
    resource: str | None
    task_id: int | None
    task: str | None
    note: str
    source: str  # manual / timer


@dataclass(frozen=True)
class SessionPart(_Span):
    """The piece of a session on one local day; `start`/`end` are in the viewing zone."""

    session: SessionData
    day: dt.date
    start: dt.datetime
    end: dt.datetime

    @property
    def is_split(self) -> bool:
        """True when the session continues on the day before or after."""
        return self.start != self.session.start or self.end != self.session.end

    def as_dict(self) -> dict[str, Any]:
        s = self.session
        return {
            "id": s.id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "hours": round(self.hours, 6),
            "category": s.category,
            "side": s.side,
            "skill": s.skill,
            "resource": s.resource,
            "task": s.task,
            "note": s.note,
            "source": s.source,
            "split": self.is_split,
            "session_start": s.start.astimezone(self.start.tzinfo).isoformat(),
            "session_end": s.end.astimezone(self.start.tzinfo).isoformat(),
        }


@dataclass(frozen=True)
class Labels:
    """What a session is about; ids are checked when saved."""

    category_id: int | None = None
    skill_id: int | None = None
    resource_id: int | None = None
    task_id: int | None = None
    note: str = ""


def _fmt(instant: dt.datetime, tz: dt.tzinfo, other: dt.datetime | None = None) -> str:
    local = instant.astimezone(tz)
    if other is not None and other.astimezone(tz).date() == local.date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def check_span(start: object, end: object, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """Aware UTC (whole seconds) start and end of a session, or InvalidInput."""
    if not isinstance(start, dt.datetime) or not isinstance(end, dt.datetime):
        raise InvalidInput("a session needs a start and an end time")
    begin, stop = to_utc(start), to_utc(end)
    for instant in (begin, stop):
        check_day(local_date(instant, tz))
    if stop < begin:
        raise InvalidInput(
            f"the end ({_fmt(stop, tz, begin)}) is before the start ({_fmt(begin, tz, stop)})"
        )
    if stop - begin < MIN_SESSION:
        raise InvalidInput("a session must last at least a minute")
    if stop - begin > MAX_SESSION:
        raise InvalidInput("a session cannot last more than 24 hours")
    return begin, stop


def _check_source(source: object) -> str:
    if source not in SOURCES:
        raise InvalidInput(f"the source must be manual or timer, not {source!r}")
    return str(source)


def _check_labels(labels: Labels) -> dict[str, Any]:
    """Column values for the labels (inside a transaction: the ids must exist)."""
    return {
        "category": check_ref(Category, labels.category_id),
        "skill": check_ref(Skill, labels.skill_id),
        "resource": check_ref(Resource, labels.resource_id),
        "task": check_ref(Task, labels.task_id),
        "note": clean_text(labels.note, "the note"),
    }


class SessionService:
    def __init__(self, clock: Clock, tz: dt.tzinfo) -> None:
        self._clock = clock
        self._tz = tz

    @property
    def tz(self) -> dt.tzinfo:
        return self._tz

    # ------------------------------------------------------------------ reading

    def get(self, session_id: int) -> SessionData:
        found = self._fetch(WorkSession.id == session_id)
        if not found:
            raise InvalidInput(f"there is no session {session_id!r}")
        return found[0]

    def between(self, first: dt.date, last: dt.date) -> list[SessionPart]:
        """The parts of finished sessions on the local days `first`..`last`, in order."""
        check_day(first)
        check_day(last)
        lo, hi = day_bounds(first, last, self._tz)
        found = self._fetch(
            WorkSession.end.is_null(False),
            WorkSession.end > to_storage(lo),
            WorkSession.start < to_storage(hi),
            WorkSession.end > WorkSession.start,
        )
        parts: list[SessionPart] = []
        for session in found:
            for piece in split_by_day(max(session.start, lo), min(session.end, hi), self._tz):
                parts.append(
                    SessionPart(
                        session,
                        piece.day,
                        piece.start.astimezone(self._tz),
                        piece.end.astimezone(self._tz),
                    )
                )
        return parts

    def for_day(self, day: dt.date) -> list[SessionPart]:
        return self.between(day, day)

    def overlaps(
        self, start: dt.datetime, end: dt.datetime, *, exclude: int | Iterable[int] | None = None
    ) -> list[SessionData]:
        """Finished sessions sharing some time with [start, end), earliest first."""
        begin, stop = to_utc(start), to_utc(end)
        excluded = {exclude} if isinstance(exclude, int) else set(exclude or ())
        found = self._fetch(
            WorkSession.end.is_null(False),
            WorkSession.start < to_storage(stop),
            WorkSession.end > to_storage(begin),
            WorkSession.end > WorkSession.start,
        )
        return [s for s in found if s.id not in excluded]

    def _fetch(self, *where: Any) -> list[SessionData]:
        query = (
            WorkSession.select(
                WorkSession,
                Category.name.alias("category_name"),
                Category.side.alias("category_side"),
                Skill.name.alias("skill_name"),
                Resource.title.alias("resource_title"),
                Task.title.alias("task_title"),
            )
            .join(Category, JOIN.LEFT_OUTER, on=(WorkSession.category == Category.id))
            .switch(WorkSession)
            .join(Skill, JOIN.LEFT_OUTER, on=(WorkSession.skill == Skill.id))
            .switch(WorkSession)
            .join(Resource, JOIN.LEFT_OUTER, on=(WorkSession.resource == Resource.id))
            .switch(WorkSession)
            .join(Task, JOIN.LEFT_OUTER, on=(WorkSession.task == Task.id))
            .where(*where)
            .order_by(WorkSession.start, WorkSession.id)
        )
        return [self._data(row) for row in query.objects()]

    @staticmethod
    def _data(row: Any) -> SessionData:
        start = from_storage(row.start)
        end = from_storage(row.end) if row.end is not None else start
        return SessionData(
            id=row.id,
            start=start,
            end=end,
            category_id=row.category_id,
            category=row.category_name,
            side=row.category_side,
            skill_id=row.skill_id,
            skill=row.skill_name,
            resource_id=row.resource_id,
            resource=row.resource_title,
            task_id=row.task_id,
            task=row.task_title,
            note=row.note,
            source=row.source,
        )

    def last_labels(self) -> Labels:
        """What the last session added (or timer started) was about: its category, skill
        and resource, each only while it still exists."""
        row = Setting.get_or_none(Setting.key == LAST_LABELS_KEY)
        try:
            stored = json.loads(row.value) if row is not None else {}
        except ValueError:
            stored = {}
        if not isinstance(stored, dict):
            stored = {}
        found: dict[str, int | None] = {}
        for name, model in _REMEMBERED:
            value = stored.get(name)
            ok = isinstance(value, int) and not isinstance(value, bool)
            found[name] = value if ok and model.get_or_none(model.id == value) else None
        return Labels(found["category_id"], found["skill_id"], found["resource_id"])

    @staticmethod
    def remember_labels(labels: Labels) -> None:
        """Keep `labels` (ids already checked) for `last_labels`; in the caller's
        transaction."""
        put_setting(
            LAST_LABELS_KEY, json.dumps({name: getattr(labels, name) for name, _ in _REMEMBERED})
        )

    # ------------------------------------------------------------------ writing

    def add(
        self,
        start: dt.datetime,
        end: dt.datetime,
        *,
        category_id: int | None = None,
        skill_id: int | None = None,
        resource_id: int | None = None,
        task_id: int | None = None,
        note: str = "",
        source: str = "manual",
    ) -> SessionData:
        """Save a session. Overlaps are allowed: check `overlaps()` first to warn."""
        begin, stop = check_span(start, end, self._tz)
        source = _check_source(source)
        labels = Labels(category_id, skill_id, resource_id, task_id, note)
        with atomic():
            row = WorkSession.create(
                start=to_storage(begin),
                end=to_storage(stop),
                source=source,
                **_check_labels(labels),
            )
            self.remember_labels(labels)
        return self.get(row.id)

    def add_local(
        self,
        day: dt.date,
        start: dt.time,
        end: dt.time,
        *,
        end_day: dt.date | None = None,
        **labels: Any,
    ) -> SessionData:
        """Save a session given wall-clock times on `day` (the end on `end_day` if it is
        after midnight); e.g. `log session --start 09:00 --end 11:30 --day D`."""
        check_day(day)
        last = day if end_day is None else check_day(end_day, "the end's day")
        if not isinstance(start, dt.time) or not isinstance(end, dt.time):
            raise InvalidInput("the start and end are times of day")
        begin = at_local(day, start, self._tz)
        stop = at_local(last, end, self._tz)
        return self.add(begin, stop, **labels)

    def add_minutes(
        self, minutes: int | float, *, day: dt.date | None = None, **labels: Any
    ) -> SessionData:
        """Save `minutes` of work (e.g. `log session --minutes 90`): ending now when the
        day is today (or not given); on another day, after that day's last session, else
        from 09:00."""
        if isinstance(minutes, bool) or not isinstance(minutes, int | float):
            raise InvalidInput(f"minutes must be a number, not {minutes!r}")
        if not 1 <= minutes <= MAX_SESSION.total_seconds() / 60:
            raise InvalidInput("a session lasts from 1 minute to 24 hours (1440 minutes)")
        length = dt.timedelta(minutes=minutes)
        now = to_utc(self._clock())
        today = local_date(now, self._tz)
        if day is None or check_day(day) == today:
            return self.add(now - length, now, **labels)
        parts = self.for_day(day)
        day_start, day_end = day_bounds(day, day, self._tz)
        begin = at_local(day, _DEFAULT_START, self._tz)
        if parts:
            begin = max(begin, parts[-1].end.astimezone(dt.UTC))
        if begin + length > day_end:
            begin = max(day_start, day_end - length)
        return self.add(begin, begin + length, **labels)

    def update(
        self,
        session_id: int,
        *,
        start: dt.datetime | Unset = UNSET,
        end: dt.datetime | Unset = UNSET,
        category_id: int | Unset | None = UNSET,
        skill_id: int | Unset | None = UNSET,
        resource_id: int | Unset | None = UNSET,
        task_id: int | Unset | None = UNSET,
        note: str | Unset = UNSET,
    ) -> SessionData:
        """Change a session; the source stays (a timed session keeps its label)."""
        with atomic():
            current = self.get(session_id)
            values: dict[str, Any] = {}
            if start is not UNSET or end is not UNSET:
                begin, stop = check_span(
                    current.start if isinstance(start, Unset) else start,
                    current.end if isinstance(end, Unset) else end,
                    self._tz,
                )
                values["start"], values["end"] = to_storage(begin), to_storage(stop)
            refs = (
                ("category", Category, category_id),
                ("skill", Skill, skill_id),
                ("resource", Resource, resource_id),
                ("task", Task, task_id),
            )
            for column, model, value in refs:
                if not isinstance(value, Unset):
                    values[column] = check_ref(model, value)
            if note is not UNSET:
                values["note"] = clean_text(note, "the note")
            if values:
                WorkSession.update(values).where(WorkSession.id == session_id).execute()
        return self.get(session_id)

    def delete(self, session_id: int) -> None:
        with atomic():
            self.get(session_id)
            WorkSession.delete().where(WorkSession.id == session_id).execute()

    def insert_spans(
        self, spans: Sequence[tuple[dt.datetime, dt.datetime]], labels: Labels, source: str
    ) -> list[SessionData]:
        """Save several sessions with the same labels in one transaction (the timer's
        worked parts). Spans shorter than a minute are skipped, none is refused for its
        length: a timer that ran 30 hours is still saved, for the user to correct."""
        source = _check_source(source)
        ids: list[int] = []
        with atomic():
            values = _check_labels_lenient(labels)
            for start, end in spans:
                begin, stop = to_utc(start), to_utc(end)
                if stop - begin < MIN_SESSION:
                    continue
                row = WorkSession.create(
                    start=to_storage(begin), end=to_storage(stop), source=source, **values
                )
                ids.append(row.id)
        return [self.get(i) for i in ids]

    # ------------------------------------------------------------------ overlaps

    def settle(self, session_id: int, others: Sequence[int], choice: str) -> list[SessionData]:
        """Resolve a session just saved over `others` (ids) by one of OVERLAP_CHOICES;
        what is left of it, in order. Call it in the transaction that saved the session
        (the dialog and `log session --merge/--trim` do), so a refusal undoes both."""
        if choice not in OVERLAP_CHOICES:
            raise InvalidInput(f"the choice must be one of {', '.join(OVERLAP_CHOICES)}")
        with atomic():
            if choice == MERGE and others:
                return [self.merge([session_id, *others])]
            if choice == TRIM_NEW and others:
                return self.trim(session_id, against=others)
            if choice == TRIM_OTHERS:
                for other in others:
                    self.trim(other, against=[session_id])
            return [self.get(session_id)]

    def merge(self, session_ids: Sequence[int]) -> SessionData:
        """One session covering overlapping or touching sessions: the earliest keeps its
        labels (gaps filled from the others), notes are joined, the rest are deleted."""
        ids = list(dict.fromkeys(session_ids))
        if len(ids) < 2:
            raise InvalidInput("pick at least two sessions to merge")
        with atomic():
            sessions = sorted((self.get(i) for i in ids), key=lambda s: (s.start, s.id))
            reach = sessions[0].end
            for following in sessions[1:]:
                if following.start > reach:
                    raise InvalidInput(
                        "only overlapping or touching sessions can be merged "
                        f"(a gap at {_fmt(reach, self._tz)})"
                    )
                reach = max(reach, following.end)
            keep = sessions[0]
            begin, stop = sessions[0].start, reach
            if stop - begin > MAX_SESSION:
                raise InvalidInput("the merged session would last more than 24 hours")

            def first(attr: str) -> Any:
                return next((getattr(s, attr) for s in sessions if getattr(s, attr)), None)

            notes = list(dict.fromkeys(s.note.strip() for s in sessions if s.note.strip()))
            source = "timer" if all(s.source == "timer" for s in sessions) else "manual"
            WorkSession.update(
                start=to_storage(begin),
                end=to_storage(stop),
                category=first("category_id"),
                skill=first("skill_id"),
                resource=first("resource_id"),
                task=first("task_id"),
                note="; ".join(notes),
                source=source,
            ).where(WorkSession.id == keep.id).execute()
            others = [s.id for s in sessions[1:]]
            WorkSession.delete().where(WorkSession.id.in_(others)).execute()
        return self.get(keep.id)

    def trim(self, session_id: int, *, against: Iterable[int] | None = None) -> list[SessionData]:
        """Cut the time other sessions cover out of this one (all overlapping sessions, or
        those in `against`). A cut in the middle leaves two sessions; pieces shorter than
        a minute go. Returns what is left, in order."""
        with atomic():
            session = self.get(session_id)
            overlapping = self.overlaps(session.start, session.end, exclude=session_id)
            if against is not None:
                wanted = set(against)
                overlapping = [s for s in overlapping if s.id in wanted]
            if not overlapping:
                return [session]
            pieces = [(session.start, session.end)]
            for other in overlapping:
                pieces = [
                    piece
                    for start, end in pieces
                    for piece in (
                        (start, min(end, other.start)),
                        (max(start, other.end), end),
                    )
                    if piece[1] - piece[0] >= MIN_SESSION
                ]
            if not pieces:
                raise InvalidInput(
                    "this session lies inside other sessions; delete it or merge instead"
                )
            (first_start, first_end), rest = pieces[0], pieces[1:]
            WorkSession.update(start=to_storage(first_start), end=to_storage(first_end)).where(
                WorkSession.id == session_id
            ).execute()
            row: Any = WorkSession.get_by_id(session_id)
            ids = [session_id]
            for start, end in rest:
                ids.append(
                    WorkSession.create(
                        start=to_storage(start),
                        end=to_storage(end),
                        category=row.category_id,
                        skill=row.skill_id,
                        resource=row.resource_id,
                        task=row.task_id,
                        note=row.note,
                        source=row.source,
                    ).id
                )
        return [self.get(i) for i in ids]


def _check_labels_lenient(labels: Labels) -> dict[str, Any]:
    """Like `_check_labels`, but a link deleted while the timer ran becomes empty rather
    than losing the worked time."""
    values: dict[str, Any] = {"note": clean_text(labels.note, "the note")}
    refs = (
        ("category", Category, labels.category_id),
        ("skill", Skill, labels.skill_id),
        ("resource", Resource, labels.resource_id),
        ("task", Task, labels.task_id),
    )
    for column, model, value in refs:
        try:
            values[column] = check_ref(model, value)
        except InvalidInput:
            values[column] = None
    return values
