"""Telling the user a Pomodoro part ended: always a status-bar notice in the window,
and a desktop notification through the system tray where there is one: the app's tray
icon when it shows one (``ui/tray``, named ``SHARED_TRAY_NAME``), else its own, shown
while a timer exists."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from journal_app import APP_NAME
from journal_app.ui.icons import app_icon
from journal_app.ui.window_context import WindowContext

NOTICE_MS = 30_000  # how long the status-bar notice stays
TRAY_MS = 10_000
SHARED_TRAY_NAME = "appTray"  # the tray icon ui/tray shows; its own visibility and tooltip


class Notifier:
    def __init__(self, context: WindowContext) -> None:
        self._context = context
        self._window = context.dialog_parent()
        self._tray: QSystemTrayIcon | None = None
        self.last_notice = ""

    def notify(self, title: str, text: str) -> None:
        self.last_notice = text
        self._context.show_status(f"{title}: {text}", NOTICE_MS)
        QApplication.alert(self._window)  # flashes the task bar entry when in the background
        tray = self._tray_icon()
        if tray is not None:
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, TRAY_MS)

    def set_visible(self, visible: bool) -> None:
        """The tray icon is shown while a timer exists (once one was needed)."""
        if self._tray is not None:
            self._tray.setVisible(visible)

    def set_tooltip(self, text: str) -> None:
        if self._tray is not None:
            self._tray.setToolTip(text)

    def _shared_tray(self) -> QSystemTrayIcon | None:
        shared = self._window.findChild(QSystemTrayIcon, SHARED_TRAY_NAME)
        return shared if shared is not None and shared.isVisible() else None

    def _tray_icon(self) -> QSystemTrayIcon | None:
        shared = self._shared_tray()
        if shared is not None:
            if self._tray is not None:  # ours is no longer needed
                self._tray.hide()
                self._tray = None
            return shared
        if self._tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(app_icon(), self._window)
            self._tray.setToolTip(APP_NAME)
            self._tray.activated.connect(self._on_activated)
            self._tray.show()
        return self._tray

    def _on_activated(self, _reason: QSystemTrayIcon.ActivationReason) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
