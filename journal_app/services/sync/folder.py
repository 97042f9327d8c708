"""The sync folder on disk: what each device writes and how another reads it safely.

    <folder>/journal-sync.json              {"format": 1, "app": "self-study-journal"}
    <folder>/devices/<device-id>/device.json
    <folder>/devices/<device-id>/seg-00000001.json   (immutable, numbered from 1)
    <folder>/devices/<device-id>/snap-00000001.json  (immutable: compaction.py)
    <folder>/journal-key.json               (encrypted folders: services.sync.folder_key)

A device writes only under its own ``devices/<id>/``, every file first to a temporary
name in the same folder and then renamed, so a file-sync tool never sees half a file and
no two devices ever write one file. Everything read from the folder is hostile until
checked: only expected names (the ids are 32 lowercase hex digits), regular files (no
links, FIFOs or devices), bounded sizes, valid JSON of the expected shape. What sync
tools leave behind (Syncthing's ``.syncthing.*.tmp`` and ``*.sync-conflict-*``,
Dropbox's and Nextcloud's "conflicted copy", iCloud's "name 2") never matches those
names and is skipped. In a folder of encrypted journals every device file is sealed
(services.sync.sealing) and opened before it is read.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journal_app.errors import JournalError
from journal_app.fsutil import fsync_dir, read_regular_file, temporary_sibling
from journal_app.services.sync import sealing

FORMAT = 1  # the folder's layout
MARKER = "journal-sync.json"
DEVICES = "devices"
DEVICE_FILE = "device.json"
BLOBS = "blobs"  # a device's attachment files (services.sync.blobs)
MAX_SEGMENT_BYTES = 64 * 1024 * 1024  # a bigger file is refused, never read whole
MAX_DEVICE_FILE_BYTES = 64 * 1024
MAX_NAME = 200  # a device name
NEWER = 1 << 30  # the schema given to a segment whose whole layout is newer
ENCRYPTED = "encrypted"  # the marker's field for a folder of encrypted journals
SEALED_WITH = "aes-256-gcm"

DEVICE_ID = re.compile(r"^[0-9a-f]{32}$")
SEGMENT_NAME = re.compile(r"^seg-([0-9]{8})\.json$")
SNAPSHOT_NAME = re.compile(r"^snap-([0-9]{8})\.json$")


class FolderRefused(JournalError):
    """Something in the sync folder is not what this app writes (one line)."""


@dataclass(frozen=True)
class DeviceInfo:
    device: str
    name: str
    last_write: str  # ISO instant, as the device wrote it
    seq: int  # its newest segment
    # The segments of each other device it has applied (what compaction may drop).
    applied: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Segment:
    device: str
    seq: int
    schema: int
    deps: dict[str, int]
    changes: list[dict[str, Any]]


@dataclass
class FolderListing:
    """What the folder holds: each device's segment numbers, and what was skipped."""

    segments: dict[str, list[int]] = field(default_factory=dict)
    snapshots: dict[str, list[int]] = field(default_factory=dict)  # compaction.py's
    ignored: list[str] = field(default_factory=list)  # names of leftovers and strangers


def segment_name(seq: int) -> str:
    return f"seg-{seq:08d}.json"


def device_dir(folder: Path, device: str) -> Path:
    if not DEVICE_ID.match(device):
        raise FolderRefused(f"not a device id: {device[:40]!r}")
    return folder / DEVICES / device


