"""Images pasted or dropped into entries, kept in the data dir's `attachments/` folder.

A file is named after its content (`<sha256[:16]>.<ext>`), so pasting the same image twice
stores it once. The Markdown refers to it as `attachment:<name>`, and `resolve()` is the
preview's only way to turn such a reference into a file: a regular file directly inside
the folder, never a path, a symlink, a FIFO or a device.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from journal_app.db.models import Attachment, Entry
from journal_app.errors import InvalidInput, JournalError
from journal_app.fsutil import PRIVATE_FILE, fsync_dir, make_private_dir
from journal_app.services.clock import Clock, to_storage

URL_SCHEME = "attachment:"
MAX_BYTES = 25 * 1024 * 1024
# Names `resolve()` accepts: ours are 16 hex digits and an extension; never a path.
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,200}")
_BMP_HEADER_SIZES = {12, 16, 40, 52, 56, 64, 108, 124}


@dataclass(frozen=True)
class AttachmentData:
    id: int
    entry_id: int
    filename: str
    mime: str
    size: int
    url: str  # "attachment:" + filename, what the Markdown links to


def sniff_image(data: bytes) -> tuple[str, str] | None:
    """(extension, MIME type) for PNG, JPEG, GIF, WebP and BMP bytes; None for the rest."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg", "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif", "image/gif"
    if len(data) >= 12 and data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "webp", "image/webp"
    if (
        len(data) >= 26
        and data.startswith(b"BM")
        and int.from_bytes(data[14:18], "little") in _BMP_HEADER_SIZES
    ):
        return "bmp", "image/bmp"
    return None


def _data(row: Any) -> AttachmentData:
    return AttachmentData(
        row.id, row.entry_id, row.filename, row.mime, row.size, URL_SCHEME + row.filename
    )


class AttachmentService:
    def __init__(self, folder: Path, clock: Clock) -> None:
        self._folder = folder
        self._clock = clock

    @property
    def folder(self) -> Path:
        return self._folder

    def add_image(self, entry_id: int, data: bytes, *, mime: str | None = None) -> AttachmentData:
        """Store an image for the entry and return how to refer to it.

        The bytes decide the type (`mime`, the clipboard's claim, is not trusted): PNG,
        JPEG, GIF, WebP or BMP up to 25 MB, anything else is refused with InvalidInput.
        """
        if not isinstance(data, bytes | bytearray | memoryview):
            raise InvalidInput("an image must be bytes")
        data = bytes(data)
        if not data:
            raise InvalidInput("the image is empty")
        if len(data) > MAX_BYTES:
            raise InvalidInput(
                f"the image is {len(data) / 1024 / 1024:.1f} MB; images up to "
                f"{MAX_BYTES // 1024 // 1024} MB can be attached"
            )
        kind = sniff_image(data)
        if kind is None:
            claimed = f" (said to be {mime})" if mime else ""
            raise InvalidInput(
                f"that is not a PNG, JPEG, GIF, WebP or BMP image{claimed}; it was not attached"
            )
        ext, sniffed_mime = kind
        if not Entry.select(Entry.id).where(Entry.id == entry_id).exists():
            raise InvalidInput(f"there is no entry {entry_id}")
        digest = hashlib.sha256(data).hexdigest()
        filename = f"{digest[:16]}.{ext}"
        # The file first, then the row: a row never points at a missing file.
        self._store(filename, data, digest)
        database = Attachment._meta.database
        with database.atomic():
            row = Attachment.get_or_none(
                (Attachment.entry == entry_id) & (Attachment.filename == filename)
            )
            if row is None:
                row = Attachment.create(
                    entry=entry_id,
                    filename=filename,
                    mime=sniffed_mime,
                    size=len(data),
                    sha256=digest,
                    created_at=to_storage(self._clock()),
                )
        return _data(row)

    def _store(self, filename: str, data: bytes, digest: str) -> None:
        target = self._folder / filename
        if _same_content(target, len(data), digest):
            return
        try:
            make_private_dir(self._folder)
            tmp = self._folder / f".{filename}.{os.getpid()}.{os.urandom(4).hex()}.partial"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            fd = os.open(tmp, flags, PRIVATE_FILE)  # not the default 0o777: no executable images
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)  # replaces a symlink itself, never its target
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise
            fsync_dir(self._folder)
        except OSError as exc:
            raise JournalError(
                f"could not save the image in {self._folder}: {exc.strerror or exc}"
            ) from None

    def resolve(self, url_or_filename: str) -> Path | None:
        """The file behind `attachment:<name>` (or a bare name), or None.

        None for anything that is not a regular file directly inside the attachments
        folder: names with separators or '..', hidden names, symlinks, FIFOs, devices.
        """
        if not isinstance(url_or_filename, str):
            return None
        name = url_or_filename
        if name.startswith(URL_SCHEME):
            name = name[len(URL_SCHEME) :]
        if not _SAFE_NAME.fullmatch(name) or ".." in name:
            return None
        path = self._folder / name
        try:
            info = os.lstat(path)  # lstat: a symlink is refused, not followed
            if not stat.S_ISREG(info.st_mode):
                return None
            folder = os.path.realpath(self._folder)
            if os.path.dirname(os.path.realpath(path)) != folder:
                return None
        except (OSError, ValueError):
            return None
        return path

    def list_for(self, entry_id: int) -> list[AttachmentData]:
        query = Attachment.select().where(Attachment.entry == entry_id).order_by(Attachment.id)
        return [_data(row) for row in cast(Iterable[Any], query)]


def _same_content(path: Path, size: int, digest: str) -> bool:
    """True when `path` is already a regular file holding exactly these bytes."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size != size:
            return False
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest() == digest
    except OSError:
        return False
