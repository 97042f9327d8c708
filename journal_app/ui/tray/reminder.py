"""The daily reminder's clock in the window: one single-shot QTimer set for the next
reminder (``services/reminders.py`` decides when and what), never a poll.

A QTimer counts on the monotonic clock, which stops while the machine sleeps and does not
follow a changed wall clock; so a wait is never longer than ``MAX_WAIT`` and every fire
reads the (injected) clock again and plans anew. Waking the app (it becomes active)
checks at once, too.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from journal_app.services import Services
from journal_app.services.clock import Clock
from journal_app.services.reminders import (
    ReminderSettings,
    is_due,
    next_time,
    reminder_for,
)

log = logging.getLogger(__name__)

SHOWN_KEY = "reminders/shown_on"  # the day the reminder was last handled (ISO)
MAX_WAIT = dt.timedelta(minutes=15)  # after a sleep or a clock change: late by at most this


class ReminderScheduler(QObject):
    due = Signal(object)  # a services.reminders.Reminder to show

    def __init__(
        self,
        services: Services,
        settings: ReminderSettings,
        *,
        store: QSettings,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._clock: Clock = clock if clock is not None else services.clock
        self._store = store
        self.settings = settings
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # to the second is plenty
        self.timer.timeout.connect(self._on_timeout)
        self.planned_for: dt.datetime | None = None  # the next reminder's time
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)

    def now(self) -> dt.datetime:
        return self._clock().astimezone(self._services.tz)

    @property
    def shown_on(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(self._store.value(SHOWN_KEY, "")))
        except ValueError:
            return None

    def set_settings(self, settings: ReminderSettings) -> None:
        self.settings = settings
        self.check()

    def check(self) -> None:
        """Show the reminder when due (once a day, only what is not logged yet), then plan
        the next check."""
        now = self.now()
        shown_on = self.shown_on
        if is_due(self.settings, now, shown_on):
            reminder = reminder_for(self.settings, self._services.reminders.status(now.date()))
            shown_on = now.date()  # handled: shown, or nothing left to remind of
            self._store.setValue(SHOWN_KEY, shown_on.isoformat())
            self._store.sync()
            if reminder is not None:
                self.due.emit(reminder)
        self._plan(now, shown_on)

    def _plan(self, now: dt.datetime, shown_on: dt.date | None) -> None:
        self.planned_for = next_time(self.settings, now, shown_on)
        if self.planned_for is None:
            self.timer.stop()
            return
        wait = min(self.planned_for - now, MAX_WAIT)
        self.timer.start(max(int(wait.total_seconds() * 1000), 1000))

    def stop(self) -> None:
        self.timer.stop()

    def _on_timeout(self) -> None:
        try:
            self.check()
        except Exception:  # e.g. the journal busy for a moment: try again a little later
            log.exception("reminder check failed")
            self.timer.start(int(MAX_WAIT.total_seconds() * 1000))

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.timer.isActive():
            self.check()
