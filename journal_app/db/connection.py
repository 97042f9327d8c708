"""Open a journal database: refuse what is not ours or damaged, apply pragmas, migrate.

Start-up checks, in order of cost:

1. The header (read as bytes, before any connection): zero bytes, not SQLite, a bad page
   size, a truncated file, another program's database, a newer schema. A damaged file
   raises `DatabaseDamaged`, naming the newest good backup; it is never written to.
2. `quick_check` plus the row checksums (`db.checksums`), on a read-only connection:
   ~120 ms on the 10-year demo journal (24,000 rows, hashed in Python), far too much
   before the first paint. So they are armed at open but run later: the GUI
   starts them in a background thread just after its first paint
   (`OpenedDatabase.start_verification`) and then offers the newest good backup if they
   fail; nothing can be written before they pass, because the first statement that is
   not a SELECT waits for (or runs) them, and a damaged journal refuses it with
   `DatabaseDamaged`. A command that writes thus checks first; one that only reads does
   not (`journal-app check` does, in full).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from journal_app import APP_ID
from journal_app.db import checksums, cipher, live_files, migrations, storage_errors
from journal_app.db.file_check import (
    APPLICATION_ID,
    DatabaseDamaged,
    check_ours,
    connect_read_only,
    read_file_state,
    read_only_uri,
    run_check,
)
from journal_app.db.keyfile import KeyFileMissing
from journal_app.db.models import database_proxy
from journal_app.errors import (
    DatabaseRefused,
    JournalError,
    JournalReplaced,
    NewerSchemaError,
    StorageError,
)
from journal_app.fsutil import create_private_file

# synchronous=NORMAL with WAL is crash-safe (only the last commits can be lost on power
# failure); backups use FULL durability through fsync in db.snapshot.
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": 1,
}


def verify_live_file(path: Path) -> list[str]:
    """quick_check and the row checksums of a journal that may be open elsewhere
    (read-only; WAL contents included). Empty when all is well. Raises StorageError
    when the check cannot run for want of space or an I/O error: that is no damage."""

    def failed(exc: BaseException) -> list[str]:
        storage = storage_errors.storage_error(exc, path.parent)
        if storage is not None:
            raise storage from None
        return [str(exc)]

    try:
        conn = connect_read_only(path)
    except cipher.sql_errors() as exc:
        return failed(exc)
    try:
        problems = run_check(conn)
        if not problems:
            try:
                problems = checksums.describe(checksums.verify(conn))
            except cipher.sql_errors() as exc:
                problems = failed(exc)
        return problems
    finally:
        conn.close()


class Verification:
    """The start-up check of one journal: run in a background thread once ``start()``
    is called (the GUI, after its first paint), or in line by the first caller that
    needs the answer (the first write; a command line tool)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._problems: list[str] | None = None
        self._unable: StorageError | None = None  # the check could not run (disk full...)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self._lock:
            if self._thread is None and self._problems is None:
                self._thread = threading.Thread(target=self._run, name="journal-check", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        try:
            self._problems, self._unable = verify_live_file(self.path), None
        except StorageError as exc:  # not damage: say so, and check again next time
            self._unable = exc
        except Exception as exc:  # a check that cannot run otherwise is a failed check
            self._problems = [f"{type(exc).__name__}: {exc}"]

    def problems(self) -> list[str]:
        """The problems found (waiting for the check); StorageError when it cannot run
        now, and the next call tries again."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()
        with self._lock:
            if self._problems is None:  # never started, or could not run: in line
                self._run()
        if self._problems is None:
            assert self._unable is not None
            raise self._unable
        return list(self._problems)

    def error(self) -> DatabaseDamaged | None:
        problems = self.problems()
        if not problems:
            return None
        return DatabaseDamaged(self.path, f"failed its check ({'; '.join(problems[:3])})")


# Statements that cannot write: they never wait for the start-up check.
READS = ("SELECT", "PRAGMA data_version")


class JournalDatabase(SqliteDatabase):
    """peewee's SQLite database with a write guard: until the start-up check has passed,
    the first statement that may write waits for it, and a damaged journal refuses it.

    Transactions begin IMMEDIATE: a deferred one that reads first (a full-text trigger
    does) cannot upgrade to a write once another process has committed, and fails at
    once instead of waiting within busy_timeout. Storage errors (busy, disk full,
    read-only, I/O) become one-line `StorageError`s (db.storage_errors)."""

    verification: Verification | None = None
    backups_dir: Path | None = None
    # (st_dev, st_ino) of the file opened: a write checks it is still the journal's file.
    identity: tuple[int, int] | None = None
    _path_cache: tuple[object, str] | None = None  # (database, its file name)

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(*args, **kwargs)

    def _add_conn_hooks(self, conn):  # type: ignore[no-untyped-def]
        super()._add_conn_hooks(conn)  # type: ignore[misc]
        checksums.register(conn)  # the checksum triggers call it

    def execute_sql(self, sql, params=None):  # type: ignore[no-untyped-def]
        if self.verification is not None and not sql.startswith(READS):
            self.await_verification()
        # storage_errors.translated, written out: the folder (a Path, ~10 µs) is only
        # needed when a statement fails, and an import runs tens of thousands of them.
        try:
            cursor = super().execute_sql(sql, params)
        except storage_errors.errors() as exc:
            mapped = storage_errors.storage_error(exc, self.folder)
            if mapped is None:
                raise
            raise mapped from exc
        if not sql.startswith(READS):
            self.check_still_the_journal()
        return cursor

    def begin(self, lock_type=None):  # type: ignore[no-untyped-def]
        with storage_errors.translated(self.folder):
            super().begin(lock_type)

    def commit(self):  # type: ignore[no-untyped-def]
        with storage_errors.translated(self.folder):
            super().commit()
        self.check_still_the_journal()

    def check_still_the_journal(self) -> None:
        """Raise JournalReplaced when another process swapped the journal file (encrypt,
        decrypt, restore) under this connection: its writes went into the old file, so
        they must not be reported as saved. One stat() per write statement."""
        if self.identity is None:
            return
        try:
            info = os.stat(self._path_text())
            same = (info.st_dev, info.st_ino) == self.identity
        except OSError:
            same = False
        if not same:
            raise JournalReplaced(
                "the journal file was replaced (encrypted, decrypted or restored by another "
                "program) while this ran; nothing was saved — try again"
            )

    @property
    def path(self) -> Path:
        return Path(self._path_text())

    def _path_text(self) -> str:
        """The database's file name, worked out once per `database` (init may change it)."""
        cached = self._path_cache
        if cached is None or cached[0] is not self.database:
            cached = self._path_cache = (
                self.database,
                live_files.database_path(self.database) or ".",
            )
        return cached[1]

    @property
    def folder(self) -> Path:
        """The journal's folder (whose free space tells a full disk from an I/O error)."""
        return self.path.absolute().parent

    def rollback(self):  # type: ignore[no-untyped-def]
        try:
            super().rollback()
        except storage_errors.errors() as exc:
            # After SQLITE_FULL/IOERR SQLite has rolled back already; saying "cannot
            # rollback" would hide the error that matters.
            if not storage_errors.is_no_transaction(exc):
                raise

    def await_verification(self) -> None:
        verification = self.verification
        if verification is None:
            return
        error = verification.error()
        if error is not None:
            # lazy: not needed for the first paint
            from journal_app.db.backup_files import newest_good_backup

            backup = newest_good_backup(self.backups_dir) if self.backups_dir else None
            raise error.with_backup(backup)
        self.verification = None


@dataclass
class OpenedDatabase:
    db: SqliteDatabase
    path: Path
    schema_version: int
    migrated: list[int]
    backups_dir: Path | None = field(default=None)

    def start_verification(self) -> None:
        """Run the start-up check in a background thread from now on (idempotent)."""
        verification = getattr(self.db, "verification", None)
        if verification is not None:
            verification.start()

    def verification(self) -> DatabaseDamaged | None:
        """Wait for the start-up check; the problem found (with the newest good backup
        named), or None when the journal is whole (or was created just now)."""
        if not isinstance(self.db, JournalDatabase):
            return None
        try:
            self.db.await_verification()
        except DatabaseDamaged as exc:
            return exc
        return None

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version`` of this thread's connection: it changes when
        another connection (another process) commits, never for this one's own commits."""
        return int(self.db.execute_sql("PRAGMA data_version").fetchone()[0])

    @property
    def damaged(self) -> bool:
        """Damaged, or not known to be whole (the check could not run): not written to."""
        verification = getattr(self.db, "verification", None)
        try:
            return verification is not None and verification.error() is not None
        except StorageError:
            return True

    def close(self) -> None:
        if not self.db.is_closed():
            # SQLite's advice for every connection: keeps the planner's statistics
            # current (e.g. so "newest entries" walks the day index instead of sorting).
            # Never on a damaged journal: nothing is written to it. Best effort: when
            # another process holds the lock it is skipped at once (busy_timeout 0), never
            # waited for, and never reported — the user's change is already committed.
            if not self.damaged:
                with contextlib.suppress(*cipher.sql_errors(PeeweeDatabaseError, JournalError)):
                    self.db.execute_sql("PRAGMA busy_timeout = 0")
                    self.db.execute_sql("PRAGMA optimize")
            self.db.close()
        if database_proxy.obj is self.db:
            database_proxy.initialize(None)


def _newest_good_backup(backups_dir: Path) -> Path | None:
    # lazy: not needed for the first paint
    from journal_app.db.backup_files import newest_good_backup

    return newest_good_backup(backups_dir)


def _with_older_backup(exc: NewerSchemaError, backups_dir: Path) -> NewerSchemaError:
    """A newer journal is not damaged, but the newest backup this version can open is
    worth naming (restoring keeps the newer file as a pre-restore backup)."""
    backup = _newest_good_backup(backups_dir)
    if backup is None:
        return exc

    return NewerSchemaError(
        f"{exc}; or go back to the newest backup this version can open: {backup.name} "
        f"(`{APP_ID} restore {backup.name}`)"
    )


# A journal opened only to be read (its folder is read-only): never a write, no WAL switch.
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000, "query_only": 1}


