"""Trailing windows over daily values: the 7-day average of deep work and the 28-day
production share. A window is the day itself and the days before it; a day without a
full window gets None rather than an average of fewer days."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

AVERAGE_DAYS = 7
SHARE_DAYS = 28
_TINY = 1e-9  # hours; below this a sum is taken as nothing logged


def rolling_mean(values: Sequence[float], window: int = AVERAGE_DAYS) -> tuple[float | None, ...]:
    """The mean of the `window` values ending at each index (None before the first full
    window). Sums are exact (math.fsum), so a constant series averages to itself."""
    if window < 1:
        raise ValueError("the window must hold at least one value")
    return tuple(
        None if end + 1 < window else math.fsum(values[end + 1 - window : end + 1]) / window
        for end in range(len(values))
    )


def rolling_share(
    part: Sequence[float], other: Sequence[float], window: int = SHARE_DAYS
) -> tuple[float | None, ...]:
    """part / (part + other) over the `window` days ending at each index, 0..1; None
    before the first full window and where neither was logged in the window."""
    if len(part) != len(other):
        raise ValueError("the two series must be as long as each other")
    if window < 1:
        raise ValueError("the window must hold at least one value")
    # Prefix sums: a window of zeros subtracts two equal floats, so it is exactly 0.
    mine = [0.0, *itertools.accumulate(part)]
    both = [0.0, *itertools.accumulate(p + o for p, o in zip(part, other, strict=True))]
    shares: list[float | None] = []
    for end in range(len(part)):
        if end + 1 < window:
            shares.append(None)
            continue
        whole = both[end + 1] - both[end + 1 - window]
        done = mine[end + 1] - mine[end + 1 - window]
        shares.append(None if whole < _TINY else min(1.0, max(0.0, done / whole)))
    return tuple(shares)


def share(part: float, other: float) -> float | None:
    """part / (part + other), None when both are (about) zero."""
    whole = part + other
    return None if whole < _TINY else min(1.0, max(0.0, part / whole))
