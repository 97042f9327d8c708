"""One object that opens a journal and hands out every service on it.

The UI and the CLI both start here; neither touches the database layer directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.config import DataPaths, make_private
from journal_app.db.connection import OpenedDatabase, open_database
from journal_app.services.clock import Clock, system_clock
from journal_app.services.entries import EntryService

if TYPE_CHECKING:
    from journal_app.services.attachments import AttachmentService
    from journal_app.services.backups import BackupService
    from journal_app.services.dashboard import DashboardService
    from journal_app.services.info import JournalInfo
    from journal_app.services.links import LinkService
    from journal_app.services.planning.service import PlanningService
    from journal_app.services.reminders import ReminderService
    from journal_app.services.search import SearchService
    from journal_app.services.spelling import SpellingService
    from journal_app.services.sprints import SprintService
    from journal_app.services.sync.service import SyncService
    from journal_app.services.templates import TemplateService
    from journal_app.services.tracking.categories import CategoryService
    from journal_app.services.tracking.outputs import OutputService
    from journal_app.services.tracking.resources import ResourceService
    from journal_app.services.tracking.sessions import SessionService
    from journal_app.services.tracking.settings import SettingsService
    from journal_app.services.tracking.skills import SkillService
    from journal_app.services.tracking.sleep import SleepService
    from journal_app.services.tracking.stats import StatsService
    from journal_app.services.tracking.timer import TimerService
    from journal_app.services.transfer.service import TransferService


@dataclass
class _OpenJournal:
    """The open journal, held where a restore can put the reopened one (BackupService)."""

    opened: OpenedDatabase


class Services:
    def __init__(self, paths: DataPaths, opened: OpenedDatabase, clock: Clock) -> None:
        self.paths = paths
        self._journal = _OpenJournal(opened)
        self.clock = clock
        self.entries = EntryService(clock, paths.attachments)
        self._seen_data_version: int | None = None
        # A throw-away journal (the demo): deleted when the app closes, so nothing in it
        # should be offered as kept (a timer left running, a backup).
        self.throwaway = False

    # Services other than entries are built on first use: their modules stay out of the
    # start-up path (see benchmarks: startup_ratio).
    @cached_property
    def search(self) -> SearchService:
        # lazy: each service loads on first use
        from journal_app.services.search import SearchService

        return SearchService()

    @cached_property
    def links(self) -> LinkService:
        # lazy: each service loads on first use
        from journal_app.services.links import LinkService

        return LinkService(self.clock, self.entries)

    @cached_property
    def spelling(self) -> SpellingService:
        """Spell-check settings, dictionaries and the personal dictionary (#18)."""
        # lazy: each service loads on first use
        from journal_app.services.spelling import SpellingService

        return SpellingService()

    @cached_property
    def sync(self) -> SyncService:
        """Sync through a folder (#15, docs/SYNC.md)."""
        # lazy: each service loads on first use
        from journal_app.db import cipher

        # lazy: each service loads on first use
        from journal_app.services.sync.service import SyncService

        database = self.paths.database
        return SyncService(
            self.clock,
            self.paths.root,
            lambda: cipher.key_for(database) is not None,
            database=database,
            attachments=self.attachments,
            backup=lambda: self.backups.create("pre-sync").path,
        )

    @cached_property
    def sprints(self) -> SprintService:
        # lazy: each service loads on first use
        from journal_app.services.sprints import SprintService

        return SprintService()

    @cached_property
    def templates(self) -> TemplateService:
        # lazy: each service loads on first use
        from journal_app.services.templates import TemplateService

        return TemplateService(self.clock, self.entries, self.sprints, self.stats)

    @cached_property
    def attachments(self) -> AttachmentService:
        # lazy: each service loads on first use
        from journal_app.db import cipher

        # lazy: each service loads on first use
        from journal_app.services.attachments import AttachmentService

        database = self.paths.database
        return AttachmentService(
            self.paths.attachments, self.clock, lambda: cipher.key_for(database)
        )

    @cached_property
    def planning(self) -> PlanningService:
        """Sprints, backlog, board, timeline, burn-up and closing (#5)."""
        # lazy: each service loads on first use
        from journal_app.services.planning.service import PlanningService

        return PlanningService(
            self.clock,
            self.tz,
            stats=self.stats,
            outputs=self.outputs,
            sprints=self.sprints,
            entries=self.entries,
            templates=self.templates,
        )

    @cached_property
    def transfer(self) -> TransferService:
        """Export, import and publishing (#7)."""
        # lazy: each service loads on first use
        from journal_app.services.transfer.context import TransferParts

        # lazy: each service loads on first use
        from journal_app.services.transfer.service import TransferService

        journal = self._journal
        return TransferService(
            TransferParts(
                self.paths,
                self.clock,
                self.tz,
                self.entries,
                self.outputs,
                self.attachments,
                self.backups,
                lambda: journal.opened.schema_version,
            )
        )

    @cached_property
    def backups(self) -> BackupService:
        """Backups, restore and checks (#7). A restore closes and reopens this facade's
        journal in place (it sets ``_journal.opened``), so every service sees the restored
        one."""
        # lazy: each service loads on first use
        from journal_app.services.backups import BackupService

        return BackupService(self.paths, self.clock, self._journal, tz=self.tz)

    # ------------------------------------------------------------------ tracking (#4)

    @cached_property
    def tz(self) -> dt.tzinfo:
        """The zone days are cut in: `TZ` if set, else the system's. Assign before first
        use of a tracking service to override (tests)."""
        # lazy: each service loads on first use
        from journal_app.services.tracking.timeutil import local_zone

        return local_zone()

    @cached_property
    def tracking_settings(self) -> SettingsService:
        # lazy: each service loads on first use
        from journal_app.services.tracking.settings import SettingsService

        return SettingsService()

    @cached_property
    def categories(self) -> CategoryService:
        # lazy: each service loads on first use
        from journal_app.services.tracking.categories import CategoryService

        return CategoryService()

    @cached_property
    def skills(self) -> SkillService:
        # lazy: each service loads on first use
        from journal_app.services.tracking.skills import SkillService

        return SkillService(self.clock, self.tz)

    @cached_property
    def resources(self) -> ResourceService:
        # lazy: each service loads on first use
        from journal_app.services.tracking.resources import ResourceService

        return ResourceService(self.clock)

    @cached_property
    def outputs(self) -> OutputService:
        # lazy: each service loads on first use
        from journal_app.services.tracking.outputs import OutputService

        return OutputService(self.clock, self.tz)

    @cached_property
    def sessions(self) -> SessionService:
        # lazy: each service loads on first use
        from journal_app.services.tracking.sessions import SessionService

        return SessionService(self.clock, self.tz)

    @cached_property
    def timer(self) -> TimerService:
        # lazy: each service loads on first use
        from journal_app.services.tracking.timer import TimerService

        return TimerService(self.clock, self.sessions)

    @cached_property
    def day_logs(self) -> SleepService:
        # lazy: each service loads on first use
        from journal_app.services.tracking.sleep import SleepService

        return SleepService(self.tz)

    @cached_property
    def reminders(self) -> ReminderService:
        """Whether today is logged, for the daily reminder (#18)."""
        # lazy: each service loads on first use
        from journal_app.services.reminders import ReminderService

        return ReminderService(self.entries, self.day_logs)

    @cached_property
    def stats(self) -> StatsService:
        # lazy: each service loads on first use
        from journal_app.services.tracking.stats import StatsService

        return StatsService(
            self.clock,
            self.tz,
            sessions=self.sessions,
            outputs=self.outputs,
            sleep=self.day_logs,
            skills=self.skills,
            settings=self.tracking_settings,
        )

    @cached_property
    def dashboard(self) -> DashboardService:
        # lazy: each service loads on first use
        from journal_app.services.dashboard import DashboardService

        return DashboardService(
            self.clock,
            self.tz,
            stats=self.stats,
            skills=self.skills,
            settings=self.tracking_settings,
        )

    @classmethod
    def open(
        cls,
        paths: DataPaths,
        *,
        clock: Clock = system_clock,
        create: bool = True,
        read_only: bool = False,
    ) -> Services:
        """The journal at ``paths``; ``read_only`` for reading one whose folder cannot be
        written (nothing is migrated or written; a write raises)."""
        if not read_only:
            make_private(paths)  # before SQLite opens the files: its -wal/-shm copy the mode
        opened = open_database(paths.database, paths.backups, create=create, read_only=read_only)
        services = cls(paths, opened, clock)
        if read_only:
            return services
        # lazy: each service loads on first use
        from journal_app import open_hooks

        # lazy: each service loads on first use
        from journal_app.db.snapshot import remove_leftovers

        try:
            remove_leftovers(paths.root, paths.backups)  # what a killed backup left behind
            # Finish or undo an interrupted encrypt/decrypt (the CLI's hook).
            open_hooks.run_after_open(paths)
        except BaseException:
            services.close()
            raise
        return services

    @property
    def _opened(self) -> OpenedDatabase:
        return self._journal.opened

    @_opened.setter
    def _opened(self, opened: OpenedDatabase) -> None:  # encryption reopens it in place
        self._journal.opened = opened

    @property
    def schema_version(self) -> int:
        return self._opened.schema_version

    @property
    def migrated(self) -> list[int]:
        """Schema versions applied while opening (empty when already current)."""
        return list(self._opened.migrated)

    def info(self) -> JournalInfo:
        # lazy: each service loads on first use
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

    def changed_elsewhere(self) -> bool:
        """Whether another process (or another connection) wrote to the journal since the
        last call; the first call only takes note. Cheap: one pragma, no file access."""
        if self._opened.db.is_closed():
            return False  # closed: nothing to notice (and never reopened by asking)
        version = self._opened.data_version()
        seen, self._seen_data_version = self._seen_data_version, version
        return seen is not None and seen != version

    def is_empty(self) -> bool:
        """True when the journal holds nothing the user wrote or logged."""
        # lazy: each service loads on first use
        from journal_app.services.info import count_rows

        return not any(count_rows().values())

    def close(self) -> None:
        self._opened.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
