"""What the window does about backups: check at start, back up once a day, restore.

- Just after the first paint, ``start()`` runs the start-up check (quick_check and the
  entry checksums) in a worker thread; until it has passed, any write waits for it. A
  damaged journal is offered the newest good backup (``RecoveryDialog``).
- Otherwise the start-up backup runs in a worker thread when none was made today, and a
  timer repeats the question every hour, so a window left open makes one a day.
- ``restore(path)`` saves the open entry, swaps the journal in place
  (``services.backups.restore`` closes and reopens it) and reloads every page.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from journal_app.errors import JournalError
from journal_app.services import Services
from journal_app.services.backups import BackupInfo, DatabaseDamaged, RestoreResult
from journal_app.ui.backups.worker import Job
from journal_app.ui.data_events import DataEvents
from journal_app.ui.window_context import WindowContext

log = logging.getLogger(__name__)

DAILY_CHECK_MS = 60 * 60 * 1000  # an hour: a window open past midnight backs up that day
MESSAGE_MS = 8000


class BackupController(QObject):
    backup_finished = Signal(object)  # BackupInfo, or None when none was due
    backup_failed = Signal(str)  # one line
    restored = Signal(object)  # RestoreResult
    damage_found = Signal(object)  # DatabaseDamaged: the recovery dialog is showing
    checked = Signal()  # the start-up check passed

    def __init__(self, context: WindowContext, services: Services, events: DataEvents) -> None:
        super().__init__(context.dialog_parent())
        self._context = context
        self._window = context.dialog_parent()  # the parent of its dialogs
        self._services = services
        self._events = events
        self._copy_at_start = False  # set by start(): whether a start-up copy is due
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one backup at a time
        self._jobs: set[Job] = set()
        self.busy = False
        self.checking = False
        self.last_error: str | None = None
        self.dialog: QObject | None = None  # the Backups dialog, once opened
        self.recovery: QObject | None = None  # the recovery dialog, when damage was found

        self.action = QAction("&Backups…", self)
        self.action.setStatusTip("List the backups, back up now, restore one")
        self.action.triggered.connect(self.open_dialog)
        context.add_file_action(self.action)

        self.timer = QTimer(self)
        self.timer.setInterval(DAILY_CHECK_MS)
        self.timer.timeout.connect(lambda: self.back_up_if_due("daily"))
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_about_to_quit)

    @property
    def idle(self) -> bool:
        """No check or backup is running or waiting to report."""
        return not self._jobs

    # -- start ----------------------------------------------------------------------------

    def start(self) -> None:
        """Check the journal in a worker, then back up (or offer a backup to restore)."""
        backups = self._services.backups
        # A journal created in this run and still empty holds nothing worth a copy yet;
        # one filled before the window (the demo journal) gets its copy like any other.
        # Decided now: by the time the check reports, the journal may be closed.
        self._copy_at_start = 1 not in self._services.migrated or self._holds_anything()
        backups.start_check()
        self.checking = True
        self._submit(Job(backups.startup_problem, "check"))

    def _submit(self, job: Job) -> None:
        job.setAutoDelete(False)  # kept in self._jobs until its signal arrives
        # Bound methods: a controller deleted meanwhile (window closed) hears nothing.
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        self._jobs.add(job)
        self.pool.start(job)

    def _on_job_finished(self, job: Job, result: object) -> None:
        self._jobs.discard(job)
        if job.kind == "check":
            self.checking = False
            self._on_checked(result)
            return
        self.busy = False
        self.last_error = None
        if isinstance(result, BackupInfo):
            self._status(f"Backed up {result.entries or 0:,} entries ({result.name})")
        self.backup_finished.emit(result)

    def _on_job_failed(self, job: Job, message: str) -> None:
        self._jobs.discard(job)
        if job.kind == "check":
            self.checking = False
            message = f"the start-up check could not run: {message}"
        self.busy = False
        self.last_error = message
        log.warning("backup failed: %s", message)
        self._status(f"Backup failed: {message}")
        self.backup_failed.emit(message)

    def _on_checked(self, problem: object) -> None:
        if isinstance(problem, DatabaseDamaged):
            self.offer_recovery(problem)
            return
        self.timer.start()
        if self._copy_at_start:
            self.back_up_if_due("startup")
        self.checked.emit()

    def _holds_anything(self) -> bool:
        info = self._services.info()
        counts = (info.entries, info.sessions, info.sprints, info.tasks, info.outputs)
        return any(counts) or bool(info.day_logs)

    # -- backing up -----------------------------------------------------------------------

    def back_up_if_due(self, reason: str) -> None:
        backups = self._services.backups
        self._run(lambda: backups.backup_if_due(reason))

    def back_up_now(self) -> None:
        backups = self._services.backups
        self._run(lambda: backups.create("manual"))

    def _run(self, call: Callable[[], object]) -> None:
        if self.busy:
            return
        self.busy = True
        self._submit(Job(call, "backup"))

    def _status(self, text: str) -> None:
        self._context.show_status(text, MESSAGE_MS)

    def _on_about_to_quit(self) -> None:
        self.timer.stop()
        self.pool.waitForDone(30_000)  # a backup under way finishes (or cleans up) first

    # -- the dialog -----------------------------------------------------------------------

    def open_dialog(self) -> QObject:
        # lazy: loads when first used, not with the window
        from journal_app.ui.backups.dialog import BackupsDialog

        if self.dialog is None:
            self.dialog = BackupsDialog(self._services, self, self._window)
        self.dialog.reload()  # type: ignore[attr-defined]
        self.dialog.open()  # type: ignore[attr-defined]
        return self.dialog

    # -- restoring ------------------------------------------------------------------------

    def restore(self, backup: object) -> RestoreResult:
        """Save what is being edited, put ``backup`` in place and reload every page."""
        self.pool.waitForDone()  # never swap the file under a running backup
        if not self._services.backups.startup_problem():
            self._context.save_open_entry(announce=True)
        result = self._services.backups.restore(backup)  # type: ignore[arg-type]
        self._reload()
        self._status(f"Restored {result.restored_from.name}")
        self.restored.emit(result)
        return result

    def _reload(self) -> None:
        """Show the restored journal: the open entry is reloaded (or closed when the
        backup does not have it), then every page hears that everything changed."""
        context = self._context
        current = context.open_entry_id()
        context.close_open_entry()  # nothing is pending: it was saved before the swap
        context.refresh()
        if current is not None:
            with contextlib.suppress(JournalError):
                context.open_entry(current)
        for signal in (
            self._events.entries_changed,
            self._events.sprints_changed,
            self._events.tracking_changed,
            self._events.timer_changed,
        ):
            signal.emit()

    def offer_recovery(self, problem: DatabaseDamaged) -> None:
        """The journal failed its check: show what is wrong and offer the newest good
        backup (restore) or quitting (the damaged file stays as it is)."""
        # lazy: loads when first used, not with the window
        from journal_app.ui.backups.recovery import RecoveryDialog

        dialog = RecoveryDialog(problem, self._services.backups.newest_good(), self._window)
        dialog.restore_chosen.connect(self._on_recovery_restore)
        dialog.quit_chosen.connect(self._on_recovery_quit)
        self.recovery = dialog
        dialog.open()
        self.damage_found.emit(problem)

    def _on_recovery_restore(self, info: BackupInfo) -> None:
        try:
            self.restore(info.path)
        except JournalError as exc:
            self._status(f"Restore failed: {exc}")
            self.backup_failed.emit(str(exc))
            return
        self.timer.start()

    def _on_recovery_quit(self) -> None:
        QTimer.singleShot(0, self._window.close)
