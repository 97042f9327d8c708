"""Attachments through the sync folder: content-addressed files, written once, checked
by hash before use (docs/SYNC.md, "Attachments").

    <folder>/devices/<device-id>/blobs/<sha256>.<ext>

A device writes the files its attachments hold into its own ``blobs/`` (temporary name,
fsync, rename; never replaced), unless a blob of that name is already in some device's
``blobs/``: an image travels once, whichever device had it first. In a folder of
encrypted journals a blob is sealed like every device file, its associated data naming
the blob (``blob:<sha256>.<ext>``) and the device, so a blob renamed or moved does not
open.

Nothing about attachments travels in the segments: an entry's body refers to
``attachment:<sha256[:16]>.<ext>`` and everything in the local Attachment row (entry,
name, type, size, hash) follows from the body and the bytes. After applying, every
reference whose file is missing here is *wanted*; a wanted file is looked for in every
device's ``blobs/``, read as hostile (regular file, no links, at most
attachments.MAX_BYTES), its SHA-256 checked against its name and its type against its
extension, and stored through the attachments service (sealed in an encrypted journal).
A blob not there yet is looked for again at the next `sync now`: the body is the list of
what is wanted, so it cannot get out of step.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from journal_app.db import sealed_files
from journal_app.db.models import Attachment, Entry
from journal_app.errors import JournalError
from journal_app.fsutil import fsync_dir, read_regular_file, temporary_sibling
from journal_app.services import attachments as attachments_module
from journal_app.services.attachments import AttachmentService, sniff_file
from journal_app.services.common import atomic
from journal_app.services.rows import rows
from journal_app.services.sync import folder, sealing

BLOBS = folder.BLOBS
# The kinds the attachments service keeps (attachments.sniff_file's extensions).
_EXTENSIONS = "png|jpg|gif|webp|bmp|pdf|mp4|mov|m4a|wav|mp3|aac|caf"
BLOB_NAME = re.compile(rf"^([0-9a-f]{{64}})\.({_EXTENSIONS})$")
# A name that means to be a blob (a known extension) but is not one: said, not skipped.
_LOOKS_LIKE_BLOB = re.compile(rf"^[^.].*\.({_EXTENSIONS})$")
# Copies sync tools make of a file (Syncthing, Dropbox/Nextcloud, iCloud): skipped quietly.
_TOOL_COPY = re.compile(r"\.sync-conflict-|conflicted copy| [0-9]+\.[A-Za-z0-9]+$")
# What an entry's body refers to: attachments.AttachmentService names its files so.
REFERENCE = re.compile(rf"attachment:([0-9a-f]{{16}}\.(?:{_EXTENSIONS}))(?![A-Za-z0-9_-])")
_LOCAL_NAME = re.compile(rf"^[0-9a-f]{{16}}\.({_EXTENSIONS})$")
# A sealed blob is the image and 36 bytes (sealed_files' header and tag).
_MAX_BLOB_BYTES = attachments_module.MAX_BYTES + sealed_files.HEADER_BYTES + sealed_files.TAG_BYTES


@dataclass
class BlobReport:
    sent: int = 0  # blobs this device wrote
    stored: int = 0  # attachment files stored here from blobs
    waiting: int = 0  # attachments entries refer to whose blob is not (validly) there yet
    problems: list[str] = field(default_factory=list)


def kind(name: str) -> str:
    """The sealing kind of a blob: binds its sealed bytes to its name."""
    return f"blob:{name}"


def _where(device: str, name: str) -> str:
    return f"{folder.DEVICES}/{device}/{BLOBS}/{name}"


def present(root: Path, report: BlobReport | None = None) -> dict[str, list[str]]:
    """Blob name → the devices whose ``blobs/`` hold it. Links, non-files and names that
    are not ``<sha256>.<ext>`` are never used; those that look meant as blobs are said."""
    found: dict[str, list[str]] = {}
    for device in sorted(folder.listing(root).segments):
        where = folder.device_dir(root, device) / BLOBS
        try:
            if not where.is_dir() or where.is_symlink():
                continue
            with os.scandir(where) as items:
                names = [(i.name, i.is_file(follow_symlinks=False), i.is_symlink()) for i in items]
        except OSError:
            continue
        for name, regular, link in sorted(names):
            if BLOB_NAME.match(name) and regular:
                found.setdefault(name, []).append(device)
            elif report is not None and BLOB_NAME.match(name):
                what = "a link, not a file" if link else "not a regular file"
                report.problems.append(f"{_where(device, name)} is {what}; not used")
            elif report is not None and _meant_as_blob(name):
                report.problems.append(
                    f"{_where(device, name)} is not a blob (a regular file named "
                    "<sha256>.<ext>); not used"
                )
    return found


def _meant_as_blob(name: str) -> bool:
    """Named like a blob (a kept kind's extension) but not a sync tool's copy."""
    return _LOOKS_LIKE_BLOB.match(name) is not None and _TOOL_COPY.search(name) is None


# ---------------------------------------------------------------------- sending


def publish(root: Path, device: str, service: AttachmentService, report: BlobReport) -> None:
    """Write the blobs of this journal's attachments that no device's ``blobs/`` holds."""
    there = present(root)
    own = folder.device_dir(root, device) / BLOBS
    query = Attachment.select(Attachment.filename, Attachment.sha256).distinct().tuples()
    for filename, digest in rows(query):
        match = _LOCAL_NAME.match(filename or "")
        if match is None or not re.fullmatch(r"[0-9a-f]{64}", digest or ""):
            continue  # not a content name (older rows): nothing to check it by
        if not digest.startswith(filename[:16]):
            continue
        name = f"{digest}.{match[1]}"
        if name in there:
            continue
        data = service.read(filename)
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            continue  # missing or altered here: never send what does not match its name
        try:
            if not own.is_dir():
                own.mkdir()
            if own.is_symlink():
                raise JournalError(f"{own} is a link")
            _write_once(own / name, sealing.seal_for(root, data, device, kind(name), 0))
        except (OSError, JournalError) as error:
            report.problems.append(f"could not write {_where(device, name)}: {error}")
            return
        there[name] = [device]
        report.sent += 1


def _write_once(path: Path, data: bytes) -> None:
    """A new file by temporary name and rename; one already there is left as it is."""
    if path.exists() or path.is_symlink():
        return
    tmp = temporary_sibling(path)
    try:
        with open(tmp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists() or path.is_symlink():
            return
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)


# ---------------------------------------------------------------------- receiving


def wanted(service: AttachmentService) -> dict[str, list[int]]:
    """Attachment file name → the entries that refer to it, for files missing here."""
    query = Entry.select(Entry.id, Entry.body).where(Entry.body.contains("attachment:"))
    found: dict[str, list[int]] = {}
    for entry_id, body in cast(Iterable[Any], query.tuples()):
        for name in dict.fromkeys(REFERENCE.findall(body or "")):
            if service.resolve(name) is None:
                found.setdefault(name, []).append(entry_id)
    return found


def fetch(root: Path, service: AttachmentService, report: BlobReport) -> None:
    """Store the wanted attachment files whose blobs are in the folder and check out."""
    missing = wanted(service)
    there = present(root, report)
    by_local: dict[str, list[str]] = {}
    for name in there:
        digest, ext = name.split(".")
        by_local.setdefault(f"{digest[:16]}.{ext}", []).append(name)
    for filename, entries in sorted(missing.items()):
        data = None
        for name in by_local.get(filename, []):
            for device in there[name]:
                data = _checked(root, device, name, report)
                if data is not None:
                    break
            if data is not None:
                break
        if data is None:
            report.waiting += 1
            continue
        try:
            # No service.batch(): the window's thread may paste meanwhile; one fsync a file.
            with atomic():
                for entry_id in entries:
                    service.add_file(entry_id, data)
        except JournalError as error:
            report.problems.append(f"{filename}: {error}")
            continue
        report.stored += 1


def _checked(root: Path, device: str, name: str, report: BlobReport) -> bytes | None:
    """A blob's bytes, opened and checked against its name; None (and a problem line)
    when it is not what its name says."""
    where = _where(device, name)
    path = folder.device_dir(root, device) / BLOBS / name
    if path.is_symlink():
        report.problems.append(f"{where} is a link, not a file; not used")
        return None
    raw = read_regular_file(path, _MAX_BLOB_BYTES)
    if raw is None:
        report.problems.append(
            f"{where} is not a regular file of at most "
            f"{attachments_module.MAX_BYTES // 1024 // 1024} MB; not used"
        )
        return None
    try:
        data = sealing.unseal_for(root, raw, device, kind(name), 0)
    except sealing.Unsealable as error:
        report.problems.append(f"{where} {error}; not used")
        return None
    digest, ext = name.split(".")
    if len(data) > attachments_module.MAX_BYTES:
        report.problems.append(
            f"{where} is larger than {attachments_module.MAX_BYTES // 1024 // 1024} MB; not used"
        )
        return None
    if hashlib.sha256(data).hexdigest() != digest:
        report.problems.append(f"{where} does not hold what its name's SHA-256 says; not used")
        return None
    sniffed = sniff_file(data)
    if sniffed is None or sniffed[0] != ext:
        report.problems.append(f"{where} is not the .{ext} file its name says; not used")
        return None
    return data
