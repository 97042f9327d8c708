"""`task add|list|edit|move|delete` (issues #5, #17): the board's cards from a terminal.

Imported only when a command is parsed; the services are imported when a command runs.
What the user typed is checked before the journal is opened where it can be, and every
change is one transaction, so bad input writes nothing.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from journal_app.cli import common
from journal_app.errors import InvalidInput

_ID_MAX = 2**63 - 1
STATUS_HELP = "the column: todo (To do), doing (Doing) or done (Done)"
PRIORITY_HELP = "none, low, medium or high"


def register(sub: common.SubParsers) -> None:
    """Register `task …` on the top-level subparsers."""
    data_dir = common.data_dir_options()
    an_id = common.positive_int(1, _ID_MAX)

    task = sub.add_parser("task", parents=[data_dir], help="add, list, edit, move, delete tasks")
    action = task.add_subparsers(
        dest="task_action", metavar="ACTION", required=True, parser_class=common.Parser
    )

    add = action.add_parser(
        "add", parents=[data_dir], help="add a task (to the backlog by default); prints its id"
    )
    add.add_argument("title", metavar="TITLE", help="what to do")
    add.add_argument("--sprint", type=an_id, metavar="ID", help="plan it into this sprint")
    add.add_argument("--estimate", type=common.number, metavar="H", help="estimate in hours")
    add.add_argument("--due", metavar="YYYY-MM-DD", help="when it is due")
    add.add_argument("--priority", metavar="P", help=PRIORITY_HELP)

    listing = action.add_parser(
        "list",
        parents=[data_dir],
        help="tasks of a sprint or the backlog",
        description="List tasks in board order: a sprint's (--sprint), the backlog's "
        "(--backlog), or, without either, the backlog's and those of every sprint not closed.",
    )
    where = listing.add_mutually_exclusive_group()
    where.add_argument("--sprint", type=an_id, metavar="ID", help="only this sprint's tasks")
    where.add_argument("--backlog", action="store_true", help="only the backlog")
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    edit = action.add_parser(
        "edit",
        parents=[data_dir],
        help="change a task's details",
        description="Change a task's details; options not given keep their value. All "
        "changes are written together or not at all.",
    )
    edit.add_argument("id", type=an_id, metavar="ID", help="task id")
    edit.add_argument("--title", metavar="TITLE")
    edit.add_argument("--notes", metavar="TEXT", help="Markdown notes ('' to clear)")
    edit.add_argument("--estimate", metavar="H", help="estimate in hours, or 'none'")
    edit.add_argument("--due", metavar="YYYY-MM-DD", help="due date, or 'none'")
    edit.add_argument("--priority", metavar="P", help=PRIORITY_HELP)
    edit.add_argument("--tags", metavar="A,B", help="the labels, comma separated ('' for none)")
    edit.add_argument(
        "--label-color",
        action="append",
        default=[],
        metavar="NAME=#RRGGBB",
        help="the colour of a label (any card's); NAME= for its default colour",
    )
    edit.add_argument(
        "--check-add", action="append", default=[], metavar="TEXT", help="add a checklist item"
    )
    edit.add_argument("--check", action="append", type=an_id, default=[], metavar="N",
                      help="tick checklist item N (1 is the first)")  # fmt: skip
    edit.add_argument("--uncheck", action="append", type=an_id, default=[], metavar="N",
                      help="untick checklist item N")  # fmt: skip
    edit.add_argument("--check-remove", action="append", type=an_id, default=[], metavar="N",
                      help="remove checklist item N")  # fmt: skip
    for kind in ("entry", "resource"):
        edit.add_argument(f"--link-{kind}", action="append", type=an_id, default=[],
                          metavar="ID", help=f"link a journal {kind}")  # fmt: skip
        edit.add_argument(f"--unlink-{kind}", action="append", type=an_id, default=[],
                          metavar="ID", help=f"remove the link to {kind} ID")  # fmt: skip

    move = action.add_parser(
        "move",
        parents=[data_dir],
        help="move a task to another column, sprint or the backlog",
        description="Move a task to another column (--status), another sprint (--sprint) "
        "or back to the backlog (--backlog); it goes to the end of its new column.",
    )
    move.add_argument("id", type=an_id, metavar="ID", help="task id")
    move.add_argument("--status", choices=("todo", "doing", "done"), help=STATUS_HELP)
    target = move.add_mutually_exclusive_group()
    target.add_argument("--sprint", type=an_id, metavar="ID", help="into this sprint")
    target.add_argument("--backlog", action="store_true", help="back to the backlog (to do)")

    delete = action.add_parser("delete", parents=[data_dir], help="delete a task")
    delete.add_argument("id", type=an_id, metavar="ID", help="task id")

    add.set_defaults(handler=_add)
    listing.set_defaults(handler=_list)
    edit.set_defaults(handler=_edit)
    move.set_defaults(handler=_move)
    delete.set_defaults(handler=_delete)


# --------------------------------------------------------------------------- checks


def _maybe_none(option: str, text: str | None, parse: Any) -> Any:
    """UNSET for None, None for 'none', else `parse(text)`."""
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.common import UNSET

    if text is None:
        return UNSET
    if text.strip().lower() == "none":
        return None
    return parse(text)


def _due(text: str | None) -> Any:
    return _maybe_none("--due", text, lambda t: common.parse_day("--due", t))


def _priority(text: str | None) -> Any:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.common import UNSET

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning.rules import check_priority

    return UNSET if text is None else common.checked("--priority", check_priority, text)


def _estimate(text: str | None) -> Any:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning.rules import check_estimate

    def parse(t: str) -> float | None:
        try:
            value = common.number(t)
        except argparse.ArgumentTypeError as exc:
            raise InvalidInput(f"--estimate: {exc}") from None
        return common.checked("--estimate", check_estimate, value)

    return _maybe_none("--estimate", text, parse)


def _colors(values: list[str]) -> list[tuple[str, str | None]]:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning.rules import check_color

    found: list[tuple[str, str | None]] = []
    for value in values:
        name, sep, color = value.partition("=")
        if not sep or not name.strip():
            raise InvalidInput(f"--label-color: write NAME=#rrggbb, not {value!r}")
        checked = common.checked("--label-color", check_color, color) if color else None
        found.append((name.strip(), checked))
    return found


# --------------------------------------------------------------------------- commands


def _add(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.common import Unset

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning import planning_of

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning.rules import check_estimate, check_task_title

    title = common.checked("TITLE", check_task_title, args.title)
    estimate = common.checked("--estimate", check_estimate, args.estimate)
    due, priority = _due(args.due), _priority(args.priority)
    details = {k: v for k, v in (("due", due), ("priority", priority)) if not isinstance(v, Unset)}
    # A sprint can only be in a journal that exists; the backlog may start a new one.
    opened = (
        common.open_existing(args) if args.sprint is not None else Services.open(common.paths(args))
    )
    with opened as services:
        planner = planning_of(services)
        # lazy: building the parser loads no service; a command imports what it runs
        from journal_app.services.common import atomic

        with atomic():  # the task and its details together
            task = planner.add_task(title, sprint_id=args.sprint, estimate_hours=estimate)
            if details:
                planner.update_task(task.id, **details)
    common.write(f"{task.id}\n")
    return 0


def _list(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning import planning_of

    with common.open_existing(args) as services:
        planner = planning_of(services)
        today = planner.today()
        if args.sprint is not None:
            tasks = planner.tasks(args.sprint)
        elif args.backlog:
            tasks = planner.backlog()
        else:
            tasks = planner.backlog()
            for overview in reversed(planner.sprints()):  # earliest sprint first
                if not overview.sprint.closed:
                    tasks += planner.tasks(overview.sprint.id)
        sprints = {s.sprint.id: s.sprint.name for s in planner.sprints()}
        names = {t.id: "Backlog" if t.sprint_id is None else sprints[t.sprint_id] for t in tasks}
    if args.json:
        data = [{**t.as_dict(), "overdue": t.overdue(today)} for t in tasks]
        common.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 0
    if not tasks:
        common.write("No tasks here; add one with 'journal-app task add'\n")
        return 0
    table = [("ID", "Task", "Where", "Status", "Priority", "Due", "Checklist", "Labels")]
    for t in tasks:
        due = "" if t.due is None else t.due.isoformat() + (" overdue" if t.overdue(today) else "")
        table.append(
            (
                str(t.id),
                common.one_line(t.title, 50),
                common.one_line(names[t.id], 20),
                t.status,
                "" if t.priority == 0 else t.priority_name,
                due,
                f"{t.checked}/{len(t.checklist)}" if t.checklist else "",
                " ".join(f"#{tag}" for tag in t.tags),
            )
        )
    common.write(common.columns(table))
    return 0


def _edit(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.common import atomic

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning import planning_of

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning.rules import check_task_title, check_text

    values: dict[str, Any] = {}
    if args.title is not None:
        values["title"] = common.checked("--title", check_task_title, args.title)
    if args.notes is not None:
        values["notes"] = common.checked(
            "--notes", lambda t: check_text(t, "the notes"), args.notes
        )
    for name, value in (
        ("estimate_hours", _estimate(args.estimate)),
        ("due", _due(args.due)),
        ("priority", _priority(args.priority)),
    ):
        # lazy: building the parser loads no service; a command imports what it runs
        from journal_app.services.common import Unset

        if not isinstance(value, Unset):
            values[name] = value
    if args.tags is not None:
        values["tags"] = [t for t in args.tags.split(",") if t.strip()]
    colors = _colors(args.label_color)
    with common.open_existing(args) as services:
        planner = planning_of(services)
        with atomic():  # every change of the command, or none
            task = planner.task(args.id)
            items = [(i.text, i.done) for i in task.checklist]
            touched = args.check + args.uncheck + args.check_remove
            for n in touched:
                if n > len(items):
                    raise InvalidInput(
                        f"task {task.id} has {len(items)} checklist item(s), not {n}"
                    )
            for n in args.check:
                items[n - 1] = (items[n - 1][0], True)
            for n in args.uncheck:
                items[n - 1] = (items[n - 1][0], False)
            for n in sorted(set(args.check_remove), reverse=True):
                del items[n - 1]
            items += [(text, False) for text in args.check_add]
            if touched or args.check_add:
                values["checklist"] = items
            links = [(link.kind, link.target_id) for link in task.links]
            adds = [("entry", i) for i in args.link_entry]
            adds += [("resource", i) for i in args.link_resource]
            drops = {("entry", i) for i in args.unlink_entry}
            drops |= {("resource", i) for i in args.unlink_resource}
            for kind, target in sorted(drops - set(links)):
                raise InvalidInput(f"task {task.id} has no link to {kind} {target}")
            if adds or drops:
                values["links"] = [link for link in links if link not in drops] + adds
            if colors:
                values["label_colors"] = dict(colors)
            if not values:
                raise InvalidInput("nothing to change: give at least one option (see --help)")
            task = planner.update_task(task.id, **values)
    common.write(f"Task {task.id} “{common.one_line(task.title, 80)}” changed\n")
    return 0


def _move(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning import planning_of

    if args.status is None and args.sprint is None and not args.backlog:
        raise InvalidInput("say where to: --status todo|doing|done, --sprint ID or --backlog")
    if args.backlog and args.status not in (None, "todo"):
        raise InvalidInput("the backlog holds work still to do; leave out --status")
    target: dict[str, Any] = {}
    if args.backlog:
        target["sprint_id"] = None
    elif args.sprint is not None:
        target["sprint_id"] = args.sprint
    if args.status is not None and not args.backlog:
        target["status"] = args.status
    with common.open_existing(args) as services:
        planner = planning_of(services)
        task = planner.move_task(args.id, **target)
        where = "the backlog" if task.sprint_id is None else planner.sprint(task.sprint_id).name
    common.write(f"Task {task.id} “{common.one_line(task.title, 80)}” is {task.status} ({where})\n")
    return 0


def _delete(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.planning import planning_of

    with common.open_existing(args) as services:
        planner = planning_of(services)
        task = planner.task(args.id)
        planner.delete_task(task.id)
    common.write(f"Deleted task {task.id} “{common.one_line(task.title, 80)}”\n")
    return 0
