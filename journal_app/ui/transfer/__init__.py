"""Export, import and learning-in-public actions (issue #7). Placeholder."""

from __future__ import annotations

from PySide6.QtCore import QObject

from journal_app.services import Services
from journal_app.ui.data_events import DataEvents


def install_transfer(window: QObject, services: Services, events: DataEvents) -> QObject:
    """Add this feature's menus and timers to ``window`` (after its first paint)."""
    return QObject(window)
