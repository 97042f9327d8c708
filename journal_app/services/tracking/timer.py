"""The focus timer: start, pause, resume, stop (→ sessions with source "timer"), with an
optional Pomodoro schedule, idle handling and crash recovery.

At most one timer exists per journal. Its state is one JSON row of the `setting` table
(key "timer.state"), written on every change and by `heartbeat()`, which the UI calls
every ~30 s while it shows a running timer. Why there and not as a WorkSession row with
no end: the state has parts (pauses, the Pomodoro clock) that a session row cannot hold,
the primary key makes "at most one" a fact, no migration is needed, and no statistic
ever sees a half-finished session.

After a crash or kill the state is still there: `recover()` reports a running timer
whose heartbeat is stale, with the time since; the user keeps it (`heartbeat()`) or
discards it (`discard_idle(recovery.last_heartbeat)`, which leaves the timer paused).
A timer started from the CLI has no heartbeat (nothing watches it), so it is never
reported as crashed.

Time is what the clock says, never negative: if the clock moves backwards while the
timer runs, the part measured across the jump counts as zero. Pauses and Pomodoro breaks
are not work: stopping saves ONE session, from the timer's first start, as long as the
time worked (every second of every stretch, however short). Less than a minute in all
is refused (`TimerTooShort`, nothing changed): the user keeps timing or discards it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any

from journal_app.db.models import Category, Resource, Setting, Skill, Task
from journal_app.errors import InvalidInput
from journal_app.services.clock import Clock
from journal_app.services.common import UNSET, Unset, clean_text
from journal_app.services.rows import check_ref
from journal_app.services.tracking import pomodoro as pomo
from journal_app.services.tracking.common import atomic_write, put_setting
from journal_app.services.tracking.sessions import (
    MIN_SESSION,
    Labels,
    SessionData,
    SessionService,
)
from journal_app.services.tracking.timeutil import to_utc

STATE_KEY = "timer.state"
STALE_AFTER = dt.timedelta(minutes=2)  # four missed heartbeats
_ZERO = dt.timedelta(0)


@dataclass(frozen=True)
class PomodoroStatus:
    kind: str  # work / break / long_break
    number: int  # the work part it is or follows, from 1
    started_at: dt.datetime | None  # aware UTC; None while paused
    ends_at: dt.datetime | None  # when to notify; None while paused
    remaining: dt.timedelta
    config: pomo.PomodoroConfig

    @property
    def is_break(self) -> bool:
        return self.kind != pomo.WORK


@dataclass(frozen=True)
class TimerState:
    started_at: dt.datetime  # aware UTC
    running: bool  # False: paused
    running_since: dt.datetime | None  # start of the current running stretch
    elapsed: dt.timedelta  # work counted so far (breaks excluded), up to `now`
    category_id: int | None
    category: str | None
    skill_id: int | None
    skill: str | None
    resource_id: int | None
    resource: str | None
    task_id: int | None
    task: str | None
    note: str
    last_heartbeat: dt.datetime | None  # None: started where nothing watches it (CLI)
    pomodoro: PomodoroStatus | None
    now: dt.datetime  # the clock reading these figures are for

    def as_dict(self, tz: dt.tzinfo | None = None) -> dict[str, Any]:
        """Plain data; instants in `tz` (local time, as `day --json` shows) or UTC."""
        zone = tz or dt.UTC
        return {
            "running": self.running,
            "started_at": self.started_at.astimezone(zone).isoformat(),
            "elapsed_minutes": round(self.elapsed.total_seconds() / 60, 2),
            "category": self.category,
            "skill": self.skill,
            "resource": self.resource,
            "task": self.task,
            "note": self.note,
            "pomodoro": None
            if self.pomodoro is None
            else {
                "part": self.pomodoro.kind,
                "number": self.pomodoro.number,
                "ends_at": None
                if self.pomodoro.ends_at is None
                else self.pomodoro.ends_at.astimezone(zone).isoformat(),
            },
        }


@dataclass(frozen=True)
class Recovery:
    """A timer left running by a process that stopped sending heartbeats."""

    timer: TimerState
    last_heartbeat: dt.datetime
    since_heartbeat: dt.timedelta


@dataclass(frozen=True)
class TimerResult:
    session: SessionData  # the one session saved: its length is the time worked

    @property
    def worked(self) -> dt.timedelta:
        return self.session.duration


class TimerTooShort(InvalidInput):
    """Stopping after less than a minute of work: a session lasts at least a minute, so
    the timer is left as it was for the user to keep timing or discard it."""

    def __init__(self, worked: dt.timedelta) -> None:
        self.worked = worked
        seconds = max(int(worked.total_seconds()), 0)
        super().__init__(
            f"only {seconds} s timed, and a session lasts at least a minute: "
            "keep timing, or discard it"
        )


@dataclass
class _State:
    """The stored state (instants aware UTC)."""

    started_at: dt.datetime
    running_since: dt.datetime | None
    active_seconds: float  # Pomodoro clock before `running_since`
    worked: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    heartbeat: dt.datetime | None = None
    labels: Labels = field(default_factory=Labels)
    pomodoro: pomo.PomodoroConfig | None = None

    def dump(self) -> str:
        def iso(value: dt.datetime | None) -> str | None:
            return None if value is None else value.isoformat()

        return json.dumps(
            {
                "version": 1,
                "started_at": iso(self.started_at),
                "running_since": iso(self.running_since),
                "active_seconds": self.active_seconds,
                "worked": [[iso(s), iso(e)] for s, e in self.worked],
                "heartbeat": iso(self.heartbeat),
                "labels": {
                    "category_id": self.labels.category_id,
                    "skill_id": self.labels.skill_id,
                    "resource_id": self.labels.resource_id,
                    "task_id": self.labels.task_id,
                    "note": self.labels.note,
                },
                "pomodoro": None if self.pomodoro is None else self.pomodoro.as_dict(),
            }
        )

    @classmethod
    def load(cls, text: str) -> _State:
        data = json.loads(text)

        def when(value: str | None) -> dt.datetime | None:
            return None if value is None else _instant(value)

        started = when(data["started_at"])
        if started is None:
            raise ValueError("a timer state without a start")
        labels = data.get("labels") or {}
        config = data.get("pomodoro")
        return cls(
            started_at=started,
            running_since=when(data.get("running_since")),
            active_seconds=float(data.get("active_seconds", 0.0)),
            worked=[
                (to_utc(dt.datetime.fromisoformat(s)), to_utc(dt.datetime.fromisoformat(e)))
                for s, e in data.get("worked", [])
            ],
            heartbeat=when(data.get("heartbeat")),
            labels=Labels(
                category_id=labels.get("category_id"),
                skill_id=labels.get("skill_id"),
                resource_id=labels.get("resource_id"),
                task_id=labels.get("task_id"),
                note=labels.get("note", ""),
            ),
            pomodoro=None if config is None else pomo.PomodoroConfig.from_dict(config),
        )


def _instant(text: str) -> dt.datetime:
    return to_utc(dt.datetime.fromisoformat(text))


def _active_pieces(
    state: _State, until: dt.datetime
) -> tuple[list[tuple[dt.datetime, dt.datetime]], float]:
    """The worked pieces of the running stretch up to `until` (real instants), and the
    Pomodoro clock at `until`. A clock that went backwards gives no piece."""
    since = state.running_since
    if since is None:
        return [], state.active_seconds
    stop = max(until, since)
    length = (stop - since).total_seconds()
    a0, a1 = state.active_seconds, state.active_seconds + length
    if state.pomodoro is None:
        pieces = [(since, stop)] if stop > since else []
    else:
        pieces = [
            (since + dt.timedelta(seconds=w0 - a0), since + dt.timedelta(seconds=w1 - a0))
            for w0, w1 in pomo.work_intervals(state.pomodoro, a0, a1)
        ]
    return pieces, a1


class TimerService:
    def __init__(self, clock: Clock, sessions: SessionService) -> None:
        self._clock = clock
        self._sessions = sessions

    def _now(self) -> dt.datetime:
        return to_utc(self._clock())

    # ------------------------------------------------------------------ state

    @staticmethod
    def _load() -> _State | None:
        row = Setting.get_or_none(Setting.key == STATE_KEY)
        if row is None:
            return None
        try:
            return _State.load(row.value)
        except (ValueError, KeyError, TypeError, InvalidInput):
            # A damaged state must not lock the user out of the timer: forget it.
            Setting.delete().where(Setting.key == STATE_KEY).execute()
            return None

    @staticmethod
    def _save(state: _State) -> None:
        put_setting(STATE_KEY, state.dump())

    def _require(self) -> _State:
        state = self._load()
        if state is None:
            raise InvalidInput("no timer is running")
        return state

    def _close(self, state: _State, at: dt.datetime) -> None:
        """End the running stretch at `at`: its worked pieces join `worked`, paused."""
        pieces, active = _active_pieces(state, at)
        state.worked.extend(pieces)
        state.active_seconds = active
        state.running_since = None

    def _view(self, state: _State, now: dt.datetime) -> TimerState:
        pieces, active = _active_pieces(state, now)
        elapsed = sum(((e - s) for s, e in [*state.worked, *pieces]), _ZERO)
        status: PomodoroStatus | None = None
        if state.pomodoro is not None:
            phase = pomo.phase_at(state.pomodoro, active)
            remaining = dt.timedelta(seconds=phase.end - active)
            running = state.running_since is not None
            status = PomodoroStatus(
                kind=phase.kind,
                number=phase.number,
                started_at=now - dt.timedelta(seconds=active - phase.start) if running else None,
                ends_at=now + remaining if running else None,
                remaining=remaining,
                config=state.pomodoro,
            )
        labels = state.labels
        return TimerState(
            started_at=state.started_at,
            running=state.running_since is not None,
            running_since=state.running_since,
            elapsed=max(elapsed, _ZERO),
            category_id=labels.category_id,
            category=_name(Category, Category.name, labels.category_id),
            skill_id=labels.skill_id,
            skill=_name(Skill, Skill.name, labels.skill_id),
            resource_id=labels.resource_id,
            resource=_name(Resource, Resource.title, labels.resource_id),
            task_id=labels.task_id,
            task=_name(Task, Task.title, labels.task_id),
            note=labels.note,
            last_heartbeat=state.heartbeat,
            pomodoro=status,
            now=now,
        )

    # ------------------------------------------------------------------ public

    def status(self) -> TimerState | None:
        state = self._load()
        return None if state is None else self._view(state, self._now())

    def start(
        self,
        *,
        category_id: int | None = None,
        skill_id: int | None = None,
        resource_id: int | None = None,
        task_id: int | None = None,
        note: str = "",
        pomodoro: pomo.PomodoroConfig | None = None,
        watched: bool = True,
    ) -> TimerState:
        """Start the timer. `watched=False` (the CLI) means no process sends heartbeats,
        so the timer is never taken for a crashed one."""
        if pomodoro is not None and not isinstance(pomodoro, pomo.PomodoroConfig):
            raise InvalidInput("pomodoro must be a PomodoroConfig")
        now = self._now()
        with atomic_write():
            existing = self._load()
            if existing is not None:
                started = existing.started_at.astimezone(self._sessions.tz).strftime("%H:%M")
                raise InvalidInput(f"a timer is already running (started {started}); stop it first")
            labels = Labels(
                category_id=check_ref(Category, category_id),
                skill_id=check_ref(Skill, skill_id),
                resource_id=check_ref(Resource, resource_id),
                task_id=check_ref(Task, task_id),
                note=clean_text(note, "the note"),
            )
            self._sessions.remember_labels(labels)
            state = _State(
                started_at=now,
                running_since=now,
                active_seconds=0.0,
                heartbeat=now if watched else None,
                labels=labels,
                pomodoro=pomodoro,
            )
            self._save(state)
        return self._view(state, now)

    def pause(self) -> TimerState:
        now = self._now()
        with atomic_write():
            state = self._require()
            if state.running_since is None:
                raise InvalidInput("the timer is already paused")
            self._close(state, now)
            self._save(state)
        return self._view(state, now)

    def resume(self) -> TimerState:
        now = self._now()
        with atomic_write():
            state = self._require()
            if state.running_since is not None:
                raise InvalidInput("the timer is already running")
            state.running_since = now
            if state.heartbeat is not None:
                state.heartbeat = now
            self._save(state)
        return self._view(state, now)

    def stop(self, *, note: str | None = None) -> TimerResult:
        """Stop and save the worked time as one session (source "timer") that starts when
        the timer first started and lasts as long as the time worked, pauses and breaks
        left out. Less than a minute raises TimerTooShort and changes nothing."""
        now = self._now()
        with atomic_write():
            state = self._require()
            self._close(state, now)
            # Whole seconds, as sessions are stored (Pomodoro pieces can end mid-second).
            seconds = sum((e - s for s, e in state.worked), _ZERO).total_seconds()
            worked = dt.timedelta(seconds=round(seconds))
            if worked < MIN_SESSION:
                raise TimerTooShort(worked)  # rolls back: the timer is as it was
            labels = state.labels
            if note is not None:
                labels = replace(labels, note=clean_text(note, "the note"))
            begin = state.worked[0][0]
            (saved,) = self._sessions.insert_spans([(begin, begin + worked)], labels, "timer")
            Setting.delete().where(Setting.key == STATE_KEY).execute()
        return TimerResult(session=saved)

    def cancel(self) -> None:
        """Throw the running timer away without saving anything."""
        with atomic_write():
            self._require()
            Setting.delete().where(Setting.key == STATE_KEY).execute()

    def relabel(
        self,
        *,
        category_id: int | Unset | None = UNSET,
        skill_id: int | Unset | None = UNSET,
        resource_id: int | Unset | None = UNSET,
        task_id: int | Unset | None = UNSET,
        note: str | Unset = UNSET,
    ) -> TimerState:
        """Change what the running timer is about (applies to all of its time)."""
        now = self._now()
        with atomic_write():
            state = self._require()
            labels = state.labels
            if not isinstance(category_id, Unset):
                labels = replace(labels, category_id=check_ref(Category, category_id))
            if not isinstance(skill_id, Unset):
                labels = replace(labels, skill_id=check_ref(Skill, skill_id))
            if not isinstance(resource_id, Unset):
                labels = replace(labels, resource_id=check_ref(Resource, resource_id))
            if not isinstance(task_id, Unset):
                labels = replace(labels, task_id=check_ref(Task, task_id))
            if not isinstance(note, Unset):
                labels = replace(labels, note=clean_text(note, "the note"))
            state.labels = labels
            self._sessions.remember_labels(labels)
            self._save(state)
        return self._view(state, now)

    # ------------------------------------------------------------------ liveness

    def heartbeat(self) -> TimerState | None:
        """Record that the app is alive and watching the timer; None when there is no
        timer (e.g. the CLI stopped it meanwhile). Also how a recovered timer is kept."""
        now = self._now()
        with atomic_write():
            state = self._load()
            if state is None:
                return None
            state.heartbeat = now
            self._save(state)
        return self._view(state, now)

    def recover(self, *, stale_after: dt.timedelta = STALE_AFTER) -> Recovery | None:
        """A running timer whose last heartbeat is older than `stale_after` (the app was
        killed or crashed), else None. Call once at start-up, before heartbeats begin."""
        state = self._load()
        if state is None or state.running_since is None or state.heartbeat is None:
            return None
        now = self._now()
        since = max(now - state.heartbeat, _ZERO)
        if since <= stale_after:
            return None
        return Recovery(self._view(state, now), state.heartbeat, since)

    def idle_since(self, last_input: dt.datetime, idle_minutes: float) -> dt.timedelta | None:
        """How long the user has been idle while the timer runs, if longer than
        `idle_minutes`; the UI then asks to keep or `discard_idle(last_input)`."""
        state = self._load()
        if state is None or state.running_since is None:
            return None
        idle = max(self._now() - to_utc(last_input), _ZERO)
        return idle if idle > dt.timedelta(minutes=idle_minutes) else None

    def discard_idle(self, since: dt.datetime, *, resume: bool = False) -> TimerState:
        """Drop the running time after `since` (idle, or the last heartbeat before a
        crash). The timer is left paused, or running again from now with `resume`."""
        now = self._now()
        with atomic_write():
            state = self._require()
            if state.running_since is None:
                raise InvalidInput("the timer is paused; there is no idle time to discard")
            cut = min(max(to_utc(since), state.running_since), max(now, state.running_since))
            self._close(state, cut)
            if resume:
                state.running_since = now
            if state.heartbeat is not None:
                state.heartbeat = now
            self._save(state)
        return self._view(state, now)

    def skip_break(self) -> TimerState:
        """End the current Pomodoro break now and start the next work part."""
        now = self._now()
        with atomic_write():
            state = self._require()
            if state.pomodoro is None:
                raise InvalidInput("the timer has no Pomodoro schedule")
            running = state.running_since is not None
            if running:
                self._close(state, now)
            phase = pomo.phase_at(state.pomodoro, state.active_seconds)
            if phase.is_work:
                raise InvalidInput("this is a work part, not a break")
            state.active_seconds = phase.end
            if running:
                state.running_since = now
            self._save(state)
        return self._view(state, now)


def _name(model: Any, column: Any, row_id: int | None) -> str | None:
    if row_id is None:
        return None
    value = model.select(column).where(model._meta.primary_key == row_id).scalar()
    return None if value is None else str(value)
