"""One object that opens a journal and hands out every service on it.

The UI and the CLI both start here; neither touches the database layer directly.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.config import DataPaths
from journal_app.db.connection import OpenedDatabase, open_database
from journal_app.services.clock import Clock, system_clock
from journal_app.services.entries import EntryService

if TYPE_CHECKING:
    from journal_app.services.attachments import AttachmentService
    from journal_app.services.info import JournalInfo
    from journal_app.services.search import SearchService
    from journal_app.services.sprints import SprintService
    from journal_app.services.templates import TemplateService


class Services:
    def __init__(self, paths: DataPaths, opened: OpenedDatabase, clock: Clock) -> None:
        self.paths = paths
        self._opened = opened
        self.clock = clock
        self.entries = EntryService(clock, paths.attachments)

    # Services other than entries are built on first use: their modules stay out of the
    # start-up path (see benchmarks: startup_ratio).
    @cached_property
    def search(self) -> SearchService:
        from journal_app.services.search import SearchService

        return SearchService()

    @cached_property
    def sprints(self) -> SprintService:
        from journal_app.services.sprints import SprintService

        return SprintService()

    @cached_property
    def templates(self) -> TemplateService:
        from journal_app.services.templates import TemplateService

        return TemplateService(self.clock, self.entries, self.sprints)

    @cached_property
    def attachments(self) -> AttachmentService:
        from journal_app.services.attachments import AttachmentService

        return AttachmentService(self.paths.attachments, self.clock)

    @classmethod
    def open(
        cls, paths: DataPaths, *, clock: Clock = system_clock, create: bool = True
    ) -> Services:
        opened = open_database(paths.database, paths.backups, create=create)
        return cls(paths, opened, clock)

    @property
    def schema_version(self) -> int:
        return self._opened.schema_version

    @property
    def migrated(self) -> list[int]:
        """Schema versions applied while opening (empty when already current)."""
        return list(self._opened.migrated)

    def info(self) -> JournalInfo:
        from journal_app.services.info import JournalInfo, count_rows

        database: Path = self.paths.database
        size = sum(
            p.stat().st_size
            for p in (database, database.with_name(database.name + "-wal"))
            if p.exists()
        )
        return JournalInfo(
            data_dir=str(self.paths.root),
            database=str(database),
            schema_version=self.schema_version,
            size_bytes=size,
            **count_rows(),
        )

    def is_empty(self) -> bool:
        """True when the journal holds nothing the user wrote or logged."""
        from journal_app.services.info import count_rows

        return not any(count_rows().values())

    def close(self) -> None:
        self._opened.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
