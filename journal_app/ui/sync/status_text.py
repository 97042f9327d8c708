"""The words the status bar and the Sync dialog use (plain functions, tested alone)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal_app.services.sync.summary import SyncSummary

if TYPE_CHECKING:
    from journal_app.services.sync.service import SyncReport


def parse_time(text: str | None) -> dt.datetime | None:
    """An ISO time the sync folder or state holds; None when missing or not one."""
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def ago(then: dt.datetime, now: dt.datetime) -> str:
    """ "just now", "1 min ago", "3 h ago", "yesterday", "4 days ago"."""
    seconds = (now - then).total_seconds()
    if seconds < 60:
        return "just now"  # a clock a little ahead of ours too
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} h ago"
    days = hours // 24
    return "yesterday" if days == 1 else f"{days} days ago"


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def status_line(
    summary: SyncSummary | None, *, running: bool, problem: str | None, now: dt.datetime
) -> str:
    """The status bar's text; "" when this journal does not sync (nothing is shown)."""
    if summary is None:
        return ""
    if problem:
        return "Sync problem"  # the line itself is the tooltip
    if running:
        return "Syncing…"
    if summary.changes_waiting:
        return f"{plural(summary.changes_waiting, 'change')} waiting"
    last = parse_time(summary.last_sync)
    return "Not synced yet" if last is None else f"Synced {ago(last, now)}"


def result_line(report: SyncReport) -> str:
    """What one run did: sent, applied, waiting, problems — one line."""
    parts = [f"sent {plural(report.sent, 'change')}" if report.sent else "nothing to send"]
    if report.applied_changes:
        parts.append(
            f"applied {plural(report.applied_changes, 'change')} "
            f"from {plural(report.applied_segments, 'file')}"
        )
    else:
        parts.append("nothing new to apply")
    if report.waiting:
        parts.append(f"{plural(report.waiting, 'file')} waiting")
    if report.blobs_waiting:
        parts.append(f"{plural(report.blobs_waiting, 'attachment')} not arrived yet")
    if report.problems:
        parts.append(plural(len(report.problems), "problem"))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def merged_notice(title: str, devices: tuple[str, ...], *, gone: bool = False) -> str:
    names = " and ".join(devices) if devices else "another device"
    shown = f"“{title or 'Untitled'}”"
    if gone:
        return f"{shown} was emptied from the trash on {names}"
    return f"{shown} was merged with changes from {names}"
