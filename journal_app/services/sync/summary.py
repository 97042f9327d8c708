"""Whether this journal syncs, and what the status bar shows — read from the sync state
alone (two small queries, no folder access), without loading the sync engine (pycrdt
and the rest, ~60 ms): the window asks this at every start, syncing or not."""

from __future__ import annotations

from dataclasses import dataclass

from journal_app.db.models import SyncDirty, SyncState
from journal_app.services.rows import rows

STATE_KEYS = ("device", "name", "folder", "last_sync")


@dataclass(frozen=True)
class SyncSummary:
    """What the status bar shows, read without touching the folder."""

    name: str
    folder: str
    last_sync: str | None
    changes_waiting: int
    device: str = ""  # this device's id (its own subfolder is devices/<id>)


def read_summary() -> SyncSummary | None:
    """None when this journal does not sync; else its summary."""
    query = SyncState.select(SyncState.key, SyncState.value).where(SyncState.key.in_(STATE_KEYS))
    state = {k: v for k, v in rows(query.tuples())}
    if "folder" not in state:
        return None
    return SyncSummary(
        state["name"],
        state["folder"],
        state.get("last_sync"),
        SyncDirty.select().count(),
        state["device"],
    )
