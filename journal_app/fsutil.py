"""File-system helpers shared by the data layer and the services (no Qt, no database)."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary_sibling(dest: Path) -> Path:
    """A temporary name beside ``dest`` that no other process or thread picks: several
    processes may back up one journal in the same second."""
    # lazy: not at import: hmac, hashlib and random would load with it at start-up
    import secrets

    return dest.with_name(f"{dest.name}.{os.getpid()}-{secrets.token_hex(4)}.partial")


def publish_new(tmp: Path, dest: Path) -> None:
    """Move the complete file ``tmp`` to ``dest``, which must not exist (FileExistsError
    if it does, even when another process creates it at the same moment: a hard link
    never replaces). Where the file system has no hard links, a check and a rename."""
    try:
        os.link(tmp, dest)
    except FileExistsError:
        raise
    except OSError:
        if dest.exists():
            raise FileExistsError(dest) from None
        os.replace(tmp, dest)
    else:
        os.unlink(tmp)
    fsync_dir(dest.parent)


_READ_CHUNK = 1024 * 1024


def read_regular_file(path: str | Path, limit: int) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes; None for anything else.
    Opened without blocking and checked on the open descriptor, so a FIFO, a device or
    a file swapped in after a check can neither hang nor flood the caller."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        # What fstat says is there, and one byte more to see the end; then on, in
        # chunks, should it have grown. (Asking for `limit + 1` bytes at once allocates
        # that much every time: 50 MB per note an import reads.)
        parts: list[bytes] = []
        total = 0
        want = info.st_size + 1
        while total <= limit:
            chunk = os.read(fd, min(want, limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            want = _READ_CHUNK
        data = parts[0] if len(parts) == 1 else b"".join(parts)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


# A journal is private: its folders 0700 and its files 0600 (never executable), whatever
# the umask. Modes are set when a file is created, so no other user can open it even for
# a moment; Windows has no such modes (the calls below change nothing there).
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
HAS_MODES = os.name == "posix"


def make_private_dir(path: Path, *, parents: bool = False) -> None:
    """``mkdir -p``-like, the folder created 0700 (folders that already exist are left
    as they are: `tighten` does those)."""
    path.mkdir(mode=PRIVATE_DIR, parents=parents, exist_ok=True)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 (FileExistsError when it exists): SQLite
    then opens it and gives its -wal, -shm and -journal files the same mode. Never for
    a database a connection may hold: closing a descriptor drops SQLite's locks."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    os.close(os.open(path, flags, PRIVATE_FILE))


def tighten(path: Path, mode: int) -> None:
    """Take away every permission bit outside ``mode`` from the folder or regular file
    at ``path`` (chmod, never an open: safe on a live database). Symlinks, missing paths
    and files of other users are left alone."""
    if not HAS_MODES:
        return
    try:
        info = path.lstat()
        current = stat.S_IMODE(info.st_mode)
        if current & ~mode and (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            os.chmod(path, current & mode)
    except OSError:  # gone meanwhile, or not ours to change
        pass


def tighten_folder(folder: Path) -> None:
    """The folder 0700 and the regular files directly inside it 0600."""
    tighten(folder, PRIVATE_DIR)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_file(follow_symlinks=False):
            tighten(Path(entry.path), PRIVATE_FILE)
