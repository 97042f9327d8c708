"""The only engine-specific SQL of tracking (SQLite): seconds between two stored instants,
and deep-work seconds grouped by local day. On any other engine the callers take a
portable path (plain queries, summed in Python; same results, slower), so this module is
what a PostgreSQL port would extend (`EXTRACT(EPOCH ...)`, `AT TIME ZONE`).

Local days in SQL: the zone's UTC offset is constant between two clock changes, so the
range is cut at each change and every slice is grouped with its own fixed offset (a
UNION ALL of index range scans). A session whose local end day differs from its start
day, that crosses a clock change, or that starts before the range is returned whole
for the caller to split in Python. Instants are whole seconds (timeutil.to_storage), so
`ROUND(...)` makes every sum exact.

Candidates to move under db/ with the other engine-specific helpers.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from peewee import SqliteDatabase, fn

from journal_app.db.models import BaseModel, Category, WorkSession

# Tests set this to exercise the portable path on SQLite.
FORCE_PORTABLE = False

_UTC = dt.UTC
_STEP = dt.timedelta(hours=12)  # offset changes closer together than this are not seen
_JDN_OF_ORDINAL_0 = 1721425  # julian day number of 0001-01-01 is 1721426 (ordinal 1)
# julianday() + 0.5 is the julian day number plus the fraction of the day; half a second
# more keeps a session starting at exactly midnight on its own day despite rounding.
_DAY_SHIFT = 0.5 + 0.5 / 86400
# Two SELECTs and six parameters per slice: stay far below SQLite's 500 compound terms
# and its 999 bound variables (a century of clock changes is ~200 slices).
_SLICES_PER_QUERY = 80


def native() -> bool:
    """True when the journal's engine has the SQL below."""
    if FORCE_PORTABLE:
        return False
    database: Any = BaseModel._meta.database
    engine = getattr(database, "obj", database)  # the proxy's bound database
    return isinstance(engine, SqliteDatabase)


def seconds_between(start: Any, end: Any) -> Any:
    """Seconds from `start` to `end` as a peewee expression (whole seconds, exact)."""
    return fn.ROUND((fn.julianday(end) - fn.julianday(start)) * 86400)


def change_mark() -> tuple[Any, ...] | None:
    """Something that differs whenever the journal's data may have changed: the
    connection (kept, so its id is never another's), SQLite's data_version (other
    connections' commits) and the connection's total_changes (its own writes, even
    uncommitted). None where that cannot be known: then nothing is reused."""
    if not native():
        return None
    database: Any = BaseModel._meta.database
    engine = getattr(database, "obj", database)
    connection = engine.connection()
    changes = getattr(connection, "total_changes", None)
    if not isinstance(changes, int):
        return None
    version = raw("PRAGMA data_version", [])[0][0]
    return (connection, version, changes)


