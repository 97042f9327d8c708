"""Which entries an HTML export, a print-out or a PDF holds, and the printable result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

PRINT_FORMATS = ("pdf",)  # rendered by Qt (ui/printing), checked and named here


@dataclass(frozen=True)
class Selection:
    """One entry, a range of days, a tag or a sprint (export_html.check_request)."""

    entry_id: int | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    tag: str | None = None
    sprint_id: int | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry_id,
            "first": self.first,
            "last": self.last,
            "tag": self.tag,
            "sprint_id": self.sprint_id,
        }


@dataclass(frozen=True)
class PrintJob:
    """A self-contained HTML page (images as data: URLs) and how many entries it holds."""

    html: str
    entries: int
