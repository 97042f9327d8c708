"""One entry point for the CLI and the UI: export to a format, import from one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.errors import InvalidInput
from journal_app.services.tracking.timeutil import zone_named
from journal_app.services.transfer.common import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    ExportResult,
    ImportResult,
    Progress,
    no_progress,
)
from journal_app.services.transfer.options import ReadOptions
from journal_app.services.transfer.selection import PRINT_FORMATS, PrintJob, Selection
from journal_app.services.transfer.skips import ImportOptions
from journal_app.services.transfer.target import FOLDER_OUTPUTS, ExportTarget, check_target, staged

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext


# Formats whose import can be previewed (read and counted, nothing written); a preview of
# any other is refused rather than run as an import.
PREVIEW_FORMATS = frozenset(IMPORT_FORMATS) - {"json"}


def _zone(name: str | None) -> dt.tzinfo | None:
    if name is None or not name.strip():
        return None
    found = zone_named(name.strip())
    if found is None:
        raise InvalidInput(f"--tz: {name.strip()!r} is not a time zone name like Europe/Berlin")
    return found


class TransferService:
    def __init__(self, services: TransferContext) -> None:
        self._services = services

    def check_export_target(self, fmt: str, out: Path, *, force: bool = False) -> ExportTarget:
        """Where an export in `fmt` to `out` would go, or InvalidInput (TargetExists when
        only `force` is missing) with one line; writes nothing (target.check_target)."""
        if fmt not in (*EXPORT_FORMATS, *PRINT_FORMATS):
            raise InvalidInput(f"export formats are {', '.join(EXPORT_FORMATS)}, not {fmt!r}")
        return check_target(
            out, folder=fmt in FOLDER_OUTPUTS, data_dir=self._services.paths.root, force=force
        )

    def export_to(
        self,
        fmt: str,
        out: Path,
        *,
        entry_id: int | None = None,
        first: dt.date | None = None,
        last: dt.date | None = None,
        tag: str | None = None,
        sprint_id: int | None = None,
        progress: Progress = no_progress,
        force: bool = False,
    ) -> ExportResult:
        """Write the journal to `out` (a file for json and html, else a new or empty
        folder): checked first (an existing file only with `force`), written under a
        temporary name beside it and renamed into place when complete."""
        if fmt == "html":  # a bad request says so before anything about the place
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.export_html import check_request

            check_request(entry_id, first, last, tag=tag, sprint_id=sprint_id)
        target = self.check_export_target(fmt, out, force=force)
        with staged(target) as stage:
            result = self._export(
                fmt, stage, Selection(entry_id, first, last, tag, sprint_id), progress
            )
        return ExportResult(target.shown, result.counts)

    def _export(
        self,
        fmt: str,
        out: Path,
        chosen: Selection,
        progress: Progress,
    ) -> ExportResult:
        services = self._services
        if fmt == "markdown":
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.export_markdown import export_markdown

            return export_markdown(services, out, progress)
        if fmt == "json":
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.export_json import export_json

            return export_json(services, out, progress)
        if fmt == "csv":
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.export_csv import export_csv

            return export_csv(services, out, progress)
        if fmt == "hugo":
            # lazy: markdown loads only when used
            from journal_app.services.transfer.export_hugo import export_hugo

            return export_hugo(services, out, progress)
        if fmt == "html":
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.export_html import export_html

            return export_html(services, out, **chosen.as_kwargs(), progress=progress)
        raise InvalidInput(f"export formats are {', '.join(EXPORT_FORMATS)}, not {fmt!r}")

    def printable(
        self,
        chosen: Selection,
        *,
        one_per_page: bool = False,
        progress: Progress = no_progress,
    ) -> PrintJob:
        """The entries ``chosen``, laid out for paper as the preview renders them (images
        embedded, code highlighted); the PDF and the printer take it from here (Qt)."""
        # lazy: a format's module loads when that format is used
        from journal_app.services.transfer.export_html import entries_html

        page, count = entries_html(
            self._services, **chosen.as_kwargs(), page_breaks=one_per_page, progress=progress
        )
        return PrintJob(page, count)

    def import_from(
        self,
        fmt: str,
        path: Path,
        *,
        kind: str | None = None,
        mapping: Mapping[str, str] | None = None,
        progress: Progress = no_progress,
        options: ImportOptions | None = None,
        date_format: str | None = None,
        zone: str | None = None,
    ) -> ImportResult:
        """Add what `path` holds that the journal does not have yet, in one transaction
        after a backup. Items that cannot be read are left out and listed in the result
        (`problems`); with `options.strict`, the first refuses the import. A file that
        cannot be read at all raises InvalidInput naming the line or field and changes
        nothing; its message is cut here, for every format, to one line of bounded length,
        and names the --format the file looks like when another was chosen.
        `options.preview` counts what would happen and writes nothing.

        `date_format` reads dates written another way (jrnl's timeformat, or
        'DD.MM.YYYY' in a time log); `zone` (an IANA name) is where a file's times
        without an offset were written, when not the journal's zone."""
        # lazy: the import helpers load when an import runs
        from journal_app.services.transfer.import_files import one_line

        # lazy: the import helpers load when an import runs
        from journal_app.services.transfer.sniff import with_hint

        read = ReadOptions(kind, mapping, date_format, _zone(zone))
        try:
            return self._import(fmt, path, progress, options or ImportOptions(), read)
        except InvalidInput as exc:
            exc.args = (one_line(with_hint(str(exc), fmt, Path(path).expanduser())),)
            raise

    def _import(
        self,
        fmt: str,
        path: Path,
        progress: Progress,
        options: ImportOptions,
        read: ReadOptions,
    ) -> ImportResult:
        services = self._services
        path = Path(path).expanduser()
        if fmt not in IMPORT_FORMATS:
            raise InvalidInput(f"import formats are {', '.join(IMPORT_FORMATS)}, not {fmt!r}")
        if not path.exists():
            raise InvalidInput(f"{path} does not exist")
        if options.preview and fmt not in PREVIEW_FORMATS:
            raise InvalidInput(f"an import of {fmt} cannot be previewed yet")
        if fmt == "markdown":
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.import_markdown import import_markdown

            return import_markdown(services, path, progress, options)
        if fmt == "json":
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.import_json import import_json

            return import_json(services, path, progress)
        if fmt == "jrnl":
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.import_jrnl import import_jrnl

            return import_jrnl(
                services,
                path,
                progress,
                date_format=read.date_format,
                tz=read.tz,
                options=options,
            )
        if fmt == "dayone":
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.import_dayone import import_dayone

            return import_dayone(services, path, progress, options)
        if fmt in ("toggl", "clockify"):
            # lazy: a format's module loads when that format is used
            from journal_app.services.transfer.import_toggl import import_toggl

            return import_toggl(services, path, progress, read, options)
        # lazy: a format's module loads when that format is used
        from journal_app.services.transfer.import_csv import import_csv

        return import_csv(services, path, read, progress, options)
