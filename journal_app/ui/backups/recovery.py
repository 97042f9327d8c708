"""The journal is damaged: say what is wrong and offer the newest good backup.

``RecoveryDialog`` is non-blocking (``open()`` + signals). ``offer_recovery_at_start``
serves a journal that could not even be opened (bad header, zero bytes, truncated): it
runs the same dialog modally before the main window exists, restores the chosen backup
with the journal closed, and tells the caller to open the journal again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal_app import APP_NAME
from journal_app.config import DataPaths
from journal_app.services.backups import BackupInfo, DatabaseDamaged, list_backups, restore_backup


def _describe(info: BackupInfo) -> str:
    when = info.created_at.astimezone().strftime("%A %d %B %Y, %H:%M")
    count = "an unknown number of" if info.entries is None else f"{info.entries:,}"
    return f"{when}, with {count} entries"


class RecoveryDialog(QDialog):
    restore_chosen = Signal(object)  # the BackupInfo to restore
    quit_chosen = Signal()

    def __init__(
        self, problem: DatabaseDamaged, backup: BackupInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.problem = problem
        self.backup = backup
        self.setWindowTitle(f"{APP_NAME}: the journal is damaged")
        self.setModal(True)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        head = QLabel("<b>Your journal file is damaged.</b> It has not been changed.")
        detail = QLabel(f"{problem.path.name} {problem.reason}.")
        detail.setWordWrap(True)
        if backup is not None:
            offer = QLabel(
                f"The newest good backup is from {_describe(backup)}. Restoring it puts it "
                f"in place of the journal; the damaged file is kept next to it as "
                f"{problem.path.name}.corrupt-<date>, never deleted."
            )
        else:
            offer = QLabel(
                "No good backup was found. Quit, and move the damaged file out of the data "
                "folder to start a new journal (keep it: it may still be rescued)."
            )
        offer.setWordWrap(True)
        self.message = f"{head.text()} {detail.text()} {offer.text()}"

        buttons = QDialogButtonBox()
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = buttons.addButton(
                "Restore backup", QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.setDefault(True)
        self.quit_button = buttons.addButton("Quit", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        text = QVBoxLayout()
        text.setSpacing(10)
        for label in (head, detail, offer):
            text.addWidget(label)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        super().accept()
        if self.backup is not None:
            self.restore_chosen.emit(self.backup)

    def reject(self) -> None:
        super().reject()
        self.quit_chosen.emit()


def offer_recovery_at_start(
    problem: DatabaseDamaged, paths: DataPaths, parent: QWidget | None = None
) -> bool:
    """Before the window exists: ask, and restore the chosen backup into the closed
    journal. True when a backup is now in place (open the journal again)."""
    backup = None
    if problem.backup is not None:
        backup = next(
            (b for b in list_backups(problem.backup.parent) if b.path == problem.backup), None
        )
    dialog = RecoveryDialog(problem, backup, parent)
    chosen: list[BackupInfo] = []
    dialog.restore_chosen.connect(chosen.append)
    dialog.exec()
    if not chosen:
        return False
    restore_backup(paths, chosen[0].path)  # a JournalError is reported by the caller
    return True
