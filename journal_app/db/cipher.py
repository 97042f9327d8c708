"""Encryption at rest with SQLCipher: the key file, the unlocked keys, keyed connections.

Envelope keys (like LUKS): each encrypted journal has one random 256-bit *data key*;
SQLCipher uses it as a raw key (``PRAGMA key = "x'…'"``), so opening a connection costs
no key derivation and the journal, its WAL and every backup share it. The passphrase
only wraps the data key in a small plaintext *key file* beside the journal
(``journal.sqlite3.key``, mirrored as ``backups/journal.sqlite3.key``):

- scrypt(passphrase, salt) gives 64 bytes: a one-time pad for the data key (the salt is
  new on every wrap, so a pad is never reused) and a MAC key;
- ``check`` = HMAC-SHA256(MAC key, wrapped key): a wrong passphrase fails this check
  before any database is touched, so it is told apart from a damaged file (right
  passphrase, file will not decrypt).

Changing the passphrase rewraps the data key (journal and backups stay as they are and
keep opening). Nothing here imports ``sqlcipher3`` at module level: plain journals
never load it.
"""

from __future__ import annotations

import math
import os
import sqlite3
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.db import checksums, live_files
from journal_app.db.cipher_basics import (  # noqa: F401 - part of this module's interface
    KEY_SUFFIX,
    PassphraseNeeded,
    WrongPassphrase,
    sql_errors,
)
from journal_app.db.keyfile import unlock_copies
from journal_app.fsutil import create_private_file

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"


# ---------------------------------------------------------------------- files


def has_key_file(database: Path, backups_dir: Path | None) -> bool:
    """A key file waits for this journal (beside it, or its mirror in backups/)."""
    paths = [database.with_name(database.name + KEY_SUFFIX)]
    if backups_dir is not None:
        paths.append(backups_dir / (database.name + KEY_SUFFIX))
    return any(p.is_file() for p in paths)


