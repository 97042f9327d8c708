"""Per-entry content checksums: SQLite's own checks miss damage inside a text value.

Schema v5 keeps one row per entry in ``entry_checksum``, written by triggers that call
``journal_checksum(title, body)``, a function every journal connection registers. So no
write path (editor, CLI, import, restore of a revision) can forget it, and a connection
without the function cannot change an entry's text at all. `verify` recomputes them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass

FUNCTION_NAME = "journal_checksum"
TABLE = "entry_checksum"


def _utf8(value: object) -> bytes:
    if value is None:
        return b""
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", "surrogatepass")


def entry_checksum(title: object, body: object) -> str:
    """A hex digest of an entry's title and body (length-prefixed, so the split is part
    of the hash)."""
    t, b = _utf8(title), _utf8(body)
    digest = hashlib.blake2b(digest_size=16)
    digest.update(len(t).to_bytes(8, "little"))
    digest.update(t)
    digest.update(b)
    return digest.hexdigest()


def register(conn: sqlite3.Connection) -> None:
    conn.create_function(FUNCTION_NAME, 2, entry_checksum, deterministic=True)


@dataclass(frozen=True)
class ChecksumReport:
    checked: int  # entries whose checksum was compared
    damaged: tuple[int, ...]  # entry ids whose text no longer matches
    missing: tuple[int, ...]  # entry ids without a checksum row
    supported: bool  # False for journals older than schema v5

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.missing


def has_checksums(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).fetchone()
    return row is not None


def verify(conn: sqlite3.Connection) -> ChecksumReport:
    """Recompute every entry's checksum from the raw stored bytes (a flipped byte may
    no longer be valid UTF-8, so the text is never decoded)."""
    if not has_checksums(conn):
        return ChecksumReport(0, (), (), supported=False)
    cursor = conn.execute(
        f'SELECT e."id", CAST(e."title" AS BLOB), CAST(e."body" AS BLOB), c."checksum" '
        f'FROM "entry" e LEFT JOIN "{TABLE}" c ON c."entry_id" = e."id"'
    )
    damaged: list[int] = []
    missing: list[int] = []
    checked = 0
    for entry_id, title, body, stored in cursor:
        if stored is None:
            missing.append(entry_id)
            continue
        checked += 1
        if entry_checksum(title, body) != stored:
            damaged.append(entry_id)
    return ChecksumReport(checked, tuple(damaged), tuple(missing), supported=True)


def describe(report: ChecksumReport, limit: int = 10) -> list[str]:
    """One line per kind of problem, naming the entries (at most ``limit``)."""

    def ids(values: tuple[int, ...]) -> str:
        shown = ", ".join(str(v) for v in values[:limit])
        return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")

    lines = []
    if report.damaged:
        lines.append(
            f"text damaged in {len(report.damaged)} entr"
            f"{'y' if len(report.damaged) == 1 else 'ies'} (ids {ids(report.damaged)})"
        )
    if report.missing:
        lines.append(
            f"no checksum for {len(report.missing)} entr"
            f"{'y' if len(report.missing) == 1 else 'ies'} (ids {ids(report.missing)})"
        )
    return lines
