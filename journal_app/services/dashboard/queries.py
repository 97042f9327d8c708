"""Lean reads the tracking services lack, for the Dashboard's one read of ten years:
plain tuples instead of a full DayLogData / OutputData per row (SleepService.between
and OutputService.list cost ~40 and ~20 ms on the 10-year demo; these a few ms). Days
come back as text and are parsed with date.fromisoformat, which is many times faster
than the ORM's general date parser."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from journal_app.db.models import DayLog, Output
from journal_app.services.rows import rows
from journal_app.services.tracking import sqlfn


class MadeOutput(NamedTuple):
    day: dt.date
    kind: str
    words: int | None


def _day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def sleep_qualities(last: dt.date) -> dict[dt.date, int]:
    """{waking day: quality 1-5} of every night logged with a quality up to `last`."""
    query = DayLog.select(DayLog.day.cast("TEXT"), DayLog.sleep_quality).where(
        DayLog.day <= last, DayLog.sleep_quality.is_null(False)
    )
    # On SQLite the DB-API rows: peewee's per-row wrapping is most of the cost here.
    sql, params = query.sql()
    found = sqlfn.raw(sql, list(params)) if sqlfn.native() else rows(query.tuples())
    return {_day(day): int(quality) for day, quality in found}


def first_log_day(last: dt.date) -> dt.date | None:
    """The earliest day with a day log (a night, a rating or a note) up to `last`."""
    found = DayLog.select(DayLog.day).where(DayLog.day <= last).order_by(DayLog.day).first()
    return None if found is None else found.day


def outputs_until(last: dt.date) -> list[MadeOutput]:
    """Every output dated up to `last`, oldest first."""
    query = (
        Output.select(Output.day.cast("TEXT"), Output.kind, Output.words)
        .where(Output.day <= last)
        .order_by(Output.day, Output.id)
        .tuples()
    )
    return [MadeOutput(_day(day), kind, words) for day, kind, words in rows(query)]
