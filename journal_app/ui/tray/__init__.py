"""The tray icon and the daily reminder (issue #18).

``install_tray`` is called by the main window just after its first paint; the modules
behind it load only then (start-up budget). The options' typed API is in ``prefs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents
    from journal_app.ui.tray.controller import TrayController
    from journal_app.ui.window_context import WindowContext


def install_tray(
    context: WindowContext,
    services: Services,
    events: DataEvents,
    settings: QSettings | None = None,
) -> TrayController:
    """Show the tray icon where the desktop has a tray (and the user wants it), plan the
    daily reminder, and add Track ▸ Reminders and Tray… once the focus timer is there."""
    # lazy: installed after the first paint
    from journal_app.ui.tray.controller import TrayController

    return TrayController(context, services, events, settings=settings)
