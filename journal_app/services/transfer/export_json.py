"""`json`: everything in the journal, lossless, in one file.

Every table is written as columns and rows exactly as stored (dates and times as the
text the database holds), ordered by primary key, with the attachments' bytes in
base64. Nothing depends on when or where it ran, so exporting the same journal twice,
or a journal rebuilt from this file, gives byte-identical output.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_app.errors import JournalError
from journal_app.services.transfer import tables
from journal_app.services.transfer.common import ExportResult, Progress, no_progress

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

FORMAT = "journal-app"
VERSION = 1


def journal_document(services: TransferContext, progress: Progress = no_progress) -> dict[str, Any]:
    infos = tables.journal_tables()
    total = len(infos) + 1
    data: dict[str, Any] = {}
    for done, info in enumerate(infos):
        progress(done, total, f"table {info.name}")
        data[info.name] = {"columns": info.columns, "rows": tables.read_rows(info)}
    files: dict[str, str] = {}
    if "attachment" in data:
        names = sorted(
            {
                row[data["attachment"]["columns"].index("filename")]
                for row in data["attachment"]["rows"]
            }
        )
        for name in names:
            image = services.attachments.read(name)  # decrypted in an encrypted journal
            if image is not None:
                files[name] = base64.b64encode(image).decode("ascii")
    progress(total, total, "attachments")
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema_version": services.schema_version,
        "tables": data,
        "attachments": files,
    }


def export_json(
    services: TransferContext, out: Path, progress: Progress = no_progress
) -> ExportResult:
    document = journal_document(services, progress)
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomically(out, text.encode("utf-8"))
    rows = document["tables"]
    counts = {
        "entries": len(rows.get("entry", {}).get("rows", [])),
        "tables": len(rows),
        "attachments": len(document["attachments"]),
    }
    return ExportResult(out, counts)


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name and rename: a failure leaves no half-written file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise JournalError(f"could not write {path}: {exc.strerror or exc}") from None
