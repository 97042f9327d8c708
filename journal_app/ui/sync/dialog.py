"""File ▸ Sync…: set up (a new sync folder, or join the one there), then this device,
the other devices and when each last wrote, Sync now with its result, and Leave.

Before setup the dialog says what choosing the folder will do (``SyncService.plan``): a
new sync folder, or joining the devices already there — joining merges both journals and
never overwrites. A refused folder or a failed run is said inline, in one line.
"""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import JournalError
from journal_app.services.encryption import PassphraseNeeded
from journal_app.services.sync.service import SetupPlan, SyncReport, SyncStatus, SyncSummary
from journal_app.ui.sync.status_text import ago, parse_time, plural, result_line
from journal_app.ui.theme import mute
from journal_app.ui.widgets.style import error_label, show_error

COLUMNS = ("Device", "Last wrote", "Its changes here")
INTRO = (
    "Sync this journal with your other computers through a folder that a sync tool "
    "(Syncthing, Nextcloud, Dropbox) or a USB stick copies between them. Each device "
    "writes only its own files there and merges the others': nothing is overwritten."
)


class SyncControl(Protocol):
    """What the dialog asks of ``SyncController`` (named here: the controller opens the
    dialog, so the dialog does not import it)."""

    @property
    def synced(self) -> SignalInstance: ...
    @property
    def sync_failed(self) -> SignalInstance: ...
    @property
    def state_changed(self) -> SignalInstance: ...
    @property
    def running(self) -> bool: ...

    summary: SyncSummary | None
    last_report: SyncReport | None
    problem: str | None

    def status(self) -> SyncStatus: ...
    def plan(self, folder: Path) -> SetupPlan: ...
    def set_up(self, folder: Path, name: str, passphrase: str | None = None) -> None: ...
    def sync_now(self) -> None: ...
    def leave(self) -> None: ...
    def now(self) -> dt.datetime: ...


def _default_name() -> str:
    return socket.gethostname().strip()[:200] or "This computer"


def _local_time(text: str) -> str:
    moment = parse_time(text)
    return "" if moment is None else moment.astimezone().strftime("%A %d %B %Y, %H:%M")