def is_encrypted_file(path: Path) -> bool:
    """A non-empty file without SQLite's plaintext header (SQLCipher files look random).

    A file this process has open through SQLite is asked through SQLite: reading its
    bytes with open() would drop the live connection's locks (db.live_files)."""
    if live_files.is_open_here(path):
        return not _plain_sqlite_reads(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return bool(head) and head != SQLITE_MAGIC


def _plain_sqlite_reads(path: Path) -> bool:
    """Whether stdlib SQLite (no key) reads the file: it does unless it is encrypted."""
    try:
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return True
    except sqlite3.Error:
        return False
    finally:
        conn.close()


# ---------------------------------------------------------------------- unlocked keys

_lock = threading.Lock()
_keys: dict[Path, bytes] = {}


def _folder(path: Path) -> Path:
    return path.absolute().parent


def register_key(database: Path, backups_dir: Path | None, key: bytes) -> None:
    """Remember the data key for the journal's folder and its backups folder, so every
    connection this process opens there (checks, backups, workers) is keyed."""
    with _lock:
        _keys[_folder(database)] = key
        if backups_dir is not None:
            _keys[backups_dir.absolute()] = key


def forget_key(database: Path, backups_dir: Path | None) -> None:
    with _lock:
        _keys.pop(_folder(database), None)
        if backups_dir is not None:
            _keys.pop(backups_dir.absolute(), None)
    keyfile = sys.modules.get("journal_app.db.keyfile")
    if keyfile is not None:
        keyfile.forget_verified(database)


def key_for(path: Path) -> bytes | None:
    with _lock:
        return _keys.get(_folder(path))


def pragma_key(key: bytes) -> str:
    return f"x'{key.hex()}'"


def connect_encrypted(
    path: Path, key: bytes, *, read_only: bool = False, immutable: bool = False
) -> Any:
    """A SQLCipher connection keyed with ``key`` (raw), checked by reading page 1."""
    # lazy: sqlcipher3 loads only when used
    import sqlcipher3

    live_files.note_database(path)
    if read_only:
        uri = path.absolute().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
        conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{pragma_key(key)}"')
        conn.execute("PRAGMA temp_store = MEMORY")  # no temporary file, ever
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise

    checksums.register(conn)  # the checksum triggers call it
    return conn


def has_key_nearby(path: Path) -> bool:
    """A key is unlocked for ``path``'s folder, or a key file lies in it (the journal's
    own, or the mirror kept in backups/)."""
    if key_for(path) is not None:
        return True
    if (path.parent / "backups" / (path.name + KEY_SUFFIX)).is_file():
        return True  # the main key file is gone; its mirror is still there
    try:
        return any(p.name.endswith(KEY_SUFFIX) for p in path.parent.iterdir())
    except OSError:
        return False


# SQLCipher's page size (4096) and what a page of ciphertext looks like: byte entropy
# near 8 bits. A plain SQLite page is mostly zeros and small integers (well under 6).
_CIPHER_PAGE = 4096
_MIN_ENTROPY = 7.5


def looks_like_ciphertext(path: Path) -> bool:
    """``path`` has no SQLite header and reads like an SQLCipher file: a whole number of
    4 KiB pages whose first page is random-looking. Asked only of a file no connection
    of this process can have open (SQLite refused its header and no key for its folder
    is unlocked), so reading it with open() drops no lock."""
    if key_for(path) is not None:
        return False
    try:
        with path.open("rb") as fh:
            page = fh.read(_CIPHER_PAGE)
            size = fh.seek(0, 2)
    except OSError:
        return False
    if size == 0 or size % _CIPHER_PAGE or len(page) < _CIPHER_PAGE:
        return False
    if page.startswith(SQLITE_MAGIC):
        return False

    counts = Counter(page).values()
    entropy = -sum(c / len(page) * math.log2(c / len(page)) for c in counts)
    return entropy >= _MIN_ENTROPY


def looks_encrypted(path: Path) -> bool:
    """An encrypted journal or backup: no SQLite header, and a key for it nearby (a file
    without either is damaged, or not ours)."""
    return is_encrypted_file(path) and has_key_nearby(path)


def connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> Any:
    """A connection to ``path``: stdlib sqlite3 for a plain file, SQLCipher keyed with
    the unlocked key for an encrypted one (PassphraseNeeded when it is locked)."""
    if looks_encrypted(path):
        key = key_for(path)
        if key is None:  # a command that reads the file alone (check, backup)
            key = ensure_unlocked(path, path.parent / "backups")
        return connect_encrypted(path, key, read_only=read_only, immutable=immutable)
    if read_only:
        uri = path.absolute().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    return sqlite3.connect(path, check_same_thread=False)


def export_copy(source: Path, dest: Path, source_key: bytes | None, dest_key: bytes | None) -> None:
    """Write a copy of ``source`` to ``dest`` (a new file) under another keying:
    plain→encrypted, encrypted→plain, or encrypted→encrypted, with ``sqlcipher_export``
    inside SQLCipher (no plaintext temp file: an encrypted side stays encrypted). The
    copy keeps ``user_version`` and ``application_id``."""
    # lazy: sqlcipher3 loads only when used
    import sqlcipher3

    live_files.note_database(source)

    create_private_file(dest)  # 0600 (FileExistsError if there): SQLCipher keeps the mode
    conn = sqlcipher3.connect(str(source), check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if source_key is not None:
            conn.execute(f'PRAGMA key = "{pragma_key(source_key)}"')
        conn.execute("PRAGMA temp_store = MEMORY")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        target_key = pragma_key(dest_key) if dest_key is not None else ""
        conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(dest), target_key))
        conn.execute("SELECT sqlcipher_export('converted')")
        conn.execute(f"PRAGMA converted.user_version = {version}")
        conn.execute(f"PRAGMA converted.application_id = {app_id}")
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    with dest.open("rb+") as fh:
        os.fsync(fh.fileno())


# ---------------------------------------------------------------------- unlocking

# Asked for the passphrase of a locked journal (the CLI installs one that reads
# JOURNAL_APP_PASSPHRASE_FILE or the terminal; the GUI unlocks before opening instead).
_unlocker: Callable[[Path], str | None] | None = None


def set_unlocker(unlocker: Callable[[Path], str | None] | None) -> None:
    global _unlocker
    _unlocker = unlocker


def ask_passphrase(path: Path) -> str | None:
    """The installed unlocker's passphrase for ``path`` (another key file: a sync
    folder's); None when there is no unlocker or it gives nothing."""
    return _unlocker(path) if _unlocker is not None else None


def unlock(database: Path, backups_dir: Path | None, passphrase: str) -> bytes:
    """Check ``passphrase`` against the key file (its copy in backups/ when the main
    one is missing or damaged) and remember the data key. WrongPassphrase; KeyFileMissing
    when no copy of the key file can be read."""
    key = unlock_copies(database, backups_dir, passphrase)
    register_key(database, backups_dir, key)
    return key


def ensure_unlocked(database: Path, backups_dir: Path | None) -> bytes:
    """The data key of an encrypted journal: already unlocked, or asked for through the
    installed unlocker (PassphraseNeeded when there is none or it gives nothing)."""
    key = key_for(database)
    if key is not None:
        return key
    passphrase = _unlocker(database) if _unlocker is not None else None
    if passphrase is None:
        raise PassphraseNeeded(f"{database} is encrypted: unlock it with its passphrase first")
    return unlock(database, backups_dir, passphrase)
