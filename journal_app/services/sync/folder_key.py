"""Which key a journal uses in its sync folder, and the folder's key file
(docs/SYNC.md, "Encrypted journals").

A folder is made by its first device: plain for a plain journal; for an encrypted one,
its marker says so and ``journal-key.json`` holds that journal's key file (its data key
wrapped by its passphrase, db.keyfile) — the *folder data key*. Another encrypted
journal joins with that passphrase: it unwraps the folder data key and keeps it, sealed
with its own data key, in ``sync_state`` (services.sync.sealing.keep); its own database
keeps its own key and passphrase, so nothing of the joining journal is re-keyed. A plain
journal never joins an encrypted folder, nor an encrypted journal a plain one. A machine
with no journal yet gets one made with the folder's key file (`create_journal_from`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from journal_app.config import DataPaths
from journal_app.db import cipher
from journal_app.db.cipher_basics import PassphraseNeeded, WrongPassphrase
from journal_app.db.keyfile import KeyFile, unwrap_key, write_key_file
from journal_app.errors import InvalidInput
from journal_app.fsutil import fsync_dir, publish_new, read_regular_file, temporary_sibling
from journal_app.services.sync import folder, sealing
from journal_app.services.sync.folder import FolderRefused

KEY_FILE = "journal-key.json"
MAX_KEY_FILE_BYTES = 64 * 1024


def read_key_file(target: Path) -> KeyFile:
    """The folder's key file; InvalidInput (one line) when it is missing or damaged."""
    path = target / KEY_FILE
    raw = None if path.is_symlink() else read_regular_file(path, MAX_KEY_FILE_BYTES)
    if raw is None:
        raise InvalidInput(
            f"the sync folder {target} is encrypted but its key file {KEY_FILE} is missing; "
            "nothing was written"
        )
    try:
        return KeyFile.from_json(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise InvalidInput(
            f"the sync folder's key file {path} is damaged ({error}); nothing was written"
        ) from None


def publish_key_file(target: Path, key_file: KeyFile) -> None:
    """Put ``key_file`` in the folder as a new file (never over another one: the same
    one already there is fine, e.g. from a setup interrupted before its marker)."""
    path = target / KEY_FILE
    tmp = temporary_sibling(path)
    try:
        with open(tmp, "xb") as handle:
            handle.write(key_file.to_json().encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        publish_new(tmp, path)
    except FileExistsError:
        if read_key_file(target) != key_file:
            raise InvalidInput(
                f"{target} holds another journal's key file {KEY_FILE}; choose an empty "
                "folder or one another device set up for sync"
            ) from None
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(target)


def is_own_key_file(target: Path, key_file: KeyFile | None) -> bool:
    """The folder holds ``key_file`` itself as ``journal-key.json``."""
    if key_file is None or not (target / KEY_FILE).is_file():
        return False
    try:
        return read_key_file(target) == key_file
    except InvalidInput:
        return False


def key_for_setup(
    target: Path,
    local_key: bytes | None,
    local_key_file: KeyFile | None,
    passphrase: str | None,
    ask: Callable[[Path], str | None],
) -> bytes | None:
    """The folder data key this journal will use in ``target`` (None: a folder of plain
    journals). ``local_key`` is the journal's data key (None: a plain journal),
    ``local_key_file`` its key file that accepted the passphrase. Writes nothing;
    InvalidInput, PassphraseNeeded or WrongPassphrase (one line each)."""
    if not folder.is_sync_folder(target):  # a new folder: made with this journal's key
        if local_key is not None and local_key_file is None:
            raise InvalidInput("unlock the journal with its passphrase first")
        return local_key
    try:
        encrypted = folder.is_encrypted(target)
    except FolderRefused as error:
        raise InvalidInput(f"cannot use {target}: {error}") from None
    if not encrypted:
        if local_key is not None:
            raise InvalidInput(
                f"{target} is a sync folder of unencrypted journals: this journal is "
                "encrypted and its text would be written there unencrypted; choose an "
                "empty folder (it will be encrypted)"
            )
        return None
    if local_key is None:
        raise InvalidInput(
            f"{target} is a sync folder of encrypted journals and this journal is not "
            "encrypted; encrypt it first (`encrypt`), then run `sync setup` again"
        )
    key_file = read_key_file(target)
    if key_file == local_key_file:  # the folder was made with this very key file
        return local_key
    return _unwrap(target, key_file, passphrase, ask)


def _unwrap(
    target: Path, key_file: KeyFile, passphrase: str | None, ask: Callable[[Path], str | None]
) -> bytes:
    path = target / KEY_FILE
    if passphrase is None:
        passphrase = ask(path)
    if passphrase is None:
        raise PassphraseNeeded(
            f"{target} is encrypted: the passphrase of its key file {KEY_FILE} is needed"
        )
    try:
        key = unwrap_key(key_file, passphrase)
    except WrongPassphrase:
        raise WrongPassphrase(
            f"wrong passphrase: it does not unlock the sync folder's key file {path}; "
            "nothing was written"
        ) from None
    _check_opens_its_files(target, key)
    return key


def _check_opens_its_files(target: Path, data_key: bytes) -> None:
    """Refuse a key file that opens none of the devices' ``device.json`` (another
    folder's, or swapped): joining with it would write files nobody else can open."""
    key = sealing.folder_key(data_key)
    seen = False
    for device in sorted(folder.listing(target).segments):
        path = folder.device_dir(target, device) / folder.DEVICE_FILE
        raw = None if path.is_symlink() else read_regular_file(path, folder.MAX_DEVICE_FILE_BYTES)
        if raw is None:
            continue
        seen = True
        try:
            sealing.unseal(key, raw, device, "device", 0)
        except sealing.Unsealable:
            continue
        return
    if seen:
        raise InvalidInput(
            f"the sync folder's key file {target / KEY_FILE} opens none of its devices' "
            "files (is it another folder's?); nothing was written"
        )


def create_journal_from(
    paths: DataPaths,
    target: Path,
    passphrase: str | None = None,
    ask: Callable[[Path], str | None] = cipher.ask_passphrase,
) -> bool:
    """When there is no journal at ``paths`` yet and ``target`` is an encrypted sync
    folder: make the journal to be created there an encrypted one with the folder's key
    file (its key file is a copy: the folder's passphrase unlocks it; the next open
    creates it, db.connection), so it joins with nothing to re-key. True when done;
    False (nothing written) in every other case, which `key_for_setup` then judges.
    WrongPassphrase or PassphraseNeeded (nothing written)."""
    if paths.database.exists() or cipher.has_key_file(paths.database, paths.backups):
        return False
    if not target.is_dir() or not folder.is_sync_folder(target):
        return False
    try:
        if not folder.is_encrypted(target):
            return False
    except FolderRefused:
        return False
    key_file = read_key_file(target)
    key = _unwrap(target, key_file, passphrase, ask)
    write_key_file(paths.database, paths.backups, key_file)
    cipher.register_key(paths.database, paths.backups, key)
    return True
