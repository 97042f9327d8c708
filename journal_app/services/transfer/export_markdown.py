"""`markdown`: one `.md` per entry, YAML front matter, `YYYY/MM/` folders, attachments.

Images the entries show are copied to `attachments/` at the top of the export and the
links rewritten to relative paths, so the folder reads well in any Markdown editor
(Obsidian, VS Code, a Git host) and imports back (import_markdown) as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.errors import InvalidInput
from journal_app.services.transfer import reading
from journal_app.services.transfer.common import (
    ExportResult,
    Progress,
    dump_front_matter,
    no_progress,
    slugify,
    unique_name,
    write_bytes,
    write_text,
)

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

ATTACHMENTS = "attachments"


def front_matter(entry: reading.ExportEntry) -> str:
    return dump_front_matter(
        {
            "day": entry.day,
            "title": entry.title,
            "tags": entry.tags,
            "series": entry.series,
            "number": entry.number,
            "visibility": entry.visibility,
            "published_url": entry.published_url or None,
        }
    )


def entry_filename(entry: reading.ExportEntry, taken: set[str]) -> str:
    stem = f"{entry.day.isoformat()}-{slugify(entry.title, fallback='entry', limit=50)}"
    return unique_name(stem, ".md", taken)


def check_output_folder(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InvalidInput(f"{out} is not an empty folder; choose a new or empty one")


def export_markdown(
    services: TransferContext, out: Path, progress: Progress = no_progress
) -> ExportResult:
    check_output_folder(out)
    found = reading.entries()
    total = len(found)
    taken: dict[Path, set[str]] = {}
    copied: set[str] = set()
    for done, entry in enumerate(found):
        if done % 50 == 0:
            progress(done, total, entry.day.isoformat())
        folder = out / f"{entry.day.year:04d}" / f"{entry.day.month:02d}"
        name = entry_filename(entry, taken.setdefault(folder, set()))
        body = entry.body
        for image in reading.attachment_names(body):
            data = services.attachments.read(image)  # decrypted in an encrypted journal
            if data is None:
                continue
            if image not in copied:
                (out / ATTACHMENTS).mkdir(parents=True, exist_ok=True)
                write_bytes(out / ATTACHMENTS / image, data)
                copied.add(image)
            body = body.replace(f"attachment:{image}", f"../../{ATTACHMENTS}/{image}")
        write_text(folder / name, front_matter(entry) + body)
    progress(total, total, "done")
    out.mkdir(parents=True, exist_ok=True)
    return ExportResult(out, {"entries": total, "attachments": len(copied)})
