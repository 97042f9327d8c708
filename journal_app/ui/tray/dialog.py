"""Track ▸ Reminders and Tray…: the daily reminder, the tray icon, keeping running in the
tray, and start at login. Saved with ``save``; a refusal shows inline and keeps the
dialog open (nothing was kept)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal_app.autostart import autostart_path, autostart_supported
from journal_app.errors import JournalError
from journal_app.services.reminders import REMINDER_TEXTS, ReminderKind, ReminderSettings
from journal_app.ui.theme import mute
from journal_app.ui.tray.prefs import TrayPrefs


class TrayPrefsDialog(QDialog):
    def __init__(
        self,
        prefs: TrayPrefs,
        *,
        save: Callable[[TrayPrefs], None],
        tray_available: bool,
        demo: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reminders and Tray")
        self._prefs = prefs
        self._save = save
        self._demo = demo
        reminder = prefs.reminder

        self.remind = QCheckBox("Daily &reminder at")
        self.remind.setChecked(reminder.enabled)
        self.time = QTimeEdit(QTime(reminder.at.hour, reminder.at.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName("Reminder time")
        self.weekdays = QCheckBox("On &weekdays only (Monday to Friday)")
        self.weekdays.setChecked(reminder.weekdays_only)
        when = {ReminderKind.LOG: "when today has no entry", ReminderKind.SLEEP: "for last night"}
        self.kinds = {
            kind: QCheckBox(f"“{REMINDER_TEXTS[kind]}” {when[kind]}") for kind in ReminderKind
        }
        for kind, box in self.kinds.items():
            box.setChecked(kind in reminder.kinds)

        self.tray = QCheckBox("Show an icon in the system &tray")
        self.tray.setChecked(prefs.tray_icon)
        self.keep_running = QCheckBox("&Keep running in the tray when the window closes")
        self.keep_running.setChecked(prefs.keep_running)
        self.login = QCheckBox("&Start at login")
        self.login.setChecked(prefs.start_at_login)
        if not tray_available:
            self.tray.setToolTip("This desktop has no system tray")
            self.tray.setEnabled(False)
            self.keep_running.setEnabled(False)
        if demo:
            self.keep_running.setToolTip("The demo journal is deleted when its window closes")
            self.keep_running.setEnabled(False)
        if not autostart_supported() or demo:
            self.login.setEnabled(False)
            self.login.setToolTip("Only for your own journal, on Linux desktops")
        else:
            self.login.setToolTip(f"Writes {autostart_path()}")

        self.error = QLabel()
        self.error.setObjectName("trayPrefsError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        at_row = QHBoxLayout()
        at_row.addWidget(self.remind)
        at_row.addWidget(self.time)
        at_row.addStretch(1)
        form = QFormLayout()
        form.addRow(at_row)
        form.addRow(self.weekdays)
        for box in self.kinds.values():
            form.addRow(box)
        hint = QLabel("Nothing is shown for what is already logged.")
        mute(hint)
        form.addRow(hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        for box in (self.tray, self.keep_running, self.login):
            layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.remind.toggled.connect(self._update)
        self.tray.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        on = self.remind.isChecked()
        for widget in (self.time, self.weekdays, *self.kinds.values()):
            widget.setEnabled(on)
        if self.tray.isEnabled():
            self.keep_running.setEnabled(self.tray.isChecked() and not self._demo)

    def chosen(self) -> TrayPrefs:
        at = self.time.time()
        reminder = ReminderSettings(
            enabled=self.remind.isChecked(),
            at=dt.time(at.hour(), at.minute()),
            weekdays_only=self.weekdays.isChecked(),
            kinds=frozenset(kind for kind, box in self.kinds.items() if box.isChecked()),
        )
        return dataclasses.replace(
            self._prefs,
            reminder=reminder,
            tray_icon=self.tray.isChecked(),
            keep_running=self.keep_running.isChecked(),
            start_at_login=self.login.isChecked(),
        )

    def accept(self) -> None:
        try:
            self._save(self.chosen())
        except JournalError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        super().accept()
