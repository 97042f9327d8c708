"""The board's order across devices: a text rank per task, compared with its uid.

Locally a column (a sprint's tasks of one status, or the backlog) is in ``position``
order, and the planning services keep renumbering it as they like. What travels is
``task.rank``: a key over 0-9A-Za-z (ASCII order, so Python and SQLite compare them the
same), never ending in "0", so there is always one before and one between any two.
Before an export, each column with a changed task gets a rank for every task whose rank
no longer fits its place (the longest run of tasks whose ranks are in order keeps
theirs), between its neighbours': a move writes one rank, and two devices inserting
into one column never renumber each other's cards. Two devices inserting at the same
spot may pick the same rank: (rank, uid) orders them the same everywhere. After
applying, the columns whose tasks changed get their positions rebuilt from (rank, uid).
"""

from __future__ import annotations

import bisect
import string
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from journal_app.db.models import SyncDirty, Task
from journal_app.services.rows import rows

DIGITS = string.digits + string.ascii_uppercase + string.ascii_lowercase
_BACKLOG = ("todo", "doing")

Column = tuple[int | None, str]


def between(low: str | None, high: str | None) -> str:
    """A key sorting strictly between ``low`` and ``high`` (None: no bound)."""
    a = low or ""
    if high is not None and a >= high:
        raise ValueError(f"no key between {low!r} and {high!r}")
    return _mid(a, high)


def _mid(a: str, b: str | None) -> str:
    # After rocicorp/fractional-indexing's midpoint (no integer part): a < b, neither
    # ends in the smallest digit.
    if b is not None:
        n = 0
        while n < len(b) and (a[n] if n < len(a) else DIGITS[0]) == b[n]:
            n += 1
        if n > 0:
            return b[:n] + _mid(a[n:], b[n:])
    low = DIGITS.index(a[0]) if a else 0
    high = DIGITS.index(b[0]) if b is not None else len(DIGITS)
    if high - low > 1:
        return DIGITS[(low + high + 1) // 2]
    if b is not None and len(b) > 1:
        return b[:1]
    return DIGITS[low] + _mid(a[1:], None)


def spread(low: str | None, high: str | None, count: int) -> list[str]:
    """``count`` increasing keys between two bounds, short ones (halving, not appending)."""
    if count <= 0:
        return []
    middle = count // 2
    key = between(low, high)
    return [*spread(low, key, middle), key, *spread(key, high, count - middle - 1)]


def _column(sprint_id: int | None, status: str) -> Column | None:
    if sprint_id is None:
        return None if status == "done" else (None, "todo")
    return (sprint_id, status)


def _where(column: Column) -> tuple[Any, ...]:
    sprint_id, status = column
    if sprint_id is None:
        return (Task.sprint.is_null(), Task.status.in_(_BACKLOG))
    return (Task.sprint == sprint_id, Task.status == status)


def _kept(keys: list[tuple[str, str] | None]) -> set[int]:
    """Indexes of a longest run of strictly increasing keys (patience sorting)."""
    tails: list[tuple[str, str]] = []
    tail_index: list[int] = []
    previous: dict[int, int] = {}
    for i, key in enumerate(keys):
        if key is None:
            continue
        at = bisect.bisect_left(tails, key)
        if at > 0:
            previous[i] = tail_index[at - 1]
        if at == len(tails):
            tails.append(key)
            tail_index.append(i)
        else:
            tails[at] = key
            tail_index[at] = i
    kept: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        kept.add(i)
        i = previous.get(i, -1)
    return kept


def ranks_for(tasks: list[tuple[str | None, str | None]]) -> dict[int, str]:
    """New ranks (by index) for a column given as (rank, uid) in local order."""
    keys = [None if r is None else (r, u or "") for r, u in tasks]
    kept = sorted(_kept(keys))
    # Equal ranks (two devices inserting at one spot) leave no key between them.
    strict: list[int] = []
    for i in kept:
        if strict and tasks[strict[-1]][0] == tasks[i][0]:
            continue
        strict.append(i)
    found: dict[int, str] = {}
    bounds = [-1, *strict, len(tasks)]
    for lo, hi in pairwise(bounds):
        low = tasks[lo][0] if lo >= 0 else None
        high = tasks[hi][0] if hi < len(tasks) else None
        for i, key in zip(range(lo + 1, hi), spread(low, high, hi - lo - 1), strict=True):
            found[i] = key
    return found


def prepare_export() -> None:
    """Give a rank to each task of a changed column whose rank does not fit its place."""
    marked = [int(k) for (k,) in rows(_task_marks()) if k.isdigit()]
    columns: set[Column] = set()
    for first in range(0, len(marked), 400):
        chunk = marked[first : first + 400]
        query = Task.select(Task.sprint, Task.status).where(Task.id.in_(chunk)).tuples()
        columns |= {c for s, st in rows(query) if (c := _column(s, st)) is not None}
    for column in sorted(columns, key=repr):
        query = (
            Task.select(Task.id, Task.rank, Task.uid)
            .where(*_where(column))
            .order_by(Task.position, Task.id)
            .tuples()
        )
        found = list(rows(query))
        for i, rank in ranks_for([(r, u) for _, r, u in found]).items():
            Task.update(rank=rank).where(Task.id == found[i][0]).execute()


def _task_marks() -> Any:
    return SyncDirty.select(SyncDirty.row_key).where(SyncDirty.tbl == "task").tuples()


def rebuild_positions(task_uids: Iterable[str]) -> None:
    """Positions 0..n-1 by (rank, uid) in the columns of the tasks an apply changed."""
    uids = list(task_uids)
    columns: set[Column] = set()
    for first in range(0, len(uids), 400):
        query = Task.select(Task.sprint, Task.status).where(Task.uid.in_(uids[first : first + 400]))
        columns |= {c for s, st in rows(query.tuples()) if (c := _column(s, st)) is not None}
    for column in sorted(columns, key=repr):
        query = Task.select(Task.id, Task.position, Task.rank, Task.uid).where(*_where(column))
        found = sorted(
            rows(query.tuples()),
            key=lambda t: (t[2] is None, t[2] or "", t[3] or "", t[1], t[0]),
        )
        for position, (task_id, old, _, _) in enumerate(found):
            if old != position:
                Task.update(position=position).where(Task.id == task_id).execute()


def board_order() -> dict[str, int]:
    """Each sent task's place in its column as this device shows it (for comparing)."""
    order: dict[str, int] = {}
    query = Task.select(Task.sprint, Task.status, Task.uid).order_by(Task.position, Task.id)
    seen: dict[Column, int] = {}
    for sprint_id, status, uid in rows(query.tuples()):
        column = _column(sprint_id, status)
        if column is None or uid is None:
            continue
        order[uid] = seen.get(column, 0)
        seen[column] = order[uid] + 1
    return order
