"""Spearman's rank correlation, and when not to give one.

rho is Pearson's correlation of the ranks (ties get the average of their ranks), so it
measures how consistently one value rises or falls with the other, whatever the shape.
With fewer than 14 pairs, or when one side never varies, no coefficient is given: the
reason says why, in words the panel can show.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

MIN_PAIRS = 14


class Correlation(NamedTuple):
    rho: float | None  # -1..1; None when it would mean nothing
    n: int  # pairs with both values
    reason: str  # why there is no rho ("" when there is one)

    def describe(self) -> str:
        """A plain reading of rho: "no clear link", "weak positive" … "strong negative"."""
        if self.rho is None:
            return ""
        size = abs(self.rho)
        if size < 0.1:
            return "no clear link"
        strength = "weak" if size < 0.3 else "moderate" if size < 0.5 else "strong"
        return f"{strength} {'positive' if self.rho > 0 else 'negative'}"


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks; equal values share the average of the ranks they span."""
    order = sorted(range(len(values)), key=values.__getitem__)
    found = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        rank = (start + end) / 2 + 1
        for position in range(start, end + 1):
            found[order[position]] = rank
        start = end + 1
    return found


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, None when either side has no spread."""
    n = len(xs)
    if n != len(ys):
        raise ValueError("the two sides must have as many values")
    if n < 2:
        return None
    mean_x, mean_y = math.fsum(xs) / n, math.fsum(ys) / n
    dx = [x - mean_x for x in xs]
    dy = [y - mean_y for y in ys]
    sxx = math.fsum(d * d for d in dx)
    syy = math.fsum(d * d for d in dy)
    if sxx <= 0 or syy <= 0:
        return None
    r = math.fsum(a * b for a, b in zip(dx, dy, strict=True)) / math.sqrt(sxx * syy)
    return max(-1.0, min(1.0, r))


def spearman(
    xs: Sequence[float],
    ys: Sequence[float],
    *,
    x_name: str = "the first value",
    y_name: str = "the second value",
    min_pairs: int = MIN_PAIRS,
) -> Correlation:
    """Spearman's rho of paired values, or the reason there is none."""
    n = len(xs)
    if n != len(ys):
        raise ValueError("the two sides must have as many values")
    if n < min_pairs:
        have = "none yet" if n == 0 else f"only {n}"
        return Correlation(
            None,
            n,
            f"A coefficient needs at least {min_pairs} days with both values; "
            f"this range has {have}.",
        )
    for values, name in ((xs, x_name), (ys, y_name)):
        if min(values) == max(values):
            return Correlation(
                None,
                n,
                f"{name[:1].upper()}{name[1:]} is the same on every day, so it "
                "cannot rise or fall with anything.",
            )
    rho = pearson(ranks(xs), ranks(ys))
    assert rho is not None  # both sides vary, so both rank lists do
    return Correlation(rho, n, "")
