"""Export, import and learning-in-public actions (issue #7).

``install_transfer`` is called by the main window just after its first paint; the
modules behind it load only then (start-up budget).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents


def install_transfer(window: QObject, services: Services, events: DataEvents) -> QObject:
    """Add File ▸ Export…/Import… and the Publish menu to ``window``; return the
    controller (``window.transfer``)."""
    from journal_app.ui.transfer.controller import TransferController

    return TransferController(window, services, events)  # type: ignore[arg-type]
