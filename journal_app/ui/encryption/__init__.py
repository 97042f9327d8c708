"""Encryption in the window (issue #9): File ▸ Encryption… to turn it on, change the
passphrase or turn it off; and the passphrase dialog at start (`unlock`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents
    from journal_app.ui.encryption.controller import EncryptionController
    from journal_app.ui.window_context import WindowContext


def install_encryption(
    context: WindowContext,
    services: Services,
    events: DataEvents,
    *,
    open_export: Callable[[], object] | None = None,
) -> EncryptionController:
    """Add File ▸ Encryption… to the window; return the controller. ``open_export``
    opens the Export dialog (the dialog offers "export first" when it is given)."""
    # lazy: installed after the first paint
    from journal_app.ui.encryption.controller import EncryptionController

    return EncryptionController(context, services, events, open_export=open_export)
