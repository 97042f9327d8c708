"""Writing checked entries from any importer: a backup, one transaction, a summary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from journal_app.services.transfer.bulk import (
    EntryWriter,
    NewEntry,
    backup_before_import,
    import_transaction,
)
from journal_app.services.transfer.common import ImportResult, Progress

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext


def write_entries(
    services: TransferContext,
    entries: list[NewEntry],
    what: str,
    progress: Progress,
    ignored: Mapping[str, int] | None = None,
) -> ImportResult:
    backup = backup_before_import(services, what)
    writer = EntryWriter(services)
    total = len(entries)
    with import_transaction(total):
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
    )
