"""Seconds of deep work per local day, and hours of sleep per night: the one aggregation
every figure of tracking comes from (Today view, Dashboard, skill ledgers, CLI JSON).

Sessions are stored whole and split at local midnight when read. On SQLite the days are
grouped in SQL (sqlfn.daily_rows); only sessions that cross midnight or start before the
range come back whole and are split here. Other engines take the portable path, which
fetches the overlapping sessions and splits each (tests check both paths agree).

Clock time counts once. Sessions may overlap (the CLI's --allow-overlap, the dialog's
"save anyway", imports), so every sum here is of the union of the sessions: a second
covered by several sessions is credited to the one that started first (then the lowest
id), and `_counted_twice` finds the pieces the plain sums counted again, to subtract.
So day, week, streak, skill and dashboard figures agree and never exceed the clock.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Literal

from peewee import JOIN, fn

from journal_app.db.models import Category, DayLog, WorkSession
from journal_app.services.rows import rows
from journal_app.services.tracking import sqlfn
from journal_app.services.tracking.timeutil import day_bounds, from_storage, split_by_day

Key = Literal["side", "skill", "resource", "none", "side_skill"]
DayKey = tuple[dt.date, Any]

_UTC = dt.UTC


def _key_column(key: Key) -> Any:
    if key == "side":
        return Category.side
    if key == "skill":
        return WorkSession.skill
    if key == "resource":
        return WorkSession.resource
    if key == "side_skill":  # "side|skill id", '' for none: see side_and_skill
        side = fn.COALESCE(Category.side, "")
        return side.concat("|").concat(fn.COALESCE(WorkSession.skill, ""))
    return fn.NULLIF(0, 0)


def _select(key: Key, *columns: Any) -> Any:
    query = WorkSession.select(*columns, _key_column(key))
    if key in ("side", "side_skill"):
        query = query.join(
            Category, JOIN.LEFT_OUTER, on=(WorkSession.category == Category.id)
        ).switch(WorkSession)
    return query


def _as_naive(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(_UTC).replace(tzinfo=None)


def _sql(query: Any) -> tuple[str, list[Any]]:
    sql, params = query.sql()
    return sql, list(params)


def daily_seconds(
    first: dt.date, last: dt.date, tz: dt.tzinfo, *, key: Key = "side"
) -> dict[DayKey, float]:
    """{(local day, key value): seconds of finished sessions on that day} for the days
    `first`..`last`; key "side" gives 'production'/'consumption'/None (no category),
    "skill"/"resource" the linked id or None, "none" always None. Days and keys with
    nothing logged are absent."""
    if last < first:
        return {}
    lo, hi = day_bounds(first, last, tz)
    totals: dict[DayKey, float] = defaultdict(float)
    spanning: Iterable[tuple[dt.datetime, dt.datetime, Any]]
    if sqlfn.native():
        grouped, spanning = sqlfn.daily_rows(lo, hi, tz, key)
        for day, value, seconds in grouped:
            totals[(day, value)] += float(seconds)
    else:
        start, end = WorkSession.start, WorkSession.end
        query = _select(key, start, end).where(
            end.is_null(False), end > _as_naive(lo), start < _as_naive(hi), end > start
        )
        spanning = rows(query.tuples())
    for start_at, end_at, value in spanning:
        _add_parts(totals, start_at, end_at, value, lo, hi, tz, 1)
    for start_at, end_at, value in _counted_twice(key, lo, hi):
        _add_parts(totals, start_at, end_at, value, lo, hi, tz, -1)
    return {k: seconds for k, seconds in totals.items() if seconds > 0}


def side_and_skill(
    first: dt.date, last: dt.date, tz: dt.tzinfo
) -> tuple[dict[DayKey, float], dict[DayKey, float]]:
    """`daily_seconds` by "side" and by "skill" from one read of the sessions (the
    Dashboard needs both over the whole journal). Whole seconds add up exactly, so each
    equals its own call's result."""
    by_side: dict[DayKey, float] = defaultdict(float)
    by_skill: dict[DayKey, float] = defaultdict(float)
    split: dict[str, tuple[str | None, int | None]] = {}
    for (day, value), seconds in daily_seconds(first, last, tz, key="side_skill").items():
        keys = split.get(value)
        if keys is None:
            side, _, skill = str(value).partition("|")
            keys = split[value] = (side or None, int(skill) if skill else None)
        by_side[(day, keys[0])] += seconds
        by_skill[(day, keys[1])] += seconds
    return dict(by_side), dict(by_skill)


def _add_parts(
    totals: dict[DayKey, float],
    start_at: Any,
    end_at: Any,
    value: Any,
    lo: dt.datetime,
    hi: dt.datetime,
    tz: dt.tzinfo,
    sign: int,
) -> None:
    begin = max(from_storage(start_at), lo)
    stop = min(from_storage(end_at), hi)
    for part in split_by_day(begin, stop, tz):
        totals[(part.day, value)] += sign * part.duration.total_seconds()


