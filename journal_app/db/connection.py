"""Open a journal database: refuse what is not ours or damaged, apply pragmas, migrate.

Start-up checks, in order of cost:

1. The header (read as bytes, before any connection): zero bytes, not SQLite, a bad page
   size, a truncated file, another program's database, a newer schema. A damaged file
   raises `DatabaseDamaged`, naming the newest good backup; it is never written to.
2. `quick_check` plus the per-entry checksums (`db.checksums`), on a read-only
   connection: ~13 ms on the 10-year demo journal, which would cost the start-up budget
   about 15 % before the first paint. So they are armed at open but run later: the GUI
   starts them in a background thread just after its first paint
   (`OpenedDatabase.start_verification`) and then offers the newest good backup if they
   fail; nothing can be written before they pass, because the first statement that is
   not a SELECT waits for (or runs) them, and a damaged journal refuses it with
   `DatabaseDamaged`. A command that writes thus checks first; one that only reads does
   not (`journal-app check` does, in full).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from journal_app.db import checksums, cipher, migrations
from journal_app.db.file_check import (
    APPLICATION_ID,
    DatabaseDamaged,
    check_ours,
    connect_read_only,
    read_file_state,
    run_check,
)
from journal_app.db.models import database_proxy
from journal_app.errors import DatabaseRefused, NewerSchemaError

# synchronous=NORMAL with WAL is crash-safe (only the last commits can be lost on power
# failure); backups use FULL durability through fsync in db.snapshot.
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": 1,
}


def verify_live_file(path: Path) -> list[str]:
    """quick_check and the entry checksums of a journal that may be open elsewhere
    (read-only; WAL contents included). Empty when all is well."""
    try:
        conn = connect_read_only(path)
    except cipher.sql_errors() as exc:
        return [str(exc)]
    try:
        problems = run_check(conn)
        if not problems:
            try:
                problems = checksums.describe(checksums.verify(conn))
            except cipher.sql_errors() as exc:
                problems = [str(exc)]
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
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self._lock:
            if self._thread is None and self._problems is None:
                self._thread = threading.Thread(target=self._run, name="journal-check", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        try:
            problems = verify_live_file(self.path)
        except Exception as exc:  # a check that cannot run is a failed check
            problems = [f"{type(exc).__name__}: {exc}"]
        self._problems = problems

    def problems(self) -> list[str]:
        with self._lock:
            thread = self._thread
            if thread is None and self._problems is None:
                self._run()
        if thread is not None:
            thread.join()
        assert self._problems is not None
        return list(self._problems)

    def error(self) -> DatabaseDamaged | None:
        problems = self.problems()
        if not problems:
            return None
        return DatabaseDamaged(self.path, f"failed its check ({'; '.join(problems[:3])})")


class JournalDatabase(SqliteDatabase):
    """peewee's SQLite database with a write guard: until the start-up check has passed,
    the first statement that may write waits for it, and a damaged journal refuses it."""

    verification: Verification | None = None
    backups_dir: Path | None = None

    def execute_sql(self, sql, params=None):  # type: ignore[no-untyped-def]
        if self.verification is not None and not sql.startswith("SELECT"):
            self.await_verification()
        return super().execute_sql(sql, params)

    def await_verification(self) -> None:
        verification = self.verification
        if verification is None:
            return
        error = verification.error()
        if error is not None:
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

    @property
    def damaged(self) -> bool:
        verification = getattr(self.db, "verification", None)
        return verification is not None and verification.error() is not None

    def close(self) -> None:
        if not self.db.is_closed():
            # SQLite's advice for every connection: keeps the planner's statistics
            # current (e.g. so "newest entries" walks the day index instead of sorting).
            # Never on a damaged journal: nothing is written to it.
            if not self.damaged:
                with contextlib.suppress(*cipher.sql_errors(PeeweeDatabaseError, DatabaseRefused)):
                    self.db.execute_sql("PRAGMA optimize")
            self.db.close()
        if database_proxy.obj is self.db:
            database_proxy.initialize(None)


def _newest_good_backup(backups_dir: Path) -> Path | None:
    from journal_app.db.backup_files import newest_good_backup

    return newest_good_backup(backups_dir)


def _with_older_backup(exc: NewerSchemaError, backups_dir: Path) -> NewerSchemaError:
    """A newer journal is not damaged, but the newest backup this version can open is
    worth naming (restoring keeps the newer file as a pre-restore backup)."""
    backup = _newest_good_backup(backups_dir)
    if backup is None:
        return exc
    from journal_app import APP_ID

    return NewerSchemaError(
        f"{exc}; or go back to the newest backup this version can open: {backup.name} "
        f"(`{APP_ID} restore {backup.name}`)"
    )


def _encrypted_database(path: Path, backups_dir: Path) -> JournalDatabase:
    """A JournalDatabase on SQLCipher (peewee's playhouse.sqlcipher_ext), keyed with the
    data key unlocked for this journal (db.cipher)."""
    key = cipher.ensure_unlocked(path, backups_dir)
    from playhouse.sqlcipher_ext import _SqlCipherDatabase

    class EncryptedJournalDatabase(_SqlCipherDatabase, JournalDatabase):  # type: ignore[misc]
        pass

    # temp_store=MEMORY: sorts and temporary tables never reach a file (this SQLCipher
    # build defaults to memory already; said here so it cannot change unnoticed).
    pragmas = {"cipher_log_level": "NONE", "temp_store": 2, **PRAGMAS}
    return EncryptedJournalDatabase(
        str(path), pragmas=pragmas, check_same_thread=False, passphrase=cipher.pragma_key(key)
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
        from journal_app.db.keyfile import KeyFileMissing

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
    path: Path, backups_dir: Path, *, create: bool = True, check_in_background: bool = True
) -> OpenedDatabase:
    """Open (and on first run create) the journal at `path`, migrating it to the latest
    schema. Raises DatabaseRefused (DatabaseDamaged for a damaged file, naming the newest
    good backup) without writing a byte when the file is not ours or not whole."""
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
    if not state.exists and not create:
        raise DatabaseRefused(f"there is no journal at {path}")
    # A new journal is created encrypted when its key file was written first
    # (services.encryption.create_encrypted).
    encrypted = state.encrypted or (not state.exists and cipher.has_key_file(path, backups_dir))
    if encrypted:
        db = _encrypted_database(path, backups_dir)
    else:
        db = JournalDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.register_function(checksums.entry_checksum, checksums.FUNCTION_NAME, 2, True)
    db.backups_dir = backups_dir
    try:
        db.connect()
        # The header may lag behind a WAL file; ask SQLite too before any write.
        version = migrations.schema_version(db)
        if encrypted:
            _check_encrypted_is_ours(path, db, version)
        if version > latest:
            check_ours(path, state.__class__(True, version, state.application_id, 1), latest)
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
