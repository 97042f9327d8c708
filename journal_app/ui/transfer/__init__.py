"""Export, import and learning-in-public actions (issue #7).

``install_transfer`` is called by the main window just after its first paint; the
modules behind it load only then (start-up budget).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents
    from journal_app.ui.transfer.controller import TransferController
    from journal_app.ui.window_context import WindowContext


def install_transfer(
    context: WindowContext, services: Services, events: DataEvents
) -> TransferController:
    """Add File ▸ Export…/Import… and the Publish menu to the window; return the
    controller."""
    # lazy: installed after the first paint
    from journal_app.ui.transfer.controller import TransferController

    return TransferController(context, services, events)
