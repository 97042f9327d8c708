"""Fixtures for export/import tests: sample files written to each tool's format."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "transfer"
BERLIN = ZoneInfo("Europe/Berlin")


def png(r: int, g: int, b: int) -> bytes:
    """A real 1x1 PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + bytes([r, g, b]))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.fixture
def journal(services):
    """The `services` journal in Berlin time."""
    services.tz = BERLIN
    return services


@pytest.fixture
def fixture_copy(tmp_path):
    """`fixture_copy("obsidian")` -> a private copy of a sample file or folder."""

    def copy(name: str) -> Path:
        source = FIXTURES / name
        target = tmp_path / "samples" / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        return target

    return copy


def entry_rows(services) -> list[tuple]:
    """Every entry as (day, title, body, tags, series, number, visibility), in order."""
    found = [services.entries.get(s.id) for s in services.entries.summaries()]
    return sorted(
        (e.day, e.title, e.body, tuple(e.tags), e.series, e.number, e.visibility) for e in found
    )


def add_entry(services, day: dt.date, title: str, body: str = "text", **values):
    return services.entries.create(day=day, title=title, body=body, **values)
