"""File ▸ Export…/Import… and the Publish menu, and running the work off the UI thread.

An export or import runs in a pool thread behind a window-modal progress dialog (the
journal cannot change under it, and the window stays responsive); its end shows a
one-line summary, or the one-line reason it failed (an import that fails changes
nothing). After an import the pages reload.

An import (of any format service.PREVIEW_FORMATS lists: all but our own json) is read
first without writing (a preview, behind the same progress dialog): what will be
created, what will be left out and why, where the dates come from; Import runs it. Its
end shows the summary with the full report, which can be saved.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.encryption import plaintext_export_warning
from journal_app.services.tracking.timeutil import today
from journal_app.ui.data_events import DataEvents
from journal_app.ui.transfer.dialogs import ExportDialog, ExportRequest, ImportDialog, ImportRequest
from journal_app.ui.transfer.publish import PublishActions
from journal_app.ui.widgets.job import Job
from journal_app.ui.window_context import WindowContext

log = logging.getLogger(__name__)
MESSAGE_MS = 8000


class TransferController(QObject):
    finished = Signal(str)  # the summary line of an export or import that worked
    failed = Signal(str)  # the one line of one that did not
    progressed = Signal(int, int, str)  # done, total, what (as the progress dialog shows)
    previewed = Signal(str)  # the report of what an import would do (nothing written yet)

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
        self.last_report: str | None = None
        self._request: ImportRequest | None = None

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

        self.publish = PublishActions(context, services, events, self)

    # -- the current entry ----------------------------------------------------------------

    def current_entry_id(self) -> int | None:
        """The entry open in the Journal, saved first (None when there is none)."""
        if not self._context.save_open_entry():
            return None
        return self._context.open_entry_id()

    # -- dialogs --------------------------------------------------------------------------

    def open_export(self) -> ExportDialog:
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
        # lazy: loads when first used, not with the window
        from journal_app.services.transfer.service import PREVIEW_FORMATS

        # lazy: loads when first used, not with the window
        from journal_app.services.transfer.skips import ImportOptions

        preview = request.fmt in PREVIEW_FORMATS and not request.confirmed
        if not preview and not self._context.save_open_entry():
            self._fail("the open entry could not be saved; nothing was imported")
            return
        transfer = self._services.transfer
        options = ImportOptions(strict=request.strict, date_from=request.date_from, preview=preview)
        self._request = request
        self._start(
            "Reading…" if preview else "Importing…",
            lambda progress: transfer.import_from(
                request.fmt,
                request.path,
                kind=request.kind,
                mapping=request.mapping,
                date_format=request.date_format,
                progress=progress,
                options=options,
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
        if imported and getattr(result, "preview", False):
            self._show_preview(result)
            return
        if imported:
            self._reload()
        summary = result.summary()
        self.last_summary = summary
        self._show(QMessageBox.Icon.Information, "Import" if imported else "Export", summary)
        if imported:
            self._offer_report(result.report())
        self.finished.emit(summary)

    def _show_preview(self, result) -> None:
        """What the import will do, before it does it: Import runs it, Cancel does not."""
        report = result.report()
        box = QMessageBox(
            QMessageBox.Icon.Question, "Import: preview", result.summary(), parent=self._window
        )
        box.setInformativeText(
            "\n".join(report.splitlines()[1:4]) + ("\n…" if len(report.splitlines()) > 4 else "")
        )
        box.setDetailedText(report)
        self.preview_import_button = box.addButton("Import", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        request = self._request

        def chosen(button) -> None:
            if button is self.preview_import_button and request is not None:
                self.run_import(replace(request, confirmed=True))

        box.buttonClicked.connect(chosen)
        self.message_box = box
        box.open()
        self.previewed.emit(report)

    def _offer_report(self, report: str) -> None:
        """The whole report under the summary, and a button to save it."""
        box = self.message_box
        if box is None:
            return
        box.setDetailedText(report)
        self.last_report = report
        self.save_report_button = box.addButton("Save report…", QMessageBox.ButtonRole.ActionRole)
        self.save_report_button.clicked.connect(self._ask_save_report)

    def _ask_save_report(self) -> None:  # pragma: no cover - a native file dialog
        path, _ = QFileDialog.getSaveFileName(
            self._window, "Save the import report", "import-report.txt", "Text (*.txt)"
        )
        if path:
            self.save_report(Path(path), replace=True)  # the file dialog asked first

    def save_report(self, path: Path, *, replace: bool = False) -> None:
        # lazy: loads when first used, not with the window
        from journal_app.services.transfer.skips import save_report as write_report

        try:
            write_report(path, self.last_report or "", replace=replace)
        except InvalidInput as exc:
            self._fail(str(exc))
        else:
            self._context.show_status(f"Saved the import report to {path}", MESSAGE_MS)

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
