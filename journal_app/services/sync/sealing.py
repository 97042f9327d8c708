"""Sealing what the devices of an encrypted journal write to the sync folder.

Every file a device writes there (segments, its ``device.json``, and any later kind,
such as snapshots) is sealed in db.sealed_files' format

    MAGIC (8 bytes) | nonce (12 bytes) | AES-256-GCM(ciphertext ‖ 16-byte tag)

under the *folder key* = HMAC-SHA256(folder data key, label): the folder data key is
the data key of the journal that made the folder (its wrapped copy travels as
``journal-key.json``, see services.sync.folder_key), and the label keeps the AES key
apart from the SQLCipher key and the attachments' key. The associated data is
``self-study-journal sync|<kind>|<device>|<seq>``, so a file renamed, moved to another
device's folder or passed off as another kind does not open.

Sealing is a pure function of (bytes, device, kind, seq) and a key; `seal_for` and
`unseal_for` find the key of a folder in a per-process table that the sync service
fills (`use`) before it reads or writes the folder, and pass the bytes through
unchanged for a folder of plain journals. ``cryptography`` loads only when sealing.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from pathlib import Path

from journal_app.db import sealed_files
from journal_app.errors import JournalError

_FOLDER_LABEL = b"self-study-journal sync folder v1"
_KEEP_LABEL = b"self-study-journal sync folder key kept v1"
_KEEP_NAME = "sync folder data key"


class Unsealable(JournalError):
    """A sealed file of the sync folder that does not open (one line, without its name:
    the caller says which file)."""


def folder_key(data_key: bytes) -> bytes:
    """The AES-256-GCM key of the folder, from the folder's data key."""
    return hmac.new(data_key, _FOLDER_LABEL, hashlib.sha256).digest()


def associated_data(device: str, kind: str, seq: int) -> str:
    return f"self-study-journal sync|{kind}|{device}|{seq}"


def seal(key: bytes, data: bytes, device: str, kind: str, seq: int) -> bytes:
    return sealed_files.seal(key, associated_data(device, kind, seq), data)


def unseal(key: bytes, data: bytes, device: str, kind: str, seq: int) -> bytes:
    """The plaintext; Unsealable when ``data`` is not sealed, is cut short, or was
    altered, renamed or moved (its associated data differs)."""
    if not data.startswith(sealed_files.MAGIC):
        raise Unsealable("is not encrypted, but this sync folder is")
    if not sealed_files.is_sealed(data):
        raise Unsealable("is truncated")
    try:
        return sealed_files.unseal(key, associated_data(device, kind, seq), data)
    except sealed_files.SealBroken:
        raise Unsealable(
            "does not decrypt with the folder's key: it was altered, cut short, renamed or moved"
        ) from None


# ---------------------------------------------------------------------- folder keys

_lock = threading.Lock()
_keys: dict[Path, bytes] = {}


def _where(folder: Path) -> Path:
    return folder.resolve()


def use(folder: Path, data_key: bytes | None) -> None:
    """Seal what is written to ``folder`` (and open what is read) with the key made from
    ``data_key``; None: the folder is plain (its files pass through unchanged)."""
    with _lock:
        if data_key is None:
            _keys.pop(_where(folder), None)
        else:
            _keys[_where(folder)] = folder_key(data_key)


def key_for(folder: Path) -> bytes | None:
    with _lock:
        return _keys.get(_where(folder))


def seal_for(folder: Path, data: bytes, device: str, kind: str, seq: int) -> bytes:
    """``data`` sealed for ``folder`` when it is encrypted, else unchanged."""
    key = key_for(folder)
    return data if key is None else seal(key, data, device, kind, seq)


def unseal_for(folder: Path, data: bytes, device: str, kind: str, seq: int) -> bytes:
    """``data`` opened when ``folder`` is encrypted (Unsealable), else unchanged."""
    key = key_for(folder)
    return data if key is None else unseal(key, data, device, kind, seq)


# ---------------------------------------------------------------------- kept in the journal


def keep(local_data_key: bytes, folder_data_key: bytes) -> str:
    """The folder's data key sealed with the journal's own data key (hex), for
    ``sync_state``: the journal holds it encrypted twice over (SQLCipher, and this), so
    a journal decrypted later holds nothing that opens the folder."""
    key = hmac.new(local_data_key, _KEEP_LABEL, hashlib.sha256).digest()
    return sealed_files.seal(key, _KEEP_NAME, folder_data_key).hex()


def kept(local_data_key: bytes, text: str) -> bytes:
    """The folder's data key from `keep`'s text; Unsealable when it does not open."""
    key = hmac.new(local_data_key, _KEEP_LABEL, hashlib.sha256).digest()
    try:
        data = bytes.fromhex(text)
        if not sealed_files.is_sealed(data):
            raise ValueError
        return sealed_files.unseal(key, _KEEP_NAME, data)
    except (ValueError, sealed_files.SealBroken):
        raise Unsealable(
            "the sync folder's key kept in this journal does not open with the journal's "
            "key; run `sync leave`, then `sync setup` again"
        ) from None