def raw(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """Rows straight from the DB-API cursor: peewee's per-row wrapping costs more than
    the SQL itself on ten years of sessions. SQLite hands back instants as ISO text."""
    database: Any = BaseModel._meta.database
    return list(database.execute_sql(sql, params).fetchall())


# --------------------------------------------------------------------------- offsets


def _offset(instant: dt.datetime, tz: dt.tzinfo) -> int:
    offset = instant.astimezone(tz).utcoffset()
    return 0 if offset is None else round(offset.total_seconds())


@lru_cache(maxsize=512)
def _year_changes(tz: dt.tzinfo, year: int) -> tuple[tuple[dt.datetime, int], ...]:
    """(instant, offset from then on) for every offset change in `year` (UTC)."""
    changes: list[tuple[dt.datetime, int]] = []
    cursor = dt.datetime(year, 1, 1, tzinfo=_UTC)
    stop = dt.datetime(year + 1, 1, 1, tzinfo=_UTC)
    marks = [cursor]
    while marks[-1] < stop:
        marks.append(min(marks[-1] + _STEP, stop))
    # The offsets at every step in one comprehension (each Dashboard open's first read
    # pays this for ten years), compared as given; the exact test follows on a change.
    shown = [mark.astimezone(tz).utcoffset() for mark in marks]
    current = _offset(cursor, tz)
    for index in range(1, len(marks)):
        if shown[index] == shown[index - 1]:
            continue
        following = marks[index]
        cursor = marks[index - 1]
        after = _offset(following, tz)
        if after != current:
            low, high = cursor, following  # the change happens in (low, high]
            while high - low > dt.timedelta(seconds=1):
                middle = (low + (high - low) / 2).replace(microsecond=0)
                if _offset(middle, tz) == current:
                    low = middle
                else:
                    high = middle
            changes.append((high, after))
            current = after
    return tuple(changes)


def offset_slices(
    start: dt.datetime, end: dt.datetime, tz: dt.tzinfo
) -> list[tuple[dt.datetime, dt.datetime, int]]:
    """[start, end) cut at each change of `tz`'s UTC offset: (from, to, offset seconds)."""
    slices: list[tuple[dt.datetime, dt.datetime, int]] = []
    cursor, offset = start, _offset(start, tz)
    for year in range(start.astimezone(_UTC).year, end.astimezone(_UTC).year + 1):
        if year > 9998:
            break
        for instant, after in _year_changes(tz, year):
            if cursor < instant < end:
                slices.append((cursor, instant, offset))
                cursor, offset = instant, after
    slices.append((cursor, end, offset))
    return slices


# --------------------------------------------------------------------------- by day

_KEYS = {
    "side": 'c."side"',
    "skill": 'ws."skill_id"',
    "resource": 'ws."resource_id"',
    "none": "NULL",
    # daily.side_and_skill's one pass: both keys as one text value, split in Python.
    "side_skill": """COALESCE(c."side", '') || '|' || COALESCE(ws."skill_id", '')""",
}


def _naive(instant: dt.datetime) -> str:
    """An instant as the stored text (naive UTC, whole seconds) for comparisons."""
    return instant.astimezone(_UTC).replace(tzinfo=None, microsecond=0).isoformat(" ")


def daily_rows(
    lo: dt.datetime, hi: dt.datetime, tz: dt.tzinfo, key: str
) -> tuple[list[tuple[dt.date, Any, float]], list[tuple[dt.datetime, dt.datetime, Any]]]:
    """Finished sessions overlapping [lo, hi): (local day, key, seconds) groups for those
    lying inside one local day, and (start, end, key) for the rest (naive UTC)."""
    ws = WorkSession._meta.table_name
    cat = Category._meta.table_name
    column = _KEYS[key]
    source = f'FROM "{ws}" AS ws'
    if key in ("side", "side_skill"):
        source += f' LEFT JOIN "{cat}" AS c ON c."id" = ws."category_id"'
    finished = 'ws."end" IS NOT NULL AND ws."end" > ws."start"'
    statements: list[tuple[str, list[Any]]] = []
    slices = offset_slices(lo, hi, tz)
    for chunk in range(0, len(slices), _SLICES_PER_QUERY):
        parts: list[str] = []
        params: list[Any] = []
        for begin, stop, offset in slices[chunk : chunk + _SLICES_PER_QUERY]:
            shift = offset / 86400 + _DAY_SHIFT
            day_of = f'CAST(julianday(ws."start") + {shift!r} AS INTEGER)'
            same_day = (
                f'ws."end" < ? AND {day_of} = CAST(julianday(ws."end") + {shift!r} AS INTEGER)'
            )
            in_slice = 'ws."start" >= ? AND ws."start" < ?'
            parts.append(
                f"SELECT 0, {day_of}, {column}, "
                f'SUM(ROUND((julianday(ws."end") - julianday(ws."start")) * 86400)) '
                f"{source} WHERE {finished} AND {in_slice} AND {same_day} GROUP BY 2, 3"
            )
            parts.append(
                f'SELECT 1, ws."start", {column}, ws."end" '
                f"{source} WHERE {finished} AND {in_slice} AND NOT ({same_day})"
            )
            edges = [_naive(begin), _naive(stop), _naive(stop)]
            params += edges + edges
        statements.append((" UNION ALL ".join(parts), params))
    statements.append(
        (
            f'SELECT 1, ws."start", {column}, ws."end" '
            f'{source} WHERE {finished} AND ws."start" < ? AND ws."end" > ?',
            [_naive(lo), _naive(lo)],
        )
    )
    grouped: list[tuple[dt.date, Any, float]] = []
    spanning: list[tuple[dt.datetime, dt.datetime, Any]] = []
    found = [row for sql, params in statements for row in raw(sql, params)]
    for kind, first, value, last in found:
        if kind == 0:
            grouped.append((dt.date.fromordinal(first - _JDN_OF_ORDINAL_0), value, last))
        else:
            spanning.append(
                (dt.datetime.fromisoformat(first), dt.datetime.fromisoformat(last), value)
            )
    return grouped, spanning
