"""Sleep debt: how many hours of sleep are owed against the nightly target.

At each night, the debt is the sum of (target − hours slept) over the logged nights
among the last 14 (that night included), and never below zero: a long night pays debt
back, but sleep cannot be banked ahead. Nights not logged count neither way (a missing
log is not a sleepless night). With no logged night in the window there is no figure.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

DEBT_NIGHTS = 14
_TINY = 1e-9


def sleep_debt(
    nights: Sequence[float | None], target: float, window: int = DEBT_NIGHTS
) -> tuple[float | None, ...]:
    """Hours owed at each night (index = waking day), for consecutive nights."""
    if window < 1:
        raise ValueError("the window must hold at least one night")
    owed = [0.0 if h is None else target - h for h in nights]  # a missing night: 0
    logged = [0, *itertools.accumulate(h is not None for h in nights)]
    debts: list[float | None] = []
    for end in range(len(nights)):
        start = max(0, end + 1 - window)
        if logged[end + 1] == logged[start]:
            debts.append(None)
            continue
        total = math.fsum(owed[start : end + 1])
        debts.append(total if total > _TINY else 0.0)
    return tuple(debts)