def _instant(value: Any) -> dt.datetime:
    """A stored instant (the native path reads them as SQLite's text)."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


Covered = list[tuple[int, dt.datetime, dt.datetime]]
# The last sweep and the journal state it read (sqlfn.change_mark): figures asked for
# together (the Dashboard's, Today's) share one read of the sessions.
_LAST: list[tuple[tuple[Any, ...], Covered]] = []


def _sweep() -> Covered:
    """(id, start, end of the covered part) of each finished session that starts before
    an earlier one ends (naive UTC). "Earlier" is by start, then id; those earlier
    sessions cover [its start, the latest end among them), so one pass in that order
    finds them all. The rows come in index order; on SQLite as the stored text, which
    sorts as the instants do (a window function in SQL is several times slower)."""
    start, end = WorkSession.start, WorkSession.end
    query = (
        WorkSession.select(WorkSession.id, start, end)
        .where(end.is_null(False), end > start)
        .order_by(start, WorkSession.id)
    )
    found = sqlfn.raw(*_sql(query)) if sqlfn.native() else rows(query.tuples())
    covered: Covered = []
    reach: Any = None
    for session_id, begin, stop in found:
        if reach is not None and reach > begin:
            covered.append((session_id, _instant(begin), _instant(min(reach, stop))))
        if reach is None or stop > reach:
            reach = stop
    return covered


def _covered(lo: dt.datetime | None, hi: dt.datetime | None) -> Covered:
    """The covered parts (`_sweep`) that reach into [lo, hi): a part outside the range
    is cut away by the caller's clipping anyway. The sweep is read again only when the
    journal changed since the last one."""
    mark = sqlfn.change_mark()
    if mark is not None and _LAST and _LAST[0][0][0] is mark[0] and _LAST[0][0][1:] == mark[1:]:
        every = _LAST[0][1]
    else:
        every = _sweep()
        if mark is not None:
            _LAST[:] = [(mark, every)]
    low = None if lo is None else _as_naive(lo)
    high = None if hi is None else _as_naive(hi)
    return [
        part
        for part in every
        if (low is None or part[2] > low) and (high is None or part[1] < high)
    ]


_IDS_PER_QUERY = 500  # below SQLite's 999 bound variables


def _counted_twice(
    key: Key,
    lo: dt.datetime | None = None,
    hi: dt.datetime | None = None,
    where: Any = None,
) -> list[tuple[dt.datetime, dt.datetime, Any]]:
    """(start, end, key value) of the time the plain sums counted more than once: for
    each session, the part already covered by sessions that started before it. `where`
    keeps only the matching sessions' parts (the covering sessions can be any)."""
    covered = _covered(lo, hi)
    if not covered:
        return []
    values: dict[int, Any] = {}
    ids = [session_id for session_id, _, _ in covered]
    for chunk in range(0, len(ids), _IDS_PER_QUERY):
        matching = WorkSession.id.in_(ids[chunk : chunk + _IDS_PER_QUERY])
        query = _select(key, WorkSession.id).where(
            matching if where is None else (matching & where)
        )
        values.update(rows(query.tuples()))
    return [
        (begin, stop, values[session_id])
        for session_id, begin, stop in covered
        if session_id in values
    ]


def total_seconds(key: Key) -> dict[Any, float]:
    """{key value: seconds} over every finished session (no day split needed)."""
    start, end = WorkSession.start, WorkSession.end
    finished = (end.is_null(False), end > start)
    totals: dict[Any, float] = defaultdict(float)
    if sqlfn.native():
        query = (
            _select(key, fn.SUM(sqlfn.seconds_between(start, end)))
            .where(*finished)
            .group_by(_key_column(key))
        )
        for seconds, value in sqlfn.raw(*_sql(query)):
            totals[value] += float(seconds)
    else:
        for s, e, value in rows(_select(key, start, end).where(*finished).tuples()):
            totals[value] += (e - s).total_seconds()
    for s, e, value in _counted_twice(key):
        totals[value] -= (e - s).total_seconds()
    return {value: seconds for value, seconds in totals.items() if seconds > 0}


def sessions_seconds(where: Any) -> float:
    """Seconds of the finished sessions matching `where` (a peewee expression), time
    also covered by an earlier session (matching or not) left out."""
    start, end = WorkSession.start, WorkSession.end
    finished = (end.is_null(False), end > start, where)
    if sqlfn.native():
        query = WorkSession.select(fn.SUM(sqlfn.seconds_between(start, end))).where(*finished)
        seconds = float(sqlfn.raw(*_sql(query))[0][0] or 0)
    else:
        query = WorkSession.select(start, end).where(*finished).tuples()
        seconds = sum((e - s).total_seconds() for s, e in rows(query))
    doubled = _counted_twice("none", where=where)
    return seconds - sum((e - s).total_seconds() for s, e, _ in doubled)


def nightly_sleep(first: dt.date, last: dt.date) -> dict[dt.date, float]:
    """{waking day: hours slept} for logged nights in `first`..`last` (hours as stored,
    else from the bed and wake instants)."""
    if last < first:
        return {}
    hours = DayLog.sleep_hours
    bed, wake = DayLog.sleep_start, DayLog.sleep_end
    logged = (
        DayLog.day.between(first, last),
        hours.is_null(False) | (bed.is_null(False) & wake.is_null(False) & (wake > bed)),
    )
    found: dict[dt.date, float] = {}
    if sqlfn.native():
        value = fn.COALESCE(hours, sqlfn.seconds_between(bed, wake) / 3600.0)
        query = DayLog.select(DayLog.day, value).where(*logged)
        for day_text, slept in sqlfn.raw(*_sql(query)):
            found[dt.date.fromisoformat(day_text)] = float(slept)
        return found
    query = DayLog.select(DayLog.day, hours, bed, wake).where(*logged).tuples()
    for day, stored, b, w in rows(query):
        found[day] = float(stored) if stored is not None else (w - b).total_seconds() / 3600
    return found
