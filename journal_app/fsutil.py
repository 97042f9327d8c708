"""File-system helpers shared by the data layer and the services (no Qt, no database)."""

from __future__ import annotations

import os
import secrets
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
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)
