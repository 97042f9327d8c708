"""What export, import and publishing use of a journal, and nothing more.

`TransferService` receives a `TransferParts` from the Services facade; the functions of
each format accept any `TransferContext`, so the facade itself fits them too (the UI's
publish preview passes it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from journal_app.config import DataPaths
    from journal_app.services.attachments import AttachmentService
    from journal_app.services.backups import BackupService
    from journal_app.services.clock import Clock
    from journal_app.services.entries import EntryService
    from journal_app.services.tracking.outputs import OutputService


class TransferContext(Protocol):
    @property
    def paths(self) -> DataPaths: ...
    @property
    def clock(self) -> Clock: ...
    @property
    def tz(self) -> dt.tzinfo: ...
    @property
    def entries(self) -> EntryService: ...
    @property
    def outputs(self) -> OutputService: ...
    @property
    def attachments(self) -> AttachmentService: ...
    @property
    def backups(self) -> BackupService: ...  # the verified copy before an import
    @property
    def schema_version(self) -> int: ...


@dataclass(frozen=True)
class TransferParts:
    paths: DataPaths
    clock: Clock
    tz: dt.tzinfo
    entries: EntryService
    outputs: OutputService
    attachments: AttachmentService
    backups: BackupService
    schema_version_of: Callable[[], int]  # of the journal open now (a restore reopens it)

    @property
    def schema_version(self) -> int:
        return self.schema_version_of()