class SyncDialog(QDialog):
    def __init__(self, controller: SyncControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.plan: SetupPlan | None = None
        self.setWindowTitle("Sync")
        self.resize(620, 420)

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_setup())
        self.pages.addWidget(self._build_synced())
        self.error = error_label()
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        # One row of buttons: what the page offers, then Close.
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addWidget(self.leave_button)
        row.addStretch(1)
        row.addWidget(self.setup_button)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)

        controller.synced.connect(self._on_synced)
        controller.sync_failed.connect(self._on_failed)
        controller.state_changed.connect(self._update_buttons)
        # Asked before leaving; tests replace it (never a blocking box in a test).
        self.confirm_leave = self._confirm_leave

    # -- building -------------------------------------------------------------------------

    def _build_setup(self) -> QWidget:
        page = QWidget()
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText("A folder your sync tool shares, e.g. ~/Sync/Journal")
        self.folder_edit.setAccessibleName("Sync folder")
        self.folder_edit.textChanged.connect(self._on_folder_changed)
        self.choose_button = QPushButton("Choose…")
        self.choose_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        mute(self.plan_label)
        self.name_edit = QLineEdit(_default_name())
        self.name_edit.setAccessibleName("This device's name")
        self.name_edit.setMaxLength(200)
        self.name_edit.textChanged.connect(lambda _text: self._update_buttons())
        self.setup_button = QPushButton("Set up sync")
        self.setup_button.setDefault(True)
        self.setup_button.clicked.connect(self.set_up)
        form = QFormLayout()
        form.addRow("Folder:", folder_row)
        self.folder_error = error_label()  # a refused folder, said where it was typed
        self.folder_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        said = QVBoxLayout()  # what choosing the folder will do, or why it cannot be used
        said.setContentsMargins(0, 0, 0, 0)
        said.addWidget(self.plan_label)
        said.addWidget(self.folder_error)
        form.addRow("", said)
        form.addRow("This device's name:", self.name_edit)
        # Shown when the folder is encrypted with another journal's key: its passphrase
        # (the first computer's) unlocks the folder; this journal keeps its own.
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName("The sync folder's passphrase")
        form.addRow("Folder's passphrase:", self.passphrase_edit)
        self._passphrase_row = form.rowCount() - 1
        form.setRowVisible(self._passphrase_row, False)
        self._setup_form = form
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _build_synced(self) -> QWidget:
        page = QWidget()
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.device_label = QLabel()
        self.last_label = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("syncDevices")
        self.table.setAccessibleName("Other devices")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sync_button = QPushButton("Sync now")
        self.sync_button.clicked.connect(self.sync_now)
        self.leave_button = QPushButton("Leave…")
        self.leave_button.setToolTip("Stop syncing this journal; its entries stay")
        self.leave_button.clicked.connect(self.leave)
        form = QFormLayout()
        form.addRow("Folder:", self.folder_label)
        form.addRow("This device:", self.device_label)
        form.addRow("Last sync:", self.last_label)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        return page

    # -- showing --------------------------------------------------------------------------

    @property
    def synced_page_shown(self) -> bool:
        return self.pages.currentIndex() == 1

    def reload(self) -> None:
        """Show the journal's sync state now (the folder is read)."""
        show_error(self.error, "")
        synced = self._controller.summary is not None
        self.sync_button.setVisible(synced)
        self.leave_button.setVisible(synced)
        self.setup_button.setVisible(not synced)
        if not synced:
            self.pages.setCurrentIndex(0)
            self._on_folder_changed(self.folder_edit.text())
            return
        self.pages.setCurrentIndex(1)
        self.sync_button.setDefault(True)
        self.sync_button.setFocus()  # not the table: it has nothing to choose
        try:
            status = self._controller.status()
        except JournalError as exc:
            show_error(self.error, str(exc))
            return
        self._show_status(status)

    def _show_status(self, status: SyncStatus) -> None:
        now = self._controller.now()
        self.folder_label.setText(status.folder)
        self.device_label.setText(status.name)
        last = parse_time(status.last_sync)
        self.last_label.setText("not yet" if last is None else ago(last, now))
        self.last_label.setToolTip(_local_time(status.last_sync or ""))
        self.table.setRowCount(len(status.devices))
        for row, device in enumerate(status.devices):
            wrote = parse_time(device.last_write)
            behind = device.written - device.applied
            cells = (
                device.name,
                "" if wrote is None else ago(wrote, now),
                "up to date" if behind <= 0 else f"{plural(behind, 'file')} to apply",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(_local_time(device.last_write))
                self.table.setItem(row, column, item)
        if not status.devices:
            self.result_label.setText(
                "No other device syncs through this folder yet: set up sync on another "
                "computer and choose the folder your sync tool made of this one."
            )
        report = self._controller.last_report
        if report is not None:
            self.result_label.setText(result_line(report))
        problem = self._controller.problem
        problems = status.problems + ([problem] if problem else [])
        show_error(self.error, problems[0] if problems else "")
        self.error.setToolTip("\n".join(problems))
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self._controller.running
        self.sync_button.setEnabled(not running)
        self.sync_button.setText("Syncing…" if running else "Sync now")
        self.setup_button.setEnabled(self.plan is not None and bool(self.name_edit.text().strip()))

    # -- setting up -----------------------------------------------------------------------

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Choose the sync folder", self.folder_edit.text() or str(Path.home())
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def _target(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def _on_folder_changed(self, _text: str) -> None:
        """Say what choosing this folder will do, before the user confirms."""
        self.plan = None
        target = self._target()
        show_error(self.folder_error, "")
        self.plan_label.setVisible(True)
        self.setup_button.setText("Set up sync")
        if target is None:
            self.plan_label.setText("Choose an empty folder, or the one another device uses.")
        else:
            try:
                self.plan = self._controller.plan(target)
            except JournalError as exc:
                self.plan_label.setVisible(False)
                show_error(self.folder_error, str(exc))
            except OSError as exc:
                self.plan_label.setVisible(False)
                show_error(self.folder_error, f"cannot read {target}: {exc.strerror or exc}")
        plan = self.plan
        if plan is not None and plan.join:
            if plan.devices and len(plan.devices) == plan.others:
                names = ", ".join(plan.devices)
            else:  # names unreadable (sealed, or not written yet)
                names = plural(plan.others, "other device") if plan.others else "another device"
            self.plan_label.setText(
                f"Joins the sync folder of {names}: their entries and yours are merged; "
                "nothing on either side is overwritten."
            )
            self.setup_button.setText("Join and merge")
        elif plan is not None:
            self.plan_label.setText("Starts a new sync folder here; other devices then join it.")
            self.setup_button.setText("Start syncing")
        self._update_buttons()

    def set_up(self) -> None:
        target = self._target()
        if target is None or self.plan is None:
            return
        asked = self._setup_form.isRowVisible(self._passphrase_row)
        passphrase = self.passphrase_edit.text() if asked else None
        try:
            self._controller.set_up(target, self.name_edit.text().strip(), passphrase)
        except PassphraseNeeded:
            self._setup_form.setRowVisible(self._passphrase_row, True)
            self.passphrase_edit.setFocus()
            show_error(
                self.error,
                "This folder is encrypted with another journal's key: enter the passphrase "
                "it was made with, then join again.",
            )
            return
        except JournalError as exc:
            show_error(self.error, str(exc))
            return
        except OSError as exc:  # made or read just now: permissions, a full disk
            show_error(self.error, f"cannot use {target}: {exc.strerror or exc}")
            return
        self.result_label.setText("Syncing for the first time…")
        self.reload()

    # -- synced ---------------------------------------------------------------------------

    def sync_now(self) -> None:
        show_error(self.error, "")
        self.result_label.setText("Syncing…")
        self._controller.sync_now()
        self._update_buttons()

    def _on_synced(self, _report: object) -> None:
        if self.isVisible() and self.synced_page_shown:
            self.reload()

    def _on_failed(self, message: str) -> None:
        show_error(self.error, message)
        self._update_buttons()

    def leave(self) -> None:
        if not self.confirm_leave():
            return
        try:
            self._controller.leave()
        except JournalError as exc:
            show_error(self.error, str(exc))
            return
        self.folder_edit.clear()
        self.reload()

    def _confirm_leave(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Stop syncing?",
            "This journal stops syncing through the folder. Every entry stays here; "
            "this device's files stay in the folder, so the other devices keep what it "
            "sent. You can set up sync again later (joining merges, nothing is lost).",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
