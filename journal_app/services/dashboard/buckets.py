"""Daily values averaged per calendar week (Monday–Sunday) or month, for charts zoomed
out so far that one bar per day would be thinner than a pixel. A bucket's mean is over
its days that hold a value (a night not logged is not a night of zero hours)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from journal_app.services.dashboard.weekly import monday

SIZES = ("week", "month")


def bucket_start(day: dt.date, size: str) -> dt.date:
    if size == "week":
        return monday(day)
    if size == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown bucket size {size!r}")


def next_start(start: dt.date, size: str) -> dt.date:
    if size == "week":
        return start + dt.timedelta(days=7)
    return (start + dt.timedelta(days=32)).replace(day=1)


class Buckets(NamedTuple):
    size: str  # "week" or "month"
    starts: tuple[dt.date, ...]  # consecutive weeks or months
    ends: tuple[dt.date, ...]  # the day after each (so a bucket spans start..end)
    means: Mapping[str, tuple[float | None, ...]]  # series name -> one mean per bucket
    days: tuple[int, ...]  # days of each bucket the series cover


def bucket_means(
    days: Sequence[dt.date], series: Mapping[str, Sequence[float | None]], size: str
) -> Buckets:
    """The mean of each series over each week or month of `days` (ascending)."""
    groups: dict[dt.date, list[int]] = {}
    for index, day in enumerate(days):
        groups.setdefault(bucket_start(day, size), []).append(index)
    starts = tuple(sorted(groups))
    means: dict[str, tuple[float | None, ...]] = {}
    for name, items in series.items():
        found: list[float | None] = []
        for start in starts:
            held = [v for v in (items[i] for i in groups[start]) if v is not None]
            found.append(math.fsum(held) / len(held) if held else None)
        means[name] = tuple(found)
    return Buckets(
        size=size,
        starts=starts,
        ends=tuple(next_start(s, size) for s in starts),
        means=means,
        days=tuple(len(groups[s]) for s in starts),
    )
