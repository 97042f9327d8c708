"""Attachments of an encrypted journal, encrypted at rest (AES-256-GCM).

Images stay files in ``attachments/`` (not BLOBs in the database: backups, which copy the
whole database, would then copy every image again, and no schema change is needed), but
an encrypted journal's files are *sealed*:

    MAGIC (8 bytes) | nonce (12 bytes) | AES-GCM(ciphertext ‖ 16-byte tag)

under a key derived from the journal's data key (HMAC-SHA256(data key, label): the same
key never serves SQLCipher and AES-GCM), with the file's name as associated data, so a
sealed file renamed or swapped for another fails to open instead of showing the wrong
image. A random 96-bit nonce per file: even a million images stay far from the birthday
bound. ``cryptography`` is imported only when a journal is encrypted.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
from pathlib import Path

from journal_app.fsutil import fsync_dir

MAGIC = b"SSJseal1"
NONCE_BYTES = 12
TAG_BYTES = 16
HEADER_BYTES = len(MAGIC) + NONCE_BYTES
_LABEL = b"self-study-journal attachments v1"


class SealBroken(ValueError):
    """A sealed file that does not open with this key and name (altered or misnamed)."""


def attachment_key(data_key: bytes) -> bytes:
    return hmac.new(data_key, _LABEL, hashlib.sha256).digest()


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC) and len(data) >= HEADER_BYTES + TAG_BYTES


def file_is_sealed(path: Path) -> bool:
    """The file at ``path`` starts like a sealed one (reads its first bytes only)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        return os.read(fd, len(MAGIC)) == MAGIC
    except OSError:
        return False
    finally:
        os.close(fd)


def seal(key: bytes, name: str, data: bytes) -> bytes:
    # lazy: cryptography loads only when used
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, name.encode("utf-8"))


def unseal(key: bytes, name: str, data: bytes) -> bytes:
    # lazy: cryptography loads only when used
    from cryptography.exceptions import InvalidTag

    # lazy: cryptography loads only when used
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = data[len(MAGIC) : HEADER_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, data[HEADER_BYTES:], name.encode("utf-8"))
    except InvalidTag:
        raise SealBroken(f"the attachment {name} does not decrypt: it is damaged") from None


def write_private(path: Path, data: bytes, *, sync_folder: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder (mode 0600,
    fsynced, renamed over: a rename replaces a symlink itself, never its target). With
    ``sync_folder=False`` the caller makes the rename durable (fsync_dir) once for many
    files, before anything refers to them."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.partial")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if sync_folder:
        fsync_dir(path.parent)
