"""Journals to back up, and ways to damage them, shared by the backup tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from journal_app.config import DataPaths
from journal_app.db import live_files
from journal_app.services import Services

BODY = "Read the attention paper again; wrote down the *scaled dot-product* by hand. " * 20


def write_journal(paths: DataPaths, entries: int = 60, *, clock=None) -> list[int]:
    """A closed journal at ``paths`` holding ``entries`` entries; their ids."""
    kwargs = {"clock": clock} if clock is not None else {}
    with Services.open(paths, **kwargs) as services:
        ids = [
            services.entries.create(
                day=dt.date(2026, 1, 1) + dt.timedelta(days=n),
                title=f"Self Study Journal #{n}",
                body=f"{BODY}\n\nentry-marker-{n:04d}",
            ).id
            for n in range(entries)
        ]
    return ids


def digest(path: Path) -> str:
    """The file's bytes, hashed (a test's check that a file was left untouched; it may be
    open in this process, which no other process shares)."""
    with live_files.raw_reads_allowed():
        return hashlib.sha256(path.read_bytes()).hexdigest()


def page_size(path: Path) -> int:
    raw = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if raw == 1 else raw


def wreck_middle_page(path: Path) -> None:
    """Overwrite one whole page in the middle of the file (the header stays valid)."""
    size = page_size(path)
    data = bytearray(path.read_bytes())
    pages = len(data) // size
    start = (pages // 2) * size
    data[start : start + size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def wreck_a_page_of(path: Path, table: str) -> None:
    """Overwrite the middle page of ``table``'s pages (the header stays valid): a damage
    that stays in the user's rows whichever pages a schema version adds."""
    conn = sqlite3.connect(path)
    try:
        pages = [n for (n,) in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    finally:
        conn.close()
    size = page_size(path)
    start = (sorted(pages)[len(pages) // 2] - 1) * size
    data = bytearray(path.read_bytes())
    data[start : start + size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def flip_text(path: Path, needle: bytes, replacement: bytes) -> None:
    """Change bytes inside a stored text value, in place (same length)."""
    assert len(needle) == len(replacement)
    data = bytearray(path.read_bytes())
    at = data.find(needle)
    assert at > 0, needle
    data[at : at + len(needle)] = replacement
    path.write_bytes(bytes(data))


def count_entries(path: Path) -> int:
    conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        return int(conn.execute('SELECT count(*) FROM "entry"').fetchone()[0])
    finally:
        conn.close()
