"""`info` (where the journal is, and its size) and `demo` (fill a data folder).

Imported only when a command is parsed; the services load inside the commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

from journal_app.cli import common
from journal_app.config import is_writable_dir


def register(sub: common.SubParsers) -> None:
    data_dir = common.data_dir_options()
    demo = sub.add_parser(
        "demo", parents=[data_dir], help="fill an empty data folder with a demo journal"
    )
    demo.add_argument("--years", type=common.positive_int(1, 30), default=2, help="default: 2")
    demo.add_argument(
        "--seed", type=common.positive_int(0, 2**31 - 1), default=1, help="default: 1"
    )

    info = sub.add_parser("info", parents=[data_dir], help="where the journal is, and its size")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    demo.set_defaults(handler=_cmd_demo)
    info.set_defaults(handler=_cmd_info)


def _cmd_info(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    paths = common.paths(args, writable=False)
    opened = (
        Services.open(paths) if is_writable_dir(paths.root) else common.open_existing(args, paths)
    )
    with opened as services:
        info = services.info()
    if args.json:
        print(json.dumps(info.as_dict(), indent=2))
        return 0
    rows = [
        ("Data folder", info.data_dir),
        ("Database", info.database),
        ("Schema version", str(info.schema_version)),
        ("Size", f"{info.size_bytes / 1024:,.0f} KiB"),
        ("Entries", f"{info.entries:,}"),
        ("Work sessions", f"{info.sessions:,}"),
        ("Sprints", f"{info.sprints:,}"),
        ("Tasks", f"{info.tasks:,}"),
        ("Outputs", f"{info.outputs:,}"),
        ("Days logged", f"{info.day_logs:,}"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    # lazy: the demo generator loads only when used
    from journal_app.demo.generate import generate_demo

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.instance_lock import InstanceLock

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    paths = common.paths(args)

    def progress(stage: str, fraction: float) -> None:
        print(f"{fraction:4.0%}  {stage}", flush=True)

    with InstanceLock(paths), Services.open(paths) as services:
        summary = generate_demo(
            services, years=args.years, seed=args.seed, today=dt.date.today(), progress=progress
        )
    print(f"Demo journal ready in {paths.root}: {summary.describe()}")
    return 0
