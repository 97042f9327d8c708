"""`markdown`: a folder of `.md` files: our own export, an Obsidian vault of daily notes,
any notes with a date.

The day comes from front matter (`day:` or `date:`), else from the file name
(`2026-03-10.md`, `2026-03-10 Backprop.md`); notes with neither are counted and left
out. The title is the front matter's `title:`, else what the file name holds besides the
date. Images linked with a relative path inside the folder become attachments.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_app.errors import InvalidInput
from journal_app.services.attachments import MAX_BYTES
from journal_app.services.transfer.bulk import (
    EntryWriter,
    NewEntry,
    backup_before_import,
    check_entry,
    image_name,
    import_transaction,
)
from journal_app.services.transfer.common import (
    ImportResult,
    Progress,
    bad_input,
    day_from_name,
    no_progress,
    parse_day,
    read_text,
    split_front_matter,
)
from journal_app.services.transfer.import_files import FolderScan, read_bytes, shown

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

SUFFIXES = (".md", ".markdown")
_IMAGE = re.compile(r"(!\[[^\]\n]*\]\()(<[^>\n]+>|[^)\s]+)((?:\s+\"[^\"\n]*\")?\))")
_DATE_PART = re.compile(r"\d{4}[-_.]?\d{2}[-_.]?\d{2}")


def markdown_files(root: Path, scan: FolderScan | None = None) -> list[Path]:
    """Every Markdown file under `root` an import may read, skipping hidden folders
    (.obsidian, .trash); links out of the folder and special files are counted in
    `scan.skipped` (see import_files)."""
    if not root.is_dir():
        raise InvalidInput(f"{root} is not a folder")
    scan = scan or FolderScan(root)
    return scan.files(lambda name: name.lower().endswith(SUFFIXES))


def _tags(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [t for t in re.split(r"[,\s]+", value) if t]
    if isinstance(value, list) and all(isinstance(t, str | int | float) for t in value):
        return [str(t) for t in value]
    raise bad_input(where, f"tags: {shown(value)} is not a list of names")


def _title_from_name(stem: str) -> str:
    rest = _DATE_PART.sub("", stem, count=1)
    return re.sub(r"\s+", " ", rest.strip(" -_.")).strip()


def read_note(path: Path, root: Path, vault: _Vault | None = None) -> NewEntry | None:
    """The entry a note holds; None when it has no date."""
    where = path.relative_to(root).as_posix()
    meta, body = split_front_matter(read_text(path, where), where)
    raw_day = meta.get("day", meta.get("date"))
    if raw_day is not None:
        day = parse_day(raw_day, f"{where}: {'day' if 'day' in meta else 'date'}")
    else:
        found = day_from_name(path.stem)
        if found is None:
            return None
        day = found
    title = meta.get("title")
    if title is None:
        title = _title_from_name(path.stem)
    visibility = meta.get("visibility")
    if visibility is None:
        visibility = "public" if meta.get("public") is True else "private"
    number = meta.get("number")
    new = NewEntry(
        where=where,
        day=day,
        title=str(title),
        body=body,
        tags=_tags(meta.get("tags"), where),
        series=None if meta.get("series") is None else str(meta["series"]),
        number=number,
        visibility=str(visibility),
        published_url=str(meta.get("published_url") or ""),
    )
    new.body, new.images = _images(new.body, path, vault or _Vault(root), where)
    return check_entry(new)


class _Vault:
    """The import folder's files, for Obsidian's `![[name.png]]` embeds (found by name
    anywhere in the vault, as Obsidian does; indexed on first use)."""

    def __init__(self, root: Path, scan: FolderScan | None = None) -> None:
        self.root = root
        self.scan = scan or FolderScan(root)
        self._by_name: dict[str, Path] | None = None

    def find(self, name: str) -> Path | None:
        if self._by_name is None:
            self._by_name = {}
            for file in FolderScan(self.root).files():  # its skips are not notes: uncounted
                self._by_name.setdefault(file.name.casefold(), file)
        return self._by_name.get(Path(name).name.casefold())

    def readable(self, file: Path) -> bool:
        """A regular file inside the folder (a link to one inside it counts)."""
        return self.scan.inside(file) and self.scan.refusal(file) is None


_EMBED = re.compile(r"!\[\[([^\]|\n]+?)(?:\|[^\]\n]*)?\]\]")


def _images(
    body: str, path: Path, vault: _Vault, where: str
) -> tuple[str, list[tuple[str, bytes]]]:
    """Relative image links and `![[embeds]]` of files inside the folder become
    `attachment:` links; anything else (web addresses, missing files) stays as written."""
    if "![" not in body:
        return body, []
    images: list[tuple[str, bytes]] = []

    def attach(file: Path | None, label: str) -> str | None:
        if file is None or not vault.readable(file):
            return None
        data = read_bytes(file, MAX_BYTES, f"{where}: the image {label}")
        name = image_name(data)
        if name is not None:
            images.append((name, data))
        return name

    def swap(match: re.Match[str]) -> str:
        target = match.group(2).strip("<>")
        if ":" in target or target.startswith(("/", "#", "\\")):
            return match.group(0)  # a web address, an absolute path, an anchor: kept
        name = attach(path.parent / urllib.parse.unquote(target), target)
        if name is None:
            return match.group(0)
        return f"{match.group(1)}attachment:{name}{match.group(3)}"

    def embed(match: re.Match[str]) -> str:
        target = match.group(1).strip()
        name = attach(vault.find(target), target)
        return match.group(0) if name is None else f"![{Path(target).stem}](attachment:{name})"

    body = _IMAGE.sub(swap, body)
    return _EMBED.sub(embed, body), images


def import_markdown(
    services: TransferContext, root: Path, progress: Progress = no_progress
) -> ImportResult:
    scan = FolderScan(root)
    files = markdown_files(root, scan)
    total = len(files)
    notes: list[NewEntry] = []
    undated = 0
    vault = _Vault(root, scan)
    for done, path in enumerate(files):  # read and check everything before writing
        if done % 100 == 0:
            progress(done, total * 2, f"reading {path.name}")
        note = read_note(path, root, vault)
        if note is None:
            undated += 1
        else:
            notes.append(note)
    backup = backup_before_import(services, "markdown")
    writer = EntryWriter(services)
    with import_transaction(len(notes)):
        for done, note in enumerate(notes):
            if done % 100 == 0:
                progress(total + done, total * 2, f"saving {note.where}")
            writer.add(note)
    progress(total * 2, total * 2, "done")
    return ImportResult(
        added={"entries": writer.added, "attachments": writer.images},
        skipped={"entries": writer.skipped},
        backup=backup,
        ignored={"files without a date": undated, **scan.skipped},
    )
