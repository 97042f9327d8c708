"""What the window does about sync: File ▸ Sync…, the status-bar button, automatic runs.

Runs (``SyncRunner``, off the UI thread, one at a time) start:
- at start, when this journal syncs;
- ``LOCAL_DELAY_MS`` after the last local change (the editor's saves and every
  `DataEvents` signal restart the delay; a run starts only if rows wait to be sent, so
  the reload that follows a run's own writes does not start another);
- ``ARRIVAL_DELAY_MS`` after files arrive in another device's subfolder (``FolderWatch``);
- from the dialog's "Sync now";
- at quit (``finish``): the run under way stops after its segment, then local changes
  are sent on the UI thread without applying anything — bounded, and nothing typed is
  left unsent.
The open entry's unsaved text is saved before each run, so it is sent and merged rather
than met as a stale save. When a merge changed the open entry, the editor reloads it and
the status bar says with whose changes.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from journal_app.errors import JournalError
from journal_app.services import Services
from journal_app.services.sync.summary import SyncSummary, read_summary
from journal_app.ui.data_events import DataEvents
from journal_app.ui.sync.folder_watch import ARRIVAL_DELAY_MS, FolderWatch
from journal_app.ui.sync.runner import SyncRunner
from journal_app.ui.sync.status_text import merged_notice, status_line
from journal_app.ui.window_context import WindowContext

if TYPE_CHECKING:
    from journal_app.services.sync.service import SetupPlan, SyncReport, SyncStatus

log = logging.getLogger(__name__)

LOCAL_DELAY_MS = 7000  # after the last local change: one run for a burst of saves
TICK_MS = 30_000  # "Synced 1 min ago" moves on
MESSAGE_MS = 8000


class SyncController(QObject):
    synced = Signal(object)  # SyncReport, after each run (and its notices)
    sync_failed = Signal(str)  # one line
    state_changed = Signal()  # set up, left, a run started or ended: the text changed

    def __init__(
        self,
        context: WindowContext,
        services: Services,
        events: DataEvents,
        *,
        local_delay_ms: int = LOCAL_DELAY_MS,
        arrival_delay_ms: int = ARRIVAL_DELAY_MS,
    ) -> None:
        super().__init__(context.dialog_parent())
        self._context = context
        self._services = services
        self._events = events
        self.summary: SyncSummary | None = None
        self.last_report: SyncReport | None = None
        self.problem: str | None = None  # the last run's error or problems, one line each
        self.dialog: QWidget | None = None
        self._finished = False

        self.runner = SyncRunner(services, self)
        self.runner.started.connect(self._refresh)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)

        self.action = QAction("S&ync…", self)
        self.action.setStatusTip("Sync this journal with your other devices through a folder")
        self.action.triggered.connect(self.open_dialog)
        context.add_file_action(self.action)

        self.button = QToolButton()
        self.button.setObjectName("syncStatus")
        self.button.setAutoRaise(True)
        self.button.setAccessibleName("Sync status")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.open_dialog)
        self.button.setVisible(False)
        context.add_status_widget(self.button)

        self.local_timer = QTimer(self)
        self.local_timer.setSingleShot(True)
        self.local_timer.setInterval(local_delay_ms)
        self.local_timer.timeout.connect(self._on_local_quiet)
        for signal in (
            events.entries_changed,
            events.tracking_changed,
            events.sprints_changed,
        ):
            signal.connect(self._on_local_change)
        context.when_entry_saved(self._on_local_change)

        self.folder_watch = FolderWatch(self, delay_ms=arrival_delay_ms)
        self.folder_watch.arrived.connect(self.sync_now)

        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._refresh)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.finish)

    # -- state ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.runner.running

    def start(self) -> None:
        """Read the state; when this journal syncs, watch its folder and run once."""
        self._reread()
        if self.summary is not None:
            self.sync_now()

    def _reread(self) -> None:
        try:
            self.summary = read_summary()
        except JournalError as exc:  # busy for a moment: the next change reads again
            log.warning("sync state not read: %s", exc)
            return
        summary = self.summary
        self.folder_watch.watch(
            summary.folder if summary else None, summary.device if summary else ""
        )
        if summary is None:
            self.tick.stop()
        elif not self.tick.isActive():
            self.tick.start()
        self._refresh()

    def status_text(self) -> str:
        now = self._services.clock()
        return status_line(self.summary, running=self.running, problem=self.problem, now=now)

    def _refresh(self) -> None:
        text = self.status_text()
        self.button.setText(text)
        self.button.setVisible(bool(text))
        if self.problem:
            self.button.setToolTip(f"{self.problem}\nClick for File ▸ Sync…")
        elif self.summary is not None:
            self.button.setToolTip(f"Syncing through {self.summary.folder}; click for details")
        self.state_changed.emit()

    # -- running --------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Run a sync in the background (or once more after the one under way)."""
        if self.summary is None or self._finished:
            return
        self.local_timer.stop()
        self._context.save_open_entry()  # what is typed goes with this run
        self.runner.request()

    def _on_local_change(self) -> None:
        if self.summary is None or self._finished:
            return
        self.local_timer.start()  # restarted by every change: runs once things are quiet
        self._reread_count()

    def _reread_count(self) -> None:
        try:
            summary = read_summary()
        except JournalError:
            return
        if summary is not None:
            self.summary = summary
            self._refresh()

    def _on_local_quiet(self) -> None:
        self._reread_count()
        if self.summary is not None and self.summary.changes_waiting:
            self.sync_now()

    def _on_finished(self, report: object) -> None:
        report = cast("SyncReport", report)
        self.last_report = report
        self.problem = "; ".join(report.problems) or None
        self._reread_count()
        if report.applied_changes:
            # Pages reload now rather than at the next poll of external changes.
            for signal in (
                self._events.entries_changed,
                self._events.tracking_changed,
                self._events.sprints_changed,
            ):
                signal.emit()
        self._notice_merges(report)
        self._refresh()
        self.synced.emit(report)

    def _on_failed(self, message: str) -> None:
        self.problem = message
        log.warning("sync failed: %s", message)
        self._refresh()
        self.sync_failed.emit(message)

    def _notice_merges(self, report: SyncReport) -> None:
        open_id = self._context.open_entry_id()
        for merged in report.merged:
            if merged.entry_id != open_id:
                continue
            self._context.reload_open_entry()
            notice = merged_notice(merged.title, merged.devices, gone=merged.gone)
            self._context.show_status(notice, MESSAGE_MS)

    # -- set up and leave (the dialog) ---------------------------------------------------

    def status(self) -> SyncStatus:
        """The full state, the folder read (the dialog)."""
        return self._services.sync.status()

    def plan(self, folder: Path) -> SetupPlan:
        """What setting up ``folder`` would do (new or join); JournalError if refused."""
        return self._services.sync.plan(folder)

    def set_up(self, folder: Path, name: str, passphrase: str | None = None) -> None:
        """Sync through ``folder`` as ``name``; the first run starts in the background.
        Raises JournalError (one line) when the folder is refused; PassphraseNeeded when
        it is encrypted with another journal's key and ``passphrase`` was not given."""
        self._services.sync.setup(folder, name, passphrase=passphrase)
        self.problem = None
        self.last_report = None
        self._reread()
        self.sync_now()

    def leave(self) -> None:
        """Stop syncing (after the run under way); this device's files stay."""
        self.runner.wait()
        self._services.sync.leave()
        self.problem = None
        self.last_report = None
        self.local_timer.stop()
        self._reread()

    # -- quit -----------------------------------------------------------------------------

    def finish(self) -> None:
        """At quit: stop the runs (the one under way ends after its segment), then send
        what is left on this thread without applying anything. Never blocks for long."""
        if self._finished:
            return
        self._finished = True
        self.local_timer.stop()
        self.tick.stop()
        self.folder_watch.watch(None)
        self.runner.stop()
        if self.summary is None:
            return
        try:
            summary = read_summary()
            if summary is not None and summary.changes_waiting:
                self._services.sync.now(stop=lambda: True)
        except (JournalError, OSError) as exc:  # folder gone or full: sent at next start
            log.warning("sync at quit: %s", exc)

    # -- the dialog -----------------------------------------------------------------------

    def open_dialog(self) -> QWidget:
        # lazy: loads when first opened, not with the window
        from journal_app.ui.sync.dialog import SyncDialog

        if self.dialog is None:
            self.dialog = SyncDialog(self, self._context.dialog_parent())
        dialog = self.dialog
        assert isinstance(dialog, SyncDialog)
        dialog.reload()
        dialog.show()
        dialog.activateWindow()
        return dialog

    def now(self) -> dt.datetime:
        return self._services.clock()
