"""Backups: make, list, rotate, restore and check journal copies (issue #7). Qt-free.

Every backup is a consistent snapshot (`db.snapshot`: the sqlite3 backup API into a
``.partial`` file, quick_check, fsync, rename), read from a connection of its own, so it
can run in a worker thread while the app keeps writing.

Rotation (`rotation_plan`), applied after every automatic backup:

- *Regular* backups (at start-up, daily): the newest of each of the last 7 days that
  have one, then the newest of each of the 4 calendar weeks (Monday–Sunday, local time)
  before those days.
- Backups you ask for ("Back up now", `journal-app backup`): the newest 10.
- *Safety* backups (before a migration, an import, a restore or a large sync merge): kept
  14 days, and the newest 2 of each kind are kept whatever their age.
- The newest backup that passes its check is never deleted, nor is any file in
  ``backups/`` whose name is not one of ours, nor anything written with ``--to``.
- The 7 days and 4 weeks are the journal's choice (Preferences ▸ Backups): kept in
  ``backups/retention.json`` beside the backups, so the CLI's backups honour them too.

Restore (`restore_backup`, or `BackupService.restore` on an open journal): the chosen
file must pass integrity_check and the checksums; the current journal is first backed
up (``pre-restore-…``) — or, when it is damaged, renamed to
``journal.sqlite3.corrupt-<stamp>`` (never deleted, never written to) — then the copy
is swapped in with one atomic rename while no connection is open.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from journal_app.config import DataPaths
from journal_app.db import backup_files, checksums, cipher
from journal_app.db.backup_files import REASONS, backup_name
from journal_app.db.connection import OpenedDatabase, open_database, verify_live_file
from journal_app.db.file_check import (
    DatabaseDamaged,
    connect_read_only,
    read_file_state,
    run_check,
)
from journal_app.db.migrations import LATEST_VERSION
from journal_app.db.snapshot import snapshot
from journal_app.errors import DatabaseRefused, InvalidInput, JournalError
from journal_app.fsutil import create_private_file, fsync_dir, read_regular_file
from journal_app.services.clock import Clock, system_clock

__all__ = [
    "REASONS",
    "BackupInfo",
    "BackupService",
    "CheckReport",
    "DatabaseDamaged",
    "RestoreResult",
    "Retention",
    "check_journal",
    "list_backups",
    "restore_backup",
    "rotation_plan",
]

REGULAR = ("startup", "daily")  # the 7 daily + 4 weekly rotation
MANUAL_KEEP_NEWEST = 10
SAFETY = ("pre-migration", "pre-import", "pre-restore", "pre-sync")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
SAFETY_KEEP_DAYS = 14
SAFETY_KEEP_NEWEST = 2
RETENTION_FILE = "retention.json"  # not a backup name: never listed nor rotated
RETENTION_LIMITS = (1, 365)  # days, and weeks, a user can ask to keep


@dataclass(frozen=True)
class Retention:
    """How many regular backups rotation keeps: one a day, then one a week."""

    keep_daily: int = KEEP_DAILY
    keep_weekly: int = KEEP_WEEKLY


def _check_keep(value: object, what: str) -> int:
    low, high = RETENTION_LIMITS
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"the {what} to keep must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise InvalidInput(f"the {what} to keep must be between {low} and {high}")
    return value


def read_retention(folder: Path) -> Retention:
    """The retention stored in ``folder``; the defaults when none is, or it is unreadable
    (a damaged file never makes rotation delete more than the defaults would)."""
    raw = read_regular_file(folder / RETENTION_FILE, 4096)
    if raw is None:
        return Retention()
    try:
        stored = json.loads(raw)
        return Retention(
            _check_keep(stored["keep_daily"], "days"),
            _check_keep(stored["keep_weekly"], "weeks"),
        )
    except (ValueError, KeyError, TypeError, InvalidInput):
        return Retention()


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    name: str
    reason: str  # one of REASONS
    created_at: dt.datetime  # aware UTC
    size_bytes: int
    entries: int | None  # None when the file cannot be read
    schema_version: int | None


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    entries: int | None
    pre_restore_backup: Path | None  # the journal as it was, when it was whole
    damaged_kept_as: Path | None  # where a damaged journal was moved


@dataclass(frozen=True)
class CheckReport:
    database: Path
    problems: list[str]  # empty when all is well
    rows_checked: int  # rows whose checksum was compared (entries only before schema v6)
    checksums_supported: bool  # False before schema v5
    seconds: float
    damaged_rows: tuple[checksums.RowRef, ...] = ()  # each names its table and key

    @property
    def damaged_entries(self) -> tuple[int, ...]:
        return tuple(int(r.key) for r in self.damaged_rows if r.table == "entry")

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Candidate:
    name: str
    reason: str
    created_at: dt.datetime


def _local(when: dt.datetime, tz: dt.tzinfo | None) -> dt.datetime:
    return when.astimezone(tz) if tz is not None else when.astimezone()


def rotation_plan(
    backups: Iterable[tuple[str, str, dt.datetime]],
    now: dt.datetime,
    *,
    tz: dt.tzinfo | None = None,
    keep_daily: int = KEEP_DAILY,
    keep_weekly: int = KEEP_WEEKLY,
    protect: Iterable[str] = (),
) -> set[str]:
    """The names to delete among ``(name, reason, created_at)`` (see the module doc)."""
    items = sorted(
        (_Candidate(n, r, c) for n, r, c in backups),
        key=lambda c: (c.created_at, c.name),
        reverse=True,
    )
    keep: set[str] = set(protect)
    if items:
        keep.add(items[0].name)  # the newest of all, whatever happens

    regular = [c for c in items if c.reason in REGULAR]
    days: dict[dt.date, _Candidate] = {}
    for c in regular:
        days.setdefault(_local(c.created_at, tz).date(), c)  # newest first: keep the first
    kept_days = sorted(days, reverse=True)[:keep_daily]
    keep.update(days[d].name for d in kept_days)
    oldest_daily = min(kept_days) if kept_days else None
    weeks: dict[tuple[int, int], _Candidate] = {}
    for c in regular:
        day = _local(c.created_at, tz).date()
        if oldest_daily is not None and day >= oldest_daily:
            continue
        weeks.setdefault(tuple(day.isocalendar())[:2], c)  # type: ignore[arg-type]
    keep.update(weeks[w].name for w in sorted(weeks, reverse=True)[:keep_weekly])

    keep.update([c.name for c in items if c.reason == "manual"][:MANUAL_KEEP_NEWEST])
    for reason in SAFETY:
        of_kind = [c for c in items if c.reason == reason]
        keep.update(c.name for c in of_kind[:SAFETY_KEEP_NEWEST])
        limit = now - dt.timedelta(days=SAFETY_KEEP_DAYS)
        keep.update(c.name for c in of_kind if c.created_at >= limit)
    return {c.name for c in items if c.name not in keep}


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first, with their entry counts (read-only)."""
    infos = []
    for path, parsed in backup_files.backup_files(folder):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        contents = backup_files.read_contents(path)
        infos.append(
            BackupInfo(
                path,
                path.name,
                parsed.reason,
                parsed.created_at,
                size,
                contents.entries,
                contents.schema_version,
            )
        )
    return infos


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%SZ")


