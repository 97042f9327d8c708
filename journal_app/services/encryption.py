"""Turn encryption on, change the passphrase, turn it off (issue #9). Qt-free.

Each conversion writes a new file, verifies it (integrity_check, the entry checksums,
every table's row count and every entry's checksum against the original) and only then
swaps it in with one atomic rename, so a crash or a kill at any point leaves a journal
that opens (the old one, or the new one complete):

- *encrypt*: checkpoint the WAL away; export the journal into ``journal.sqlite3.encrypting``
  under a new random data key (SQLCipher, no plaintext temp file); verify; write the key
  file (and its mirror in backups/); rename over the journal; then encrypt every backup
  the same way (one file at a time); then seal every attachment (db.sealed_files).
  Whatever an interruption left half-done is finished or undone at the next open of the
  journal, by any command (the CLI's hook in cli_crypto) or the window at its start
  (`finish_interrupted`).
- *change passphrase*: rewrap the data key in a new key file (atomic); the journal and
  its backups are untouched and keep opening.
- *decrypt*: backups first, then the attachments, then the journal; the key files go
  last, so every file still encrypted keeps its key file until it is plain.

A lost passphrase cannot be recovered: nothing here or anywhere else can open the journal
without it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from journal_app.config import DataPaths
from journal_app.db import checksums, cipher, keyfile
from journal_app.db.connection import open_database
from journal_app.db.models import Entry
from journal_app.errors import InvalidInput, JournalError
from journal_app.fsutil import fsync_dir, read_regular_file

if TYPE_CHECKING:
    from journal_app.db.connection import OpenedDatabase

# The window asks `is_encrypted` before its first paint: the conversions' modules
# (backup_files, checksums, keyfile) are imported inside the functions that use them.

__all__ = [
    "MIN_PASSPHRASE",
    "ConversionResult",
    "PassphraseNeeded",
    "WrongPassphrase",
    "change_passphrase",
    "create_encrypted",
    "decrypt",
    "encrypt",
    "finish_interrupted",
    "is_encrypted",
    "is_unlocked",
    "key_file_repairs",
    "needs_tidying",
    "plaintext_export_warning",
    "repair_key_files",
    "unlock",
]

WrongPassphrase = cipher.WrongPassphrase
PassphraseNeeded = cipher.PassphraseNeeded
MIN_PASSPHRASE = 8
ENCRYPTING = ".encrypting"
DECRYPTING = ".decrypting"
LOST_PASSPHRASE_WARNING = (
    "If you lose the passphrase, the journal and its backups cannot be opened by anyone, "
    "including you: there is no recovery. Keep it somewhere safe, and consider exporting "
    "the journal first."
)


class _Host(Protocol):
    _opened: OpenedDatabase


class ConversionResult(NamedTuple):
    action: str  # "encrypt", "decrypt" or "rekey"
    entries: int
    backups_converted: int
    seconds: float
    images_converted: int = 0


def is_encrypted(paths: DataPaths) -> bool:
    """The journal is encrypted (or is about to be created encrypted)."""
    if paths.database.exists():
        return cipher.looks_encrypted(paths.database)
    return cipher.has_key_file(paths.database, paths.backups)


def plaintext_export_warning(paths: DataPaths) -> str | None:
    """The one line an export of an encrypted journal shows (None for a plain one)."""
    if not is_encrypted(paths):
        return None
    return (
        "the journal is encrypted, but an export is not: the files written are plain text "
        "anyone can read"
    )


def is_unlocked(paths: DataPaths) -> bool:
    return cipher.key_for(paths.database) is not None


def unlock(paths: DataPaths, passphrase: str, *, tidy: bool = True) -> None:
    """Check the passphrase and remember the key for this process (WrongPassphrase;
    KeyFileMissing when no copy of the key file is left); then, with ``tidy``, tidy up
    after an interrupted conversion (`finish_interrupted`; the caller holds the
    instance lock). The window tidies after asking about the key file instead."""
    cipher.unlock(paths.database, paths.backups, passphrase)
    if tidy:
        finish_interrupted(paths)


def key_file_repairs(paths: DataPaths) -> list[str]:
    """What is wrong with the copies of the key file, measured against the copy that
    accepted the passphrase in this process (one line each; empty when nothing is, or
    when the journal was not unlocked here). Outdated copies (no digest) are not
    mentioned: they are rewritten quietly."""
    return [
        r.describe()
        for r in keyfile.key_file_repairs(paths.database, paths.backups)
        if r.problem != "outdated"
    ]


def repair_key_files(paths: DataPaths) -> list[str]:
    """Put the verified key file back over every copy that is missing, damaged or
    different; what was done, one line each."""
    return [
        f"{r.describe()}: put it back" if r.problem != "outdated" else r.describe()
        for r in keyfile.reinstate_verified(paths.database, paths.backups)
    ]


def create_encrypted(paths: DataPaths, passphrase: str, *, kdf_n: int | None = None) -> None:
    """Make the journal that will be created at ``paths`` (none exists yet) an encrypted
    one: writes its key file and unlocks it; the next open creates it encrypted.
    ``kdf_n`` lowers the scrypt cost (tests only)."""
    _check_new_passphrase(passphrase)
    if paths.database.exists():
        raise InvalidInput(f"there is already a journal at {paths.database}")
    key = keyfile.new_data_key()
    keyfile.write_key_file(
        paths.database, paths.backups, keyfile.wrap_key(key, passphrase, n=kdf_n)
    )
    cipher.register_key(paths.database, paths.backups, key)


def _check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(f"the passphrase must have at least {MIN_PASSPHRASE} characters")


# ---------------------------------------------------------------------- files


def _connect(path: Path, key: bytes | None) -> Any:
    if key is None:
        return sqlite3.connect(path, check_same_thread=False)
    return cipher.connect_encrypted(path, key)


def _retire_wal(path: Path, key: bytes | None) -> None:
    """Checkpoint everything into the main file and leave rollback mode, so no -wal
    (of the old keying) is left beside the file that replaces it."""
    conn = _connect(path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def _fingerprint(conn: Any) -> tuple[list[tuple[str, int]], list[tuple[Any, ...]]]:
    tables = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    counts = [(t, int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])) for t in tables]
    return counts, checksums.stored(conn)


def verify_copy(
    original: Path, original_key: bytes | None, copy: Path, copy_key: bytes | None
) -> int:
    """Raise JournalError unless ``copy`` is whole and holds what ``original`` holds;
    the number of entries."""
    a = _connect(original, original_key)
    b = _connect(copy, copy_key)
    try:
        problems = [str(r[0]) for r in b.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise JournalError(f"the converted copy failed its check ({problems[0]})")
        report = checksums.verify(b)
        if not report.ok:
            raise JournalError(
                f"the converted copy failed its checksums: {checksums.describe(report)[0]}"
            )
        for pragma in ("user_version", "application_id"):
            if a.execute(f"PRAGMA {pragma}").fetchone() != b.execute(f"PRAGMA {pragma}").fetchone():
                raise JournalError(f"the converted copy differs from the journal ({pragma})")
        if _fingerprint(a) != _fingerprint(b):
            raise JournalError("the converted copy does not hold the same rows as the journal")
        has_entries = b.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entry'"
        ).fetchone()
        return int(b.execute('SELECT count(*) FROM "entry"').fetchone()[0]) if has_entries else 0
    finally:
        a.close()
        b.close()


def _convert_file(path: Path, suffix: str, old_key: bytes | None, new_key: bytes | None) -> int:
    """Replace ``path`` by a verified copy under ``new_key``; its entry count."""
    tmp = path.with_name(path.name + suffix)
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        _retire_wal(path, old_key)
        cipher.export_copy(path, tmp, old_key, new_key)
        entries = verify_copy(path, old_key, tmp, new_key)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return entries


def _backups(paths: DataPaths) -> list[Path]:
    # lazy: not needed for the first paint
    from journal_app.db import backup_files

    return [p for p, _ in backup_files.backup_files(paths.backups)]


def _convert_backups(paths: DataPaths, *, to_key: bytes | None, from_key: bytes | None) -> int:
    """Bring every backup to the wanted keying (skipping those already there)."""
    done = 0
    for path in _backups(paths):
        encrypted = cipher.is_encrypted_file(path)
        if (to_key is not None) == encrypted:
            continue
        _convert_file(path, ENCRYPTING if to_key else DECRYPTING, from_key, to_key)
        done += 1
    return done


def _attachment_files(paths: DataPaths) -> list[Path]:
    """The attachment files (regular, not hidden: half-written ones start with a dot)."""
    try:
        children = sorted(paths.attachments.iterdir())
    except OSError:
        return []
    found = []
    for child in children:
        if child.name.startswith("."):
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(child).st_mode):
                found.append(child)
    return found


def _convert_attachments(paths: DataPaths, *, to_key: bytes | None, from_key: bytes | None) -> int:
    """Seal (``to_key``) or unseal (``to_key`` None) every attachment file not yet so,
    each through a temporary file renamed over it; how many were converted."""
    # lazy: not needed for the first paint
    from journal_app.db import sealed_files

    # lazy: not needed for the first paint
    from journal_app.services.attachments import MAX_BYTES

    done = 0
    for path in _attachment_files(paths):
        raw = read_regular_file(path, MAX_BYTES + 4096)
        if raw is None or sealed_files.is_sealed(raw) == (to_key is not None):
            continue
        if to_key is not None:
            data = sealed_files.seal(sealed_files.attachment_key(to_key), path.name, raw)
        else:
            if from_key is None:
                raise JournalError(f"the attachment {path.name} is encrypted; unlock first")
            try:
                data = sealed_files.unseal(sealed_files.attachment_key(from_key), path.name, raw)
            except sealed_files.SealBroken as exc:
                raise JournalError(f"{exc}; the journal stays encrypted") from None
        sealed_files.write_private(path, data)
        done += 1
    return done


def _any_attachment_sealed(paths: DataPaths, sealed: bool) -> bool:
    # lazy: not needed for the first paint
    from journal_app.db import sealed_files

    return any(sealed_files.file_is_sealed(p) == sealed for p in _attachment_files(paths))


def _leftovers(paths: DataPaths) -> list[Path]:
    """Half-written copies a killed conversion (or paste) left behind."""
    found: list[Path] = []
    for folder in (paths.root, paths.backups):
        with contextlib.suppress(OSError):
            found += [
                child
                for child in folder.iterdir()
                if child.name.endswith((ENCRYPTING, DECRYPTING, cipher.KEY_SUFFIX + ".partial"))
            ]
    return found


def _encrypted_now(paths: DataPaths) -> bool:
    """`is_encrypted`, without reading the journal's header when this process has
    unlocked it (a key is registered only for an encrypted journal)."""
    return cipher.key_for(paths.database) is not None or is_encrypted(paths)


def needs_tidying(paths: DataPaths) -> bool:
    """Something an interrupted conversion left is still there (cheap to ask: a plain
    journal without a key file costs two directory listings)."""
    if _leftovers(paths):
        return True
    if not paths.database.exists() or not cipher.has_key_file(paths.database, paths.backups):
        return False
    if not _encrypted_now(paths):
        return True  # a key file beside a plain journal
    # lazy: only for an encrypted journal: not at every start
    from journal_app.db import keyfile

    if keyfile.key_file_repairs(paths.database, paths.backups):
        return True
    if not all(cipher.is_encrypted_file(p) for p in _backups(paths)):
        return True
    return _any_attachment_sealed(paths, False)


def finish_interrupted(paths: DataPaths, *, fix_key_files: bool = True) -> list[str]:
    """Tidy up after a conversion that was killed (the caller holds the instance lock,
    so no conversion is running): delete half-written copies; with the journal
    encrypted and unlocked, put the verified key file back over a missing, damaged or
    different copy (with ``fix_key_files``) and encrypt the backups and attachments
    an interrupted *encrypt* (or *decrypt*) left plain; with the journal plain, drop a
    stale key file once nothing encrypted is left. What was done, one line each;
    JournalError (one line) when something could not be done."""
    done: list[str] = []
    for child in _leftovers(paths):
        with contextlib.suppress(OSError):
            child.unlink()
            done.append(f"deleted the unfinished copy {child.name}")
    with contextlib.suppress(OSError):
        for child in paths.attachments.glob(".*.partial"):
            with contextlib.suppress(OSError):
                child.unlink()
    try:
        done += _finish_conversion(paths, fix_key_files=fix_key_files)
    except cipher.sql_errors(OSError) as exc:
        raise JournalError(f"{type(exc).__name__}: {exc}") from None
    return done


def _finish_conversion(paths: DataPaths, *, fix_key_files: bool) -> list[str]:
    done: list[str] = []
    if _encrypted_now(paths):
        if fix_key_files:
            done += repair_key_files(paths)
        key = cipher.key_for(paths.database)
        if key is not None:
            n = _convert_backups(paths, to_key=key, from_key=None)
            if n:
                done.append(f"encrypted {n} backup(s) left plain by an interrupted conversion")
            n = _convert_attachments(paths, to_key=key, from_key=None)
            if n:
                done.append(f"encrypted {n} attachment(s) left plain by an interrupted conversion")
    elif (
        paths.database.exists()
        and keyfile.read_key_file(paths.database, paths.backups) is not None
        and not any(cipher.is_encrypted_file(p) for p in _backups(paths))
        and not _any_attachment_sealed(paths, True)
    ):
        keyfile.remove_key_files(paths.database, paths.backups)
        done.append("removed the key file of a journal no longer encrypted")
    return done


# ---------------------------------------------------------------------- conversions


def _with_closed(
    host: _Host | None, paths: DataPaths, work: Callable[[], ConversionResult]
) -> ConversionResult:
    """Run ``work`` with the journal closed, reopening it afterwards (whatever is in
    place: the converted journal, or the old one when the conversion failed)."""
    if host is None:
        return work()
    host._opened.close()
    try:
        return work()
    finally:
        with contextlib.suppress(JournalError):
            host._opened = open_database(paths.database, paths.backups, check_in_background=False)


def encrypt(paths: DataPaths, passphrase: str, *, host: _Host | None = None) -> ConversionResult:
    """Encrypt the (closed, or ``host``'s) journal and its backups with ``passphrase``."""
    _check_new_passphrase(passphrase)
    if is_encrypted(paths):
        raise InvalidInput("the journal is already encrypted (change its passphrase instead)")
    if not paths.database.exists():
        raise InvalidInput(f"there is no journal at {paths.database}")
    started = time.perf_counter()

    def work() -> ConversionResult:
        key = keyfile.new_data_key()
        key_file = keyfile.wrap_key(key, passphrase)
        database = paths.database
        tmp = database.with_name(database.name + ENCRYPTING)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        try:
            _retire_wal(database, None)
            cipher.export_copy(database, tmp, None, key)
            entries = verify_copy(database, None, tmp, key)
            # The key file first: an encrypted journal never exists without one.
            keyfile.write_key_file(database, paths.backups, key_file)
            cipher.register_key(database, paths.backups, key)
            os.replace(tmp, database)
            fsync_dir(database.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        converted = _convert_backups(paths, to_key=key, from_key=None)
        images = _convert_attachments(paths, to_key=key, from_key=None)
        seconds = time.perf_counter() - started
        return ConversionResult("encrypt", entries, converted, seconds, images)

    return _with_closed(host, paths, work)


def change_passphrase(
    paths: DataPaths, old: str, new: str, *, host: _Host | None = None
) -> ConversionResult:
    """Rewrap the data key under ``new`` (WrongPassphrase when ``old`` is wrong)."""
    _check_new_passphrase(new)
    if not is_encrypted(paths):
        raise InvalidInput("the journal is not encrypted")
    started = time.perf_counter()
    key = cipher.unlock(paths.database, paths.backups, old)  # any intact copy
    verified = keyfile.verified_key_file(paths.database)
    assert verified is not None  # just remembered by the unlock
    current = verified[1]
    replacement = keyfile.wrap_key(key, new, n=current.n, r=current.r, p=current.p)
    if keyfile.unwrap_key(replacement, new) != key:  # verify before swapping
        raise JournalError("the new key file did not verify; nothing changed")
    keyfile.write_key_file(paths.database, paths.backups, replacement)
    cipher.register_key(paths.database, paths.backups, key)
    entries = 0
    if host is not None:
        entries = Entry.select().count()
    return ConversionResult("rekey", entries, 0, time.perf_counter() - started)


def decrypt(paths: DataPaths, passphrase: str, *, host: _Host | None = None) -> ConversionResult:
    """Turn encryption off: the journal and its backups become plain SQLite files."""
    if not is_encrypted(paths):
        raise InvalidInput("the journal is not encrypted")
    key = cipher.unlock(paths.database, paths.backups, passphrase)  # any intact copy
    started = time.perf_counter()

    def work() -> ConversionResult:
        converted = _convert_backups(paths, to_key=None, from_key=key)
        images = _convert_attachments(paths, to_key=None, from_key=key)
        entries = _convert_file(paths.database, DECRYPTING, key, None)
        keyfile.remove_key_files(paths.database, paths.backups)
        cipher.forget_key(paths.database, paths.backups)
        seconds = time.perf_counter() - started
        return ConversionResult("decrypt", entries, converted, seconds, images)

    return _with_closed(host, paths, work)


def set_unlocker(unlocker: Callable[[Path], str | None] | None) -> None:
    """Install how this process gets the passphrase of an encrypted journal when it
    opens one not yet unlocked (the command line's: a file or the terminal); None in
    the window, which unlocks before opening."""
    cipher.set_unlocker(unlocker)


def check_before_converting(paths: DataPaths) -> None:
    """Open the (closed) journal once and close it: a damaged journal is refused, and an
    old one migrated, before a conversion touches it."""
    open_database(paths.database, paths.backups, check_in_background=False).close()
