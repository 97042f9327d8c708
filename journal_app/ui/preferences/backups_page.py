"""Preferences ▸ Backups: where the journal's backups are, and how many rotation keeps
(one a day for N days, then one a week for M weeks). The numbers belong to the journal
(``services.backups.set_retention``: beside the backups, so the CLI honours them too)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import JournalError
from journal_app.services import Services
from journal_app.services.backups import RETENTION_LIMITS
from journal_app.ui.preferences.registry import PreferencesContext
from journal_app.ui.theme import mute
from journal_app.ui.widgets.form import ErrorLabel


class BackupsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backups = services.backups
        folder = services.paths.backups
        self.folder = QLineEdit(str(folder))
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName("Backup folder")
        self.folder.setAccessibleDescription("The backups are kept in this folder")
        self.open_button = QPushButton("&Open Folder")
        self.open_button.setAutoDefault(False)  # Enter in a field applies the field, not this
        self.open_button.setAccessibleDescription("Show the backup folder in the file manager")
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
        retention = self._backups.retention()
        self.keep_daily = self._spin(retention.keep_daily, " days", "Daily backups kept")
        self.keep_weekly = self._spin(retention.keep_weekly, " weeks", "Weekly backups kept")
        self.error_label = ErrorLabel()
        note = QLabel(
            "Backups you make yourself keep their newest 10; safety copies (before a "
            "migration, an import or a restore) 14 days. The newest good backup is never "
            "deleted."
        )
        note.setWordWrap(True)
        mute(note)

        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.open_button)
        form = QFormLayout()
        form.addRow("Folder:", row)
        form.addRow("Keep &daily backups for:", self.keep_daily)
        form.addRow("Then &weekly ones for:", self.keep_weekly)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(self.error_label)
        column.addStretch(1)
        self.keep_daily.valueChanged.connect(self._apply)
        self.keep_weekly.valueChanged.connect(self._apply)

    def _spin(self, value: int, suffix: str, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(*RETENTION_LIMITS)
        spin.setSuffix(suffix)
        spin.setKeyboardTracking(False)
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def _apply(self, *_args: object) -> None:
        try:
            self._backups.set_retention(self.keep_daily.value(), self.keep_weekly.value())
        except (JournalError, OSError) as exc:
            self.error_label.show_error(f"The backup settings were not saved: {exc}")
            return
        self.error_label.clear_error()


def make_page(context: PreferencesContext) -> QWidget:
    return BackupsPage(context.services)
