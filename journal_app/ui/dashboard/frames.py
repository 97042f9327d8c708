"""What the timeline draws at a zoom level: one bar per day, or per week or month when
days would be thinner than a couple of pixels (means from services' History.buckets),
cut to the part in view plus a margin so painting costs the same at every range."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from journal_app.services.dashboard import History
from journal_app.ui.dashboard.timeaxis import DAY, days_x, values

SERIES = (
    "production",
    "consumption",
    "other",
    "total",
    "average",
    "sleep",
    "quality",
    "sleep_debt",
    "production_share",
)
# Least pixels per day for each level; the first that fits is used.
LEVELS = (("day", 3.5), ("week", 0.45), ("month", 0.0))
LEVEL_NAMES = {"day": "daily", "week": "weekly averages", "month": "monthly averages"}


def level_for(pixels_per_day: float) -> str:
    return next(name for name, least in LEVELS if pixels_per_day >= least)


@dataclass(frozen=True)
class Frame:
    level: str  # "day", "week" or "month"
    left: np.ndarray  # x where each bar's period starts
    right: np.ndarray  # x where it ends
    series: dict[str, np.ndarray] = field(default_factory=dict)  # NaN: no value

    @property
    def centre(self) -> np.ndarray:
        return (self.left + self.right) / 2

    @property
    def width(self) -> np.ndarray:
        """Bars leave a gap of a fifth of a day, or a tenth of a week or month."""
        span = self.right - self.left
        return span * (0.8 if self.level == "day" else 0.9)

    def __len__(self) -> int:
        return len(self.left)

    def window(self, x0: float, x1: float) -> Frame:
        """The periods that overlap x0..x1."""
        lo = int(np.searchsorted(self.right, x0, side="right"))
        hi = int(np.searchsorted(self.left, x1, side="left"))
        return Frame(
            self.level,
            self.left[lo:hi],
            self.right[lo:hi],
            {name: data[lo:hi] for name, data in self.series.items()},
        )

    def inside(self, x0: float, x1: float) -> Frame:
        """The periods wholly within x0..x1 (SVG export has no clipping)."""
        lo = int(np.searchsorted(self.left, x0, side="left"))
        hi = int(np.searchsorted(self.right, x1, side="right"))
        return Frame(
            self.level,
            self.left[lo:hi],
            self.right[lo:hi],
            {name: data[lo:hi] for name, data in self.series.items()},
        )

    def top(self, names: tuple[str, ...], x0: float, x1: float) -> float:
        """The highest value of the named series among the periods in x0..x1."""
        shown = self.window(x0, x1)
        found = [0.0]
        for name in names:
            data = shown.series[name]
            if len(data) and np.isfinite(data).any():
                found.append(float(np.nanmax(data)))
        return max(found)


class FrameSource:
    """The frames of one History, built once per level."""

    def __init__(self, history: History) -> None:
        self.history = history
        self._frames: dict[str, Frame] = {}

    def frame(self, level: str) -> Frame:
        if level not in self._frames:
            self._frames[level] = self._build(level)
        return self._frames[level]

    def _build(self, level: str) -> Frame:
        h = self.history
        if level == "day":
            left = days_x(h.days)
            quality = [None if q is None else float(q) for q in h.quality]
            series = {
                "production": values(h.production),
                "consumption": values(h.consumption),
                "other": values(h.other),
                "total": values(h.total),
                "average": values(h.average),
                "sleep": values(h.sleep),
                "quality": values(quality),
                "sleep_debt": values(h.sleep_debt),
                "production_share": values(h.production_share),
            }
            return Frame(level, left, left + DAY, series)
        buckets = h.buckets(level)
        series = {name: values(buckets.means[name]) for name in SERIES if name != "average"}
        series["average"] = np.full(len(buckets.starts), np.nan)
        return Frame(level, days_x(buckets.starts), days_x(buckets.ends), series)
