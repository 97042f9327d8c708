"""Backups in the window: the start-up check and backup, a daily backup while the app
runs, the File ▸ Backups… dialog, and the offer to restore a damaged journal (issue #7).

``install_backups`` is called just after the main window's first paint; the modules
behind it load only then (start-up budget).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.backups.controller import BackupController
    from journal_app.ui.data_events import DataEvents
    from journal_app.ui.window_context import WindowContext


def install_backups(
    context: WindowContext, services: Services, events: DataEvents
) -> BackupController:
    """Add File ▸ Backups…, check the journal, start the start-up backup (at most once a
    day, in a worker thread) and the daily timer; return the controller."""
    # lazy: installed after the first paint
    from journal_app.ui.backups.controller import BackupController

    controller = BackupController(context, services, events)
    controller.start()
    return controller
