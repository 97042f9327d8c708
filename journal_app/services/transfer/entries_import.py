"""Writing checked entries from any importer: a backup, one transaction, a summary; or,
for a preview, only the counts."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import TYPE_CHECKING

from journal_app.services.transfer.bulk import (
    EntryWriter,
    NewEntry,
    backup_before_import,
    import_transaction,
)
from journal_app.services.transfer.common import ImportResult, Progress
from journal_app.services.transfer.skips import ImportOptions, SkipList

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext


def write_entries(
    services: TransferContext,
    entries: list[NewEntry],
    what: str,
    progress: Progress,
    ignored: Mapping[str, int] | None = None,
    *,
    options: ImportOptions | None = None,
    skips: SkipList | None = None,
    date_sources: Mapping[str, int] | None = None,
) -> ImportResult:
    """Add `entries` (those not in the journal yet); `skips` are the items the reader
    left out, carried into the result. A preview (`options.preview`) writes nothing."""
    options = options or ImportOptions()
    preview = options.preview
    backup = None if preview else backup_before_import(services, what)
    writer = EntryWriter(services, dry_run=preview)
    total = len(entries)
    with contextlib.nullcontext() if preview else import_transaction(total, adds_entries=True):
        for done, entry in enumerate(entries):
            if done % 100 == 0:
                progress(done, total, entry.where)
            writer.add(entry)
    progress(total, total, "done")
    return ImportResult(
        added={"entries": writer.added, "attachments": writer.images},
        skipped={"entries": writer.skipped},
        backup=backup,
        ignored=dict(ignored or {}),
        problems=tuple(skips.items) if skips is not None else (),
        date_sources=dict(date_sources or {}),
        preview=preview,
    )
