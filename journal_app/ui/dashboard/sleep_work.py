"""Sleep and deep work: last night's sleep against the day's work, and the day's work
against the night after, each with Spearman's rho and n, and a plain reminder that a
correlation is not a cause."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal_app.services.dashboard import RangeFigures
from journal_app.services.dashboard.correlation import MIN_PAIRS
from journal_app.services.dashboard.pairings import NOTE
from journal_app.ui.dashboard.pairing_chart import PairingChart
from journal_app.ui.dashboard.style import ChartStyle
from journal_app.ui.theme import mute


class SleepWorkPanel(QWidget):
    day_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before = PairingChart("Sleep, then the next day's work")
        self.after = PairingChart("Work, then the night's sleep")
        for chart in (self.before, self.after):
            chart.day_requested.connect(self.day_requested)
        self.note = QLabel(
            f"{NOTE} Spearman's ρ runs from −1 (one falls as the other rises) to +1 (they "
            f"rise together); it is shown from {MIN_PAIRS} days with both values."
        )
        self.note.setWordWrap(True)
        mute(self.note)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.before, 1)
        row.addWidget(self.after, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def set_figures(self, figures: RangeFigures) -> None:
        self.before.set_pairing(figures.sleep_then_work)
        self.after.set_pairing(figures.work_then_sleep)

    def apply_style(self, style: ChartStyle) -> None:
        self.before.apply_style(style)
        self.after.apply_style(style)
