"""Closing a sprint: unfinished tasks roll over (to the next sprint or the backlog), the
review entry is written from the "Sprint review" template, the sprint is marked closed —
all in one transaction, so a failure leaves the sprint, its tasks and the journal as
they were."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol, cast

from journal_app.db.models import Sprint, Template
from journal_app.errors import InvalidInput
from journal_app.services.planning import review, task_store
from journal_app.services.planning.data import ClosedSprint, SprintData, TaskData
from journal_app.services.planning.rules import check_rollover
from journal_app.services.planning.sprint_store import find_sprints, get_sprint
from journal_app.services.tracking.common import atomic_write


class Planner(Protocol):
    """What closing asks of the PlanningService (named here: no import circle)."""

    templates: Any
    entries: Any
    sprint_service: Any

    def today(self) -> dt.date: ...

    def review_figures(
        self,
        sprint: SprintData,
        *,
        done: tuple[TaskData, ...],
        rolled_over: tuple[TaskData, ...],
        rolled_to: str,
    ) -> review.ReviewFigures: ...


REVIEW_TAG = "sprint-review"


def next_sprint(sprint: SprintData) -> SprintData | None:
    """The sprint that follows: the first one not closed starting after this one."""
    later = find_sprints(
        Sprint.id != sprint.id,
        Sprint.status != "closed",
        (Sprint.start > sprint.start) | ((Sprint.start == sprint.start) & (Sprint.id > sprint.id)),
        order=(Sprint.start, Sprint.id),
    )
    return later[0] if later else None


def _sprint_template_id() -> int:
    found = Template.get_or_none(Template.builtin_key == "sprint")
    if found is None:  # pragma: no cover - migration 3 inserts it and it cannot be deleted
        raise InvalidInput("the “Sprint review” template is missing")
    return cast(int, found.id)


def close(
    planner: Planner, sprint_id: int, rollover: object, *, into: int | None = None
) -> ClosedSprint:
    """Close `sprint_id`, roll its unfinished tasks over to `rollover` ("next": the next
    sprint, or `into` when given; "backlog") and write its review entry."""
    choice = check_rollover(rollover)
    with atomic_write():
        sprint = get_sprint(sprint_id)
        if sprint.closed:
            raise InvalidInput(f"{sprint.name} is already closed")
        target: SprintData | None = None
        if choice == "next":
            target = get_sprint(into) if into is not None else next_sprint(sprint)
            if target is None:
                raise InvalidInput(
                    f"there is no sprint after {sprint.name} to roll over to; "
                    "plan one, or roll over to the backlog"
                )
            if target.id == sprint.id or target.closed:
                raise InvalidInput(f"cannot roll over into {target.name}: it is closed")
        tasks = task_store.sprint_tasks(sprint.id)
        done = tuple(t for t in tasks if t.status == "done")
        unfinished = tuple(t for t in tasks if t.status != "done")
        figures = planner.review_figures(
            sprint,
            done=done,
            rolled_over=unfinished,
            rolled_to="the backlog" if target is None else target.name,
        )
        day = review.review_day(sprint, planner.today())
        rendered = planner.templates.render(_sprint_template_id(), day=day)
        title, body = _own_name(rendered.title, rendered.body, sprint, planner, day)
        entry = planner.entries.create(
            day=day,
            title=title,
            body=review.fill(body, review.sections(figures)),
            series=rendered.series,
            number=rendered.number,
            tags=[REVIEW_TAG],
            sprint_id=sprint.id,
        )
        task_store.append_to(
            [t.id for t in unfinished],
            None if target is None else target.id,
            keep_status=True,
        )
        Sprint.update(status="closed").where(Sprint.id == sprint.id).execute()
    return ClosedSprint(
        sprint=get_sprint(sprint.id),
        review_entry_id=entry.id,
        done=done,
        rolled_over=unfinished,
        rolled_to=None if target is None else get_sprint(target.id),
    )


def _own_name(title: str, body: str, sprint: SprintData, planner: Any, day: Any) -> tuple[str, str]:
    """The template names the sprint running on the review's day; when another sprint
    is marked running then (overlapping dates), put this sprint's name in its place."""
    running = planner.sprint_service.active(day)
    if running is None or running.id == sprint.id or running.name == sprint.name:
        return title, body
    return title.replace(running.name, sprint.name), body.replace(running.name, sprint.name)
