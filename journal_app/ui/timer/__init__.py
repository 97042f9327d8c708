"""The focus timer in the status bar of every area, with its Track menu.

``install_focus_timer`` is called by the main window just after its first paint; the
modules behind it load only then (start-up budget).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents
    from journal_app.ui.timer.controller import FocusTimerController
    from journal_app.ui.window_context import WindowContext


def install_focus_timer(
    context: WindowContext, services: Services, events: DataEvents
) -> FocusTimerController:
    """Install the timer's status-bar widget, menu and prompts in the window and return
    its controller (``can_close()`` is asked when the window closes). A timer left
    running by a crash or kill is offered for recovery at once."""
    # lazy: installed after the first paint
    from journal_app.ui.timer.controller import FocusTimerController

    return FocusTimerController(context, services, events)
