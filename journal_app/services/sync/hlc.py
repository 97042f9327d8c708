"""A hybrid logical clock: wall-clock milliseconds, a counter and the device id.

Stamps order every change of every device the same way everywhere. A stamp this device
makes is always later than every stamp it has seen, so an edit made after seeing another
device's edit wins over it even when that device's clock runs hours ahead (or this one's
hours behind); only truly concurrent edits are ordered by their wall clocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from journal_app.services.clock import Clock

MAX_AHEAD_MS = 24 * 3600 * 1000  # a remote stamp further ahead of our wall clock waits
_STAMP = re.compile(r"^([0-9a-f]{12})\.([0-9a-f]{4})\.([0-9a-f]{32})$")
MAX_COUNTER = 0xFFFF


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        # Fixed width: the text sorts like the stamp, so SQL and JSON can compare it.
        return f"{self.wall_ms:012x}.{self.counter:04x}.{self.device}"

    @classmethod
    def parse(cls, text: object) -> Stamp:
        match = _STAMP.match(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not a clock stamp: {str(text)[:60]!r}")
        return cls(int(match[1], 16), int(match[2], 16), match[3])


def wall_ms(clock: Clock) -> int:
    return max(0, int(clock().timestamp() * 1000))


class HybridClock:
    """One device's clock; `last` is the newest stamp it made or saw (kept by the caller)."""

    def __init__(self, device: str, wall: Clock, last: Stamp | None = None) -> None:
        self.device = device
        self._wall = wall
        self.last = last or Stamp(0, 0, device)

    def now(self) -> Stamp:
        """A new stamp, later than every stamp made or seen so far."""
        wall = wall_ms(self._wall)
        if wall > self.last.wall_ms:
            stamp = Stamp(wall, 0, self.device)
        elif self.last.counter < MAX_COUNTER:
            stamp = Stamp(self.last.wall_ms, self.last.counter + 1, self.device)
        else:  # 65,536 stamps in one millisecond: borrow the next millisecond
            stamp = Stamp(self.last.wall_ms + 1, 0, self.device)
        self.last = stamp
        return stamp

    def observe(self, stamp: Stamp) -> None:
        """Another device's stamp was applied: later stamps made here must exceed it."""
        if (stamp.wall_ms, stamp.counter) > (self.last.wall_ms, self.last.counter):
            self.last = Stamp(stamp.wall_ms, stamp.counter, self.device)


def ahead_text(stamp: Stamp, wall: Clock) -> str | None:
    """How far ``stamp`` is ahead of this machine's clock ("3.0 days"), when more than
    MAX_AHEAD_MS; else None. Such a stamp is not applied (its segment waits): observing
    it would move this clock, and through it every device's, that far into the future
    for good, and an edit stamped there would beat every edit made before that time."""
    ahead = stamp.wall_ms - wall_ms(wall)
    if ahead <= MAX_AHEAD_MS:
        return None
    return f"{ahead / 86_400_000:.1f} days"
