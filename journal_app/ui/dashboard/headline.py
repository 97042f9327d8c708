"""The range's headline figures in a row of tiles: deep work, sleep, streak, weekly
goal and output."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal_app.services.dashboard import RangeFigures
from journal_app.ui.theme import mute
from journal_app.ui.widgets.page import scaled_font_label

TILES = ("deep_work", "sleep", "streak", "weeks", "output")
TITLES = {
    "deep_work": "Deep work",
    "sleep": "Sleep",
    "streak": "Streak",
    "weeks": "Weekly goal",
    "output": "Output",
}


def _days(count: int) -> str:
    return f"{count:,} day{'s' if count != 1 else ''}"


def tile_texts(figures: RangeFigures, weekly_goal: float) -> dict[str, tuple[str, str]]:
    """{tile: (the figure, the line under it)} for a range's figures."""
    f = figures
    work = f"{f.total_hours:,.1f} h"
    work_detail = "nothing tracked in this range"
    if f.average_hours is not None:
        work_detail = f"{f.average_hours:.1f} h a day"
        if f.production_share is not None:
            work_detail += f" · {f.production_share * 100:.0f} % production"
    sleep = "—" if f.sleep_average is None else f"{f.sleep_average:.1f} h a night"
    sleep_detail = f"{f.nights_logged:,} night{'s' if f.nights_logged != 1 else ''} logged"
    if f.sleep_debt is not None:
        sleep_detail = f"debt {f.sleep_debt:.1f} h · " + sleep_detail
    s = f.streaks
    streak_detail = (
        f"longest {_days(s.longest)} · {s.counted_in_range:,} of {_days(s.days_in_range)} counted"
    )
    weeks = f"{f.weeks_met} of {f.weeks_finished} weeks" if f.weeks_finished else "—"
    weeks_detail = f"met {weekly_goal:g} h" if f.weeks_finished else "no finished week yet"
    pieces = f"{f.outputs:,} piece{'s' if f.outputs != 1 else ''}"
    return {
        "deep_work": (work, work_detail),
        "sleep": (sleep, sleep_detail),
        "streak": (_days(s.current), streak_detail),
        "weeks": (weeks, weeks_detail),
        "output": (pieces, f"{f.words:,} words"),
    }


class Headline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.values: dict[str, QLabel] = {}
        self.details: dict[str, QLabel] = {}
        for key in TILES:
            tile = QFrame()
            tile.setObjectName("card")
            column = QVBoxLayout(tile)
            column.setContentsMargins(14, 10, 14, 10)
            column.setSpacing(2)
            title = QLabel(TITLES[key])
            mute(title)
            value = scaled_font_label("—", 1.45, object_name="cardHeading")
            detail = QLabel(" ")
            detail.setWordWrap(True)
            mute(detail)
            for widget in (title, value, detail):
                column.addWidget(widget)
            row.addWidget(tile, 1)
            self.values[key] = value
            self.details[key] = detail

    def set_figures(self, figures: RangeFigures, weekly_goal: float) -> None:
        for key, (value, detail) in tile_texts(figures, weekly_goal).items():
            self.values[key].setText(value)
            self.details[key].setText(detail)
