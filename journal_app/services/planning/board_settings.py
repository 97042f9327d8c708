"""The board's per-journal settings: a work-in-progress limit per column.

Kept in the `setting` table (they travel with the journal), one key per column; a
damaged value reads as no limit.
"""

from __future__ import annotations

from journal_app.db.models import Setting
from journal_app.errors import InvalidInput
from journal_app.services.common import atomic
from journal_app.services.planning.rules import TASK_STATUSES, check_task_status
from journal_app.services.rows import rows
from journal_app.services.tracking.common import put_setting

PREFIX = "board.wip."
MAX_WIP = 999


def wip_limits() -> dict[str, int]:
    query = Setting.select(Setting.key, Setting.value).where(Setting.key.startswith(PREFIX))
    found: dict[str, int] = {}
    for key, value in rows(query.tuples()):
        status = key[len(PREFIX) :]
        if status in TASK_STATUSES and value.isdigit() and 0 < int(value) <= MAX_WIP:
            found[status] = int(value)
    return found


def set_wip_limit(status: object, limit: int | None) -> None:
    column = check_task_status(status)
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, int) or not 0 < limit <= MAX_WIP
    ):
        raise InvalidInput(f"a WIP limit is a number of cards from 1 to {MAX_WIP}, not {limit!r}")
    with atomic():
        if limit is None:
            Setting.delete().where(Setting.key == PREFIX + column).execute()
        else:
            put_setting(PREFIX + column, str(limit))
