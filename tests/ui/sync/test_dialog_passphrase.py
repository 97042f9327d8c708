"""Joining a folder encrypted with another journal's key from File ▸ Sync…: the dialog
asks for the folder's passphrase inline (the service raises PassphraseNeeded), passes it
on the next click, and says a wrong one in one line without leaving the setup page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtTest import QTest

from journal_app.db.cipher_basics import WrongPassphrase
from journal_app.services.encryption import PassphraseNeeded
from journal_app.services.sync.service import SetupPlan
from journal_app.ui.sync.dialog import SyncDialog

FOLDER_PASS = "the laptop's passphrase"


class EncryptedFolder(QObject):
    """The controller's side of the dialog, over a folder made by another journal."""

    synced = Signal(object)
    sync_failed = Signal(str)
    state_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.summary = None
        self.last_report = None
        self.problem = None
        self.running = False
        self.calls: list[str | None] = []

    def plan(self, folder: Path) -> SetupPlan:
        return SetupPlan(str(folder), True, ["laptop"], 1)

    def set_up(self, folder: Path, name: str, passphrase: str | None = None) -> None:
        self.calls.append(passphrase)
        if passphrase is None:
            raise PassphraseNeeded(f"{folder} is encrypted: the passphrase is needed")
        if passphrase != FOLDER_PASS:
            raise WrongPassphrase("wrong passphrase for the sync folder's key file")

    def status(self):  # pragma: no cover - the synced page is not reached here
        raise AssertionError

    def sync_now(self) -> None:
        pass

    def leave(self) -> None:
        pass

    def now(self) -> dt.datetime:
        return dt.datetime(2026, 12, 6, tzinfo=dt.UTC)


def test_joining_an_encrypted_folder_asks_its_passphrase_inline(qtbot, tmp_path):
    control = EncryptedFolder()
    dialog = SyncDialog(control)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reload()
    assert not dialog.passphrase_edit.isVisible()  # not asked before it is needed
    dialog.folder_edit.setText(str(tmp_path / "Sync"))
    assert dialog.setup_button.text() == "Join and merge"

    QTest.mouseClick(dialog.setup_button, Qt.MouseButton.LeftButton)
    assert control.calls == [None]
    assert dialog.passphrase_edit.isVisible()
    assert dialog.focusWidget() is dialog.passphrase_edit
    assert "enter the passphrase it was made with" in dialog.error.text()

    QTest.keyClicks(dialog.passphrase_edit, "not it")
    QTest.mouseClick(dialog.setup_button, Qt.MouseButton.LeftButton)
    assert control.calls == [None, "not it"]
    assert dialog.error.text() == "Wrong passphrase for the sync folder's key file"
    assert not dialog.synced_page_shown

    dialog.passphrase_edit.clear()
    QTest.keyClicks(dialog.passphrase_edit, FOLDER_PASS)
    QTest.mouseClick(dialog.setup_button, Qt.MouseButton.LeftButton)
    assert control.calls == [None, "not it", FOLDER_PASS]
    assert dialog.passphrase_edit.echoMode() == dialog.passphrase_edit.EchoMode.Password
