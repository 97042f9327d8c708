"""A small disk to fill: a tmpfs mounted under tmp_path (root only; skipped elsewhere)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import pytest


class SmallDisk:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler.bin"

    def fill(self, leave: int = 0) -> None:
        """Take all the free space but ``leave`` bytes."""
        free = os.statvfs(self.root).f_bavail * os.statvfs(self.root).f_frsize
        with self.filler.open("ab") as fh, contextlib.suppress(OSError):
            chunk = b"\0" * 65536
            remaining = max(0, free - leave)
            while remaining > 0:
                remaining -= fh.write(chunk[: min(len(chunk), remaining)])
                fh.flush()

    def free_up(self) -> None:
        self.filler.unlink(missing_ok=True)

    def make_read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.root)], check=True)


@pytest.fixture
def small_disk(tmp_path: Path):
    root = tmp_path / "disk"
    root.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(root)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True, check=False)