def _encrypted_database(path: Path, backups_dir: Path, read_only: bool) -> JournalDatabase:
    """A JournalDatabase on SQLCipher (peewee's playhouse.sqlcipher_ext), keyed with the
    data key unlocked for this journal (db.cipher)."""
    key = cipher.ensure_unlocked(path, backups_dir)
    live_files.note_database(path)  # SQLCipher raises no audit event of its own
    # lazy: playhouse.sqlcipher_ext loads only when used
    from playhouse.sqlcipher_ext import _SqlCipherDatabase

    class EncryptedJournalDatabase(_SqlCipherDatabase, JournalDatabase):  # type: ignore[misc]
        pass

    # temp_store=MEMORY: sorts and temporary tables never reach a file (this SQLCipher
    # build defaults to memory already; said here so it cannot change unnoticed).
    base = READ_ONLY_PRAGMAS if read_only else PRAGMAS
    pragmas = {"cipher_log_level": "NONE", "temp_store": 2, **base}
    return EncryptedJournalDatabase(
        read_only_uri(path) if read_only else str(path),
        pragmas=pragmas,
        check_same_thread=False,
        passphrase=cipher.pragma_key(key),
        uri=read_only,
    )


def _check_encrypted_is_ours(path: Path, db: SqliteDatabase, version: int) -> None:
    """The header checks of a plain file, asked of SQLCipher once unlocked."""
    app_id = int(db.execute_sql("PRAGMA application_id").fetchone()[0])
    if version and app_id != APPLICATION_ID:
        raise DatabaseRefused(
            f"{path} is an SQLite database of another program, not a Self-Study Journal; "
            "it was left untouched"
        )


