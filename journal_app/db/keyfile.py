"""The key file of an encrypted journal (see db.cipher): the data key, wrapped.

scrypt(passphrase, salt) gives 64 bytes: a one-time pad for the 32-byte data key (the
salt is new on every wrap, so a pad is never reused) and a MAC key; ``check`` =
HMAC-SHA256(MAC key, wrapped key) tells a wrong passphrase before any file is touched.
``digest`` = SHA-256 of the other fields, keyed by nothing: a key file edited or damaged
on disk is told apart from a wrong passphrase (files written before it was added have
none and are read as they are). Loaded only for encrypted journals.

Two copies are kept: beside the journal and its mirror in ``backups/``. Unlocking tries
them in turn (`unlock_copies`): a missing or damaged copy never hides a good one, and the
copy that accepted the passphrase is remembered (`verified_key_file`) so that only a
*verified* key file is ever written over the other copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from journal_app.db.cipher_basics import KEY_SUFFIX, WrongPassphrase
from journal_app.errors import DatabaseRefused
from journal_app.fsutil import fsync_dir, make_private_dir

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

    def _fields(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "cipher": "sqlcipher4 raw key",
            "kdf": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": self.salt.hex(),
            "wrapped_key": self.wrapped.hex(),
            "check": self.check.hex(),
        }

    def digest(self) -> str:
        canonical = json.dumps(self._fields(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def to_json(self) -> str:
        return json.dumps({**self._fields(), "digest": self.digest()}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        """The key file in ``text``; ValueError when it is not one, or was altered (its
        digest does not match)."""
        key_file, _ = cls.parse(text)
        return key_file

    @classmethod
    def parse(cls, text: str) -> tuple[KeyFile, bool]:
        """(the key file, whether it carries a digest that matched); ValueError when it
        is not a key file of this version or its digest does not match."""
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            if data.get("format") != FORMAT or data.get("kdf") != "scrypt":
                raise ValueError("not a key file of this version")
            key_file = cls(
                bytes.fromhex(data["salt"]),
                bytes.fromhex(data["wrapped_key"]),
                bytes.fromhex(data["check"]),
                int(data["n"]),
                int(data["r"]),
                int(data["p"]),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"a field is missing or malformed ({exc})") from None
        digest = data.get("digest")
        if digest is not None and not hmac.compare_digest(str(digest), key_file.digest()):
            raise ValueError("its digest does not match: the file was altered")
        return key_file, digest is not None


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


def _candidates(database: Path, backups_dir: Path | None) -> list[Path]:
    """The journal's copies, then (for a backup) the mirror kept in its own folder."""
    paths = key_file_paths(database, backups_dir)
    with contextlib.suppress(OSError):
        paths += [p for p in sorted(database.parent.glob("*" + KEY_SUFFIX)) if p not in paths]
    return paths


class KeyCopy(NamedTuple):
    """One copy of a key file as found on disk."""

    path: Path
    key_file: KeyFile | None
    problem: str | None  # None, "missing" or "damaged"
    has_digest: bool = False


def inspect_copy(path: Path) -> KeyCopy:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return KeyCopy(path, None, "missing")
    except (OSError, UnicodeDecodeError):
        return KeyCopy(path, None, "damaged")
    try:
        key_file, has_digest = KeyFile.parse(text)
    except ValueError:
        return KeyCopy(path, None, "damaged")
    return KeyCopy(path, key_file, None, has_digest)


def read_key_file(database: Path, backups_dir: Path | None) -> KeyFile | None:
    """The journal's key file (its mirror when the main copy is gone or damaged; for
    a backup, the mirror kept in its folder). Unverified: `unlock_copies` checks it."""
    for path in _candidates(database, backups_dir):
        copy = inspect_copy(path)
        if copy.key_file is not None:
            return copy.key_file
    return None


class KeyFileMissing(DatabaseRefused):
    """An encrypted journal whose key file (and its copy) is gone or damaged. Never
    "damaged, restore a backup": the journal itself may be whole."""

    exit_code = 1


# The key file that accepted the passphrase, and where it was read, per journal: only it
# is ever copied over the other copy.
_verified: dict[Path, tuple[Path, KeyFile]] = {}
_verified_lock = threading.Lock()


