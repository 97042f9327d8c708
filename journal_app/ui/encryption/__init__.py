"""Encryption in the window (issue #9): File ▸ Encryption… to turn it on, change the
passphrase or turn it off; and the passphrase dialog at start (`unlock`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents


def install_encryption(window: QObject, services: Services, events: DataEvents) -> QObject:
    """Add File ▸ Encryption… to ``window``; return the controller."""
    from journal_app.ui.encryption.controller import EncryptionController

    return EncryptionController(window, services, events)  # type: ignore[arg-type]
