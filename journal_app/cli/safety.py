"""`backup`, `backups`, `check` and `restore` commands (issue #7).

Imported only when a command is parsed, and it imports nothing heavy at module level:
the services load inside the commands.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.cli import common
from journal_app.errors import DataDirError

if TYPE_CHECKING:
    import datetime as dt

    from journal_app.config import DataPaths


def register(sub: common.SubParsers) -> None:
    """Register the commands on the top-level subparsers."""
    data_dir = common.data_dir_options()
    backup = sub.add_parser(
        "backup",
        parents=[data_dir],
        help="make a verified copy of the journal now",
        description="Copy the journal consistently (safe while the app is open), check the "
        "copy and put it in backups/ — or, with --to, into a file or folder of your choice.",
    )
    backup.add_argument("--to", metavar="PATH", help="a new file, or a folder to put it in")

    backups = sub.add_parser(
        "backups", parents=[data_dir], help="list the backups (date, size, entries)"
    )
    backups.add_argument("--json", action="store_true", help="print a JSON array")

    check = sub.add_parser(
        "check",
        parents=[data_dir],
        help="check the journal for damage (exit code 1 when anything is wrong)",
        description="Run SQLite's integrity_check and compare every row you wrote or logged "
        "with its checksum; print what is wrong (naming the table and row) and exit 1, or "
        "exit 0 when all is well. Read-only.",
    )
    check.add_argument(
        "--quick", action="store_true", help="quick_check instead of the full integrity_check"
    )

    restore = sub.add_parser(
        "restore",
        parents=[data_dir],
        help="put a backup in place of the journal (the app must be closed)",
        description="Restore a backup (a name from `backups`, or a path). It is verified "
        "first; the current journal is backed up (or, when damaged, kept as "
        "journal.sqlite3.corrupt-<time>) before the swap.",
    )
    restore.add_argument("backup", metavar="BACKUP", help="a backup's name or path")

    backup.set_defaults(handler=_backup_command)
    backups.set_defaults(handler=_backups_command)
    check.set_defaults(handler=_check_command)
    restore.set_defaults(handler=_restore_command)


# Listing and checking only read: they work on a read-only folder too.


def _backup_command(args: argparse.Namespace) -> int:
    return _backup(common.paths(args, create=False), args.to)


def _backups_command(args: argparse.Namespace) -> int:
    return _list(common.paths(args, create=False, writable=False), args.json)


def _check_command(args: argparse.Namespace) -> int:
    return _check(common.paths(args, create=False, writable=False), full=not args.quick)


def _restore_command(args: argparse.Namespace) -> int:
    return _restore(common.paths(args, create=False), args.backup)


def _size(n: int) -> str:
    return f"{n / 1024:,.0f} KiB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MiB"


def _count(n: int | None) -> str:
    return "?" if n is None else f"{n:,}"


def _local(when: dt.datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def _require_journal(paths: DataPaths) -> None:
    if not paths.database.exists():
        raise DataDirError(f"there is no journal at {paths.database}")


def _backup(paths: DataPaths, to: str | None) -> int:

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.backups import BackupService, check_header

    _require_journal(paths)
    check_header(paths)  # a damaged header: say so, copy nothing
    started = time.perf_counter()
    info = BackupService(paths).create("manual", to=Path(to) if to else None)
    print(
        f"Backed up {_count(info.entries)} entries to {info.path} "
        f"({_size(info.size_bytes)}, {time.perf_counter() - started:.2f} s)"
    )
    return 0


def _list(paths: DataPaths, as_json: bool) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.backups import list_backups

    infos = list_backups(paths.backups)
    if as_json:
        rows = [
            {
                "name": b.name,
                "path": str(b.path),
                "reason": b.reason,
                "created_at": b.created_at.isoformat(),
                "size_bytes": b.size_bytes,
                "entries": b.entries,
                "schema_version": b.schema_version,
            }
            for b in infos
        ]
        print(json.dumps(rows, indent=2))
        return 0
    if not infos:
        print(f"No backups yet in {paths.backups}")
        return 0
    for b in infos:
        print(
            f"{_local(b.created_at)}  {b.reason:<13} {_size(b.size_bytes):>10}  "
            f"{_count(b.entries):>7} entries  {b.name}"
        )
    return 0


def _check(paths: DataPaths, *, full: bool) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app import APP_ID

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.backups import BackupService

    service = BackupService(paths)
    report = service.check(full=full)
    kind = "integrity_check" if full else "quick_check"
    if report.ok:
        sums = (
            f"{report.rows_checked:,} row checksums match"
            if report.checksums_supported
            else "no checksums in this schema version"
        )
        print(f"OK: {paths.database} passed {kind}; {sums} ({report.seconds:.2f} s)")
        return 0
    print(f"DAMAGED: {paths.database}", file=sys.stderr)
    for problem in report.problems:
        print(f"  {problem}", file=sys.stderr)
    good = service.newest_good()
    if good is not None:
        print(
            f"Newest good backup: {good.name} ({_local(good.created_at)}, "
            f"{_count(good.entries)} entries) — restore it with `{APP_ID} restore {good.name}`",
            file=sys.stderr,
        )
    else:
        print("No good backup was found.", file=sys.stderr)
    return 1


def _restore(paths: DataPaths, backup: str) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.instance_lock import InstanceLock

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.backups import restore_backup

    with InstanceLock(paths):
        result = restore_backup(paths, backup)
    print(f"Restored {result.restored_from.name} ({_count(result.entries)} entries).")
    if result.pre_restore_backup is not None:
        print(f"The journal as it was is kept in {result.pre_restore_backup}")
    if result.damaged_kept_as is not None:
        print(f"The damaged journal is kept as {result.damaged_kept_as}")
    return 0
