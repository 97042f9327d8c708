"""How the library shows numbers, dates and links (Qt-free)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from journal_app.ui.widgets.fmt import date_text


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 session', '3 sessions', '2,400 words'."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def hours_text(hours: float) -> str:
    """'0.5 h', '12.3 h', '3,412 h': a decimal while it still means something."""
    if abs(hours) < 100:
        return f"{hours:,.1f} h"
    return f"{hours:,.0f} h"


def day_text(day: dt.date) -> str:
    """'Wed 25 Nov 2026' (the system locale's date: widgets/fmt.py)."""
    return date_text(day)


long_day_text = day_text  # one date format everywhere


def host_text(url: str) -> str:
    """The site of a link ('arxiv.org'), enough for a narrow column; '' for none."""
    if not url:
        return ""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
