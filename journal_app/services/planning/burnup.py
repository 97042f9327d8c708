"""The burn-up of a sprint: hours logged and tasks done, day by day, against the ideal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from journal_app.services.planning.capacity import HoursOf
from journal_app.services.planning.data import BurnUp, SprintData, TaskData
from journal_app.services.tracking.timeutil import local_date


def burn_up(
    sprint: SprintData,
    tasks: Sequence[TaskData],
    *,
    hours_of: HoursOf,
    today: dt.date,
    tz: dt.tzinfo,
) -> BurnUp:
    """Cumulative figures at the end of each day; days after today have none. A task
    done before the sprint began counts on its first day, one done after it on its last."""
    days = tuple(sprint.start + dt.timedelta(days=i) for i in range(sprint.days))
    last_known = min(sprint.end, today)
    per_day = hours_of(sprint.start, last_known) if last_known >= sprint.start else {}
    done_on: dict[dt.date, int] = {}
    for task in tasks:
        if task.status == "done" and task.done_at is not None:
            day = min(max(local_date(task.done_at, tz), sprint.start), sprint.end)
            done_on[day] = done_on.get(day, 0) + 1
        elif task.status == "done":  # done without a time (imported): the first day
            done_on[sprint.start] = done_on.get(sprint.start, 0) + 1
    estimate = sum(t.estimate_hours or 0.0 for t in tasks)
    target = sprint.capacity_hours if sprint.capacity_hours is not None else estimate
    hours: list[float | None] = []
    done: list[int | None] = []
    total_hours = 0.0
    total_done = 0
    for day in days:
        total_hours += per_day.get(day, 0.0)
        total_done += done_on.get(day, 0)
        future = day > last_known
        hours.append(None if future else total_hours)
        done.append(None if future else total_done)
    n = len(days)
    return BurnUp(
        sprint=sprint,
        days=days,
        hours=tuple(hours),
        ideal_hours=tuple(target * (i + 1) / n for i in range(n)),
        tasks_done=tuple(done),
        ideal_tasks=tuple(len(tasks) * (i + 1) / n for i in range(n)),
        tasks_total=len(tasks),
        target_hours=target,
    )
