"""Images pasted or dropped into entries, kept in the data dir's `attachments/` folder.

A file is named after its content (`<sha256[:16]>.<ext>`), so pasting the same image twice
stores it once. The Markdown refers to it as `attachment:<name>`, and `resolve()` is the
preview's only way to turn such a reference into a file: a regular file directly inside
the folder, never a path, a symlink, a FIFO or a device; `read()` gives its bytes.

In an encrypted journal the files are sealed with a key derived from the data key
(db.sealed_files, AES-GCM): `read()` opens them, and files still plain (an interrupted
conversion) are read as they are and sealed by the next tidy-up. Names stay content
hashes of the image, so the same image is still stored once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from journal_app.db import sealed_files
from journal_app.db.models import Attachment, Entry
from journal_app.errors import InvalidInput, JournalError
from journal_app.fsutil import fsync_dir, make_private_dir, read_regular_file
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


# ISO base media brands (bytes 8-12 of an `ftyp` box) that hold sound only or QuickTime.
_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
_QUICKTIME_BRANDS = {b"qt  "}


def sniff_media(data: bytes) -> tuple[str, str] | None:
    """(extension, MIME type) for the other files entries carry — PDF, MP4/QuickTime
    video, M4A/MP3/WAV/AAC/CAF sound — from their bytes; None for the rest."""
    if data.startswith(b"%PDF-"):
        return "pdf", "application/pdf"
    if len(data) >= 12 and data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in _AUDIO_BRANDS:
            return "m4a", "audio/mp4"
        if brand in _QUICKTIME_BRANDS:
            return "mov", "video/quicktime"
        return "mp4", "video/mp4"
    if len(data) >= 12 and data.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return "wav", "audio/wav"
    if data.startswith(b"ID3") or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "mp3", "audio/mpeg"
    if data[:2] in (b"\xff\xf1", b"\xff\xf9"):
        return "aac", "audio/aac"
    if data.startswith(b"caff"):
        return "caf", "audio/x-caf"
    return None


def sniff_file(data: bytes) -> tuple[str, str] | None:
    """An image's or another kept file's (extension, MIME type); None for the rest."""
    return sniff_image(data) or sniff_media(data)


def _data(row: Any) -> AttachmentData:
    return AttachmentData(
        row.id, row.entry_id, row.filename, row.mime, row.size, URL_SCHEME + row.filename
    )


# The data key of the journal when it is encrypted (unlocked), else None.
KeySource = Callable[[], "bytes | None"]


def _no_key() -> bytes | None:
    return None


class AttachmentService:
    def __init__(self, folder: Path, clock: Clock, data_key: KeySource = _no_key) -> None:
        self._folder = folder
        self._clock = clock
        self._data_key = data_key
        self._batch_depth = 0

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Store many files (an import) with one fsync of the folder at the end instead
        of one per file; each file's bytes are still synced before it is renamed in.
        Use it inside the transaction that refers to them: the folder is synced before
        the commit."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0 and self._folder.is_dir():
            fsync_dir(self._folder)

    def _sealing_key(self) -> bytes | None:
        key = self._data_key()
        return None if key is None else sealed_files.attachment_key(key)

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
        return self._add(entry_id, data, ext, sniffed_mime)

    def add_file(self, entry_id: int, data: bytes) -> AttachmentData:
        """Store an image, a PDF, a video or a sound file for the entry (imports bring
        these from other journals); the bytes decide the type, up to 25 MB."""
        data = bytes(data)
        if not data or len(data) > MAX_BYTES:
            raise InvalidInput(
                f"the file is {len(data) / 1024 / 1024:.1f} MB; files from 1 byte to "
                f"{MAX_BYTES // 1024 // 1024} MB can be attached"
            )
        kind = sniff_file(data)
        if kind is None:
            raise InvalidInput(
                "that is not an image, a PDF, a video or a sound file; it was not attached"
            )
        return self._add(entry_id, data, *kind)

    def _add(self, entry_id: int, data: bytes, ext: str, mime: str) -> AttachmentData:
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
                    mime=mime,
                    size=len(data),
                    sha256=digest,
                    created_at=to_storage(self._clock()),
                )
        return _data(row)

    def store_file(self, filename: str, data: bytes) -> None:
        """Keep ``data`` as the attachment file ``filename`` (a content name, checked by
        the caller): sealed in an encrypted journal; nothing written when it is there."""
        if not _SAFE_NAME.fullmatch(filename) or ".." in filename:
            raise InvalidInput(f"{filename!r} is not a name an attachment can have")
        self._store(filename, data, hashlib.sha256(data).hexdigest())

    def _store(self, filename: str, data: bytes, digest: str) -> None:
        target = self._folder / filename
        key = self._sealing_key()
        if self._holds(target, digest, sealed=key is not None):
            return
        try:
            make_private_dir(self._folder)
            stored = data if key is None else sealed_files.seal(key, filename, data)
            sealed_files.write_private(target, stored, sync_folder=self._batch_depth == 0)
        except OSError as exc:
            raise JournalError(
                f"could not save the image in {self._folder}: {exc.strerror or exc}"
            ) from None

    def _holds(self, path: Path, digest: str, *, sealed: bool) -> bool:
        """``path`` is a regular file holding these bytes, sealed when ``sealed`` (a plain
        file in an encrypted journal is written again, sealed)."""
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                return False
        except OSError:
            return False
        raw = read_regular_file(path, MAX_BYTES + 4096)
        if raw is None or sealed_files.is_sealed(raw) != sealed:
            return False
        data = self._open(path.name, raw)
        return data is not None and hashlib.sha256(data).hexdigest() == digest

    def _open(self, filename: str, raw: bytes) -> bytes | None:
        """The image in a file's bytes: unsealed (None when it will not open), or as is."""
        if not sealed_files.is_sealed(raw):
            return raw
        key = self._sealing_key()
        if key is None:
            return None
        try:
            return sealed_files.unseal(key, filename, raw)
        except sealed_files.SealBroken:
            return None

    def read(self, url_or_filename: str) -> bytes | None:
        """The image behind `attachment:<name>` (or a bare name), decrypted in an
        encrypted journal; None for what `resolve()` refuses and for a file that is
        missing, too large or does not decrypt."""
        path = self.resolve(url_or_filename)
        if path is None:
            return None
        raw = read_regular_file(path, MAX_BYTES + 4096)
        return None if raw is None else self._open(path.name, raw)

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
