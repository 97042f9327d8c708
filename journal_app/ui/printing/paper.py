"""Lay a ``PrintJob`` out on paper: a printer or a PDF file, through Qt's rich text.

The HTML is the one the preview and the HTML export render (sanitized; images embedded
as ``data:`` URLs, so nothing is fetched). ``QTextDocument.print_`` breaks pages where an
entry asks for it and numbers the pages at the bottom when the document has no page size
of its own, which is why none is set here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from journal_app import APP_NAME
from journal_app.services.transfer.selection import PrintJob
from journal_app.services.transfer.target import ExportTarget, staged

PDF_RESOLUTION = 300  # dots per inch: sharp text and images, modest files


def document(job: PrintJob) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(job.html)
    return doc


def print_job(job: PrintJob, device: QPagedPaintDevice) -> None:
    """Print ``job`` on ``device`` (a QPrinter from the print dialog, or a QPdfWriter)."""
    document(job).print_(device)


def write_pdf(job: PrintJob, target: ExportTarget, *, title: str = "") -> Path:
    """Write ``job`` as a PDF to ``target`` (checked by TransferService.check_export_target):
    under a temporary name beside it, renamed into place when complete."""
    with staged(target) as stage:
        writer = QPdfWriter(str(stage))
        writer.setResolution(PDF_RESOLUTION)
        writer.setCreator(APP_NAME)
        writer.setTitle(title)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        print_job(job, writer)
        del writer  # the file is complete once the writer is gone
    return target.shown
