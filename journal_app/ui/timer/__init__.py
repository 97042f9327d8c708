"""The focus timer in the status bar of every area, with its Track menu.

``install_focus_timer`` is called by the main window just after its first paint; the
modules behind it load only then (start-up budget).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents


def install_focus_timer(window: QObject, services: Services, events: DataEvents) -> QObject:
    """Install the timer's status-bar widget, menu and prompts on ``window`` and return
    its controller (``can_close()`` is asked when the window closes). A timer left
    running by a crash or kill is offered for recovery at once."""
    from journal_app.ui.timer.controller import FocusTimerController

    return FocusTimerController(window, services, events)  # type: ignore[arg-type]
