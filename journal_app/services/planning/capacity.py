"""Hours a sprint actually got, and the capacity to suggest for a new one.

A sprint's actual hours are the deep work logged on its days (the same figures as the
Today view and the Dashboard: services.tracking.stats). The suggestion scales the pace
of the last three sprints that have ended — hours per day — to the new sprint's length.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from journal_app.db.models import Sprint
from journal_app.services.planning.data import CapacitySuggestion, SprintData
from journal_app.services.planning.sprint_store import find_sprints

BASIS_SPRINTS = 3
HoursOf = Callable[[dt.date, dt.date], dict[dt.date, float]]  # per local day, zeros left out


def sprint_hours(sprint: SprintData, hours_of: HoursOf, today: dt.date) -> float:
    """Deep-work hours on the sprint's days up to today."""
    last = min(sprint.end, today)
    if last < sprint.start:
        return 0.0
    return sum(hours_of(sprint.start, last).values())


def _round(hours: float) -> float:
    """Whole hours (half hours below ten): a capacity is a plan, not a measurement."""
    return round(hours * 2) / 2 if hours < 10 else float(round(hours))


def suggest(
    start: dt.date,
    end: dt.date,
    *,
    today: dt.date,
    hours_of: HoursOf,
    exclude: int | None = None,
) -> CapacitySuggestion:
    """Capacity for a sprint from `start` to `end`: the hours per day of the last three
    sprints that ended before it starts (and before today), times its length."""
    cutoff = min(start, today)
    where = [Sprint.end < cutoff]
    if exclude is not None:
        where.append(Sprint.id != exclude)
    basis: Sequence[SprintData] = find_sprints(*where, order=(Sprint.end.desc(), Sprint.id.desc()))[
        :BASIS_SPRINTS
    ]
    if not basis:
        return CapacitySuggestion(None)
    first = min(s.start for s in basis)
    last = max(s.end for s in basis)
    per_day = hours_of(first, last)
    figures = []
    for sprint in basis:
        hours = sum(h for d, h in per_day.items() if sprint.start <= d <= sprint.end)
        figures.append((sprint.name, hours, sprint.days))
    days = sum(d for _, _, d in figures)
    pace = sum(h for _, h, _ in figures) / days
    length = (end - start).days + 1
    return CapacitySuggestion(_round(pace * length), tuple(reversed(figures)))
