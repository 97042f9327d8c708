"""Consistency: the current and longest streak (a day counts from a minimum the user
sets), the calendar heatmap, and weekly totals against the weekly goal."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal_app.services.dashboard import History, RangeFigures
from journal_app.ui.dashboard.heatmap_chart import HeatmapChart
from journal_app.ui.dashboard.style import ChartStyle
from journal_app.ui.dashboard.weekly_chart import WeeklyChart
from journal_app.ui.theme import mute


def streak_text(figures: RangeFigures) -> str:
    s = figures.streaks
    plural = "s" if s.current != 1 else ""
    return (
        f"Current streak <b>{s.current} day{plural}</b> · longest <b>{s.longest}</b> · "
        f"{s.counted_in_range} of {s.days_in_range} days in this range counted"
    )


def weeks_text(figures: RangeFigures, goal: float) -> str:
    if not figures.weeks_finished:
        return "No finished week in this range yet."
    return (
        f"Goal of {goal:g} h met in {figures.weeks_met} of {figures.weeks_finished} finished weeks."
    )


class ConsistencyPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.streaks = QLabel()
        self.threshold = QLabel()  # the targets are set in Preferences ▸ Targets
        mute(self.threshold)
        self.heatmap = HeatmapChart()
        self.weekly = WeeklyChart()
        self.weeks = QLabel()
        mute(self.weeks)

        top = QHBoxLayout()
        top.addWidget(self.streaks, 1)
        top.addWidget(self.threshold)
        middle = QHBoxLayout()
        middle.addWidget(self.weeks, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.heatmap)
        layout.addSpacing(6)
        layout.addLayout(middle)
        layout.addWidget(self.weekly.widget)

    def set_history(self, history: History) -> None:
        self.threshold.setText(f"A day counts from {history.settings.streak_min_hours:g} h")

    def set_figures(self, figures: RangeFigures, goal: float) -> None:
        self.streaks.setText(streak_text(figures))
        self.heatmap.set_heatmap(figures.heatmap)
        self.weekly.set_weeks(figures.weeks, goal)
        self.weeks.setText(weeks_text(figures, goal))

    def apply_style(self, style: ChartStyle) -> None:
        self.heatmap.apply_style(style)
        self.weekly.apply_style(style)
