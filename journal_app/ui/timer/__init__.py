"""The focus timer in the status bar (placeholder until the timer UI lands)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from journal_app.services import Services
from journal_app.ui.data_events import DataEvents


def install_focus_timer(window: QObject, services: Services, events: DataEvents) -> QObject:
    """Install the timer's status-bar widget, menu and prompts on ``window``."""
    return QObject(window)
