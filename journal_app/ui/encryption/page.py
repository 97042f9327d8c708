"""Preferences ▸ Encryption: whether this journal is encrypted, and the way to File ▸
Encryption…'s dialog (turn it on, change the passphrase, turn it off)."""

from __future__ import annotations

import weakref
from typing import Any, Protocol

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from journal_app.services import encryption
from journal_app.ui.preferences.registry import PreferencesContext, add_page
from journal_app.ui.theme import mute


class EncryptionController(Protocol):
    """What the page needs of ui/encryption/controller.py's (which imports this module)."""

    converted: Any  # Signal(ConversionResult)

    def open_dialog(self) -> object: ...


_controller: weakref.ref[EncryptionController] | None = None


class EncryptionPage(QWidget):
    def __init__(
        self,
        context: PreferencesContext,
        controller: EncryptionController | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._controller = controller
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.button = QPushButton()
        self.button.setAccessibleName("Encryption settings")
        note = QLabel(
            "The passphrase cannot be recovered: without it, an encrypted journal and its "
            "backups cannot be read. Export a copy first if in doubt."
        )
        note.setWordWrap(True)
        mute(note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.button)
        layout.addWidget(note)
        layout.addStretch(1)
        if controller is None:
            self.button.setEnabled(False)
        else:
            self.button.clicked.connect(controller.open_dialog)
            controller.converted.connect(self._show)
        self._show()

    def _show(self, _result: object = None) -> None:
        if encryption.is_encrypted(self._context.services.paths):
            self.status.setText("This journal is encrypted with a passphrase.")
            self.button.setText("Change the Passphrase or Turn Off…")
        else:
            self.status.setText("This journal is not encrypted.")
            self.button.setText("Encrypt with a Passphrase…")


def _make_page(context: PreferencesContext) -> QWidget:
    controller = _controller() if _controller is not None else None
    if controller is not None and not isValid(controller):
        controller = None  # its window is gone
    return EncryptionPage(context, controller)


def register_page(controller: EncryptionController) -> None:
    """Show the page in Preferences, its button opening ``controller``'s dialog."""
    global _controller
    _controller = weakref.ref(controller)
    # lazy: the dialog's module adds the built-in pages, which come first in the list
    import journal_app.ui.preferences.dialog  # noqa: F401

    add_page("encryption", "Encryption", _make_page)
