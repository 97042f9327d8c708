"""The Dashboard's figures (issue #6): rolling averages, sleep debt, streaks, weekly
totals, output per week, the calendar heatmap, the 10,000-hour ledger over time and
Spearman's correlation of sleep and deep work. Qt-free; every figure is a pure function
of plain data, the service only reads the journal once (see history.py)."""

from journal_app.services.dashboard.figures import RangeFigures
from journal_app.services.dashboard.history import DashboardSettings, DayValues, History
from journal_app.services.dashboard.ranges import RANGE_KINDS, RANGE_LABELS, DateRange
from journal_app.services.dashboard.service import DashboardService

__all__ = [
    "RANGE_KINDS",
    "RANGE_LABELS",
    "DashboardService",
    "DashboardSettings",
    "DateRange",
    "DayValues",
    "History",
    "RangeFigures",
]
