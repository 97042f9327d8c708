"""Pomodoro schedule as pure arithmetic on the timer's *active* time (seconds the timer has
run, pauses excluded): work, break, work, break, ..., and a long break after every
`long_break_every` work parts. No clock and no database: the timer feeds it numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

from journal_app.errors import InvalidInput

WORK = "work"
BREAK = "break"
LONG_BREAK = "long_break"


@dataclass(frozen=True)
class PomodoroConfig:
    work_minutes: float = 25.0
    break_minutes: float = 5.0
    long_break_minutes: float = 15.0
    long_break_every: int = 4  # work parts per long break; 0: no long breaks

    def __post_init__(self) -> None:
        for name in ("work_minutes", "break_minutes", "long_break_minutes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidInput(f"Pomodoro lengths are minutes, not {value!r}")
            if not math.isfinite(value) or value < 0 or value > 24 * 60:
                raise InvalidInput("Pomodoro lengths are from 0 to 1440 minutes")
        if self.work_minutes < 1:
            raise InvalidInput("a Pomodoro work part lasts at least a minute")
        every = self.long_break_every
        if isinstance(every, bool) or not isinstance(every, int) or not 0 <= every <= 100:
            raise InvalidInput("long breaks come after 0 to 100 work parts")

    def as_dict(self) -> dict[str, Any]:
        return {
            "work_minutes": self.work_minutes,
            "break_minutes": self.break_minutes,
            "long_break_minutes": self.long_break_minutes,
            "long_break_every": self.long_break_every,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PomodoroConfig:
        return cls(
            work_minutes=data.get("work_minutes", 25.0),
            break_minutes=data.get("break_minutes", 5.0),
            long_break_minutes=data.get("long_break_minutes", 15.0),
            long_break_every=data.get("long_break_every", 4),
        )


class Phase(NamedTuple):
    """One part of the schedule, in active seconds since the timer started."""

    kind: str  # work / break / long_break
    number: int  # the work part it is or follows, from 1
    start: float
    end: float

    @property
    def is_work(self) -> bool:
        return self.kind == WORK


def _cycle(config: PomodoroConfig) -> list[tuple[str, float]]:
    """One repeat of the schedule: (kind, seconds), zero-length breaks left out."""
    work = config.work_minutes * 60
    pause = config.break_minutes * 60
    long_pause = config.long_break_minutes * 60
    every = config.long_break_every or 1
    parts: list[tuple[str, float]] = []
    for index in range(every):
        parts.append((WORK, work))
        last = index == every - 1
        if last and config.long_break_every:
            parts.append((LONG_BREAK, long_pause))
        else:
            parts.append((BREAK, pause))
    return [(kind, length) for kind, length in parts if length > 0]


def phase_at(config: PomodoroConfig, active: float) -> Phase:
    """The part of the schedule running after `active` seconds (a part's end belongs to
    the next part)."""
    active = max(0.0, active)
    cycle = _cycle(config)
    cycle_length = sum(length for _, length in cycle)
    works_per_cycle = sum(1 for kind, _ in cycle if kind == WORK)
    rounds = math.floor(active / cycle_length)
    cursor = rounds * cycle_length
    number = rounds * works_per_cycle
    while True:  # at most two passes: float rounding may leave `active` at a cycle's end
        for kind, length in cycle:
            if kind == WORK:
                number += 1
            if active < cursor + length:
                return Phase(kind, number, cursor, cursor + length)
            cursor += length


def work_intervals(config: PomodoroConfig, start: float, end: float) -> list[tuple[float, float]]:
    """The pieces of active time [start, end) that fall in work parts."""
    pieces: list[tuple[float, float]] = []
    cursor = max(0.0, start)
    while cursor < end:
        phase = phase_at(config, cursor)
        stop = min(phase.end, end)
        if phase.is_work and stop > cursor:
            pieces.append((cursor, stop))
        if phase.end <= cursor:  # pragma: no cover - guards against float stalls
            break
        cursor = phase.end
    return pieces


def next_work_start(config: PomodoroConfig, active: float) -> float:
    """Where the next work part begins (for skipping a break)."""
    phase = phase_at(config, active)
    return active if phase.is_work else phase.end