def _source(database: Path) -> sqlite3.Connection:
    """A connection of its own to snapshot from (any thread). Not opened read-only:
    closing a read-only connection to a WAL journal leaves -wal/-shm files behind;
    query_only keeps it from writing anything itself."""
    try:
        conn: sqlite3.Connection = cipher.connect(database)  # SQLCipher when encrypted
        conn.execute("PRAGMA query_only = 1")
        return conn
    except cipher.sql_errors() as exc:
        raise JournalError(f"cannot read {database} to back it up: {exc}") from None


def _snapshot_file(database: Path, dest: Path, *, unique: bool = False) -> Path:
    source = _source(database)
    try:
        return snapshot(source, dest, unique=unique)
    finally:
        source.close()


def check_journal(paths: DataPaths, *, full: bool = True) -> CheckReport:
    """The header, integrity_check (quick_check unless ``full``) and every row's
    checksum of the journal, read-only: usable on a damaged journal nothing can open."""
    started = time.perf_counter()
    database = paths.database

    def report(problems: list[str], checked: int = 0, **kw: object) -> CheckReport:
        return CheckReport(
            database,
            problems,
            checked,
            seconds=time.perf_counter() - started,
            **kw,  # type: ignore[arg-type]
        )

    try:
        state = read_file_state(database)
    except DatabaseDamaged as exc:
        return report([exc.reason], checksums_supported=False)
    except DatabaseRefused as exc:
        return report([str(exc)], checksums_supported=False)
    if not state.exists:
        return report([f"there is no journal at {database}"], checksums_supported=False)
    try:
        conn = connect_read_only(database)
    except cipher.sql_errors() as exc:
        return report([f"cannot be opened: {exc}"], checksums_supported=False)
    try:
        problems = run_check(conn, full=full)
        try:
            sums = checksums.verify(conn)
        except cipher.sql_errors() as exc:
            return report([*problems, f"checksums unreadable: {exc}"], checksums_supported=False)
        return report(
            [*problems, *checksums.describe(sums)],
            sums.checked,
            checksums_supported=sums.supported,
            damaged_rows=sums.damaged,
        )
    finally:
        conn.close()


