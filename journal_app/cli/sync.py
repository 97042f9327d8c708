"""`sync setup|now|status|leave`: sync the journal through a folder that Syncthing,
Nextcloud, Dropbox or a USB stick replicates (issue 15, docs/SYNC.md).

Imported only when a command is parsed; the services load inside the commands.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from journal_app.cli import common


def register(sub: common.SubParsers) -> None:
    data_dir = common.data_dir_options()
    sync = sub.add_parser(
        "sync",
        parents=[data_dir],
        help="sync this journal with other machines through a shared folder",
        description="Sync through a folder that a file-sync tool (Syncthing, Nextcloud, "
        "Dropbox …) or a USB stick shares between machines. The live database never goes "
        "there: each machine writes its own change files and merges the others'.",
    )
    group = sync.add_subparsers(
        dest="sync_action", metavar="ACTION", required=True, parser_class=common.Parser
    )
    setup = group.add_parser(
        "setup",
        parents=[data_dir],
        help="start syncing through FOLDER (an empty folder, or one another machine set up)",
        description="Start syncing through FOLDER: an empty folder, or one another machine "
        "set up. An encrypted journal makes an encrypted folder, or joins one with the "
        "passphrase of the folder's key file (read from JOURNAL_APP_PASSPHRASE_FILE, or "
        "asked on the terminal); plain and encrypted journals never share a folder.",
    )
    setup.add_argument("folder", metavar="FOLDER", help="the shared folder")
    setup.add_argument("--name", metavar="NAME", help="this machine's name (default: host name)")
    now = group.add_parser(
        "now", parents=[data_dir], help="send this journal's changes and merge the others'"
    )
    now.add_argument("--json", action="store_true", help="print what was sent and applied as JSON")
    status = group.add_parser(
        "status", parents=[data_dir], help="this machine, the others, the last sync"
    )
    status.add_argument("--json", action="store_true", help="print a JSON object")
    leave = group.add_parser(
        "leave",
        parents=[data_dir],
        help="stop syncing (the journal stays as it is; its files stay in the folder)",
    )
    setup.set_defaults(handler=_setup)
    now.set_defaults(handler=_now)
    status.set_defaults(handler=_status)
    leave.set_defaults(handler=_leave)


def _setup(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.sync.folder_key import create_journal_from

    paths = common.paths(args)
    if create_journal_from(paths, Path(args.folder)):
        print("A new journal was made, encrypted like the sync folder (the same passphrase).")
    with Services.open(paths) as services:
        status = services.sync.setup(Path(args.folder), args.name)
    how = " (encrypted)" if status.encrypted else ""
    print(f"This machine ({status.name}) syncs through {status.folder}{how}; run `sync now`.")
    return 0


def _now(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    with Services.open(common.paths(args, create=False)) as services:
        report = services.sync.now()
    if args.json:
        print(json.dumps(asdict(report), indent=2, ensure_ascii=False))
    else:
        sent = f"sent {report.sent} changes" if report.sent else "nothing to send"
        print(
            f"Synced: {sent}; applied {report.applied_changes} changes from "
            f"{report.applied_segments} files; {report.waiting} files waiting."
        )
        if report.backup:
            print(f"Backed up first (a large or first merge): {report.backup}")
        if report.blobs_sent or report.blobs_stored or report.blobs_waiting:
            print(
                f"Attachments: {report.blobs_sent} sent, {report.blobs_stored} received, "
                f"{report.blobs_waiting} waiting for their file."
            )
        for problem in report.problems:
            print(f"problem: {problem}")
    return 1 if report.problems else 0


def _status(args: argparse.Namespace) -> int:
    with common.open_existing(args) as services:
        status = services.sync.status()
    if args.json:
        print(json.dumps(asdict(status), indent=2, ensure_ascii=False))
        return 0
    lines = [
        f"This machine: {status.name} ({status.device})",
        f"Folder: {status.folder}" + (" (encrypted)" if status.encrypted else ""),
        f"Last sync: {status.last_sync or 'never'}",
        f"Changes waiting to be sent: {status.changes_waiting}",
    ]
    for other in status.devices:
        lines.append(
            f"Other machine: {other.name} ({other.device}), last wrote {other.last_write or '?'}"
            f", {other.applied} of {other.written} files applied"
        )
    lines += [f"problem: {p}" for p in status.problems]
    common.write("\n".join(lines) + "\n")
    return 0


def _leave(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    with Services.open(common.paths(args, create=False)) as services:
        services.sync.leave()
    print("This journal no longer syncs.")
    return 0
