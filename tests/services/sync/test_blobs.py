"""Attachments travel as content-addressed files in each device's `blobs/`, written
once, checked by hash (and type) before they are stored on another device."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import struct
import zlib
from pathlib import Path

import pytest

from journal_app.db import sealed_files
from journal_app.services.attachments import MAX_BYTES
from journal_app.services.sync import sealing
from tests.services.sync.helpers import Device, devices, sync_all
from tests.services.sync.test_encrypted_sync import ALPHA, BETA, EncryptedDevice

DAY = dt.date(2026, 11, 2)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png(shade: int = 0) -> bytes:
    """A real 1×1 PNG; `shade` makes different images."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes([0, shade, 128, 255]))
    return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _url(data: bytes, ext: str = "png") -> str:
    return f"attachment:{hashlib.sha256(data).hexdigest()[:16]}.{ext}"


def _paste(device: Device, title: str, image: bytes) -> str:
    """An entry with the image pasted in, as the editor does; its `attachment:` URL."""
    with device.open() as s:
        entry = s.entries.create(day=DAY, title=title)
        url = s.attachments.add_image(entry.id, image).url
        s.entries.update(entry.id, expected_rev=entry.rev, body=f"Look: ![shot]({url})\n")
    return url


def _refer(device: Device, title: str, url: str) -> None:
    """An entry whose body refers to an attachment this device does not have."""
    with device.open() as s:
        s.entries.create(day=DAY, title=title, body=f"![x]({url})")


def _image(device: Device, url: str) -> bytes | None:
    with device.open() as s:
        return s.attachments.read(url)


def _stored(device: Device) -> list[str]:
    folder = device.paths.attachments
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _rows(device: Device, title: str) -> list[str]:
    with device.open() as s:
        entry = next(e for e in s.entries.summaries() if e.title == title)
        return [a.filename for a in s.attachments.list_for(entry.id)]


def _device_id(device: Device) -> str:
    with device.open() as s:
        return s.sync.status().device


def _blobs(folder: Path) -> list[Path]:
    return sorted(folder.glob("devices/*/blobs/*"))


def test_an_image_pasted_on_one_device_shows_on_the_other(tmp_path):
    folder, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    image = _png(1)
    url = _paste(laptop, "Screenshot", image)
    sent = laptop.sync()
    assert sent.blobs_sent == 1
    digest = hashlib.sha256(image).hexdigest()
    blob = folder / "devices" / _device_id(laptop) / "blobs" / f"{digest}.png"
    assert _blobs(folder) == [blob] and blob.read_bytes() == image

    desktop_dir = folder / "devices" / _device_id(desktop)

    def others() -> dict[Path, bytes]:  # the folder's files the desktop must not write
        files = folder.rglob("*")
        return {p: p.read_bytes() for p in files if p.is_file() and desktop_dir not in p.parents}

    before = others()
    report = desktop.sync()
    assert report.blobs_stored == 1 and report.blobs_waiting == 0
    assert others() == before  # it wrote only to its own folder (and its data folder)
    assert report.problems == [] and report.ignored == 0  # blobs/ is no stranger
    assert _image(desktop, url) == image
    with desktop.open() as s:
        path = s.attachments.resolve(url)  # what the preview asks
        assert path is not None and path.read_bytes() == image
    assert _rows(desktop, "Screenshot") == [url.removeprefix("attachment:")]
    # The desktop got it from the folder: it does not write it there again.
    again = desktop.sync()
    assert again.blobs_sent == 0 and again.blobs_stored == 0
    assert _blobs(folder) == [blob]
    assert laptop.state() == desktop.state()


def test_the_same_image_on_both_devices_is_stored_once(tmp_path):
    folder, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    image = _png(2)
    url = _paste(laptop, "On the laptop", image)
    assert _paste(desktop, "On the desktop", image) == url
    sync_all(laptop, desktop)
    assert _stored(desktop) == [url.removeprefix("attachment:")]
    assert _stored(laptop) == [url.removeprefix("attachment:")]
    assert len(_blobs(folder)) == 1  # the desktop saw the laptop's blob: not written twice
    assert _image(desktop, url) == image


