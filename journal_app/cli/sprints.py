"""`sprint add|list|show|start|close` (issues #5, #17); tasks are in `tasks.py`.

Imported only when a command is parsed; the services are imported when a command runs.
Like `new` and `log`, these commands work while the app has the journal open (each
change is one transaction), and what the user typed is checked before the journal is
opened, so bad input writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from journal_app.cli import common

if TYPE_CHECKING:
    from journal_app.services.planning.data import SprintData, TaskData

_ID_MAX = 2**63 - 1


def register(sub: common.SubParsers) -> None:
    """Register `sprint …` on the top-level subparsers (`task …` is cli/tasks.py)."""
    data_dir = common.data_dir_options()

    an_id = common.positive_int(1, _ID_MAX)

    sprint = sub.add_parser("sprint", parents=[data_dir], help="plan, show and close sprints")
    action = sprint.add_subparsers(
        dest="sprint_action", metavar="ACTION", required=True, parser_class=common.Parser
    )
    add = action.add_parser(
        "add",
        parents=[data_dir],
        help="plan a sprint; prints its id",
        description="Plan a sprint of 1 to 8 weeks; prints its id. Without --capacity, the "
        "capacity is suggested from the hours of the last three sprints.",
    )
    add.add_argument("name", metavar="NAME", help='e.g. "Sprint 8"')
    add.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="its first day")
    add.add_argument("--end", required=True, metavar="YYYY-MM-DD", help="its last day")
    add.add_argument("--goal", default="", metavar="G", help="what the sprint is for")
    add.add_argument(
        "--career-goal", default="", metavar="C", help='the goal it serves, e.g. "ML role by June"'
    )
    add.add_argument("--capacity", type=common.number, metavar="H", help="deep-work hours planned")

    listing = action.add_parser("list", parents=[data_dir], help="every sprint, latest first")
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    show = action.add_parser("show", parents=[data_dir], help="a sprint and its tasks")
    show.add_argument("id", type=an_id, metavar="ID", help="sprint id")
    show.add_argument("--json", action="store_true", help="print one JSON object")

    close = action.add_parser(
        "close",
        parents=[data_dir],
        help="close a sprint and write its review; prints the entry's id",
        description="Close a sprint: unfinished tasks roll over to the next sprint or back "
        "to the backlog, and a sprint review entry is written from the template, with the "
        "sprint's figures; prints the entry's id.",
    )
    close.add_argument("id", type=an_id, metavar="ID", help="sprint id")
    close.add_argument(
        "--rollover",
        required=True,
        choices=("next", "backlog"),
        help="where unfinished tasks go",
    )

    start = action.add_parser(
        "start",
        parents=[data_dir],
        help="make a planned sprint the running (active) one",
        description="Mark a planned sprint active: the board and Today open on it. "
        "Refused for a closed sprint, or while another active sprint shares its days.",
    )
    start.add_argument("id", type=an_id, metavar="ID", help="sprint id")

    add.set_defaults(handler=_sprint_add)
    listing.set_defaults(handler=_sprint_list)
    show.set_defaults(handler=_sprint_show)
    close.set_defaults(handler=_sprint_close)
    start.set_defaults(handler=_sprint_start)


# --------------------------------------------------------------------------- sprints


def _sprint_add(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning import planning_of

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning.rules import (
        check_capacity,
        check_span,
        check_sprint_name,
        check_text,
    )

    name = common.checked("NAME", check_sprint_name, args.name)
    start, end = common.parse_day("--start", args.start), common.parse_day("--end", args.end)
    check_span(start, end)
    goal = common.checked("--goal", lambda t: check_text(t, "the goal"), args.goal)
    career = common.checked(
        "--career-goal", lambda t: check_text(t, "the career goal"), args.career_goal
    )
    capacity: Any = {}
    if args.capacity is not None:
        capacity = {"capacity_hours": check_capacity(args.capacity)}
    with Services.open(common.paths(args)) as services:
        sprint = planning_of(services).add_sprint(
            name, start, end, goal=goal, career_goal=career, **capacity
        )
    if args.capacity is None:
        note = (
            "no capacity set: no earlier sprint to suggest one from (use --capacity H)"
            if sprint.capacity_hours is None
            else f"capacity {sprint.capacity_hours:g} h, suggested from the last three sprints"
        )
        print(f"journal-app: note: {note}", file=sys.stderr)
    common.write(f"{sprint.id}\n")
    return 0


def _sprint_list(args: argparse.Namespace) -> int:

    with common.open_existing(args) as services:
        # lazy: building the parser loads no service; a command imports what it runs
        from journal_app.services.planning import planning_of

        found = planning_of(services).sprints()
    if args.json:
        common.write(json.dumps([o.as_dict() for o in found], indent=2, ensure_ascii=False) + "\n")
        return 0
    if not found:
        print("No sprints yet; plan one with 'journal-app sprint add'")
        return 0
    table = [("ID", "Sprint", "Dates", "Status", "Done", "Planned")]
    for o in found:
        s = o.sprint
        capacity = "—" if s.capacity_hours is None else f"{s.capacity_hours:g}"
        table.append(
            (
                str(s.id),
                common.one_line(s.name, 30),
                f"{s.start.isoformat()} – {s.end.isoformat()}",
                s.status,
                f"{o.tasks_done}/{o.tasks_total}",
                f"{o.estimate_hours:g} of {capacity} h",
            )
        )
    common.write(common.columns(table))
    return 0


def _sprint_show(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning import planning_of

    with common.open_existing(args) as services:
        planner = planning_of(services)
        board = planner.board(args.id)
        logged = planner.sprint_hours(args.id)
    sprint = board.sprint
    if args.json:
        data = {
            **sprint.as_dict(),
            "estimate_hours": round(board.estimate_hours, 6),
            "hours_logged": round(logged, 6),
            "tasks": [t.as_dict() for t in board.tasks],
        }
        common.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 0
    common.write(_describe(sprint, board.estimate_hours, logged, board.tasks))
    return 0


def _describe(
    sprint: SprintData, estimate: float, logged: float, tasks: tuple[TaskData, ...]
) -> str:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning.rules import STATUS_LABELS

    capacity = (
        "no capacity set" if sprint.capacity_hours is None else (f"{sprint.capacity_hours:g} h")
    )
    rows = [
        ("Dates", f"{sprint.start.isoformat()} – {sprint.end.isoformat()} ({sprint.days} days)"),
        ("Status", sprint.status),
        ("Goal", sprint.goal or "—"),
        ("Career goal", sprint.career_goal or "—"),
        ("Capacity", f"{capacity}; {estimate:g} h estimated, {logged:.1f} h logged so far"),
    ]
    width = max(len(k) for k, _ in rows)
    lines = [f"{sprint.name} (#{sprint.id})"]
    lines += [f"{key:<{width}}  {common.one_line(value, 200)}" for key, value in rows]
    for status, label in STATUS_LABELS.items():
        column = [t for t in tasks if t.status == status]
        lines.append(f"\n{label} ({len(column)})")
        for t in column:
            estimate_text = "" if t.estimate_hours is None else f"  {t.estimate_hours:g} h"
            tags = "".join(f"  #{tag}" for tag in t.tags)
            lines.append(f"  {t.id:>5}  {common.one_line(t.title, 80)}{estimate_text}{tags}")
    return "\n".join(lines) + "\n"


def _sprint_start(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning import planning_of

    with common.open_existing(args) as services:
        sprint = planning_of(services).start_sprint(args.id)
    common.write(f"{sprint.name} (#{sprint.id}) is active\n")
    return 0


def _sprint_close(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning import planning_of

    with common.open_existing(args) as services:
        closed = planning_of(services).close_sprint(args.id, args.rollover)
    where = "the backlog" if closed.rolled_to is None else closed.rolled_to.name
    print(
        f"journal-app: closed {closed.sprint.name}: {len(closed.done)} done, "
        f"{len(closed.rolled_over)} rolled over to {where}; review entry "
        f"{closed.review_entry_id}",
        file=sys.stderr,
    )
    common.write(f"{closed.review_entry_id}\n")
    return 0
