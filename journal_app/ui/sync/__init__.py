"""Sync in the window (issue #15): File ▸ Sync…, the status bar's sync state, automatic
runs off the UI thread (after local changes, when files arrive in the folder, at start
and at quit), and the notice when a merge changed the open entry.

``install_sync`` is called just after the main window's first paint; the modules behind
it load only then (start-up budget).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents
    from journal_app.ui.sync.controller import SyncController
    from journal_app.ui.window_context import WindowContext


def install_sync(context: WindowContext, services: Services, events: DataEvents) -> SyncController:
    """Add File ▸ Sync… and the status-bar button; when this journal syncs, start a first
    run in the background; return the controller."""
    # lazy: installed after the first paint
    from journal_app.ui.sync.controller import SyncController

    controller = SyncController(context, services, events)
    controller.start()
    return controller
