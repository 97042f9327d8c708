"""The sprint planner's one entry point for the UI and the CLI.

Built by the `Services` facade (`planning_of(services)`), which hands it the clock, the
zone and the services it borrows: a sprint's hours, sleep and outputs are the same figures
the Today view and the Dashboard show. Every change is one transaction.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from journal_app.errors import InvalidInput
from journal_app.services.common import UNSET, Unset, atomic
from journal_app.services.planning import (
    board_settings,
    capacity,
    card_details,
    closing,
    sprint_store,
    task_store,
)
from journal_app.services.planning.burnup import burn_up
from journal_app.services.planning.data import (
    Board,
    BurnUp,
    CapacitySuggestion,
    ClosedSprint,
    Place,
    SprintData,
    SprintOverview,
    TaskData,
    TimelineBar,
)
from journal_app.services.planning.review import (
    ReviewFigures,
    review_day,
    review_outputs,
)
from journal_app.services.planning.rules import check_span
from journal_app.services.planning.timeline import lay_out
from journal_app.services.tracking.timeutil import local_date

if TYPE_CHECKING:
    from journal_app.services.clock import Clock
    from journal_app.services.entries import EntryService
    from journal_app.services.planning.review import ReviewFigures
    from journal_app.services.sprints import SprintService
    from journal_app.services.templates import TemplateService
    from journal_app.services.tracking.outputs import OutputService
    from journal_app.services.tracking.stats import StatsService

# closing, review, burnup and timeline are imported by the methods that use them: the
# board opens without them.


class _HasPlanner(Protocol):
    @property
    def planning(self) -> PlanningService: ...


def planning_of(services: _HasPlanner) -> PlanningService:
    """The planner of a journal (`services.planning`, made once)."""
    return services.planning


class PlanningService:
    def __init__(
        self,
        clock: Clock,
        tz: dt.tzinfo,
        *,
        stats: StatsService,
        outputs: OutputService,
        sprints: SprintService,
        entries: EntryService,
        templates: TemplateService,
    ) -> None:
        self.clock = clock
        self.tz = tz
        self.stats = stats
        self.outputs = outputs
        self.sprint_service = sprints  # which sprint is marked running
        self.entries = entries  # closing writes the review entry
        self.templates = templates  # from the sprint review template

    # ------------------------------------------------------------------ time

    def today(self) -> dt.date:
        return local_date(self.clock(), self.tz)

    def _now(self) -> dt.datetime:
        return self.clock()

    def _hours_of(self, first: dt.date, last: dt.date) -> dict[dt.date, float]:
        return {d.day: d.total for d in self.stats.day_hours(first, last) if d.total > 0}

    # ------------------------------------------------------------------ sprints

    def sprints(self) -> builtins.list[SprintOverview]:
        """Every sprint, the latest start first, with task counts and estimates."""
        return sprint_store.overviews()

    def sprint(self, sprint_id: int) -> SprintData:
        return sprint_store.get_sprint(sprint_id)

    def current(self) -> SprintData | None:
        """The sprint to open the board on: the one running today, else the next one
        planned, else the latest."""
        running = self.sprint_service.active(self.today())
        if running is not None:
            return self.sprint(running.id)
        found = sprint_store.find_sprints()
        upcoming = [s for s in found if not s.closed and s.start > self.today()]
        if upcoming:
            return min(upcoming, key=lambda s: (s.start, s.id))
        return found[0] if found else None

    def add_sprint(
        self,
        name: str,
        start: dt.date,
        end: dt.date,
        *,
        goal: str = "",
        career_goal: str = "",
        capacity_hours: float | Unset | None = UNSET,
        status: str = "planned",
    ) -> SprintData:
        """A new sprint; without a capacity, the suggested one (or none)."""
        if isinstance(capacity_hours, Unset):
            check_span(start, end)
            capacity_hours = self.suggest_capacity(start, end).hours
        return sprint_store.add_sprint(
            name=name,
            start=start,
            end=end,
            goal=goal,
            career_goal=career_goal,
            capacity_hours=capacity_hours,
            status=status,
            now=self._now(),
        )

    def update_sprint(self, sprint_id: int, **values: Any) -> SprintData:
        """Change any of name, goal, career_goal, start, end, capacity_hours, status."""
        return sprint_store.update_sprint(sprint_id, **values)

    def delete_sprint(self, sprint_id: int) -> None:
        with atomic():
            unfinished = [t.id for t in task_store.sprint_tasks(sprint_id) if t.status != "done"]
            task_store.append_to(unfinished, None, keep_status=False)
            sprint_store.delete_sprint(sprint_id)

    def suggest_capacity(
        self, start: dt.date, end: dt.date, *, exclude: int | None = None
    ) -> CapacitySuggestion:
        start, end = check_span(start, end)
        return capacity.suggest(
            start, end, today=self.today(), hours_of=self._hours_of, exclude=exclude
        )

    def sprint_hours(self, sprint_id: int) -> float:
        """Deep-work hours logged on the sprint's days so far."""
        return capacity.sprint_hours(self.sprint(sprint_id), self._hours_of, self.today())

    def next_sprint(self, sprint_id: int) -> SprintData | None:
        return closing.next_sprint(self.sprint(sprint_id))

    def timeline(self) -> builtins.list[TimelineBar]:
        return lay_out(sprint_store.find_sprints())

    # ------------------------------------------------------------------ tasks

    def board(self, sprint_id: int) -> Board:
        sprint = self.sprint(sprint_id)
        tasks = task_store.sprint_tasks(sprint_id)
        return Board(
            sprint,
            tuple(t for t in tasks if t.status == "todo"),
            tuple(t for t in tasks if t.status == "doing"),
            tuple(t for t in tasks if t.status == "done"),
        )

    def tasks(self, sprint_id: int) -> builtins.list[TaskData]:
        self.sprint(sprint_id)
        return task_store.sprint_tasks(sprint_id)

    def backlog(self) -> builtins.list[TaskData]:
        """Tasks in no sprint and not done, in backlog order."""
        return task_store.backlog_tasks()

    def task(self, task_id: int) -> TaskData:
        return task_store.get_task(task_id)

    def tag_names(self) -> builtins.list[str]:
        return task_store.task_tag_names()

    def add_task(
        self,
        title: str,
        *,
        sprint_id: int | None = None,
        status: str = "todo",
        estimate_hours: float | None = None,
        notes: str = "",
        skill_id: int | None = None,
        resource_id: int | None = None,
        tags: Iterable[str] = (),
        before: int | None = None,
    ) -> TaskData:
        """A new task at the end of its column (or before the task `before`)."""
        return task_store.add_task(
            title=title,
            sprint_id=sprint_id,
            status=status,
            estimate_hours=estimate_hours,
            notes=notes,
            skill_id=skill_id,
            resource_id=resource_id,
            tags=tags,
            before=before,
            now=self._now(),
        )

    def update_task(self, task_id: int, **values: Any) -> TaskData:
        """Change any of title, notes, estimate_hours, skill_id, resource_id, tags, due,
        priority, checklist ((text, done) pairs), links ((kind, id) pairs), label_colors
        ({label: "#rrggbb" or None for its default}), in one transaction."""
        return task_store.update_task(task_id, **values)

    def set_label_color(self, name: str, color: str | None) -> None:
        """Choose the colour of a label (a tag on tasks); None: its default colour."""

        with atomic():
            card_details.set_tag_color(name, color)

    def wip_limits(self) -> dict[str, int]:
        """The board's work-in-progress limit of each column that has one."""
        return board_settings.wip_limits()

    def set_wip_limit(self, status: str, limit: int | None) -> None:
        """Limit the cards of a column (todo, doing, done); None: no limit."""
        board_settings.set_wip_limit(status, limit)

    def start_sprint(self, sprint_id: int) -> SprintData:
        """Make a planned sprint the running one (active). Refused for a closed sprint,
        or while another active sprint shares some of its days."""

        with atomic():
            sprint = self.sprint(sprint_id)
            if sprint.closed:
                raise InvalidInput(f"{sprint.name} is closed; a closed sprint cannot restart")
            if sprint.status == "active":
                return sprint
            running = [
                s
                for s in sprint_store.find_sprints()
                if s.status == "active" and s.start <= sprint.end and sprint.start <= s.end
            ]
            if running:
                raise InvalidInput(
                    f"{running[0].name} (#{running[0].id}) is active; close it first"
                )
            return sprint_store.update_sprint(sprint_id, status="active")

    def delete_task(self, task_id: int) -> None:
        task_store.delete_task(task_id)

    def move_task(
        self,
        task_id: int,
        *,
        sprint_id: int | Unset | None = UNSET,
        status: str | Unset = UNSET,
        before: int | None = None,
    ) -> TaskData:
        """Move a task to a column — a status of its sprint or of another one, or the
        backlog (`sprint_id=None`) — before the task `before` or at the column's end."""
        return task_store.move_task(
            task_id, sprint_id=sprint_id, status=status, before=before, now=self._now()
        )

    def move_tasks(
        self,
        task_ids: Iterable[int],
        *,
        sprint_id: int | Unset | None = UNSET,
        status: str | Unset = UNSET,
        before: int | None = None,
    ) -> builtins.list[TaskData]:
        """Move several tasks (a drop of several cards) in one transaction, keeping their
        order; if one cannot move, none does."""
        ids = list(dict.fromkeys(task_ids))
        with atomic():
            moved = [
                self.move_task(
                    task_id,
                    sprint_id=sprint_id,
                    status=status,
                    before=before if before not in ids else None,
                )
                for task_id in ids
            ]
        return moved

    def put_back(self, places: Iterable[Place]) -> builtins.list[TaskData]:
        """Return tasks to where they were (an undo), in one transaction, in the order
        given (an undo gives the last moved first). A neighbour that moved meanwhile
        puts the task at its column's end; a task back in Done keeps the day it was
        done, so the burn-up does not move."""
        moved = []
        with atomic():
            for place in places:
                sprint_id, status = place.column
                column = (sprint_id, "todo" if sprint_id is None else status)
                before = place.before
                if before is not None and before not in task_store.column_ids(column):
                    before = None
                if sprint_id is None:
                    task = self.move_task(place.task_id, sprint_id=None, before=before)
                else:
                    task = self.move_task(
                        place.task_id, sprint_id=sprint_id, status=status, before=before
                    )
                if task.status == "done" and place.done_at is not None:
                    task = task_store.set_done_at(task.id, place.done_at)
                moved.append(task)
        return moved

    # ------------------------------------------------------------------ charts, review

    def burn_up(self, sprint_id: int) -> BurnUp:
        sprint = self.sprint(sprint_id)
        return burn_up(
            sprint,
            task_store.sprint_tasks(sprint_id),
            hours_of=self._hours_of,
            today=self.today(),
            tz=self.tz,
        )

    def review_figures(
        self,
        sprint: SprintData,
        *,
        done: tuple[TaskData, ...],
        rolled_over: tuple[TaskData, ...],
        rolled_to: str,
    ) -> ReviewFigures:
        """What the review says of the sprint, counted over its days up to today."""
        today = self.today()
        first, last = sprint.start, min(sprint.end, today)
        hours = self.stats.day_hours(first, last) if last >= first else []
        nights = self.stats.sleep_hours(first, (last - first).days + 1) if hours else []
        outputs = {o.id: o for o in self.outputs.list(sprint_id=sprint.id)}
        for o in self.outputs.list(first=sprint.start, last=sprint.end):
            outputs.setdefault(o.id, o)
        streak = self.stats.overall(review_day(sprint, today)).streak_current
        return ReviewFigures(
            sprint=sprint,
            first=first,
            last=last,
            hours=sum(d.total for d in hours),
            production_hours=sum(d.production for d in hours),
            consumption_hours=sum(d.consumption for d in hours),
            other_hours=sum(d.other for d in hours),
            days_worked=sum(1 for d in hours if d.total > 0),
            sleep_avg=sum(nights) / len(nights) if nights else None,
            nights=len(nights),
            outputs=review_outputs(list(outputs.values()), sprint),
            done=done,
            rolled_over=rolled_over,
            rolled_to=rolled_to,
            streak=streak,
        )

    def close_sprint(
        self, sprint_id: int, rollover: str, *, into: int | None = None
    ) -> ClosedSprint:
        """Close the sprint: unfinished tasks go to the next sprint (or `into`) or to the
        backlog, and a review entry is written (its id is in the result)."""
        return closing.close(self, sprint_id, rollover, into=into)