def test_a_blob_arriving_after_its_entry_is_fetched_by_a_later_sync(tmp_path):
    folder, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    image = _png(3)
    url = _paste(laptop, "Later", image)
    laptop.sync()
    (blob,) = _blobs(folder)
    aside = tmp_path / "not-yet-arrived"
    blob.rename(aside)  # the sync tool brought the segment, not yet the image

    early = desktop.sync()
    assert early.applied_segments == 1 and early.problems == []
    assert early.blobs_waiting == 1 and _image(desktop, url) is None
    with desktop.open() as s:  # the text is there, without its image
        assert [e.title for e in s.entries.summaries()] == ["Later"]

    aside.rename(blob)
    late = desktop.sync()
    assert late.blobs_stored == 1 and late.blobs_waiting == 0
    assert _image(desktop, url) == image


def _plant(folder: Path, device: str, name: str, data: bytes) -> Path:
    where = folder / "devices" / device / "blobs"
    where.mkdir(exist_ok=True)
    (where / name).write_bytes(data)
    return where / name


@pytest.mark.parametrize("case", ["tampered", "swapped", "oversized", "not an image", "link"])
def test_a_blob_that_is_not_what_its_name_says_is_refused(tmp_path, case):
    folder, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    laptop_id = _device_id(laptop)
    if case in ("tampered", "swapped"):
        image, other = _png(4), _png(5)
        url = _paste(laptop, "Victim", image)
        _paste(laptop, "Other", other)
        laptop.sync()
        blob = folder / "devices" / laptop_id / "blobs" / f"{hashlib.sha256(image).hexdigest()}.png"
        if case == "tampered":
            blob.write_bytes(image[:-1] + bytes([image[-1] ^ 1]))
        else:  # the other image under this one's name
            blob.write_bytes(other)
        expected = "does not hold what its name's SHA-256 says"
    else:
        if case == "oversized":
            data = PNG_SIGNATURE + b"\x00" * (MAX_BYTES + 64)
            expected = "is not a regular file of at most 25 MB"
        elif case == "not an image":
            data = b"#!/bin/sh\necho not an image\n"
            expected = "is not the .png file its name says"
        else:
            data = _png(6)
            expected = "is a link, not a file"
        url = _url(data)
        _refer(laptop, "Victim", url)
        laptop.sync()
        name = f"{hashlib.sha256(data).hexdigest()}.png"
        if case == "link":
            target = tmp_path / "elsewhere.png"
            target.write_bytes(data)
            (folder / "devices" / laptop_id / "blobs").mkdir()
            os.symlink(target, folder / "devices" / laptop_id / "blobs" / name)
        else:
            _plant(folder, laptop_id, name, data)

    report = desktop.sync()
    lines = [p for p in report.problems if expected in p]
    assert len(lines) == 1 and "\n" not in lines[0] and "not used" in lines[0], report.problems
    assert f"devices/{laptop_id}/blobs/" in lines[0]
    assert _image(desktop, url) is None and report.blobs_waiting >= 1
    assert url.removeprefix("attachment:") not in _stored(desktop)
    assert _rows(desktop, "Victim") == []


@pytest.mark.parametrize("name", ["not-hex.png", "ABCDEF.png", "0" * 63 + ".png"])
def test_a_badly_named_blob_is_said_and_not_used(tmp_path, name):
    folder, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    image = _png(7)
    url = _url(image)
    _refer(laptop, "Victim", url)
    laptop.sync()
    _plant(folder, _device_id(laptop), name, image)
    report = desktop.sync()
    assert [p for p in report.problems if name in p] == [
        f"devices/{_device_id(laptop)}/blobs/{name} is not a blob (a regular file named "
        "<sha256>.<ext>); not used"
    ]
    assert _stored(desktop) == [] and report.blobs_waiting == 1