def write_json_new(
    path: Path,
    document: dict[str, Any],
    *,
    replace: bool = False,
    seal: Callable[[bytes], bytes] | None = None,
) -> None:
    """Write to a temporary name beside ``path``, then rename: readers never see half.
    A segment is never replaced (``replace`` only for this device's own device.json).
    ``seal`` encrypts the bytes (a folder of encrypted journals: sealing.seal_for)."""
    data = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    raw = data.encode("utf-8")
    if seal is not None:
        raw = seal(raw)
    tmp = temporary_sibling(path)
    try:
        with open(tmp, "xb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        if not replace and path.exists():
            raise FolderRefused(f"{path.name} already exists in the sync folder")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def prepare(folder: Path, device: str, *, encrypted: bool = False) -> Path:
    """The folder ready for this device: marker and own subfolder made when missing
    (``encrypted``: the marker says the folder's files are sealed, services.sync.sealing)."""
    if not folder.is_dir():
        raise FolderRefused(f"{folder} is not a folder")
    marker = folder / MARKER
    if marker.is_symlink() or (marker.exists() and not marker.is_file()):
        raise FolderRefused(f"{marker} is not a file")
    if not marker.exists():
        doc: dict[str, Any] = {"format": FORMAT, "app": "self-study-journal"}
        if encrypted:
            doc[ENCRYPTED] = SEALED_WITH
        write_json_new(marker, doc, replace=True)
    else:
        check_marker(folder)
    own = device_dir(folder, device)
    own.mkdir(parents=True, exist_ok=True)
    if own.is_symlink() or (folder / DEVICES).is_symlink():
        raise FolderRefused(f"{own} is a link; the sync folder must hold real folders")
    return own


def check_marker(folder: Path) -> None:
    raw = read_regular_file(folder / MARKER, MAX_DEVICE_FILE_BYTES)
    doc = _json(raw, MARKER)
    fmt = doc.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise FolderRefused(f"{MARKER} has no format number")
    if fmt > FORMAT:
        raise FolderRefused(
            f"the sync folder was written by a newer version (format {fmt}); "
            "update the app on this machine"
        )


def is_encrypted(folder: Path) -> bool:
    """The marker says every device file is sealed (a folder of encrypted journals)."""
    raw = read_regular_file(folder / MARKER, MAX_DEVICE_FILE_BYTES)
    value = _json(raw, MARKER).get(ENCRYPTED)
    if value is not None and value != SEALED_WITH:
        raise FolderRefused(f"{MARKER} names an unknown encryption; update the app on this machine")
    return value is not None


def is_sync_folder(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def listing(folder: Path) -> FolderListing:
    """The devices and their segments; anything else is skipped, never followed."""
    found = FolderListing()
    root = folder / DEVICES
    if not root.is_dir() or root.is_symlink():
        return found
    with os.scandir(root) as devices:
        for entry in devices:
            if not DEVICE_ID.match(entry.name) or not entry.is_dir(follow_symlinks=False):
                found.ignored.append(f"{DEVICES}/{entry.name}")
                continue
            numbers: list[int] = []
            snapshots: list[int] = []
            with os.scandir(entry.path) as files:
                for item in files:
                    match = SEGMENT_NAME.match(item.name)
                    snap = SNAPSHOT_NAME.match(item.name)
                    if match and item.is_file(follow_symlinks=False):
                        numbers.append(int(match[1]))
                    elif snap and item.is_file(follow_symlinks=False):
                        snapshots.append(int(snap[1]))
                    elif item.name == BLOBS and item.is_dir(follow_symlinks=False):
                        continue  # read by services.sync.blobs
                    elif item.name != DEVICE_FILE:
                        found.ignored.append(f"{DEVICES}/{entry.name}/{item.name}")
            found.segments[entry.name] = sorted(numbers)
            if snapshots:
                found.snapshots[entry.name] = sorted(snapshots)
    return found


def read_device(folder: Path, device: str) -> DeviceInfo | None:
    """A device's own description, or None when it is missing or not readable."""
    path = device_dir(folder, device) / DEVICE_FILE
    if path.is_symlink():
        return None
    raw = read_regular_file(path, MAX_DEVICE_FILE_BYTES)
    if raw is None:
        return None
    try:
        raw = sealing.unseal_for(folder, raw, device, "device", 0)
        doc = _json(raw, DEVICE_FILE)
    except (FolderRefused, sealing.Unsealable):
        return None
    name, last, seq = doc.get("name"), doc.get("last_write"), doc.get("seq")
    if doc.get("device") != device or not isinstance(name, str) or not isinstance(last, str):
        return None
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        return None
    applied = doc.get("applied")  # missing (an older app): it applied nothing we know of
    if not isinstance(applied, dict) or not all(
        isinstance(k, str) and DEVICE_ID.match(k) and _count(v) for k, v in applied.items()
    ):
        applied = {}
    return DeviceInfo(device, name[:MAX_NAME], last[:40], seq, dict(applied))


def write_device(folder: Path, info: DeviceInfo) -> None:
    doc = {
        "format": FORMAT,
        "device": info.device,
        "name": info.name,
        "last_write": info.last_write,
        "seq": info.seq,
        "applied": info.applied,
    }
    path = device_dir(folder, info.device) / DEVICE_FILE

    def seal(raw: bytes) -> bytes:
        return sealing.seal_for(folder, raw, info.device, "device", 0)

    write_json_new(path, doc, replace=True, seal=seal)


def write_segment(folder: Path, segment: Segment, written: str) -> None:
    doc = {
        "format": FORMAT,
        "schema": segment.schema,
        "device": segment.device,
        "seq": segment.seq,
        "deps": segment.deps,
        "written": written,
        "changes": segment.changes,
    }
    path = device_dir(folder, segment.device) / segment_name(segment.seq)

    def seal(raw: bytes) -> bytes:
        return sealing.seal_for(folder, raw, segment.device, "segment", segment.seq)

    write_json_new(path, doc, seal=seal)


def read_device_file(
    folder: Path, device: str, file_name: str, kind: str, number: int, limit: int
) -> tuple[str, bytes]:
    """The name (for messages) and bytes of one of a device's numbered files (a segment,
    a snapshot): a regular file of at most ``limit`` bytes, never a link, unsealed in an
    encrypted folder; FolderRefused (one line) when it is none of that."""
    name = f"{DEVICES}/{device}/{file_name}"
    path = device_dir(folder, device) / file_name
    if path.is_symlink():
        raise FolderRefused(f"{name} is a link, not a file")
    raw = read_regular_file(path, limit)
    if raw is None:
        raise FolderRefused(f"{name} is not a regular file of at most {limit >> 20} MB")
    try:
        return name, sealing.unseal_for(folder, raw, device, kind, number)
    except sealing.Unsealable as error:
        raise FolderRefused(f"{name} {error}") from None


def read_segment(folder: Path, device: str, seq: int) -> Segment:
    """One segment, its envelope checked; FolderRefused (one line) when it is not one."""
    name, raw = read_device_file(
        folder, device, segment_name(seq), "segment", seq, MAX_SEGMENT_BYTES
    )
    doc = _json(raw, name)
    fmt, schema = doc.get("format"), doc.get("schema")
    if not isinstance(fmt, int) or not isinstance(schema, int) or not _count(fmt):
        raise FolderRefused(f"{name} has no format or schema number")
    if not _count(schema):
        raise FolderRefused(f"{name} has no format or schema number")
    if doc.get("device") != device or doc.get("seq") != seq:
        raise FolderRefused(f"{name} names another device or number inside")
    if fmt > FORMAT:  # a newer layout: kept, unread, for a newer app
        return Segment(device, seq, NEWER, {}, [])
    deps, changes = doc.get("deps"), doc.get("changes")
    if not isinstance(deps, dict) or not all(
        isinstance(k, str) and DEVICE_ID.match(k) and _count(v) for k, v in deps.items()
    ):
        raise FolderRefused(f"{name} has a bad list of the segments it depends on")
    if not isinstance(changes, list) or not all(isinstance(c, dict) for c in changes):
        raise FolderRefused(f"{name} has no list of changes")
    return Segment(device, seq, schema, dict(deps), changes)


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _json(raw: bytes | None, name: str) -> dict[str, Any]:
    if raw is None:
        raise FolderRefused(f"{name} is missing, too big or not a regular file")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise FolderRefused(f"{name} is not valid JSON ({str(error)[:80]})") from None
    if not isinstance(doc, dict):
        raise FolderRefused(f"{name} is not a JSON object")
    return doc
