"""File ▸ Print… and File ▸ Export as PDF…: choose the entries, then a printer or a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from journal_app.errors import JournalError
from journal_app.services import Services
from journal_app.services.tracking.timeutil import today
from journal_app.services.transfer.selection import PrintJob
from journal_app.ui.printing.dialog import PrintChoice, PrintDialog
from journal_app.ui.printing.paper import print_job, write_pdf
from journal_app.ui.window_context import WindowContext

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class PrintController(QObject):
    def __init__(self, window: WindowContext, services: Services) -> None:
        super().__init__(window.dialog_parent())
        self._window = window
        self._services = services
        self.print_action = QAction("&Print…", self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self.choose("Print"))
        self.pdf_action = QAction("Export as P&DF…", self)
        self.pdf_action.triggered.connect(lambda: self.choose("Export"))
        for action in (self.print_action, self.pdf_action):
            window.add_file_action(action)
        self.dialog: PrintDialog | None = None

    def choose(self, verb: str) -> PrintDialog:
        """Open the dialog that picks the entries (non-modal: tests answer it)."""
        self._window.save_open_entry()
        services = self._services
        sprints = [(o.sprint.id, o.sprint.name) for o in services.planning.sprints()]
        dialog = PrintDialog(
            open_entry=self._window.open_entry_id(),
            today=today(services.clock(), services.tz),
            tags=services.entries.tag_names(),
            sprints=sprints,
            verb=verb,
            parent=self._window.dialog_parent(),
        )
        target = self.print_to_printer if verb == "Print" else self.ask_pdf_file
        dialog.accepted.connect(lambda: target(dialog.choice()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _job(self, choice: PrintChoice) -> PrintJob | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self._services.transfer.printable(
                choice.chosen, one_per_page=choice.one_per_page
            )
        except JournalError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self._window.dialog_parent(), "Nothing to print", str(exc))
            return None
        finally:
            if QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()

    def print_to_printer(self, choice: PrintChoice, printer: QPrinter | None = None) -> bool:
        """Ask for a printer (unless given one) and print; False when nothing printed."""
        job = self._job(choice)
        if job is None:
            return False
        if printer is None:
            # lazy: QtPrintSupport loads only when the user prints
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter

            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            ask = QPrintDialog(printer, self._window.dialog_parent())
            if ask.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        print_job(job, printer)
        self._window.show_status(f"Sent {job.entries} entries to the printer", 5000)
        return True

    def ask_pdf_file(self, choice: PrintChoice) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self._window.dialog_parent(), "Export as PDF", "journal.pdf", "PDF (*.pdf)"
        )
        if not name:
            return None
        return self.export_pdf(choice, Path(name))

    def export_pdf(self, choice: PrintChoice, out: Path) -> Path | None:
        """Write the PDF to ``out``, which the user named (the file dialog asked before
        replacing an existing file)."""
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        try:
            target = self._services.transfer.check_export_target("pdf", out, force=True)
        except JournalError as exc:
            QMessageBox.warning(self._window.dialog_parent(), "Cannot export", str(exc))
            return None
        job = self._job(choice)
        if job is None:
            return None
        try:
            shown = write_pdf(job, target, title=out.stem)
        except JournalError as exc:
            QMessageBox.warning(self._window.dialog_parent(), "Cannot export", str(exc))
            return None
        self._window.show_status(f"Exported {job.entries} entries to {shown}", 8000)
        return shown
