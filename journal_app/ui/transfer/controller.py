"""File ▸ Export…/Import… and the Publish menu, and running the work off the UI thread.

An export or import runs in a pool thread behind a window-modal progress dialog (the
journal cannot change under it, and the window stays responsive); its end shows a
one-line summary, or the one-line reason it failed (an import that fails changes
nothing). After an import the pages reload.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from journal_app.services import Services
from journal_app.ui.data_events import DataEvents
from journal_app.ui.transfer.dialogs import ExportDialog, ExportRequest, ImportDialog, ImportRequest
from journal_app.ui.transfer.worker import Job
from journal_app.ui.window_context import WindowContext

log = logging.getLogger(__name__)
MESSAGE_MS = 8000


class TransferController(QObject):
    finished = Signal(str)  # the summary line of an export or import that worked
    failed = Signal(str)  # the one line of one that did not
    progressed = Signal(int, int, str)  # done, total, what (as the progress dialog shows)

    def __init__(self, context: WindowContext, services: Services, events: DataEvents) -> None:
        super().__init__(context.dialog_parent())
        self._context = context
        self._window = context.dialog_parent()  # the parent of its dialogs
        self._services = services
        self._events = events
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._jobs: set[Job] = set()
        self.busy = False
        self.progress: QProgressDialog | None = None
        self.dialog: ExportDialog | ImportDialog | None = None
        self.message_box: QMessageBox | None = None
        self.last_summary: str | None = None
        self.last_error: str | None = None

        self.export_action = QAction("E&xport…", self)
        self.export_action.setStatusTip(
            "Write the journal out as Markdown, JSON, CSV, Hugo or HTML"
        )
        self.export_action.triggered.connect(self.open_export)
        self.import_action = QAction("&Import…", self)
        self.import_action.setStatusTip("Add entries, sessions or sleep from another app")
        self.import_action.triggered.connect(self.open_import)
        context.add_file_action(self.export_action)
        context.add_file_action(self.import_action)

        from journal_app.ui.transfer.publish import PublishActions

        self.publish = PublishActions(context, services, events, self)

    # -- the current entry ----------------------------------------------------------------

    def current_entry_id(self) -> int | None:
        """The entry open in the Journal, saved first (None when there is none)."""
        if not self._context.save_open_entry():
            return None
        return self._context.open_entry_id()

    # -- dialogs --------------------------------------------------------------------------

    def open_export(self) -> ExportDialog:
        from journal_app.services.encryption import plaintext_export_warning
        from journal_app.services.tracking.timeutil import today

        dialog = ExportDialog(
            self.current_entry_id(),
            today(self._services.clock(), self._services.tz),
            self._window,
            plaintext_warning=plaintext_export_warning(self._services.paths),
            check_target=self._check_target,
        )
        dialog.accepted.connect(lambda: self.run_export(dialog.request()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _check_target(self, request: ExportRequest) -> None:
        self._services.transfer.check_export_target(request.fmt, request.out, force=request.force)

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self._window)
        dialog.accepted.connect(lambda: self.run_import(dialog.request()))
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- running --------------------------------------------------------------------------

    def run_export(self, request: ExportRequest) -> None:

        transfer = self._services.transfer
        self._start(
            "Exporting…",
            lambda progress: transfer.export_to(
                request.fmt,
                request.out,
                entry_id=request.entry_id,
                first=request.first,
                last=request.last,
                progress=progress,
                force=request.force,
            ),
            imported=False,
        )

    def run_import(self, request: ImportRequest) -> None:

        if not self._context.save_open_entry():
            self._fail("the open entry could not be saved; nothing was imported")
            return
        transfer = self._services.transfer
        self._start(
            "Importing…",
            lambda progress: transfer.import_from(
                request.fmt,
                request.path,
                kind=request.kind,
                mapping=request.mapping,
                date_format=request.date_format,
                progress=progress,
            ),
            imported=True,
        )

    def _start(self, label: str, work, *, imported: bool) -> None:
        if self.busy:
            return
        self.busy = True
        progress = QProgressDialog(label, "", 0, 0, self._window)
        progress.setWindowTitle(label.rstrip("…"))
        progress.setCancelButton(None)  # an import is all or nothing: it runs to its end
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress
        job = Job(self._services, work)
        self._jobs.add(job)
        job.signals.progressed.connect(self._on_progress)
        job.signals.finished.connect(lambda result: self._on_finished(job, result, imported))
        job.signals.failed.connect(lambda message: self._on_failed(job, message, imported))
        self.pool.start(job)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progressed.emit(done, total, what)
        progress = self.progress
        if progress is None:
            return
        progress.setLabelText(what)
        progress.setMaximum(max(total, 1))
        # Last: a shown modal dialog's setValue processes events, so the job's queued
        # "finished" may close the dialog (and clear self.progress) inside this call.
        progress.setValue(min(done, max(total, 1)))

    def _close_progress(self, job: Job) -> None:
        self._jobs.discard(job)
        self.busy = False
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_finished(self, job: Job, result, imported: bool) -> None:
        self._close_progress(job)
        if imported:
            self._reload()
        summary = result.summary()
        self.last_summary = summary
        self._show(QMessageBox.Icon.Information, "Import" if imported else "Export", summary)
        self.finished.emit(summary)

    def _on_failed(self, job: Job, message: str, imported: bool) -> None:
        self._close_progress(job)
        if imported:
            message += " (nothing was imported)"
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.last_error = message
        self._show(QMessageBox.Icon.Warning, "Not done", message)
        self.failed.emit(message)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        self._context.show_status(text, MESSAGE_MS)

    def _reload(self) -> None:
        self._events.entries_changed.emit()
        self._events.tracking_changed.emit()
        self._context.refresh()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the running job ends (tests, quitting)."""
        return self.pool.waitForDone(msecs)
