"""Production against consumption over time: the production share of the 28 days
ending each day, with consumption filling the rest to 100 %."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg

from journal_app.services.dashboard.rolling import SHARE_DAYS
from journal_app.ui.dashboard.frames import Frame
from journal_app.ui.dashboard.plots import pen, set_title
from journal_app.ui.dashboard.style import ChartStyle, swatch

Y_LABEL = "share (%)"


class ShareRow:
    def __init__(self, plot: Any) -> None:
        self.plot = plot
        self.consumption = pg.PlotDataItem(connect="finite", fillLevel=0)
        self.production = pg.PlotDataItem(connect="finite", fillLevel=0)
        self.half = pg.InfiniteLine(pos=50, angle=0, movable=False)
        for item in (self.consumption, self.production, self.half):
            plot.addItem(item)
        self.frame: Frame | None = None

    def draw(self, frame: Frame) -> None:
        self.frame = frame
        share = frame.series["production_share"] * 100
        whole = np.where(np.isfinite(share), 100.0, np.nan)
        x = frame.centre
        self.production.setData(x, share, connect="finite", fillLevel=0)
        self.consumption.setData(x, whole, connect="finite", fillLevel=0)

    def apply_style(self, style: ChartStyle) -> None:
        self.production.setPen(pen(style.production, 1.5))
        self.production.setBrush(pg.mkBrush(style.production))
        self.consumption.setPen(None)
        self.consumption.setBrush(pg.mkBrush(style.consumption))
        self.half.setPen(pen(style.background, 1, dashed=True))
        entries = (swatch(style.production, "production"), swatch(style.consumption, "consumption"))
        set_title(
            self.plot,
            f"<b>Production vs consumption</b> (share of the last {SHARE_DAYS} days)&nbsp;&nbsp; "
            + " &nbsp; ".join(entries),
            style,
        )
