"""The tray icon and the daily reminder in the window (issue #18).

The tray (where the desktop has one): its tooltip and menu show the focus timer's time,
with the timer's own Start and Stop actions, New Entry, Open, the options and Quit. With
"keep running in the tray" closing the window hides it; Quit in the tray quits through
the window's usual close (the timer's question, the demo's clean-up); the window asks
``keeps_running`` when its close button is used.

The reminder shows as a tray message where there is a tray, else as a notice in the
status bar; a click writes today's log (a new entry) or opens Today. The tray is made by
``make_tray`` and looked for by ``tray_available``: tests replace them with a fake.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, cast

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QSystemTrayIcon

from journal_app import APP_NAME
from journal_app.services import Services
from journal_app.services.clock import Clock
from journal_app.services.reminders import Reminder, ReminderSettings, reminder_for
from journal_app.ui.data_events import DataEvents
from journal_app.ui.icons import app_icon
from journal_app.ui.settings import open_settings
from journal_app.ui.timer import format as fmt
from journal_app.ui.timer.actions import TimerActions
from journal_app.ui.timer.notify import SHARED_TRAY_NAME
from journal_app.ui.tray.prefs import (
    TrayPrefs,
    load_tray_prefs,
    save_tray_prefs,
    tray_prefs_changed,
)
from journal_app.ui.tray.reminder import ReminderScheduler
from journal_app.ui.window_context import WindowContext

MESSAGE_MS = 15_000
NO_WINDOW_SYSTEM = ("offscreen", "minimal")  # nothing to raise above (it only warns)
TOOLTIP_EVERY_MS = 15_000  # while a focus timer runs; the menu shows the exact time


class TrayIcon(Protocol):
    """What the controller uses of QSystemTrayIcon (a test hands it a fake)."""

    activated: Any  # Signal(QSystemTrayIcon.ActivationReason)
    messageClicked: Any  # Signal()

    def setContextMenu(self, menu: QMenu) -> None: ...
    def setToolTip(self, tip: str) -> None: ...
    def toolTip(self) -> str: ...
    def setVisible(self, visible: bool) -> None: ...
    def isVisible(self) -> bool: ...
    def showMessage(
        self, title: str, text: str, icon: QSystemTrayIcon.MessageIcon, msecs: int
    ) -> None: ...


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


def make_tray(parent: QObject) -> TrayIcon:
    tray = QSystemTrayIcon(app_icon(), parent)
    tray.setObjectName(SHARED_TRAY_NAME)  # the timer's Pomodoro notices use it too
    return cast(TrayIcon, tray)


class TrayController(QObject):
    def __init__(
        self,
        context: WindowContext,
        services: Services,
        events: DataEvents,
        *,
        settings: QSettings | None = None,
        clock: Clock | None = None,
        available: Callable[[], bool] | None = None,
        tray_factory: Callable[[QObject], TrayIcon] | None = None,
    ) -> None:
        window = context.dialog_parent()
        super().__init__(window)
        self._context = context
        self._window = window
        self._services = services
        self._settings = settings if settings is not None else open_settings()
        self._available = available if available is not None else tray_available
        self._make_tray = tray_factory if tray_factory is not None else make_tray
        self.prefs: TrayPrefs = load_tray_prefs(self._settings)
        self.tray: TrayIcon | None = None
        self.timer_actions: TimerActions | None = None
        self.last_reminder: Reminder | None = None  # what a click on the message opens
        self._detached = False  # the window is going away: options saved later are not ours
        # Ends the app once the window closed from the tray's Quit; tests replace it.
        self.quit_app: Callable[[], None] = QApplication.quit

        self.menu = QMenu(APP_NAME, self._window)
        self.menu.setObjectName("trayMenu")
        self.timer_item = self.menu.addAction("No focus session")
        self.timer_item.setEnabled(False)
        self._timer_separator = self.menu.addSeparator()  # Start and Stop go above it
        self.new_entry_action = self.menu.addAction("&New Entry", self._new_entry)
        self.open_action = self.menu.addAction(f"&Open {APP_NAME}", self.show_window)
        self.menu.addSeparator()
        self.options_action = QAction("Reminders and &Tray…", self._window)
        self.options_action.setStatusTip("A daily reminder, the tray icon, start at login")
        self.options_action.triggered.connect(lambda: self.open_dialog())
        self.menu.addAction(self.options_action)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction("&Quit", self.quit)
        self.menu.aboutToShow.connect(self.update_timer_text)

        # The in-app notice where no tray shows the reminder: a click acts on it.
        self.notice = QPushButton()
        self.notice.setObjectName("reminderNotice")
        self.notice.setFlat(True)
        self.notice.setVisible(False)
        self.notice.setAccessibleName("Reminder")
        self.notice.clicked.connect(self.open_reminder)
        context.add_status_widget(self.notice)

        self._tooltip_timer = QTimer(self)
        self._tooltip_timer.setInterval(TOOLTIP_EVERY_MS)
        self._tooltip_timer.timeout.connect(self.update_timer_text)
        events.timer_changed.connect(self.update_timer_text)
        events.entries_changed.connect(self._on_logged)
        events.tracking_changed.connect(self._on_logged)

        self.reminders = ReminderScheduler(
            services, self.prefs.reminder, store=self._settings, clock=clock, parent=self
        )
        self.reminders.due.connect(self.remind)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # ending otherwise (a logout): let the window close
            app.aboutToQuit.connect(self.detach)
        tray_prefs_changed().changed.connect(self.apply)
        context.when_timer_ready(self._on_timer_ready)
        self.apply(self.prefs)

    # -- options ------------------------------------------------------------------------------

    @property
    def tray_shown(self) -> bool:
        return self.tray is not None and self.tray.isVisible()

    @property
    def keeps_running(self) -> bool:
        """Closing the window hides it: only with a tray to come back from, and never for
        the demo journal, which is deleted when its window closes."""
        return self.prefs.keep_running and self.tray_shown and not self._services.throwaway

    def apply(self, prefs: object) -> None:
        """Use ``prefs`` (a TrayPrefs) now: the reminder's plan and the tray icon."""
        if not isinstance(prefs, TrayPrefs) or self._detached:
            return
        self.prefs = prefs
        wanted = prefs.tray_icon and self._available()
        if wanted and self.tray is None:
            self.tray = self._make_tray(self._window)
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._on_activated)
            self.tray.messageClicked.connect(self.open_reminder)
        if self.tray is not None:
            self.tray.setVisible(wanted)
        self.update_timer_text()
        self.reminders.set_settings(prefs.reminder)

    def data_dir(self) -> Path:
        return self._services.paths.root

    def save(self, prefs: TrayPrefs) -> None:
        """Keep and apply ``prefs`` (AutostartRefused: nothing kept)."""
        save_tray_prefs(prefs, data_dir=self.data_dir(), settings=self._settings)

    def open_dialog(self) -> QObject:
        # lazy: a dialog loads when opened
        from journal_app.ui.tray.dialog import TrayPrefsDialog

        dialog = TrayPrefsDialog(
            load_tray_prefs(self._settings),
            save=self.save,
            tray_available=self._available(),
            demo=self._services.throwaway,
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- the focus timer ------------------------------------------------------------------------

    def _on_timer_ready(self, start: QAction) -> None:
        actions = self.timer_actions = TimerActions.of(start)
        if actions is None:
            return
        self.menu.insertAction(self._timer_separator, actions.start)
        self.menu.insertAction(self._timer_separator, actions.stop)
        actions.menu.addSeparator()
        actions.menu.addAction(self.options_action)
        self.update_timer_text()

    def update_timer_text(self) -> None:
        """The running timer's time in the menu and the tooltip; the tooltip is refreshed
        every few seconds only while a timer runs."""
        state = self._services.timer.status()
        if state is None:
            text = "No focus session"
        else:
            paused = "" if state.running else " (paused)"
            text = f"Focus {fmt.clock_text(state.elapsed)}{paused} · {fmt.labels_text(state)}"
        self.timer_item.setText(text)
        if self.tray is not None:
            self.tray.setToolTip(f"{APP_NAME}\n{text}" if state is not None else APP_NAME)
        running = state is not None and self.tray_shown
        if running and not self._tooltip_timer.isActive():
            self._tooltip_timer.start()
        elif not running:
            self._tooltip_timer.stop()

    # -- the reminder -----------------------------------------------------------------------------

    def remind(self, reminder: Reminder) -> None:
        self.last_reminder = reminder
        if self.tray_shown and self.tray is not None:
            self.tray.showMessage(
                reminder.title, reminder.text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS
            )
            return
        self.notice.setText(reminder.text.replace("\n", " · ") + " — click to start")
        self.notice.setToolTip(
            "Opens a new entry for today" if reminder.opens_new_entry else "Opens Today"
        )
        self.notice.setVisible(True)
        QApplication.alert(self._window)

    def open_reminder(self) -> None:
        """The reminder was clicked: today's log in a new entry, or Today for the sleep."""
        reminder, self.last_reminder = self.last_reminder, None
        self.notice.setVisible(False)
        if reminder is None:
            self.show_window()
            return
        self.show_window()
        if reminder.opens_new_entry:
            self._context.new_entry()
        else:
            self._context.show_area("today")

    def _on_logged(self) -> None:
        """Whatever the notice asked for may be done now: ask the journal again."""
        reminder = self.last_reminder
        if reminder is None or not self.notice.isVisible():
            return
        status = self._services.reminders.status(self.reminders.now().date())
        if (
            reminder_for(ReminderSettings(enabled=True, kinds=frozenset(reminder.kinds)), status)
            is None
        ):
            self.notice.setVisible(False)
            self.last_reminder = None

    # -- the window -----------------------------------------------------------------------------

    def show_window(self) -> None:
        self._window.showNormal()
        if QGuiApplication.platformName() not in NO_WINDOW_SYSTEM:
            self._window.raise_()
            self._window.activateWindow()

    def _new_entry(self) -> None:
        self.show_window()
        self._context.new_entry()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            if self.keeps_running and self._window.isVisible() and not self._window.isMinimized():
                self._window.hide()
            else:
                self.show_window()

    def hide_window(self) -> None:
        """The window's close button with "keep running in the tray": the window goes,
        the app (its timer, the reminder) stays."""
        self._context.save_open_entry()
        self._window.hide()
        self._context.show_status(f"{APP_NAME} keeps running in the tray", 5000)

    def quit(self) -> None:
        """Quit from the tray: the window closes as it always does (the focus timer's
        question, the demo's clean-up); cancelled there, nothing quits."""
        timer = self._services.timer.status()
        if timer is not None and timer.running and not self._window.isVisible():
            self.show_window()  # the timer's question needs its window
        if self._context.quit():
            self.detach()
            self.quit_app()  # a hidden window's close does not end the app by itself

    def detach(self) -> None:
        """The window is going away: no more reminders, no tray icon."""
        self.reminders.stop()
        self._tooltip_timer.stop()
        if self.tray is not None:
            self.tray.setVisible(False)
        self._detached = True
