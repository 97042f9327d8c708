"""File ▸ Encryption…: runs the conversions of `services.encryption` on the open journal.

Each conversion saves the entry being edited, waits for a running backup, then lets the
service close the journal, convert it on a new file, swap it in and reopen it. What the
pages show does not change (same rows), so nothing is reloaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from journal_app.config import DataPaths
from journal_app.services import Services, encryption
from journal_app.services.encryption import ConversionResult
from journal_app.ui.data_events import DataEvents
from journal_app.ui.encryption.page import register_page
from journal_app.ui.window_context import WindowContext

if TYPE_CHECKING:
    from journal_app.ui.encryption.dialog import EncryptionDialog

MESSAGE_MS = 8000


class EncryptionController(QObject):
    converted = Signal(object)  # ConversionResult

    def __init__(
        self,
        context: WindowContext,
        services: Services,
        events: DataEvents,
        *,
        open_export: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(context.dialog_parent())
        self._context = context
        self._open_export = open_export
        self._services = services
        self._events = events
        self.dialog: EncryptionDialog | None = None
        self.action = QAction("&Encryption…", self)
        self.action.setStatusTip("Encrypt the journal with a passphrase, change it, or turn it off")
        self.action.triggered.connect(self.open_dialog)
        context.add_file_action(self.action)
        register_page(self)  # Preferences ▸ Encryption

    @property
    def encrypted(self) -> bool:
        return encryption.is_encrypted(self._services.paths)

    def open_dialog(self) -> QObject:
        # lazy: loads when first used, not with the window
        from journal_app.ui.encryption.dialog import EncryptionDialog

        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = EncryptionDialog(self, self._context.dialog_parent())
        self.dialog.open()
        return self.dialog

    def can_export(self) -> bool:
        return self._open_export is not None

    def export_first(self) -> None:
        if self._open_export is not None:
            self._open_export()

    # -- conversions (raise JournalError with one line when refused) -----------------------

    def encrypt(self, passphrase: str) -> ConversionResult:
        return self._run(lambda: encryption.encrypt(self._paths, passphrase, host=self._host))

    def change_passphrase(self, old: str, new: str) -> ConversionResult:
        return self._run(
            lambda: encryption.change_passphrase(self._paths, old, new, host=self._host)
        )

    def decrypt(self, passphrase: str) -> ConversionResult:
        return self._run(lambda: encryption.decrypt(self._paths, passphrase, host=self._host))

    @property
    def _paths(self) -> DataPaths:
        return self._services.paths

    @property
    def _host(self) -> Services:
        return self._services

    def _run(self, work: Callable[[], ConversionResult]) -> ConversionResult:
        self._context.save_open_entry(announce=True)  # typed text first: it is closed next
        self._context.wait_for_backups()  # never swap the file under a running backup
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = work()
        finally:
            QApplication.restoreOverrideCursor()
        text = {
            "encrypt": "The journal is encrypted",
            "rekey": "The passphrase was changed",
            "decrypt": "The journal is no longer encrypted",
        }[result.action]
        self._context.show_status(text, MESSAGE_MS)
        self.converted.emit(result)
        return result
