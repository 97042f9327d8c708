"""A journal file swapped under a live connection (encrypt, decrypt or restore by another
process): a write that lands in the old, unlinked file is reported as not saved, never
acknowledged — the next try writes the new file."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from journal_app.errors import JournalReplaced
from journal_app.services import Services


def _swap_in_a_copy(paths) -> None:
    """What encrypt/decrypt/restore do: a complete new file renamed over the journal."""
    copy = paths.database.with_name("incoming.sqlite3")
    source, target = sqlite3.connect(paths.database), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    os.replace(copy, paths.database)
    for suffix in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)


def test_a_write_into_a_swapped_out_file_is_not_acknowledged(data_paths, clock):
    services = Services.open(data_paths, clock=clock)
    try:
        services.entries.create(day=dt.date(2026, 11, 1), title="Before", body="kept")
        _swap_in_a_copy(data_paths)
        with pytest.raises(JournalReplaced, match="nothing was saved"):
            services.entries.create(day=dt.date(2026, 11, 2), title="Lost?", body="x")
    finally:
        services.close()
    with Services.open(data_paths, clock=clock) as fresh:
        assert [e.title for e in fresh.entries.recent()] == ["Before"]
        fresh.entries.create(day=dt.date(2026, 11, 2), title="Again", body="x")
        assert fresh.entries.count() == 2
