"""File ▸ Backups…: the backups with date, kind, size and entry count; Back up now; Restore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import JournalError
from journal_app.services import Services
from journal_app.services.backups import BackupInfo
from journal_app.ui.widgets.fmt import date_text

KIND_LABELS = {
    "startup": "At start-up",
    "daily": "Daily",
    "manual": "Backed up by you",
    "pre-migration": "Before an upgrade",
    "pre-import": "Before an import",
    "pre-restore": "Before a restore",
    "pre-sync": "Before a sync merge",
}
COLUMNS = ("Date", "Kind", "Size", "Entries")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def human_size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024)):,} KiB"
    return f"{n / 1024 / 1024:,.1f} MiB"


class BackupsDialog(QDialog):
    def __init__(self, services: Services, controller, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._services = services
        self._controller = controller
        self.backups: list[BackupInfo] = []
        self.setWindowTitle("Backups")
        self.resize(640, 420)

        intro = QLabel(
            "A copy of your journal is made when the app starts (once a day, as soon as "
            "the journal holds anything), every day while it runs, and before every "
            "upgrade, import and restore. The last 7 days and 4 weeks before them are kept."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton("Back up now")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton("Restore…")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)

        controller.backup_finished.connect(self._on_backup_finished)
        controller.backup_failed.connect(self._on_backup_failed)
        # Asked before a restore; tests replace it (never a blocking box in a test).
        self.confirm_restore = self._confirm_restore
        self._update_buttons()

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        self.backups = self._services.backups.list()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            local = info.created_at.astimezone()
            cells = (
                f"{date_text(local.date())}, {local:%H:%M}",
                KIND_LABELS.get(info.reason, info.reason),
                human_size(info.size_bytes),
                "unreadable" if info.entries is None else f"{info.entries:,}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if not self.backups:
            self.status.setText(
                f"No backups yet in {self._services.paths.backups}; Back up now makes one at once."
            )
        elif not self.status.text():
            self.status.setText(f"Kept in {self._services.paths.backups}")
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)
        self.backup_button.setEnabled(not self._controller.busy)

    # -- actions --------------------------------------------------------------------------

    def back_up_now(self) -> None:
        self.status.setText("Backing up…")
        self.backup_button.setEnabled(False)
        self._controller.back_up_now()

    def _on_backup_finished(self, info: object) -> None:
        if isinstance(info, BackupInfo):
            self.status.setText(f"Backed up {info.entries or 0:,} entries: {info.name}")
        self.reload()

    def _on_backup_failed(self, message: str) -> None:
        self.status.setText(f"Backup failed: {message}")
        self._update_buttons()

    def _confirm_restore(self, info: BackupInfo) -> bool:
        when = info.created_at.astimezone().strftime("%A %d %B %Y, %H:%M")
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Put the backup from {when} ({info.entries or 0:,} entries) in place of your "
            "journal?\n\nYour text is saved and the journal as it is now is backed up "
            "first, so this can be undone from this list. The app closes the journal, "
            "swaps the file and reopens it: every page reloads.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None or not self.confirm_restore(info):
            return False
        try:
            result = self._controller.restore(info.path)
        except JournalError as exc:
            self.status.setText(f"Restore failed: {exc}")
            return False
        self.status.setText(
            f"Restored {result.restored_from.name} ({result.entries or 0:,} entries)."
        )
        self.reload()
        return True
