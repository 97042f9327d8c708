"""Sprints: the planner and its board. Built by later work."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journal_app.services import Services
from journal_app.ui.data_events import DataEvents
from journal_app.ui.pages.base import Page


class SprintsPage(Page):
    def __init__(
        self, services: Services, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Sprints", "Plan the work in sprints whose goal serves a career goal.", parent
        )
        self.add_coming_soon(
            "Coming to this page",
            "The sprint planner will hold:",
            [
                "Sprints with a goal, a career goal, dates and a capacity in hours.",
                "A board of To do, Doing and Done you can rearrange by dragging.",
                "The backlog: courses, papers, projects and explainers to write.",
                "A sprint review that starts a journal entry for you.",
            ],
        )
        self.finish()
