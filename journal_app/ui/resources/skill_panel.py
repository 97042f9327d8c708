"""The ledger of one skill, under the skills table: progress to the target, the recent
hours, the projected date at the 4-week pace, and the hours a day needed to reach the
target by a date the user picks (recomputed as the date changes, without a query)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services.tracking.skills import SkillLedger, default_reach_by
from journal_app.ui.resources.format import hours_text, long_day_text
from journal_app.ui.resources.skill_model import NOT_AT_PACE
from journal_app.ui.theme import mute
from journal_app.ui.widgets.fmt import from_qdate, to_qdate
from journal_app.ui.widgets.form import date_edit
from journal_app.ui.widgets.page import scaled_font_label

HOURS_IN_A_DAY = 24


class _Stat(QWidget):
    """A caption over a figure."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        label = QLabel(caption)
        label.setObjectName("muted")
        mute(label)
        self.value = scaled_font_label("", 1.25, object_name="statValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(label)
        column.addWidget(self.value)


class SkillLedgerPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skillPanel")
        self.ledger: SkillLedger | None = None
        self._by_chosen = False  # the user moved the date: keep it across reloads

        self.name_label = scaled_font_label("", 1.15, object_name="cardHeading")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Progress to the target")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.bar_label = QLabel()
        self.total = _Stat("Total")
        self.week = _Stat("Last 7 days")
        self.month = _Stat("Last 30 days")
        self.pace = _Stat("4-week pace")
        stats = QHBoxLayout()
        stats.setSpacing(28)
        for stat in (self.total, self.week, self.month, self.pace):
            stats.addWidget(stat)
        stats.addStretch(1)
        self.projection_label = QLabel()
        self.projection_label.setWordWrap(True)

        self.by_edit = date_edit(default_reach_by(dt.date.today()), "Reach it by")
        self.by_edit.dateChanged.connect(self._on_by_changed)
        self.per_day_label = QLabel()
        self.per_day_label.setAccessibleName("Hours a day needed")
        by_row = QHBoxLayout()
        by_row.setSpacing(8)
        by_row.addWidget(QLabel("To reach it by"))
        by_row.addWidget(self.by_edit)
        by_row.addWidget(self.per_day_label, 1)

        self.content = QWidget()
        grid = QGridLayout(self.content)
        grid.setContentsMargins(2, 14, 2, 2)
        grid.setVerticalSpacing(8)
        grid.addWidget(self.name_label, 0, 0, 1, 2)
        grid.addWidget(self.bar, 1, 0)
        grid.addWidget(self.bar_label, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.addLayout(stats, 2, 0, 1, 2)
        grid.addWidget(self.projection_label, 3, 0, 1, 2)
        grid.addLayout(by_row, 4, 0, 1, 2)
        self.empty_label = QLabel("Select a skill to see its ledger.")
        self.empty_label.setObjectName("muted")
        mute(self.empty_label)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.content)
        outer.addWidget(self.empty_label)
        self.set_ledger(None)

    def set_ledger(self, ledger: SkillLedger | None) -> None:
        self.ledger = ledger
        self.content.setVisible(ledger is not None)
        self.empty_label.setVisible(ledger is None)
        if ledger is None:
            return
        self.name_label.setText(ledger.name)
        self.bar.setValue(round(ledger.progress * 1000))
        self.bar_label.setText(
            f"{hours_text(ledger.total_hours)} of {hours_text(ledger.target_hours)}"
            f" · {ledger.progress * 100:.0f} %"
        )
        self.total.value.setText(hours_text(ledger.total_hours))
        self.total.setToolTip(
            f"{hours_text(ledger.logged_hours)} logged in the app"
            f" + {hours_text(ledger.baseline_hours)} before it"
        )
        self.week.value.setText(hours_text(ledger.hours_last_7_days))
        self.month.value.setText(hours_text(ledger.hours_last_30_days))
        self.pace.value.setText(f"{ledger.pace_hours_per_day:.1f} h a day")
        self.projection_label.setText(self._projection(ledger))
        today = to_qdate(ledger.today)
        self.by_edit.blockSignals(True)
        self.by_edit.setMinimumDate(today)
        if not self._by_chosen:
            self.by_edit.setDate(to_qdate(default_reach_by(ledger.today)))
        self.by_edit.blockSignals(False)
        self.by_edit.setEnabled(not ledger.reached)
        self._show_per_day()

    @staticmethod
    def _projection(ledger: SkillLedger) -> str:
        target = hours_text(ledger.target_hours)
        if ledger.reached:
            return f"Target of {target} reached."
        if ledger.projected_date is None:
            return f"Projected: {NOT_AT_PACE} (no hours in the last 4 weeks)."
        return (
            f"Projected: {target} on {long_day_text(ledger.projected_date)}, "
            f"at the last 4 weeks' pace."
        )

    def per_day(self) -> float | None:
        """Hours a day from today through the chosen date to reach the target."""
        if self.ledger is None:
            return None
        return self.ledger.hours_per_day_to_reach(from_qdate(self.by_edit.date()))

    def _on_by_changed(self) -> None:
        self._by_chosen = True
        self._show_per_day()

    def _show_per_day(self) -> None:
        if self.ledger is None:
            return
        if self.ledger.reached:
            self.per_day_label.setText("nothing more is needed.")
            return
        try:
            hours = self.per_day()
        except InvalidInput as exc:
            self.per_day_label.setText(str(exc))
            return
        assert hours is not None
        text = f"you need <b>{hours:,.2f} h a day</b>"
        if hours > HOURS_IN_A_DAY:
            text += " — more than a day holds; pick a later date"
        self.per_day_label.setText(text + ".")
