"""The 10,000-hour ledger: per skill, hours done (baseline included), the date the
target falls at the last four weeks' pace, and the hours a day needed to reach it by a
date the user picks; below, the cumulative hours over time with the projected road."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services.dashboard.ledger import SkillCurve
from journal_app.services.tracking.skills import PACE_DAYS, default_reach_by
from journal_app.ui.dashboard.plots import apply_style, pen, plot_widget, prepare, set_title
from journal_app.ui.dashboard.style import ChartStyle, swatch
from journal_app.ui.dashboard.timeaxis import DAY, day_x, days_x
from journal_app.ui.theme import mute
from journal_app.ui.widgets.fmt import date_format, date_text, to_qdate

HEADERS = ("Skill", "Done", "Progress", f"Pace ({PACE_DAYS} days)", "Projected", "Needed")
MAX_YEARS_SHOWN = 60  # a projection further out is named but not drawn to the end


def years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _date(day: dt.date | None) -> str:
    return "—" if day is None else date_text(day)


def needed_text(curve: SkillCurve, by: dt.date) -> str:
    if curve.ledger.reached:
        return "reached"
    try:
        hours = curve.needed_per_day(by)
    except InvalidInput:
        return "—"
    return f"{hours:.1f} h/day"


class LedgerPanel(QWidget):
    reach_by_changed = Signal(object)  # a datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reach_by = QDateEdit()
        self.reach_by.setCalendarPopup(True)
        self.reach_by.setDisplayFormat(date_format())
        self.reach_by.setKeyboardTracking(False)
        self.reach_by.setAccessibleName("Reach the target by")
        self.reach_by.dateChanged.connect(self._on_reach_by_changed)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        label = QLabel("Hours a day needed to reach each target by")
        label.setBuddy(self.reach_by)
        top.addWidget(label)
        top.addWidget(self.reach_by)
        top.addStretch(1)
        self.table = QGridLayout()
        self.table.setHorizontalSpacing(18)
        self.table.setVerticalSpacing(6)
        self.empty = QLabel(
            "No skills yet. Add one when you log a session (a skill such as “Machine "
            "learning”, with the hours you did before the app as its baseline)."
        )
        self.empty.setWordWrap(True)
        mute(self.empty)
        self.widget = plot_widget(
            "Hours toward the target",
            "Hours so far, the pace they were put in at, and when the target is reached",
            date_x=True,
        )
        self.widget.setFixedHeight(260)
        self.plot = self.widget.getPlotItem()
        prepare(self.plot, y_label="hours done (cumulative)")
        self.plot.getAxis("left").setWidth(64)
        self.by_line = pg.InfiniteLine(angle=90, movable=False)
        self.plot.addItem(self.by_line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.widget)
        self.curves: tuple[SkillCurve, ...] = ()
        self.lines: list[tuple[Any, Any]] = []  # (cumulative, projection) per skill
        self.targets: list[Any] = []
        self.needed: list[QLabel] = []
        self._style: ChartStyle | None = None
        self._today = dt.date.today()

    # ------------------------------------------------------------------ data

    def set_curves(self, curves: Sequence[SkillCurve], today: dt.date) -> None:
        self.curves = tuple(curves)
        self._today = today
        self.reach_by.blockSignals(True)
        self.reach_by.setMinimumDate(to_qdate(today))
        if cast(dt.date, self.reach_by.date().toPython()) <= today:
            default = default_reach_by(today)  # the Skills tab's, too
            self.reach_by.setDate(to_qdate(default))
        self.reach_by.blockSignals(False)
        self._fill_table()
        self._draw()

    def by(self) -> dt.date:
        return cast(dt.date, self.reach_by.date().toPython())

    def set_by(self, day: dt.date) -> None:
        self.reach_by.setDate(to_qdate(day))

    def _fill_table(self) -> None:
        while self.table.count():
            item = self.table.takeAt(0)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.deleteLater()
        self.needed = []
        self.empty.setVisible(not self.curves)
        self.widget.setVisible(bool(self.curves))
        if not self.curves:
            return
        for column, text in enumerate(HEADERS):
            header = QLabel(text)
            mute(header)
            self.table.addWidget(header, 0, column)
        by = self.by()
        for row, curve in enumerate(self.curves, start=1):
            ledger = curve.ledger
            name = QLabel(f"<b>{ledger.name}</b>")
            done = QLabel(f"{ledger.total_hours:,.0f} of {ledger.target_hours:,.0f} h")
            done.setToolTip(
                f"{ledger.baseline_hours:,.0f} h before the app + "
                f"{ledger.logged_hours:,.1f} h logged"
            )
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setValue(round(ledger.progress * 1000))
            bar.setFormat(f"{ledger.progress * 100:.1f} %")
            bar.setFixedWidth(150)
            pace = QLabel(f"{ledger.pace_hours_per_day:.1f} h/day")
            projected = QLabel("reached" if ledger.reached else _date(ledger.projected_date))
            if not ledger.reached and ledger.projected_date is None:
                projected.setText("no work in 4 weeks")
            needed = QLabel(needed_text(curve, by))
            self.needed.append(needed)
            for column, widget in enumerate((name, done, bar, pace, projected, needed)):
                self.table.addWidget(widget, row, column)
        self.table.setColumnStretch(len(HEADERS), 1)

    def _draw(self) -> None:
        for cumulative, projection in self.lines:
            self.plot.removeItem(cumulative)
            self.plot.removeItem(projection)
        for target in self.targets:
            self.plot.removeItem(target)
        self.lines, self.targets = [], []
        if not self.curves:
            return
        for curve in self.curves:
            cumulative = pg.PlotDataItem(
                days_x(curve.days) + DAY, np.asarray(curve.cumulative), antialias=True
            )
            projection = pg.PlotDataItem(antialias=True)
            road = curve.projection
            if road is not None:
                (start, done), (end, target) = road
                projection.setData([day_x(start) + DAY, day_x(end) + DAY], [done, target])
            self.plot.addItem(cumulative)
            self.plot.addItem(projection)
            self.lines.append((cumulative, projection))
        for target in sorted({c.ledger.target_hours for c in self.curves}):
            line = pg.InfiniteLine(pos=target, angle=0, movable=False)
            self.plot.addItem(line)
            self.targets.append(line)
        self._fit()
        if self._style is not None:
            self.apply_style(self._style)

    def _fit(self) -> None:
        first = min(c.days[0] for c in self.curves)
        ends = [self._today, self.by()]
        ends += [c.ledger.projected_date for c in self.curves if c.ledger.projected_date]
        last = min(max(ends), years_later(self._today, MAX_YEARS_SHOWN))
        self.plot.setXRange(day_x(first), day_x(last) + DAY, padding=0.02)
        top = max(max(c.ledger.target_hours, c.cumulative[-1]) for c in self.curves)
        self.plot.setYRange(0, top * 1.08, padding=0)
        self.by_line.setPos(day_x(self.by()) + DAY / 2)

    def apply_style(self, style: ChartStyle) -> None:
        self._style = style
        self.widget.setBackground(style.background)
        apply_style(self.plot, style)
        entries = []
        for index, ((cumulative, projection), curve) in enumerate(
            zip(self.lines, self.curves, strict=True)
        ):
            color = style.kind_color(index)
            cumulative.setPen(pen(color, 2.2))
            projection.setPen(pen(color, 1.5, dashed=True))
            entries.append(swatch(color, curve.name, mark="━"))
        for target in self.targets:
            target.setPen(pen(style.text, 1, dashed=True))
        self.by_line.setPen(pen(style.debt, 1, dashed=True))
        entries.append("┅ projected at the 4-week pace")
        entries.append(swatch(style.debt, "your date", mark="┆"))
        set_title(
            self.plot,
            "<b>Hours toward the target</b> (baseline included)&nbsp;&nbsp; "
            + " &nbsp; ".join(entries),
            style,
        )

    def _on_reach_by_changed(self, _date: QDate) -> None:
        by = self.by()
        for label, curve in zip(self.needed, self.curves, strict=True):
            label.setText(needed_text(curve, by))
        if self.curves:
            self._fit()
        self.reach_by_changed.emit(by)

    def export_target(self) -> Any:
        return self.plot
