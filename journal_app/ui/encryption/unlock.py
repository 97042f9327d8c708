"""The passphrase dialog at start (issue #9): a wrong passphrase says so and asks again;
cancel ends the start."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from journal_app import APP_NAME
from journal_app.config import DataPaths
from journal_app.errors import JournalError
from journal_app.services import encryption

log = logging.getLogger(__name__)


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
    Errors other than a wrong passphrase (no key file left) propagate. The tidy-up
    comes after the journal opens (`tidy_at_start`)."""
    dialog = UnlockDialog(str(paths.root), lambda text: encryption.unlock(paths, text, tidy=False))
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def confirm_key_file_repair(problems: list[str]) -> bool:
    """Ask before putting the key file's verified copy back (tests patch this)."""
    text = "\n\n".join(p[0].upper() + p[1:] + "." for p in problems)
    answer = QMessageBox.question(
        QApplication.activeWindow(),
        f"Key file — {APP_NAME}",
        f"{text}\n\nPut the copy that unlocks the journal back in place?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def tidy_at_start(paths: DataPaths) -> list[str]:
    """After the journal opened (the window holds the instance lock): offer to put back
    a missing or damaged key file from its verified copy, then finish or undo what an
    interrupted encrypt/decrypt left. What was done, one line each (also logged)."""
    done: list[str] = []
    problems = encryption.key_file_repairs(paths)
    try:
        if problems and confirm_key_file_repair(problems):
            done += encryption.repair_key_files(paths)
        done += encryption.finish_interrupted(paths, fix_key_files=False)
    except JournalError as exc:  # the journal opened: say it, and go on
        log.warning("could not finish an interrupted conversion: %s", exc)
    for line in done:
        log.info("%s", line)
    return done
