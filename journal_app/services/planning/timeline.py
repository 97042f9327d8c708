"""Sprints as bars on a timeline: one row while they follow each other, another row for
a sprint whose dates overlap one already placed, and every overlap named."""

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
    """Bars in start order, each in the lowest row free on its first day."""
    ordered = sorted(sprints, key=lambda s: (s.start, s.end, s.id))
    overlaps = overlapping(ordered)
    lane_ends: list = []  # last day taken in each row
    bars: list[TimelineBar] = []
    for sprint in ordered:
        lane = next((i for i, end in enumerate(lane_ends) if end < sprint.start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(sprint.end)
        else:
            lane_ends[lane] = sprint.end
        bars.append(
            TimelineBar(
                sprint.id,
                sprint.name,
                sprint.start,
                sprint.end,
                sprint.status,
                lane,
                overlaps[sprint.id],
            )
        )
    return bars
