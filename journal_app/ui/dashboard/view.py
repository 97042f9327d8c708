"""The Dashboard's content: the range bar, headline figures and the chart cards. Reads
the journal once per reload (services.dashboard.history) and answers every range
change from that history alone. The cards below the timeline are built once the
view has first painted, so the first screen shows as soon as it can."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal_app.services import Services
from journal_app.services.dashboard import DateRange, History, RangeFigures
from journal_app.ui.dashboard.consistency import ConsistencyPanel
from journal_app.ui.dashboard.export import ExportButton
from journal_app.ui.dashboard.headline import Headline
from journal_app.ui.dashboard.ledger_panel import LedgerPanel
from journal_app.ui.dashboard.range_bar import RangeBar
from journal_app.ui.dashboard.sleep_work import SleepWorkPanel
from journal_app.ui.dashboard.style import ChartStyle, chart_style
from journal_app.ui.dashboard.timeline import TimelineChart
from journal_app.ui.theme import mute
from journal_app.ui.widgets.page import Card, scaled_font_label

DEFAULT_RANGE = "quarter"
FOLLOW_CHART_MS = 300  # after the last zoom or drag step
EMPTY_NOTE = (
    "Nothing tracked yet. Log a deep-work session, a night's sleep or something you made "
    "(in Today, or with `journal-app log session|sleep|output`) and your charts fill in here."
)


def card(title: str, *controls: QWidget) -> tuple[Card, QVBoxLayout]:
    """A card with a heading row (title left, controls right); returns its body."""
    made = Card()
    header = QHBoxLayout()
    header.setSpacing(8)
    header.addWidget(scaled_font_label(title, 1.15, object_name="cardHeading"))
    header.addStretch(1)
    for control in controls:
        header.addWidget(control)
    made.body.addLayout(header)
    return made, made.body


class DashboardView(QWidget):
    """Built in two steps so the first screen paints sooner: the range bar, headline
    figures and the timeline at once, the cards below it (`build_lower`) just after."""

    day_requested = Signal(object)  # a datetime.date to open
    targets_requested = Signal()  # Targets…: the targets are set in Preferences
    range_shown = Signal(object)  # the DateRange now on screen
    completed = Signal()  # every card is built

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.history: History | None = None
        self.range: DateRange | None = None
        self.figures: RangeFigures | None = None
        self.kind = DEFAULT_RANGE
        self.custom: tuple[dt.date, dt.date] | None = None
        self.chart_style = chart_style()

        self.range_bar = RangeBar()
        self.range_bar.range_chosen.connect(self._on_range_chosen)
        self.empty_note = QLabel(EMPTY_NOTE)
        self.empty_note.setWordWrap(True)
        mute(self.empty_note)
        self.empty_note.hide()
        self.headline = Headline()

        self.timeline = TimelineChart()
        self.output_mode = QComboBox()
        self.output_mode.addItem("Output: count", "count")
        self.output_mode.addItem("Output: words", "words")
        self.output_mode.setAccessibleName("Count outputs or their words")
        self.output_mode.currentIndexChanged.connect(self._on_output_mode_changed)
        self.targets_button = QPushButton("Targets…")
        self.targets_button.setAccessibleDescription(
            "Set the daily, weekly and sleep targets and the streak threshold in Preferences"
        )
        self.targets_button.clicked.connect(self.targets_requested)
        self.exports = {
            "timeline": ExportButton(
                self.timeline.export_target,
                "Hours, sleep and output",
                around=self.timeline.exact_view,
            )
        }
        self.consistency: ConsistencyPanel | None = None
        self.ledger: LedgerPanel | None = None
        self.sleep_work: SleepWorkPanel | None = None

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.range_bar)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.headline)
        timeline_card, body = card(
            "Hours, sleep and output",
            self.output_mode,
            self.targets_button,
            self.exports["timeline"],
        )
        body.addWidget(self.timeline)
        hint = QLabel(
            "Ctrl+scroll zooms; drag to move through time (then scrolling zooms too, until "
            "the pointer leaves the chart); click a day to open it. The figures above follow "
            "the days in view."
        )
        hint.setWordWrap(True)
        mute(hint)
        body.addWidget(hint)
        layout.addWidget(timeline_card)
        self.timeline.day_requested.connect(self.day_requested)
        self.timeline.apply_style(self.chart_style)
        self._lower_scheduled = False
        # A zoom or a drag makes the days in view the range (a custom one), once the
        # motion settles, so the figures never describe other days than the chart shows.
        self._follow_chart = QTimer(self)
        self._follow_chart.setSingleShot(True)
        self._follow_chart.setInterval(FOLLOW_CHART_MS)
        self._follow_chart.timeout.connect(self._range_from_chart)
        self.timeline.moved_by_user.connect(self._follow_chart.start)
        self._chart_moved = False  # the range comes from the chart: leave the chart be

    def paintEvent(self, event: QPaintEvent) -> None:
        """Once the first screen has painted, build the rest in the next turn of the loop."""
        super().paintEvent(event)
        if not self._lower_scheduled:
            self._lower_scheduled = True
            QTimer.singleShot(0, self.build_lower)

    @property
    def complete(self) -> bool:
        return self.sleep_work is not None

    def build_lower(self) -> None:
        """The cards below the timeline: consistency, the ledger, sleep and deep work."""
        if self.complete:
            return
        consistency = self.consistency = ConsistencyPanel()
        ledger = self.ledger = LedgerPanel()
        sleep_work = SleepWorkPanel()
        exports = {
            "heatmap": ExportButton(consistency.heatmap.export_target, "Consistency"),
            "weekly": ExportButton(consistency.weekly.export_target, "Weekly totals"),
            "ledger": ExportButton(ledger.export_target, "10,000-hour ledger"),
            "sleep_before": ExportButton(sleep_work.before.export_target, "Sleep then work"),
            "sleep_after": ExportButton(sleep_work.after.export_target, "Work then sleep"),
        }
        exports["heatmap"].setText("Export calendar")
        exports["weekly"].setText("Export weeks")
        exports["sleep_before"].setText("Export left")
        exports["sleep_after"].setText("Export right")
        self.exports.update(exports)
        for title, panel, keys in (
            ("Consistency", consistency, ("heatmap", "weekly")),
            ("The 10,000-hour ledger", ledger, ("ledger",)),
            ("Sleep and deep work", sleep_work, ("sleep_before", "sleep_after")),
        ):
            made, body = card(title, *(exports[k] for k in keys))
            body.addWidget(panel)
            self._layout.addWidget(made)
        consistency.heatmap.day_requested.connect(self.day_requested)
        sleep_work.day_requested.connect(self.day_requested)
        self.sleep_work = sleep_work
        for panel in (consistency, ledger, sleep_work):
            panel.apply_style(self.chart_style)
        if self.history is not None:
            self._fill_lower(self.history)
            if self.figures is not None:
                self._show_lower_figures(self.figures)
        self.completed.emit()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        """Read the journal again and redraw everything for the chosen range."""
        service = self._services.dashboard
        history = service.history()
        self.history = history
        self.empty_note.setVisible(history.empty)
        rng = service.range(history, self.kind, self.custom)
        self.timeline.set_history(history, self.chart_style, rng)  # drawn once, at rng
        if self.complete:
            self._fill_lower(history)
        self.apply_range()

    def _fill_lower(self, history: History) -> None:
        assert self.consistency is not None and self.ledger is not None
        self.consistency.set_history(history)
        self.ledger.set_curves(history.skills, history.today)

    def set_range(self, kind: str, custom: tuple[dt.date, dt.date] | None = None) -> None:
        """Show another range (the range bar follows)."""
        self.range_bar.choose(kind, custom)

    def apply_range(self) -> None:
        history = self.history
        if history is None:
            return
        service = self._services.dashboard
        rng = service.range(history, self.kind, self.custom)
        figures = service.figures(history, rng)
        self.range, self.figures = rng, figures
        self.range_bar.show_range(rng)
        self.timeline.set_range(rng, move=not self._chart_moved)
        self.headline.set_figures(figures, history.settings.weekly_target_hours)
        if self.complete:
            self._show_lower_figures(figures)
        self.range_shown.emit(rng)

    def _show_lower_figures(self, figures: RangeFigures) -> None:
        assert self.consistency is not None and self.sleep_work is not None
        goal = self.history.settings.weekly_target_hours if self.history else 0.0
        self.consistency.set_figures(figures, goal)
        self.sleep_work.set_figures(figures)

    def apply_style(self, style: ChartStyle) -> None:
        self.chart_style = style
        self.timeline.apply_style(style)
        for panel in (self.consistency, self.ledger, self.sleep_work):
            if panel is not None:
                panel.apply_style(style)

    # ------------------------------------------------------------------ slots

    def _on_range_chosen(self, kind: str, custom: Any) -> None:
        self.kind = kind
        self.custom = custom
        self.apply_range()

    def _range_from_chart(self) -> None:
        """The days in view become the range (Custom), for the figures and cards; the
        margins before the first tracked day and after today are no days to count."""
        if self.history is None:
            return
        first, last = self.timeline.visible_days()
        first, last = max(first, self.history.first), min(last, self.history.today)
        if first > last or (self.range and (first, last) == (self.range.first, self.range.last)):
            return
        self._chart_moved = True
        try:
            self.range_bar.choose("custom", (first, last))
        finally:
            self._chart_moved = False

    def _on_output_mode_changed(self, _index: int) -> None:
        self.timeline.set_output_mode(self.output_mode.currentData())
