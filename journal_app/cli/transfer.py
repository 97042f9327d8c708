"""`export` and `import` commands (issue #7).

Imported only when a command is parsed; the services load inside the commands.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journal_app.cli import common
from journal_app.errors import InvalidInput

EXPORT_FORMATS = ("markdown", "json", "csv", "hugo", "html", "pdf")
SELECTING_FORMATS = ("html", "pdf")  # one entry, a range, a tag or a sprint
IMPORT_FORMATS = ("markdown", "jrnl", "dayone", "json", "csv", "toggl", "clockify")


def register(sub: common.SubParsers) -> None:
    """Register the commands on the top-level subparsers."""
    data_dir = common.data_dir_options()

    export = sub.add_parser(
        "export",
        parents=[data_dir],
        help="write the journal out as Markdown, JSON, CSV, a Hugo site, HTML or PDF",
        description="Export the journal. markdown: one .md per entry in year/month folders; "
        "json: everything, lossless; csv: sessions, sleep and outputs; hugo: public entries "
        "as a Hugo content folder; html: one self-contained page; pdf: pages for paper, "
        "numbered, with images and highlighted code (html and pdf: --entry, --from/--to, "
        "--tag or --sprint).",
    )
    export.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        metavar="F",
        help=f"one of {', '.join(EXPORT_FORMATS)}",
    )
    export.add_argument(
        "out",
        metavar="OUT",
        help="a new or empty folder; a file for json, html and pdf (never inside the data "
        "folder; the folder it goes into must exist)",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="json, html, pdf: replace OUT if it is an existing file",
    )
    export.add_argument("--entry", type=int, metavar="ID", help="html, pdf: this entry")
    export.add_argument(
        "--from", dest="date_from", type=common.day, metavar="DATE", help="html, pdf: first day"
    )
    export.add_argument(
        "--to", dest="date_to", type=common.day, metavar="DATE", help="html, pdf: last day"
    )
    export.add_argument("--tag", metavar="TAG", help="html, pdf: the entries with this tag")
    export.add_argument(
        "--sprint", dest="sprint_id", type=int, metavar="ID", help="html, pdf: a sprint's entries"
    )
    export.add_argument(
        "--one-per-page", action="store_true", help="pdf: start each entry on a new page"
    )

    imp = sub.add_parser(
        "import",
        parents=[data_dir],
        help="add entries, sessions or sleep from another app or an export",
        description="Import into the journal (a backup is made first; what can be read is "
        "imported in one transaction and what cannot is listed with file, line and reason "
        "— --strict refuses the whole import instead; what is already in the journal is "
        "skipped). markdown: a folder of notes or one .md file (Obsidian, Logseq, Joplin, "
        "Notesnook); jrnl: jrnl's JSON export or its journal file; dayone: Day One's JSON "
        "export (zip, folder or file); json: our own export; csv: sessions, sleep or "
        "outputs (--kind, --map); toggl, clockify: the detailed report's CSV (--map).",
    )
    imp.add_argument(
        "--format",
        required=True,
        choices=IMPORT_FORMATS,
        metavar="F",
        help=f"one of {', '.join(IMPORT_FORMATS)}",
    )
    imp.add_argument("path", metavar="PATH", help="the file or folder to import")
    imp.add_argument(
        "--kind",
        choices=("sessions", "sleep", "outputs"),
        default="sessions",
        help="csv: what the rows are (default: sessions)",
    )
    imp.add_argument(
        "--map",
        metavar="FIELD=COLUMN,...",
        help="csv: which column holds each field, e.g. start=Start,end=End,skill=Project "
        "(sessions: start, end, day, hours, minutes, duration, category, skill, note; "
        "sleep: day, bed, wake, hours, quality, energy, note; outputs: day, kind, title, "
        "status, url, words, sprint, skill); toggl, clockify: category, skill and note "
        "from columns joined with + (default: category=Tags,skill=Project,"
        "note=Description+Task+Client+Tags)",
    )
    imp.add_argument(
        "--date-format",
        metavar="FORMAT",
        help="how the file writes dates when it is ambiguous or unusual: DD.MM.YYYY, "
        "MM/DD/YYYY, DD/MM/YYYY or a strftime pattern; jrnl: the journal's timeformat "
        "(e.g. '%%d.%%m.%%Y %%H:%%M')",
    )
    imp.add_argument(
        "--tz",
        metavar="ZONE",
        help="the time zone the file's times were written in (an IANA name such as "
        "America/New_York; default: the journal's zone)",
    )
    imp.add_argument(
        "--strict",
        action="store_true",
        help="all or nothing: refuse the import if any item cannot be read",
    )
    imp.add_argument(
        "--date-from",
        choices=("note", "mtime"),
        default="note",
        help="markdown: where a note's date comes from when its properties and file name "
        "have none: note (leave it out, listed) or mtime (the file's modification time)",
    )
    imp.add_argument(
        "--report",
        metavar="FILE",
        help="also save the report (what was imported, what was left out and why) to FILE, "
        "a new file",
    )
    imp.add_argument(
        "--preview",
        action="store_true",
        help="read everything and print what would be imported and left out; write nothing "
        "(every format but json)",
    )
    export.set_defaults(handler=_export)
    imp.set_defaults(handler=_import)


def _progress_printer():
    """Progress on stderr: a line per tenth, or one updating line on a terminal."""
    tty = sys.stderr.isatty()
    last = [-1]

    def report(done: int, total: int, what: str) -> None:
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        if tty:
            print(f"\r{percent:3d}%  {what[:60]:<60}", end="", file=sys.stderr, flush=True)
            if percent == 100:
                print(file=sys.stderr)
        elif percent // 10 != last[0] // 10:
            print(f"{percent:3d}%  {what}", file=sys.stderr, flush=True)
        last[0] = percent

    return report


def _export(args: argparse.Namespace) -> int:
    selects = (args.entry, args.date_from, args.date_to, args.tag, args.sprint_id)
    if args.format in SELECTING_FORMATS:
        if all(value is None for value in selects):
            raise InvalidInput(
                f"{args.format} needs --entry ID, --from DATE and --to DATE, --tag TAG "
                "or --sprint ID"
            )
    elif any(value is not None for value in selects):
        raise InvalidInput("--entry, --from, --to, --tag and --sprint go with html or pdf")
    if args.one_per_page and args.format != "pdf":
        raise InvalidInput("--one-per-page goes with --format pdf")
    if args.format == "pdf":
        return _export_pdf(args)
    with common.open_existing(args) as services:
        # lazy: building the parser loads no service; a command imports what it runs
        from journal_app.services.encryption import plaintext_export_warning

        warning = plaintext_export_warning(services.paths)
        if warning is not None:
            print(f"journal-app: warning: {warning}", file=sys.stderr, flush=True)
        result = services.transfer.export_to(
            args.format,
            Path(args.out),
            entry_id=args.entry,
            first=args.date_from,
            last=args.date_to,
            tag=args.tag,
            sprint_id=args.sprint_id,
            progress=_progress_printer(),
            force=args.force,
        )
    common.write(result.summary() + "\n")
    return 0


def _export_pdf(args: argparse.Namespace) -> int:
    with common.open_existing(args) as services:
        # lazy: building the parser loads no service; a command imports what it runs
        from journal_app.services.transfer.selection import Selection

        chosen = Selection(args.entry, args.date_from, args.date_to, args.tag, args.sprint_id)
        target = services.transfer.check_export_target("pdf", Path(args.out), force=args.force)
        job = services.transfer.printable(
            chosen, one_per_page=args.one_per_page, progress=_progress_printer()
        )
    # lazy: Qt's rich text lays out the pages; only this command needs it
    from journal_app.ui.printing.headless import gui_application

    # lazy: as above
    from journal_app.ui.printing.paper import write_pdf

    with gui_application():
        shown = write_pdf(job, target, title=Path(args.out).stem)
    common.write(f"exported {job.entries} entries to {shown}\n")
    return 0


def _import(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.transfer.import_csv import parse_mapping

    if args.format not in ("csv", "toggl", "clockify") and args.map:
        raise InvalidInput("--map goes with --format csv, toggl or clockify")
    mapping = parse_mapping(args.map)
    if args.format in ("toggl", "clockify"):
        # lazy: building the parser loads no service; a command imports what it runs
        from journal_app.services.transfer.import_toggl import effective_mapping, mapping_text

        shown_map = mapping_text(effective_mapping(mapping))
        print(f"journal-app: reading with --map {shown_map}", file=sys.stderr, flush=True)
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.transfer.skips import ImportOptions, save_report

    options = ImportOptions(strict=args.strict, date_from=args.date_from, preview=args.preview)
    if args.report and Path(args.report).expanduser().exists():  # say so before importing
        raise InvalidInput(f"{args.report} already exists; name a new file for the report")

    # Like `new`, this works while the app is open (SQLite serialises the writers); a
    # new data folder is created, so a json export can be restored into it.
    with Services.open(common.paths(args)) as services:
        result = services.transfer.import_from(
            args.format,
            Path(args.path),
            kind=args.kind,
            mapping=mapping,
            progress=_progress_printer(),
            options=options,
            date_format=args.date_format,
            zone=args.tz,
        )
    report = result.report()
    common.write(report)
    if args.report:
        save_report(Path(args.report), report)
    return 0