def _refuse_keyless_encrypted(path: Path) -> None:
    """A file without SQLite's header that reads like SQLCipher ciphertext, with no key
    file anywhere: say so, and propose no restore (which would set aside a journal that
    may be whole, for want of its key file)."""
    if cipher.looks_like_ciphertext(path):
        raise KeyFileMissing(
            f"{path} is encrypted (or damaged) and no key file was found "
            f"({path.name}{cipher.KEY_SUFFIX}, beside it or in backups/): put the key file "
            "back to unlock it; the journal was left untouched"
        )


def _refuse_foreign_key(path: Path, exc: BaseException) -> None:
    """Neither the journal nor any backup decrypts with the key its key file holds (the
    passphrase opened that key file): the key file may be another journal's. Say so,
    and propose neither a restore nor starting afresh — the journal may be whole."""
    raise DatabaseRefused(
        f"{path} does not decrypt with the key in its key file ({path.name}"
        f"{cipher.KEY_SUFFIX}), and no backup does either: the key file may belong to "
        f"another journal (put this journal's own key file back), or the journal is "
        f"damaged ({exc}); it was left untouched"
    )


def open_database(
    path: Path,
    backups_dir: Path,
    *,
    create: bool = True,
    check_in_background: bool = True,
    read_only: bool = False,
) -> OpenedDatabase:
    """Open (and on first run create) the journal at `path`, migrating it to the latest
    schema. Raises DatabaseRefused (DatabaseDamaged for a damaged file, naming the newest
    good backup) without writing a byte when the file is not ours or not whole.
    ``read_only``: for reading a journal whose folder cannot be written (no migration,
    no check before writes: every write is refused by SQLite)."""
    latest = migrations.LATEST_VERSION
    try:
        state = read_file_state(path)
    except DatabaseDamaged as exc:
        _refuse_keyless_encrypted(path)
        raise exc.with_backup(_newest_good_backup(backups_dir)) from None
    try:
        check_ours(path, state, latest)
    except NewerSchemaError as exc:
        raise _with_older_backup(exc, backups_dir) from None
    if not state.exists and read_only:
        raise DatabaseRefused(f"there is no journal at {path}, and its folder is read-only")
    if not state.exists and not create:
        raise DatabaseRefused(f"there is no journal at {path}")
    if not state.exists:
        # Created private before SQLite opens it: its -wal and -shm get the same mode.
        # (Any failure is left for SQLite to report in its own words.)
        with contextlib.suppress(OSError):
            create_private_file(path)
    # A new journal is created encrypted when its key file was written first
    # (services.encryption.create_encrypted).
    encrypted = state.encrypted or (not state.exists and cipher.has_key_file(path, backups_dir))
    if encrypted:
        db = _encrypted_database(path, backups_dir, read_only)
    elif read_only:
        db = JournalDatabase(
            read_only_uri(path), pragmas=READ_ONLY_PRAGMAS, check_same_thread=False, uri=True
        )
    else:
        db = JournalDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.backups_dir = backups_dir
    try:
        db.connect()
        info = os.stat(path)
        db.identity = (info.st_dev, info.st_ino)
        # The header may lag behind a WAL file; ask SQLite too before any write.
        version = migrations.schema_version(db)
        if encrypted:
            _check_encrypted_is_ours(path, db, version)
        if version > latest:
            check_ours(path, state.__class__(True, version, state.application_id, 1), latest)
        if read_only:
            if version < latest:
                raise DatabaseRefused(
                    f"{path} needs an upgrade to schema {latest}, which writes to it, but its "
                    "folder is read-only; open it once where it can be written"
                )
            database_proxy.initialize(db)
            return OpenedDatabase(db, path, version, [], backups_dir)
        verification = None if state.is_new else Verification(path)
        if verification is not None and (not check_in_background or version < latest):
            db.verification = verification
            db.await_verification()  # a migration writes: check first
        applied = migrations.migrate(db, backups_dir)
        version = migrations.schema_version(db)
        if db.verification is None and verification is not None and applied == []:
            # Armed only now, so the reads above did not wait for it.
            db.verification = verification
    except (sqlite3.DatabaseError, PeeweeDatabaseError) as exc:
        db.close()
        # A full disk or a read-only folder is no damage: say what it is.
        storage = storage_errors.storage_error(exc, path.parent)
        if storage is not None:
            raise storage from None
        reason = f"cannot be opened as a journal: {exc}"
        backup = _newest_good_backup(backups_dir)
        if state.encrypted:
            if backup is None:  # no backup decrypts either: the key may be the wrong one
                _refuse_foreign_key(path, exc)
            reason = (
                "is encrypted and the passphrase is right, but it cannot be decrypted: "
                f"it is damaged ({exc})"
            )
        raise DatabaseDamaged(path, reason, backup) from None
    except BaseException:
        db.close()
        raise
    database_proxy.initialize(db)
    return OpenedDatabase(db, path, version, applied, backups_dir)
