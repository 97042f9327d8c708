"""Backups in the window: the start-up check and backup, a daily backup while the app
runs, the File ▸ Backups… dialog, and the offer to restore a damaged journal (issue #7).

``install_backups`` is called just after the main window's first paint; the modules
behind it load only then (start-up budget).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents


def install_backups(window: QObject, services: Services, events: DataEvents) -> QObject:
    """Add File ▸ Backups…, check the journal, start the start-up backup (at most once a
    day, in a worker thread) and the daily timer; return the controller."""
    from journal_app.ui.backups.controller import BackupController

    controller = BackupController(window, services, events)  # type: ignore[arg-type]
    controller.start()
    return controller
