"""The Encryption dialog: turn on (with the warning that a lost passphrase cannot be
recovered, and an offer to export first), change the passphrase, turn off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput, JournalError
from journal_app.services.encryption import LOST_PASSPHRASE_WARNING, ConversionResult


class EncryptionActions(Protocol):
    """What the dialog asks of its controller (ui.encryption.controller), named here so
    the two modules import no circle."""

    @property
    def encrypted(self) -> bool: ...

    def can_export(self) -> bool: ...

    def export_first(self) -> None: ...

    def encrypt(self, passphrase: str) -> ConversionResult: ...

    def change_passphrase(self, old: str, new: str) -> ConversionResult: ...

    def decrypt(self, passphrase: str) -> ConversionResult: ...


def _password_field(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setObjectName(name)
    return edit


class EncryptionDialog(QDialog):
    def __init__(self, controller: EncryptionActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.encrypted = controller.encrypted
        self.setWindowTitle("Encryption")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)

        if self.encrypted:
            status = (
                "This journal and its backups are encrypted (SQLCipher, AES-256). "
                "The passphrase is asked at every start."
            )
        else:
            status = (
                "This journal is not encrypted: anyone who can read your files can read "
                "it. Encrypting it protects the journal and every backup with a passphrase."
            )
        self.status_label = QLabel(status)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.warning_label = QLabel(f"<b>Warning:</b> {LOST_PASSPHRASE_WARNING}")
        self.warning_label.setWordWrap(True)
        layout.addWidget(self.warning_label)

        form = QFormLayout()
        self.current_edit = _password_field("current")
        self.new_edit = _password_field("new")
        self.repeat_edit = _password_field("repeat")
        if self.encrypted:
            form.addRow("Current passphrase:", self.current_edit)
        form.addRow("New passphrase:", self.new_edit)
        form.addRow("Repeat it:", self.repeat_edit)
        layout.addLayout(form)

        self.error_label = QLabel("")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        row = QHBoxLayout()
        self.export_button = QPushButton("Export first…")
        self.export_button.setToolTip("Keep a plain copy of everything (JSON or Markdown)")
        self.export_button.clicked.connect(controller.export_first)
        self.export_button.setEnabled(controller.can_export())
        row.addWidget(self.export_button)
        row.addStretch(1)
        if self.encrypted:
            self.change_button = QPushButton("Change passphrase")
            self.change_button.clicked.connect(self.change)
            self.off_button = QPushButton("Turn encryption off…")
            self.off_button.setToolTip("Needs only the current passphrase")
            self.off_button.clicked.connect(self.confirm_turn_off)
            row.addWidget(self.off_button)
            row.addWidget(self.change_button)
        else:
            self.on_button = QPushButton("Encrypt")
            self.on_button.clicked.connect(self.turn_on)
            row.addWidget(self.on_button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    # -- actions (each returns True when done; the dialog then closes) ---------------------

    def _new_passphrase(self) -> str:
        if self.new_edit.text() != self.repeat_edit.text():
            raise InvalidInput("the two new passphrases differ")
        return self.new_edit.text()

    def _attempt(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except JournalError as exc:
            text = str(exc)
            self.error_label.setText(text[:1].upper() + text[1:] + ".")
            self.error_label.show()
            return False
        self.accept()
        return True

    def turn_on(self) -> bool:
        return self._attempt(lambda: self.controller.encrypt(self._new_passphrase()))

    def change(self) -> bool:
        return self._attempt(
            lambda: self.controller.change_passphrase(
                self.current_edit.text(), self._new_passphrase()
            )
        )

    def turn_off(self) -> bool:
        return self._attempt(lambda: self.controller.decrypt(self.current_edit.text()))

    def confirm_turn_off(self) -> QMessageBox:
        """Ask before decrypting (``confirm_box``; Decrypt runs `turn_off`)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Turn encryption off",
            "Decrypt the journal and every backup? Anyone who can read your files will be "
            "able to read them.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText("Decrypt")
        box.buttonClicked.connect(lambda button: self.turn_off() if button is yes else None)
        self.confirm_box = box
        box.open()
        return box
