"""`hugo`: public entries as a Hugo content folder.

Each entry is a leaf bundle `journal/<day>-<slug>/index.md` (its images beside it), with
YAML front matter Hugo reads: title, date, tags (private ones left out), series, number,
draft: false. Put the folder at a site's `content/` (or mount it) and `hugo` builds it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
from journal_app.services.transfer.export_markdown import check_output_folder
from journal_app.services.transfer.safe_markdown import sanitize_markdown_html

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

SECTION = "journal"


def hugo_front_matter(entry: reading.ExportEntry, listed: set[str]) -> str:
    tags = reading.public_tags(entry.tags, listed)
    return dump_front_matter(
        {
            "title": entry.title or entry.day.isoformat(),
            "date": entry.day.isoformat(),
            "draft": False,
            "tags": tags or None,
            "series": [entry.series] if entry.series else None,
            "number": entry.number,
        }
    )


def export_hugo(
    services: TransferContext, out: Path, progress: Progress = no_progress
) -> ExportResult:
    check_output_folder(out)
    found = reading.entries(public_only=True)
    listed = reading.private_tags()
    section = out / SECTION
    write_text(section / "_index.md", dump_front_matter({"title": "Journal"}))
    taken: set[str] = set()
    images = 0
    for done, entry in enumerate(found):
        if done % 50 == 0:
            progress(done, len(found), entry.day.isoformat())
        stem = f"{entry.day.isoformat()}-{slugify(entry.title, limit=50)}"
        bundle = section / unique_name(stem, "", taken)
        body = reading.strip_private_hashtags(entry.body, listed)
        for name in reading.attachment_names(body):
            data = services.attachments.read(name)  # decrypted in an encrypted journal
            if data is None:
                continue
            bundle.mkdir(parents=True, exist_ok=True)
            write_bytes(bundle / name, data)
            images += 1
            body = body.replace(f"attachment:{name}", name)
        body = sanitize_markdown_html(body)  # a site may render raw HTML: no scripts
        write_text(bundle / "index.md", hugo_front_matter(entry, listed) + body)
    progress(len(found), len(found), "done")
    return ExportResult(out, {"entries": len(found), "attachments": images})
