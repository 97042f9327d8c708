"""Dashboard: charts of hours, sleep and output. Built by later work.

Charts come from pyqtgraph, which costs about half a second to import; it must be
imported only when the charts are first built, never at start-up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journal_app.services import Services
from journal_app.ui.data_events import DataEvents
from journal_app.ui.pages.base import Page


class DashboardPage(Page):
    def __init__(
        self, services: Services, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__("Dashboard", "How your study time, sleep and output add up.", parent)
        self.add_coming_soon(
            "Coming to this page",
            "Charts of your journal, for any range from a week to ten years:",
            [
                "Deep-work hours per day and week, and the road to 10,000 hours per skill.",
                "The balance of consumption (reading, courses) and production "
                "(explainers, code, posts).",
                "Sleep against the next day's work.",
                "Consistency: streaks and a calendar heat map of the year.",
            ],
        )
        self.finish()