def _remember(database: Path, source: Path, key_file: KeyFile) -> None:
    with _verified_lock:
        _verified[database.absolute()] = (source, key_file)


def verified_key_file(database: Path) -> tuple[Path, KeyFile] | None:
    """(where it was read, the key file) that accepted the passphrase in this process."""
    with _verified_lock:
        return _verified.get(database.absolute())


def forget_verified(database: Path) -> None:
    with _verified_lock:
        _verified.pop(database.absolute(), None)


def unlock_copies(database: Path, backups_dir: Path | None, passphrase: str) -> bytes:
    """The data key, from the first copy of the key file that accepts ``passphrase``.

    A copy that is missing or damaged (its digest does not match) is passed over for the
    next. An intact copy with a digest that refuses the passphrase settles it (wrong
    passphrase: its other copy may be an older one, left by an interrupted change of
    passphrase). An older copy without a digest that refuses it, while the other copy
    accepts it, was altered. KeyFileMissing when no copy can be read."""
    copies = [inspect_copy(p) for p in _candidates(database, backups_dir)]
    readable = [c for c in copies if c.key_file is not None]
    if not readable:
        main = copies[0]
        state = "damaged" if main.problem == "damaged" else "missing"
        raise KeyFileMissing(
            f"{database} is encrypted but its key file {main.path.name} is {state} and no "
            f"intact copy was found (one is kept as backups/{main.path.name}): it cannot be "
            "unlocked without one. The journal was left untouched; put a copy of the key "
            "file back beside it"
        )
    for copy in readable:
        assert copy.key_file is not None
        try:
            key = unwrap_key(copy.key_file, passphrase)
        except WrongPassphrase:
            if copy.has_digest:
                raise
            continue
        _remember(database, copy.path, copy.key_file)
        return key
    raise WrongPassphrase("wrong passphrase: it does not unlock this journal")


class KeyFileRepair(NamedTuple):
    """A copy of the key file that differs from the verified one."""

    path: Path
    problem: str  # "missing", "damaged", "different" or "outdated" (no digest yet)
    source: Path  # the copy that accepted the passphrase

    def describe(self) -> str:
        if self.problem == "outdated":
            return f"added a digest to the key file {self.path}"
        what = {
            "missing": "is missing",
            "damaged": "is damaged",
            "different": "differs from the copy that accepts the passphrase",
        }[self.problem]
        return f"the key file {self.path} {what}; its copy {self.source} unlocks the journal"


def key_file_repairs(database: Path, backups_dir: Path | None) -> list[KeyFileRepair]:
    """The copies of the journal's key file that differ from the verified one. Empty
    when no key file was verified in this process."""
    verified = verified_key_file(database)
    if verified is None:
        return []
    source, key_file = verified
    repairs: list[KeyFileRepair] = []
    for path in key_file_paths(database, backups_dir):
        copy = inspect_copy(path)
        if copy.problem is not None:
            repairs.append(KeyFileRepair(path, copy.problem, source))
        elif copy.key_file != key_file:
            repairs.append(KeyFileRepair(path, "different", source))
        elif not copy.has_digest:
            repairs.append(KeyFileRepair(path, "outdated", source))
    return repairs


def reinstate_verified(database: Path, backups_dir: Path | None) -> list[KeyFileRepair]:
    """Write the verified key file over each copy that is missing, damaged, different or
    outdated; what was rewritten."""
    verified = verified_key_file(database)
    if verified is None:
        return []
    repairs = key_file_repairs(database, backups_dir)
    for repair in repairs:
        write_file_atomically(repair.path, verified[1].to_json())
    return repairs


def write_file_atomically(path: Path, text: str) -> None:
    make_private_dir(path.parent, parents=True)
    tmp = path.with_name(path.name + ".partial")
    # 0600: the key file is nobody else's business (the passphrase still guards it).
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def write_key_file(database: Path, backups_dir: Path | None, key_file: KeyFile) -> None:
    for path in key_file_paths(database, backups_dir):
        write_file_atomically(path, key_file.to_json())
    _remember(database, key_file_paths(database, backups_dir)[0], key_file)  # just made


def remove_key_files(database: Path, backups_dir: Path | None) -> None:
    for path in key_file_paths(database, backups_dir):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    forget_verified(database)
