"""Today: the day at a glance (timer, sleep, tasks). Built by later work."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journal_app.services import Services
from journal_app.ui.data_events import DataEvents
from journal_app.ui.pages.base import Page


class TodayPage(Page):
    def __init__(
        self, services: Services, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__("Today", "What you are working on now, and how the day is going.", parent)
        self.add_coming_soon(
            "Coming to this page",
            "Today will be where a study day starts and ends:",
            [
                "A deep-work timer: start a session on a course, paper or project and "
                "tag it as reading, watching, writing or code.",
                "Last night's sleep, with quality and energy on a 1–5 scale.",
                "The tasks of the current sprint you planned for today.",
                "Your streak and the hours counted toward the 10,000-hour goal.",
            ],
        )
        self.finish()
