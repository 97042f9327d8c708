"""Backups: the Backups dialog, start-up and daily backups (issue #7). Placeholder."""

from __future__ import annotations

from PySide6.QtCore import QObject

from journal_app.services import Services
from journal_app.ui.data_events import DataEvents


def install_backups(window: QObject, services: Services, events: DataEvents) -> QObject:
    """Add this feature's menus and timers to ``window`` (after its first paint)."""
    return QObject(window)
