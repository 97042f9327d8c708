"""The key file of an encrypted journal (see db.cipher): the data key, wrapped.

scrypt(passphrase, salt) gives 64 bytes: a one-time pad for the 32-byte data key (the
salt is new on every wrap, so a pad is never reused) and a MAC key; ``check`` =
HMAC-SHA256(MAC key, wrapped key) tells a wrong passphrase before any file is touched.
Loaded only for encrypted journals.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from journal_app.db.cipher import KEY_SUFFIX, WrongPassphrase
from journal_app.fsutil import create_private_file, fsync_dir, make_private_dir

FORMAT = "self-study-journal key file 1"
# scrypt cost: 64 MiB and ~0.3 s on a 2-core machine (unlock budget: 1 s). Stored in
# every key file, so it can grow later without breaking older files.
KDF_N = 2**16
KDF_R = 8
KDF_P = 2


@dataclass(frozen=True)
class KeyFile:
    salt: bytes
    wrapped: bytes
    check: bytes
    n: int = KDF_N
    r: int = KDF_R
    p: int = KDF_P

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "cipher": "sqlcipher4 raw key",
                "kdf": "scrypt",
                "n": self.n,
                "r": self.r,
                "p": self.p,
                "salt": self.salt.hex(),
                "wrapped_key": self.wrapped.hex(),
                "check": self.check.hex(),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        data = json.loads(text)
        if data.get("format") != FORMAT or data.get("kdf") != "scrypt":
            raise ValueError("not a key file of this version")
        return cls(
            bytes.fromhex(data["salt"]),
            bytes.fromhex(data["wrapped_key"]),
            bytes.fromhex(data["check"]),
            int(data["n"]),
            int(data["r"]),
            int(data["p"]),
        )


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * 1024 * 1024,
        dklen=64,
    )


def wrap_key(
    data_key: bytes, passphrase: str, *, n: int | None = None, r: int = KDF_R, p: int = KDF_P
) -> KeyFile:
    n = KDF_N if n is None else n
    salt = secrets.token_bytes(16)
    derived = _derive(passphrase, salt, n, r, p)
    wrapped = bytes(a ^ b for a, b in zip(data_key, derived[:32], strict=True))
    check = hmac.new(derived[32:], wrapped, hashlib.sha256).digest()
    return KeyFile(salt, wrapped, check, n, r, p)


def unwrap_key(key_file: KeyFile, passphrase: str) -> bytes:
    """The data key; WrongPassphrase when the check fails."""
    derived = _derive(passphrase, key_file.salt, key_file.n, key_file.r, key_file.p)
    check = hmac.new(derived[32:], key_file.wrapped, hashlib.sha256).digest()
    if not hmac.compare_digest(check, key_file.check):
        raise WrongPassphrase("wrong passphrase: it does not unlock this journal")
    return bytes(a ^ b for a, b in zip(key_file.wrapped, derived[:32], strict=True))


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def key_file_paths(database: Path, backups_dir: Path | None) -> list[Path]:
    """Where the key file lives: beside the journal, and its mirror in ``backups/``."""
    paths = [database.with_name(database.name + KEY_SUFFIX)]
    if backups_dir is not None:
        paths.append(backups_dir / (database.name + KEY_SUFFIX))
    return paths


def read_key_file(database: Path, backups_dir: Path | None) -> KeyFile | None:
    """The journal's key file (its mirror when the main copy is gone or unreadable; for
    a backup, the mirror kept in its folder)."""
    candidates = key_file_paths(database, backups_dir)
    candidates += sorted(database.parent.glob("*" + KEY_SUFFIX))
    for path in candidates:
        try:
            return KeyFile.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return None


def write_file_atomically(path: Path, text: str) -> None:
    make_private_dir(path.parent, parents=True)
    tmp = path.with_name(path.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    create_private_file(tmp)  # 0600: the wrapped key is for the owner's eyes only
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def write_key_file(database: Path, backups_dir: Path | None, key_file: KeyFile) -> None:
    for path in key_file_paths(database, backups_dir):
        write_file_atomically(path, key_file.to_json())


def remove_key_files(database: Path, backups_dir: Path | None) -> None:
    for path in key_file_paths(database, backups_dir):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
