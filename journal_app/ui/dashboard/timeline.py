"""Hours, sleep, output and the production share on one shared, zoomable time axis.

The four plots are linked on x: a range choice, a drag or Ctrl+wheel (or the wheel after
a press in the chart, see wheel.py) moves all of them, and each fits its height to the
periods in view; a zoom or drag is announced (`moved_by_user`) so the page's range can
follow. Zoomed far out, days become weekly or monthly means (frames.py). Hovering shows
the day's values above the charts and a cursor through every plot; a click asks to open
that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from journal_app.services.dashboard import DateRange, History
from journal_app.ui.dashboard import hours_row, share_row, sleep_row
from journal_app.ui.dashboard.chart_keys import OPEN_KEYS, ChartKeys
from journal_app.ui.dashboard.frames import FrameSource, level_for
from journal_app.ui.dashboard.hours_row import HoursRow
from journal_app.ui.dashboard.output_row import OutputRow
from journal_app.ui.dashboard.plots import add_plot, apply_style, pen, prepare
from journal_app.ui.dashboard.readout import format_day
from journal_app.ui.dashboard.share_row import ShareRow
from journal_app.ui.dashboard.sleep_row import SleepRow
from journal_app.ui.dashboard.style import ChartStyle
from journal_app.ui.dashboard.timeaxis import DAY, day_x, x_day
from journal_app.ui.dashboard.wheel import guard_wheel

ROW_HEIGHTS = (250, 200, 160, 140)  # hours, sleep, output, share
HEADROOM = 1.1  # above the tallest value in view
MIN_SPAN_DAYS = 5  # zooming in stops at five days


class TimelineChart(QWidget):
    day_requested = Signal(object)  # a datetime.date: open this day
    day_hovered = Signal(object)  # a datetime.date under the pointer
    moved_by_user = Signal()  # a zoom or drag step (not a range set from outside)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readout = QLabel()
        self.readout.setObjectName("dashboardReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.readout.setMinimumHeight(self.readout.fontMetrics().lineSpacing() * 2 + 4)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setFixedHeight(sum(ROW_HEIGHTS) + 50)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.view.ci.setContentsMargins(0, 0, 10, 0)
        self.view.ci.setSpacing(8)
        self.wheel_guard = guard_wheel(self.view)
        self.view.setAccessibleName("Hours, sleep and output by day")
        self.view.setAccessibleDescription(
            "Left and Right move a day, Enter opens it; Shift+Left and Shift+Right or "
            "Page Up and Page Down move through time; plus and minus zoom"
        )
        self.keys = ChartKeys(
            self.view,
            {
                Qt.Key.Key_Left: lambda: self.step_day(-1),
                Qt.Key.Key_Right: lambda: self.step_day(1),
                Qt.Key.Key_Home: lambda: self.step_day(-(10**6)),
                Qt.Key.Key_End: lambda: self.step_day(10**6),
                (Qt.Key.Key_Left, "shift"): lambda: self.pan(-0.5),
                (Qt.Key.Key_Right, "shift"): lambda: self.pan(0.5),
                Qt.Key.Key_PageUp: lambda: self.pan(-0.5),
                Qt.Key.Key_PageDown: lambda: self.pan(0.5),
                Qt.Key.Key_Plus: lambda: self.zoom(0.5),
                Qt.Key.Key_Equal: lambda: self.zoom(0.5),
                Qt.Key.Key_Minus: lambda: self.zoom(2.0),
                **{key: self.open_shown_day for key in OPEN_KEYS},
            },
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.readout)
        layout.addWidget(self.view)

        labels = (hours_row.Y_LABEL, sleep_row.Y_LABEL, "outputs / week", share_row.Y_LABEL)
        self.plots: list[Any] = []
        for row, (label, height) in enumerate(zip(labels, ROW_HEIGHTS, strict=True)):
            plot = add_plot(self.view, row)
            prepare(plot, y_label=label)
            self.view.ci.layout.setRowPreferredHeight(row, height)
            self.view.ci.layout.setRowStretchFactor(row, height)
            if self.plots:
                plot.setXLink(self.plots[0])
            self.plots.append(plot)
        self.hours_plot, self.sleep_plot, self.output_plot, self.share_plot = self.plots
        self.hours = HoursRow(self.hours_plot)
        self.sleep = SleepRow(self.sleep_plot)
        self.outputs = OutputRow(self.output_plot)
        self.share = ShareRow(self.share_plot)
        self.share_plot.setYRange(0, 100, padding=0)
        self.cursors = [pg.InfiniteLine(angle=90, movable=False) for _ in self.plots]
        for plot, cursor in zip(self.plots, self.cursors, strict=True):
            cursor.setVisible(False)
            cursor.setZValue(100)
            plot.addItem(cursor, ignoreBounds=True)

        self.history: History | None = None
        self.range: DateRange | None = None
        self.hovered: dt.date | None = None
        self.level = "day"
        self._frames: FrameSource | None = None
        self._drawn: tuple[str, float, float] | None = None  # level and x span drawn
        self._style: ChartStyle | None = None
        self._quiet = False  # the view moves without drawing (set_history draws after)
        scene = self.view.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        self.hours_plot.getViewBox().sigXRangeChanged.connect(self._on_x_range_changed)
        for plot in self.plots:  # whichever plot the pointer was on
            plot.getViewBox().sigRangeChangedManually.connect(self.moved_by_user)

    # ------------------------------------------------------------------ data

    def set_history(
        self, history: History, style: ChartStyle, rng: DateRange | None = None
    ) -> None:
        """Show `history` (on the days of `rng`, when given): drawn once, at that range."""
        self.history = history
        self.level = ""  # titles follow the first drawing
        self._frames = FrameSource(history)
        self._drawn = None
        self.hours.set_target(history.settings.daily_target_hours)
        self.sleep.set_target(history.settings.sleep_target_hours)
        self.outputs.set_history(history)
        # The limits and the range move the view; drawing each step would draw the
        # whole history at ranges nobody sees (twice on every first open).
        self._quiet = True
        try:
            if rng is not None:
                self.range = rng
            self._set_limits()
            if rng is not None:
                self._show_range(rng)
        finally:
            self._quiet = False
        self._redraw(force=True)
        if style != self._style:
            self.apply_style(style)
        else:
            self._retitle()
        keep = self.hovered is not None and history.index_of(self.hovered) is not None
        self.show_day(self.hovered if keep and self.hovered else history.today)

    def set_range(self, rng: DateRange, *, move: bool = True) -> None:
        """Show the days of `rng` on every plot (`move=False`: the user zoomed to them)."""
        self.range = rng
        if move:  # else the limits stay: the view is inside them already
            self._set_limits()
            self._show_range(rng)
        self._redraw()

    def _show_range(self, rng: DateRange) -> None:
        self.hours_plot.setXRange(day_x(rng.first), day_x(rng.last) + DAY, padding=0.01)

    def set_output_mode(self, mode: str) -> None:
        self.outputs.set_mode(mode)
        self._fit_heights()

    def apply_style(self, style: ChartStyle) -> None:
        self._style = style
        self.view.setBackground(style.background)
        for plot in self.plots:
            apply_style(plot, style)
        for row in (self.hours, self.sleep, self.outputs, self.share):
            row.apply_style(style)
        for cursor in self.cursors:
            cursor.setPen(pen(style.cursor, 1, dashed=True))

    def export_target(self) -> Any:
        """The linked plots as one picture."""
        return self.view.ci

    @contextmanager
    def exact_view(self) -> Iterator[None]:
        """Draw only the periods wholly in view while exporting (SVG does not clip),
        then the usual margin again."""
        if self._frames is None:
            yield
            return
        x0, x1 = self.visible_x()
        frame = self._frames.frame(self.level or "day").inside(x0, x1)
        for row in (self.hours, self.sleep, self.share):
            row.draw(frame)
        self.outputs.clip(x0, x1)
        try:
            yield
        finally:
            self._redraw(force=True)

    def visible_x(self) -> tuple[float, float]:
        low, high = self.hours_plot.getViewBox().viewRange()[0]
        return float(low), float(high)

    def visible_days(self) -> tuple[dt.date, dt.date]:
        low, high = self.visible_x()
        return x_day(low), x_day(high - 1)

    # ------------------------------------------------------------------ hover and click

    def show_day(self, day: dt.date) -> None:
        """The read-out and the cursor on `day`."""
        self.hovered = day
        found = None if self.history is None else self.history.values(day)
        self.readout.setText(format_day(day, found))
        for cursor in self.cursors:
            cursor.setPos(day_x(day) + DAY / 2)
            cursor.setVisible(True)
        self.day_hovered.emit(day)

    # ------------------------------------------------------------------ keys

    def step_day(self, days: int) -> None:
        """Move the read-out ``days`` days (from the last day in view at first), within
        the history; the view follows when the day leaves it."""
        if self.history is None:
            return
        first_shown, last_shown = self.visible_days()
        start = self.hovered if self.hovered is not None else last_shown + dt.timedelta(1)
        day = start + dt.timedelta(days=days)
        day = min(max(day, self.history.first), self.history.last)
        self.show_day(day)
        if not first_shown <= day <= last_shown:
            low, high = self.visible_x()
            shift = day_x(day) - (low if day < first_shown else high - DAY)
            self._move_to(low + shift, high + shift)

    def pan(self, fraction: float) -> None:
        """Move through time by ``fraction`` of the span in view (negative: back)."""
        low, high = self.visible_x()
        shift = (high - low) * fraction
        self._move_to(low + shift, high + shift)

    def zoom(self, factor: float) -> None:
        """Show ``factor`` times the span (below 1: zoom in), around the read-out's day."""
        low, high = self.visible_x()
        centre = day_x(self.hovered) + DAY / 2 if self.hovered is not None else (low + high) / 2
        half = max((high - low) * factor / 2, MIN_SPAN_DAYS * DAY / 2)
        self._move_to(centre - half, centre + half)

    def _move_to(self, low: float, high: float) -> None:
        self.hours_plot.setXRange(low, high, padding=0)  # the limits keep it in the history
        self.moved_by_user.emit()

    def open_shown_day(self) -> None:
        if self.hovered is not None:
            self.day_requested.emit(self.hovered)

    def day_at(self, scene_pos: Any) -> dt.date | None:
        """The day under a point of the scene, if the point is on one of the plots."""
        for plot in self.plots:
            box = plot.getViewBox()
            if box.sceneBoundingRect().contains(scene_pos):
                return x_day(box.mapSceneToView(scene_pos).x())
        return None

    def _on_mouse_moved(self, scene_pos: Any) -> None:
        day = self.day_at(scene_pos)
        if day is not None and day != self.hovered:
            self.show_day(day)

    def _on_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        day = self.day_at(event.scenePos())
        if day is not None:
            self.day_requested.emit(day)

    # ------------------------------------------------------------------ drawing

    def _set_limits(self) -> None:
        if self.history is None:
            return
        first, last = self.history.first, self.history.last
        if self.range is not None:
            first, last = min(first, self.range.first), max(last, self.range.last)
        low = day_x(first) - 7 * DAY
        high = day_x(last) + 8 * DAY
        for plot in self.plots:
            plot.getViewBox().setLimits(xMin=low, xMax=high, minXRange=MIN_SPAN_DAYS * DAY)

    def _on_x_range_changed(self, *_args: Any) -> None:
        if not self._quiet:
            self._redraw()

    def _redraw(self, *, force: bool = False) -> None:
        """Draw what is in view (and as much again each side, so a drag stays smooth),
        at the level the zoom calls for; then fit the heights."""
        if self._frames is None:
            return
        x0, x1 = self.visible_x()
        width = max(1.0, float(self.hours_plot.getViewBox().width()))
        level = level_for(width / max(DAY, x1 - x0) * DAY)
        drawn = self._drawn
        if force or drawn is None or drawn[0] != level or x0 < drawn[1] or x1 > drawn[2]:
            span = x1 - x0
            lo, hi = x0 - span, x1 + span
            frame = self._frames.frame(level).window(lo, hi)
            self.hours.draw(frame)
            self.sleep.draw(frame)
            self.share.draw(frame)
            self.outputs.draw(level, force=force)
            self._drawn = (level, lo, hi)
            if level != self.level:
                self.level = level
                self._retitle()
        self._fit_heights()

    def _retitle(self) -> None:
        """Titles name the level and the targets: refresh them after either changes."""
        if self._style is not None:
            for row in (self.hours, self.sleep, self.outputs):
                row.apply_style(self._style)

    def _fit_heights(self) -> None:
        """Each plot's height to the tallest value among the periods in view."""
        x0, x1 = self.visible_x()
        for plot, top in (
            (self.hours_plot, self.hours.top(x0, x1)),
            (self.sleep_plot, self.sleep.top(x0, x1)),
            (self.output_plot, self.outputs.top(x0, x1)),
        ):
            top = max(top, 1.0) * HEADROOM
            plot.setYRange(-top * 0.004, top, padding=0)
