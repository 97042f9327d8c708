"""The figures at the top of the day: deep work against the daily target, the week
against the weekly target, and production against consumption."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from journal_app.ui.theme import mute
from journal_app.ui.today.bar import SegmentBar
from journal_app.ui.widgets.fmt import hours_text, short_day_text, target_text
from journal_app.ui.widgets.page import Card, scaled_font_label
from journal_app.ui.widgets.style import side_color

if TYPE_CHECKING:
    from journal_app.services.tracking.stats import DaySummary


def _fraction(done: float, target: float) -> float:
    if target <= 0:
        return 1.0 if done > 0 else 0.0
    return done / target


class _Figure(QWidget):
    """A caption, a big number, a bar and a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.caption = QLabel(caption)
        mute(self.caption)
        self.value = scaled_font_label("", 1.6, object_name="figureValue")
        self.bar = SegmentBar()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        mute(self.detail)
        for widget in (self.caption, self.value, self.bar, self.detail):
            column.addWidget(widget)
        column.addStretch(1)


class DayHeader(Card):
    """Call `show_summary` with the day's `DaySummary`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setContentsMargins(0, 0, 0, 0)
        self.day_figure = _Figure("Deep work")
        self.week_figure = _Figure("This week")
        self.split_figure = _Figure("Production · consumption")
        for column, figure in enumerate((self.day_figure, self.week_figure, self.split_figure)):
            grid.addWidget(figure, 0, column)
            grid.setColumnStretch(column, 1)
        self.body.addLayout(grid)

    def show_summary(self, summary: DaySummary) -> None:
        done, target = summary.deep_work_hours, summary.daily_target_hours
        day = self.day_figure
        day.value.setText(hours_text(done))
        day.bar.set_segments([(_fraction(done, target), side_color("production"))])
        reached = target > 0 and done >= target - 1e-9
        detail = f"{hours_text(done)} of {target_text(target)}"
        day.detail.setText(detail + (" · target reached" if reached else ""))

        week, week_target = summary.week_hours, summary.weekly_target_hours
        sunday = summary.week_start + dt.timedelta(days=6)
        span = f"{short_day_text(summary.week_start)} – {short_day_text(sunday)}"
        figure = self.week_figure
        figure.value.setText(hours_text(week))
        figure.bar.set_segments([(_fraction(week, week_target), side_color("production"))])
        figure.detail.setText(f"{hours_text(week)} of {target_text(week_target)} · {span}")

        production, consumption = summary.production_hours, summary.consumption_hours
        other = summary.other_hours
        total = production + consumption + other
        split = self.split_figure
        if total > 0:
            split.value.setText(f"{round(100 * production / total)} % production")
            split.bar.set_segments(
                [
                    (production / total, side_color("production")),
                    (consumption / total, side_color("consumption")),
                    (other / total, side_color(None)),
                ]
            )
        else:
            split.value.setText("—")
            split.bar.set_segments([])
        parts = [f"{hours_text(production)} production", f"{hours_text(consumption)} consumption"]
        if other > 0:
            parts.append(f"{hours_text(other)} unlabelled")
        split.detail.setText(" · ".join(parts))
