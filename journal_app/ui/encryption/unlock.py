"""The passphrase dialog at start (issue #9): a wrong passphrase says so and asks again;
cancel ends the start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal_app import APP_NAME
from journal_app.config import DataPaths
from journal_app.services import encryption


class UnlockDialog(QDialog):
    """Asks the passphrase and unlocks through ``unlock(passphrase)``, which raises
    ``encryption.WrongPassphrase`` when it is wrong (then the dialog says so and stays)."""

    def __init__(
        self, where: str, unlock: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self.attempts = 0
        self.setWindowTitle(f"Unlock — {APP_NAME}")
        layout = QVBoxLayout(self)
        intro = QLabel(f"This journal is encrypted.\nPassphrase for {where}:")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setObjectName("passphrase")
        layout.addWidget(self.passphrase_edit)
        self.error_label = QLabel("")
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.unlock_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.unlock_button.setText("Unlock")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def submit(self) -> bool:
        """Try the typed passphrase: accept when it unlocks, else say so and ask again."""
        self.attempts += 1
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._unlock(self.passphrase_edit.text())
        except encryption.WrongPassphrase:
            self.error_label.setText("Wrong passphrase. Try again.")
            self.error_label.show()
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()
        return True


def ask_passphrase_at_start(paths: DataPaths) -> bool:
    """Unlock ``paths``' encrypted journal with a modal dialog; False when cancelled.
    Errors other than a wrong passphrase (a missing key file) propagate."""
    dialog = UnlockDialog(str(paths.root), lambda text: encryption.unlock(paths, text))
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
