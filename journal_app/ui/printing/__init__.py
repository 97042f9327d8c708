"""Print and PDF: the open entry, a range, a tag or a sprint, laid out for paper."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.ui.printing.controller import PrintController
    from journal_app.ui.window_context import WindowContext


def install_printing(context: WindowContext, services: Services) -> PrintController:
    """Add File ▸ Print… and File ▸ Export as PDF… (QtPrintSupport loads only now)."""
    # lazy: installed after the first paint
    from journal_app.ui.printing.controller import PrintController

    return PrintController(context, services)
