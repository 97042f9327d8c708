"""The line under the pointer: one day's values in words (no pyqtgraph needed)."""

from __future__ import annotations

import datetime as dt

from journal_app.services.dashboard import DayValues
from journal_app.ui.dashboard.style import QUALITY_LABELS
from journal_app.ui.widgets.fmt import date_text


def _hours(value: float) -> str:
    return f"{value:.1f} h"


def format_day(day: dt.date, found: DayValues | None) -> str:
    """Rich text for the hover read-out of `day` (`found` None: outside the journal)."""
    head = f"<b>{date_text(day)}</b>"
    if found is None:
        return f"{head} · nothing tracked"
    parts = [
        f"deep work <b>{_hours(found.total)}</b> (production {found.production:.1f}, "
        f"consumption {found.consumption:.1f}, other {found.other:.1f})"
    ]
    if found.average is not None:
        parts.append(f"7-day average {_hours(found.average)}")
    if found.sleep is not None:
        night = f"slept <b>{_hours(found.sleep)}</b>"
        if found.quality is not None:
            night += f" (quality {found.quality}, {QUALITY_LABELS[found.quality - 1]})"
        parts.append(night)
    else:
        parts.append("no night logged")
    if found.sleep_debt is not None:
        parts.append(f"sleep debt {_hours(found.sleep_debt)}")
    if found.production_share is not None:
        parts.append(f"production share {found.production_share * 100:.0f} %")
    outputs = f"week's output {found.week_outputs}"
    if found.week_words:
        outputs += f" ({found.week_words:,} words)"
    parts.append(outputs)
    return f"{head} · " + " · ".join(parts)