def _journal_is_whole(database: Path) -> bool:
    """Header, quick_check and checksums of the (closed) journal all pass."""
    try:
        read_file_state(database)
    except DatabaseRefused:
        return False
    return not verify_live_file(database)


def _move_aside(database: Path, now: dt.datetime) -> Path:
    """Rename a damaged journal (and its -wal/-shm) to ``<name>.corrupt-<stamp>``."""
    target = database.with_name(f"{database.name}.corrupt-{_stamp(now)}")
    n = 1
    while target.exists():
        n += 1
        target = database.with_name(f"{database.name}.corrupt-{_stamp(now)}-{n}")
    os.replace(database, target)
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    fsync_dir(database.parent)
    return target


def _resolve(paths: DataPaths, backup: Path | str) -> Path:
    path = Path(backup)
    if not path.is_absolute() and not path.exists():
        path = paths.backups / path
    if not path.is_file():
        raise InvalidInput(f"there is no backup {backup} (see `journal-app backups`)")
    return path


def restore_backup(
    paths: DataPaths, backup: Path | str, *, clock: Clock = system_clock
) -> RestoreResult:
    """Put ``backup`` in place of the journal, which must be closed (see the module doc)."""
    source = _resolve(paths, backup)
    problems = backup_files.verify_backup(source, LATEST_VERSION, full=True)
    if problems:
        raise JournalError(f"{source.name} is not a good backup ({problems[0]}); nothing changed")
    database = paths.database
    now = clock()
    pre_restore: Path | None = None
    damaged: Path | None = None
    if database.exists():
        if _journal_is_whole(database):
            taken = {p.name for p, _ in backup_files.backup_files(paths.backups)}
            pre_restore = paths.backups / backup_name("pre-restore", now, taken)
            _snapshot_file(database, pre_restore)
            for suffix in ("-wal", "-shm"):  # their contents are in the pre-restore copy
                with contextlib.suppress(FileNotFoundError):
                    database.with_name(database.name + suffix).unlink()
        else:
            damaged = _move_aside(database, now)
    incoming = database.with_name(database.name + ".restoring")
    try:
        with contextlib.suppress(FileNotFoundError):
            incoming.unlink()
        create_private_file(incoming)
        shutil.copyfile(source, incoming)  # into the 0600 file: copyfile keeps its mode
        with incoming.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(incoming, database)
        fsync_dir(database.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            incoming.unlink()
        raise JournalError(f"could not restore {source.name}: {exc}") from None
    contents = backup_files.read_contents(database)
    return RestoreResult(source, contents.entries, pre_restore, damaged)


class OpenJournal(Protocol):
    """Where the open journal is held (the Services facade's slot): a restore closes it
    and puts the reopened one in its place, so every service sees the restored journal."""

    opened: OpenedDatabase


@dataclass
class BackupService:
    paths: DataPaths
    clock: Clock = system_clock
    host: OpenJournal | None = None  # None: no journal open here (the CLI's backup)
    tz: dt.tzinfo | None = None  # days for rotation and "once a day"; None: the system's
    on_restored: list[Callable[[RestoreResult], None]] = field(default_factory=list)

    # ------------------------------------------------------------------ making

    def create(self, reason: str = "manual", *, to: Path | None = None) -> BackupInfo:
        """A verified snapshot of the journal: into ``backups/`` (and rotated), or to
        ``to`` (a new file, or a folder to put it in; never rotated)."""
        if reason not in REASONS:
            raise InvalidInput(f"unknown backup reason {reason!r}")
        now = self.clock()
        if to is not None:
            # lazy: loads when first used, not with the window
            from journal_app.services.transfer.target import check_target

            dest = Path(to).expanduser()
            ours = dest.is_dir() and dest.resolve() == self.paths.backups.resolve()
            if ours:
                taken = {p.name for p, _ in backup_files.backup_files(self.paths.backups)}
                dest = dest / backup_name(reason, now, taken)
            elif dest.is_dir():
                dest = dest / backup_name(reason, now)
            if not ours:  # backups/ itself takes an unrotated copy under our own name
                # The exports' rule: not into the data folder, the folder must exist,
                # and nothing is replaced (there is no --force for a backup).
                dest = check_target(
                    dest,
                    folder=False,
                    data_dir=self.paths.root,
                    how_to_replace="choose a new file name",
                ).shown
            dest = _snapshot_file(self.paths.database, dest)
        else:
            taken = {p.name for p, _ in backup_files.backup_files(self.paths.backups)}
            dest = self.paths.backups / backup_name(reason, now, taken)
            dest = _snapshot_file(self.paths.database, dest, unique=True)
        if to is None:
            self.rotate(protect=(dest.name,))
        contents = backup_files.read_contents(dest)
        return BackupInfo(
            dest,
            dest.name,
            reason,
            now.astimezone(dt.UTC),
            dest.stat().st_size,
            contents.entries,
            contents.schema_version,
        )

    def due(self) -> bool:
        """True when no regular backup was made today (local day): the start-up and
        daily backups happen at most once a day."""
        today = _local(self.clock(), self.tz).date()
        for _path, parsed in backup_files.backup_files(self.paths.backups):
            if parsed.reason in REGULAR and _local(parsed.created_at, self.tz).date() == today:
                return False
        return True

    def backup_if_due(self, reason: str = "daily") -> BackupInfo | None:
        return self.create(reason) if self.due() else None

    # ------------------------------------------------------------------ listing

    def list(self) -> list[BackupInfo]:
        return list_backups(self.paths.backups)

    def newest_good(self) -> BackupInfo | None:
        good = backup_files.newest_good_backup(self.paths.backups, LATEST_VERSION)
        if good is None:
            return None
        return next((b for b in self.list() if b.path == good), None)

    def retention(self) -> Retention:
        return read_retention(self.paths.backups)

    def set_retention(self, keep_daily: int, keep_weekly: int) -> Retention:
        """Keep this many daily and weekly backups from the next rotation on (checked:
        1-365 each). Written to a temporary name and swapped in."""
        retention = Retention(_check_keep(keep_daily, "days"), _check_keep(keep_weekly, "weeks"))
        folder = self.paths.backups
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / RETENTION_FILE
        tmp = dest.with_name(f"{RETENTION_FILE}.{os.getpid()}.partial")
        with tmp.open("w", encoding="utf-8") as out:
            json.dump({"keep_daily": keep_daily, "keep_weekly": keep_weekly}, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
        fsync_dir(folder)
        return retention

    def rotate(self, *, protect: Iterable[str] = ()) -> builtins.list[Path]:
        """Delete the backups the rotation rule no longer keeps; the deleted paths."""
        found = backup_files.backup_files(self.paths.backups)
        retention = self.retention()
        protected = set(protect)
        for path, _parsed in found:  # the newest good one survives any rule
            if not backup_files.verify_backup(path, LATEST_VERSION, full=False):
                protected.add(path.name)
                break
        doomed = rotation_plan(
            ((p.name, b.reason, b.created_at) for p, b in found),
            self.clock(),
            tz=self.tz,
            keep_daily=retention.keep_daily,
            keep_weekly=retention.keep_weekly,
            protect=protected,
        )
        deleted = []
        for path, _parsed in found:
            if path.name in doomed:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                deleted.append(path)
        return deleted

    # ------------------------------------------------------------------ checking

    def check(self, *, full: bool = True) -> CheckReport:
        return check_journal(self.paths, full=full)

    def start_check(self) -> None:
        """Start the start-up check (quick_check + checksums) in a background thread."""
        if self.host is not None:
            self.host.opened.start_verification()

    def startup_problem(self) -> DatabaseDamaged | None:
        """Wait for the start-up check (running it here if nothing started it): None
        when the journal is whole, else the problem with the newest good backup named."""
        if self.host is None:
            return None
        return self.host.opened.verification()

    # ------------------------------------------------------------------ restoring

    def restore(self, backup: Path | str) -> RestoreResult:
        """Restore ``backup`` into the open journal: closes it, swaps the file, reopens.

        Everything reading through the Services facade sees the restored journal
        afterwards; a GUI must save pending edits first and reload what it shows.
        """
        source = _resolve(self.paths, backup)
        problems = backup_files.verify_backup(source, LATEST_VERSION, full=True)
        if problems:
            raise JournalError(
                f"{source.name} is not a good backup ({problems[0]}); nothing changed"
            )
        if self.host is None:
            result = restore_backup(self.paths, source, clock=self.clock)
        else:
            self.host.opened.close()
            try:
                result = restore_backup(self.paths, source, clock=self.clock)
            finally:
                # Reopen whatever is in place now: the restored copy, or (when the swap
                # failed) the journal as it was. A damaged one cannot be reopened; the
                # first error is the one to report.
                with contextlib.suppress(DatabaseRefused):
                    self.host.opened = open_database(
                        self.paths.database, self.paths.backups, check_in_background=False
                    )
        for callback in self.on_restored:
            callback(result)
        return result


def check_header(paths: DataPaths) -> None:
    """Refuse a journal whose file header is damaged or not SQLite's (DatabaseRefused,
    one line), before anything copies it; reads through SQLite when this process has
    the journal open."""
    read_file_state(paths.database)
