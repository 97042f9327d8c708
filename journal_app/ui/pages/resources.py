"""Resources: the courses, books, papers and videos you learn from. Built by later work."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journal_app.services import Services
from journal_app.ui.data_events import DataEvents
from journal_app.ui.pages.base import Page


class ResourcesPage(Page):
    def __init__(
        self, services: Services, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Resources", "The courses, books, papers and videos you learn from.", parent
        )
        self.add_coming_soon(
            "Coming to this page",
            "A library of what you study, with:",
            [
                "Courses, books, papers, videos and whole curricula, with their links.",
                "Status and progress: queued, in progress, finished.",
                "The sessions, tasks and outputs that used each one.",
            ],
        )
        self.finish()
