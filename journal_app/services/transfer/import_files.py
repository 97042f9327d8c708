"""What an import may read, checked in one place: regular files inside the chosen folder,
of a stated size, parsed with bounded depth, every complaint one short line.

Links: a file link that resolves inside the chosen folder is read like the file it
points to (a note kept in two places is one note: the writers skip the second copy);
a file link that leads out of the folder is skipped, and linked folders are never
entered (no loops, no way out). A pipe, socket or device is skipped, never opened for
reading, so it can neither hang nor flood the import. Skips are counted for the summary.
"""

from __future__ import annotations

import json
import os
import reprlib
import stat
from collections import Counter
from pathlib import Path
from typing import Any

from journal_app.errors import InvalidInput
from journal_app.fsutil import read_regular_file

MB = 1024 * 1024
MAX_TEXT_BYTES = 50 * MB  # a note, a CSV, a jrnl export
MAX_JSON_BYTES = 256 * MB  # our JSON export carries the attachments, base64 encoded
MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_JSON_DEPTH = 200
MAX_MESSAGE_CHARS = 300

# Day One's zip: refused before anything is extracted when it would unpack to more
# than this in all, or when a member unpacks to more than MAX_ZIP_RATIO times its
# compressed size (a "zip bomb"; real text compresses 3-20 times, photos barely).
MAX_ZIP_TOTAL = 4 * 1024 * MB
MAX_ZIP_RATIO = 200
ZIP_RATIO_FLOOR = MB  # members smaller than this unpacked cannot do harm

# Reasons a file was skipped, as the summary names them ("ignored 2 special files").
LINK_OUT = "files linking outside the folder"
LINKED_FOLDER = "linked folders (not entered)"
SPECIAL = "special files (pipes, sockets, devices)"


def one_line(message: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """`message` as one line of at most `limit` characters (control characters and runs
    of white space become one space; the cut is marked with '…')."""
    head = message[: limit * 4]  # never walk a huge message
    text = " ".join("".join(" " if ord(c) < 32 or c == "\x7f" else c for c in head).split())
    if len(text) > limit or len(message) > len(head):
        text = text[: limit - 1].rstrip() + "…"
    return text


_SHOWN = reprlib.Repr()
_SHOWN.maxstring = 60
_SHOWN.maxother = 60
_SHOWN.maxlevel = 2
_SHOWN.maxlist = _SHOWN.maxtuple = _SHOWN.maxdict = _SHOWN.maxset = 4


def shown(value: object) -> str:
    """A short repr of a value read from a file, for a message (never its whole size)."""
    return _SHOWN.repr(value)


def size_text(size: int) -> str:
    return f"{size / MB:,.1f} MB" if size >= MB else f"{size:,} bytes"


class FolderScan:
    """The files of a chosen folder an import may read; what it skips, counted."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.skipped: Counter[str] = Counter()

    def files(self, keep: Any = None) -> list[Path]:
        """Readable files under the root, sorted, hidden folders and files left out;
        `keep(name)` chooses by name (all when None)."""
        found: list[Path] = []
        for folder, dirs, names in os.walk(self.root):  # never follows linked folders
            kept = []
            for d in sorted(dirs):
                if d.startswith("."):
                    continue
                if os.path.islink(os.path.join(folder, d)):
                    self.skipped[LINKED_FOLDER] += 1
                    continue
                kept.append(d)
            dirs[:] = kept
            for name in sorted(names):
                if name.startswith(".") or (keep is not None and not keep(name)):
                    continue
                path = Path(folder) / name
                if self.admit(path):
                    found.append(path)
        return found

    def admit(self, path: Path) -> bool:
        """Whether `path` may be read: a regular file, or a link to one inside the root.
        Counts the reason when not."""
        reason = self.refusal(path)
        if reason is not None:
            self.skipped[reason] += 1
            return False
        return True

    def refusal(self, path: Path) -> str | None:
        try:
            if path.is_symlink() and not self.inside(path):
                return LINK_OUT
            mode = path.stat().st_mode
        except OSError:
            return SPECIAL  # a dangling link, or gone since the listing
        return None if stat.S_ISREG(mode) else SPECIAL

    def inside(self, path: Path) -> bool:
        real = os.path.realpath(path)
        return os.path.commonpath([self.real_root, real]) == self.real_root


def read_bytes(path: Path, limit: int, where: str | None = None) -> bytes:
    """The bytes of a regular file, refused up front (by its size on disk) when it is
    larger than `limit`; a pipe or device is refused without being read."""
    label = where or path.name
    try:
        info = path.stat()
    except OSError as exc:
        raise InvalidInput(f"cannot read {label}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(f"{label}: not a regular file (a pipe, socket or device?)")
    if info.st_size > limit:
        raise InvalidInput(
            f"{label}: {size_text(info.st_size)} is larger than the {size_text(limit)} "
            "an import reads per file"
        )
    data = read_regular_file(path, limit)  # O_NONBLOCK + fstat: a swap cannot hang us
    if data is None:
        raise InvalidInput(f"cannot read {label}: it changed while being read")
    return data


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 text (a BOM is dropped); one line naming the line when it is not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput(f"{where}: is UTF-16 text; save it as UTF-8 and import again")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidInput(f"{where} line {line}: is not UTF-8 text") from None


def read_text(path: Path, where: str | None = None, limit: int = MAX_TEXT_BYTES) -> str:
    label = where or path.name
    return decode_text(read_bytes(path, limit, label), label)


def load_json(text: str | bytes, where: str) -> Any:
    """A JSON document; too deep or not JSON: one line naming `where`."""
    if isinstance(text, bytes):
        text = decode_text(text, where)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{where} line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise InvalidInput(f"{where}: nested too deeply to be read") from None
    if _depth_exceeds(document, MAX_JSON_DEPTH):
        raise InvalidInput(f"{where}: nested more than {MAX_JSON_DEPTH} levels deep")
    return document


def _depth_exceeds(document: Any, limit: int) -> bool:
    """Whether lists/objects nest deeper than `limit` (checked without recursion, so
    later code that walks the document recursively cannot overflow)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, dict | list))
    return False


def check_zip(archive: Any, label: str) -> None:
    """Refuse a zip that would unpack to too much, before any member is read."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > ZIP_RATIO_FLOOR and (
            info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1)
        ):
            raise InvalidInput(
                f"{label}: {info.filename} would unpack to {size_text(info.file_size)} from "
                f"{size_text(info.compress_size)}; refused as a likely zip bomb"
            )
    if total > MAX_ZIP_TOTAL:
        raise InvalidInput(
            f"{label}: would unpack to {size_text(total)}, more than the "
            f"{size_text(MAX_ZIP_TOTAL)} an import reads; nothing was imported"
        )


def read_member(archive: Any, name: str, limit: int, label: str) -> bytes:
    """One member of a checked zip, never more than `limit` bytes unpacked."""
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise InvalidInput(
            f"{label}: {name} is {size_text(info.file_size)}, larger than the "
            f"{size_text(limit)} an import reads per file"
        )
    with archive.open(info) as member:
        data: bytes = member.read(limit + 1)
    if len(data) > limit:
        raise InvalidInput(f"{label}: {name} unpacks to more than its stated size")
    return data
