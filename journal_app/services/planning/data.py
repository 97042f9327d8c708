"""The plain data the planner hands out: the board, the CLI and the tests share it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from journal_app.services.planning.rules import PRIORITIES, default_label_color, span_days


def _hours(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


@dataclass(frozen=True)
class SprintData:
    id: int
    name: str
    goal: str
    career_goal: str
    start: dt.date
    end: dt.date
    capacity_hours: float | None
    status: str  # planned / active / closed

    @property
    def days(self) -> int:
        return span_days(self.start, self.end)

    @property
    def closed(self) -> bool:
        return self.status == "closed"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "goal": self.goal,
            "career_goal": self.career_goal,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": self.days,
            "capacity_hours": _hours(self.capacity_hours),
            "status": self.status,
        }


@dataclass(frozen=True)
class SprintOverview:
    """A sprint as the list shows it: with its task counts and planned hours."""

    sprint: SprintData
    tasks_total: int
    tasks_done: int
    estimate_hours: float  # the sum of its tasks' estimates

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.sprint.as_dict(),
            "tasks_total": self.tasks_total,
            "tasks_done": self.tasks_done,
            "estimate_hours": _hours(self.estimate_hours),
        }


@dataclass(frozen=True)
class CheckItem:
    """One line of a task's checklist."""

    text: str
    done: bool

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "done": self.done}


@dataclass(frozen=True)
class TaskLink:
    """A task's link to a journal entry or a resource, with what names it."""

    kind: str  # "entry" / "resource"
    target_id: int
    title: str

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.target_id, "title": self.title}


@dataclass(frozen=True)
class TaskData:
    id: int
    title: str
    notes: str
    sprint_id: int | None  # None: in the backlog
    status: str  # todo / doing / done
    position: int
    estimate_hours: float | None
    skill_id: int | None
    skill: str | None
    resource_id: int | None
    resource: str | None
    tags: tuple[str, ...]
    done_at: dt.datetime | None  # aware UTC
    due: dt.date | None = None
    priority: int = 0  # an index of rules.PRIORITIES: none, low, medium, high
    tag_colors: tuple[str, ...] = ()  # "#rrggbb" of each tag, chosen or by default
    checklist: tuple[CheckItem, ...] = ()
    links: tuple[TaskLink, ...] = ()

    @property
    def priority_name(self) -> str:
        return PRIORITIES[self.priority]

    @property
    def labels(self) -> tuple[tuple[str, str], ...]:
        """(tag, "#rrggbb") for each tag, in tag order."""
        colors = self.tag_colors
        return tuple(
            (name, colors[i] if i < len(colors) else default_label_color(name))
            for i, name in enumerate(self.tags)
        )

    @property
    def checked(self) -> int:
        """Checklist items ticked."""
        return sum(1 for item in self.checklist if item.done)

    def overdue(self, today: dt.date) -> bool:
        """Due before today and not done."""
        return self.due is not None and self.due < today and self.status != "done"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "notes": self.notes,
            "sprint_id": self.sprint_id,
            "status": self.status,
            "position": self.position,
            "estimate_hours": _hours(self.estimate_hours),
            "skill": self.skill,
            "resource": self.resource,
            "tags": list(self.tags),
            "done_at": None if self.done_at is None else self.done_at.isoformat(),
            "due": None if self.due is None else self.due.isoformat(),
            "priority": self.priority_name,
            "labels": [{"name": n, "color": c} for n, c in self.labels],
            "checklist": [item.as_dict() for item in self.checklist],
            "links": [link.as_dict() for link in self.links],
        }


@dataclass(frozen=True)
class Place:
    """Where a task stood on the board, to put it back there (undo of a move)."""

    task_id: int
    column: tuple[int | None, str]  # (sprint id or None for the backlog, status)
    before: int | None  # the task after it in that column; None: it was last
    done_at: dt.datetime | None = None  # when it was done, if it was


@dataclass(frozen=True)
class Board:
    """One sprint's tasks in their three columns, each in board order."""

    sprint: SprintData
    todo: tuple[TaskData, ...]
    doing: tuple[TaskData, ...]
    done: tuple[TaskData, ...]

    def column(self, status: str) -> tuple[TaskData, ...]:
        columns: dict[str, tuple[TaskData, ...]] = {
            "todo": self.todo,
            "doing": self.doing,
            "done": self.done,
        }
        return columns[status]

    @property
    def tasks(self) -> tuple[TaskData, ...]:
        return self.todo + self.doing + self.done

    @property
    def estimate_hours(self) -> float:
        """Estimates of every task of the sprint (done ones too) for the capacity bar."""
        return sum(t.estimate_hours or 0.0 for t in self.tasks)


@dataclass(frozen=True)
class CapacitySuggestion:
    """Capacity for a sprint at the pace of the last three sprints that have ended."""

    hours: float | None  # None: no earlier sprint to learn from
    basis: tuple[tuple[str, float, int], ...] = field(default=())  # (name, hours, days)

    def describe(self) -> str:
        if self.hours is None or not self.basis:
            return "no earlier sprint to suggest from"
        parts = ", ".join(f"{name} {hours:.0f} h" for name, hours, _ in self.basis)
        return f"{self.hours:g} h at the pace of {parts}"


@dataclass(frozen=True)
class TimelineBar:
    id: int
    name: str
    start: dt.date
    end: dt.date
    status: str
    lane: int  # row on the timeline: one per sprint, in start order
    overlaps: tuple[int, ...]  # ids of the sprints whose dates overlap this one's


@dataclass(frozen=True)
class BurnUp:
    """Per day of the sprint: hours logged and tasks done so far (None after today), and
    the ideal lines from nothing to the capacity and to every task done."""

    sprint: SprintData
    days: tuple[dt.date, ...]
    hours: tuple[float | None, ...]
    ideal_hours: tuple[float, ...]
    tasks_done: tuple[int | None, ...]
    ideal_tasks: tuple[float, ...]
    tasks_total: int
    target_hours: float  # the capacity, else the tasks' estimates


@dataclass(frozen=True)
class ClosedSprint:
    sprint: SprintData  # as closed
    review_entry_id: int
    done: tuple[TaskData, ...]
    rolled_over: tuple[TaskData, ...]  # as they were before moving
    rolled_to: SprintData | None  # None: back to the backlog