def test_sync_tool_leftovers_in_blobs_are_skipped_quietly(tmp_path):
    folder, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    image = _png(8)
    url = _paste(laptop, "Shot", image)
    laptop.sync()
    laptop_id = _device_id(laptop)
    digest = hashlib.sha256(image).hexdigest()
    for name in (
        ".syncthing.abc.png.tmp",
        f"{digest}.sync-conflict-20261102-091500-ABCDEFG.png",
        f"{digest} (desktop's conflicted copy 2026-11-02).png",
        f"{digest} 2.png",
    ):
        _plant(folder, laptop_id, name, b"half")
    report = desktop.sync()
    assert report.problems == [] and _image(desktop, url) == image


# ---------------------------------------------------------------------- encrypted


@pytest.fixture
def pair(tmp_path):
    shared = tmp_path / "Sync"
    shared.mkdir()
    laptop = EncryptedDevice(tmp_path, "laptop", ALPHA)
    desktop = EncryptedDevice(tmp_path, "desktop", BETA)
    laptop.setup(shared)
    desktop.setup(shared, ALPHA)
    yield shared, laptop, desktop
    laptop.forget()
    desktop.forget()
    sealing.use(shared, None)


def test_an_encrypted_folder_carries_the_image_sealed(pair):
    shared, laptop, desktop = pair
    image = _png(9)
    url = _paste(laptop, "Private shot", image)
    laptop.sync()
    (blob,) = _blobs(shared)
    sealed = blob.read_bytes()
    assert sealed.startswith(sealed_files.MAGIC)
    assert PNG_SIGNATURE not in sealed and image[16:40] not in sealed
    report = desktop.sync()
    assert report.problems == [] and report.blobs_stored == 1
    assert _image(desktop, url) == image
    # Stored sealed with the desktop's own key, as its pasted images are.
    (stored,) = desktop.paths.attachments.iterdir()
    assert stored.read_bytes().startswith(sealed_files.MAGIC)
    assert PNG_SIGNATURE not in stored.read_bytes()


@pytest.mark.parametrize("case", ["tampered", "swapped"])
def test_a_tampered_or_swapped_sealed_blob_is_refused(pair, case):
    shared, laptop, desktop = pair
    image, other = _png(10), _png(11)
    url = _paste(laptop, "Victim", image)
    _paste(laptop, "Other", other)
    laptop.sync()
    where = shared / "devices" / _device_id(laptop) / "blobs"
    blob = where / f"{hashlib.sha256(image).hexdigest()}.png"
    if case == "tampered":
        raw = bytearray(blob.read_bytes())
        raw[-5] ^= 1
        blob.write_bytes(bytes(raw))
    else:  # the other image's sealed file under this one's name
        blob.write_bytes((where / f"{hashlib.sha256(other).hexdigest()}.png").read_bytes())
    report = desktop.sync()
    lines = [p for p in report.problems if "does not decrypt with the folder's key" in p]
    assert len(lines) == 1 and blob.name in lines[0], report.problems
    assert _image(desktop, url) is None
    assert _image(desktop, _url(other)) == other  # the untouched one still arrives


def test_references_that_are_not_content_names_are_never_looked_up(tmp_path):
    folder, (laptop, desktop) = devices(tmp_path, "laptop", "desktop")
    with laptop.open() as s:
        s.entries.create(
            day=DAY,
            title="Hostile",
            body="![a](attachment:../../outside.png) ![b](attachment:ABCDEF0123456789.png) "
            "![c](attachment:0123456789abcdef.exe) ![d](attachment:/etc/passwd)",
        )
    laptop.sync()
    (tmp_path / "outside.png").write_bytes(_png(13))
    report = desktop.sync()
    assert report.problems == [] and report.blobs_waiting == 0 and report.blobs_stored == 0
    assert _stored(desktop) == [] and _blobs(folder) == []
