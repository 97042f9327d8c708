"""Sprints as bars on a timeline, as in a Gantt chart: one row per sprint in start order
(so each bar has room for its name and dates beside it, and overlaps show as bars one
above the other), and every overlap named."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from journal_app.services.planning.data import SprintData, TimelineBar


def overlapping(sprints: Iterable[SprintData]) -> dict[int, tuple[int, ...]]:
    """{sprint id: ids of the other sprints sharing at least one day with it}."""
    ordered = sorted(sprints, key=lambda s: (s.start, s.end, s.id))
    found: dict[int, list[int]] = {s.id: [] for s in ordered}
    running: list[tuple[object, int, SprintData]] = []  # heap by end date
    for sprint in ordered:
        while running and running[0][2].end < sprint.start:
            heapq.heappop(running)
        for _, _, other in running:
            found[sprint.id].append(other.id)
            found[other.id].append(sprint.id)
        heapq.heappush(running, (sprint.end, sprint.id, sprint))
    return {k: tuple(sorted(v)) for k, v in found.items()}


def lay_out(sprints: Iterable[SprintData]) -> list[TimelineBar]:
    """Bars in start order, each on its own row (row = its place in that order)."""
    ordered = sorted(sprints, key=lambda s: (s.start, s.end, s.id))
    overlaps = overlapping(ordered)
    return [
        TimelineBar(
            sprint.id,
            sprint.name,
            sprint.start,
            sprint.end,
            sprint.status,
            lane,
            overlaps[sprint.id],
        )
        for lane, sprint in enumerate(ordered)
    ]
