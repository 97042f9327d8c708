"""The one aggregation: per-day seconds in SQL (SQLite) agree with the portable path
(split in Python) for any sessions, zone and range, DST and midnight included."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_app.db.models import Category, DayLog, Skill, WorkSession
from journal_app.services.tracking import daily, sqlfn
from journal_app.services.tracking.timeutil import split_by_day

from .conftest import BERLIN, NEW_YORK

UTC = dt.UTC
ZONES = [BERLIN, NEW_YORK, ZoneInfo("UTC"), ZoneInfo("Asia/Kolkata"), ZoneInfo("America/Santiago")]


@pytest.fixture
def portable(monkeypatch):
    def run(function, *args, **kwargs):
        monkeypatch.setattr(sqlfn, "FORCE_PORTABLE", True)
        try:
            return function(*args, **kwargs)
        finally:
            monkeypatch.setattr(sqlfn, "FORCE_PORTABLE", False)

    return run


def _store(start: dt.datetime, end: dt.datetime, category: int | None = None) -> None:
    WorkSession.create(
        start=start.astimezone(UTC).replace(tzinfo=None),
        end=end.astimezone(UTC).replace(tzinfo=None),
        category=category,
    )


def _local(zone, *args):
    return dt.datetime(*args, tzinfo=zone)


def test_offset_slices_cut_the_range_at_each_clock_change():
    lo = dt.datetime(2024, 1, 1, tzinfo=UTC)
    hi = dt.datetime(2025, 1, 1, tzinfo=UTC)
    slices = sqlfn.offset_slices(lo, hi, BERLIN)
    assert [(s[0], s[2]) for s in slices] == [
        (lo, 3600),
        (dt.datetime(2024, 3, 31, 1, tzinfo=UTC), 7200),
        (dt.datetime(2024, 10, 27, 1, tzinfo=UTC), 3600),
    ]
    assert slices[-1][1] == hi
    assert sqlfn.offset_slices(lo, hi, ZoneInfo("Asia/Kolkata")) == [(lo, hi, 19800)]


def test_sessions_on_the_clock_change_days_count_on_the_right_day(services):
    services.tz = BERLIN
    # 00:00-03:30 local on the autumn change lasts 4.5 h; a session ending at midnight
    # counts on its own day only; one starting exactly at midnight on the next.
    _store(_local(BERLIN, 2024, 10, 27, 0, 0), _local(BERLIN, 2024, 10, 27, 3, 30))
    _store(_local(BERLIN, 2024, 10, 27, 22, 0), _local(BERLIN, 2024, 10, 28, 0, 0))
    _store(_local(BERLIN, 2024, 10, 28, 0, 0), _local(BERLIN, 2024, 10, 28, 0, 30))
    _store(_local(BERLIN, 2024, 3, 31, 1, 0), _local(BERLIN, 2024, 3, 31, 4, 0))  # 2 h
    for run_native in (True, False):
        sqlfn.FORCE_PORTABLE = not run_native
        try:
            found = daily.daily_seconds(
                dt.date(2024, 3, 1), dt.date(2024, 10, 31), BERLIN, key="none"
            )
        finally:
            sqlfn.FORCE_PORTABLE = False
        assert {d: s / 3600 for (d, _), s in found.items()} == {
            dt.date(2024, 3, 31): 2.0,
            dt.date(2024, 10, 27): 6.5,
            dt.date(2024, 10, 28): 0.5,
        }


def test_a_session_starting_before_the_range_counts_only_inside_it(services):
    _store(_local(NEW_YORK, 2026, 3, 7, 22, 0), _local(NEW_YORK, 2026, 3, 8, 4, 0))
    found = daily.daily_seconds(dt.date(2026, 3, 8), dt.date(2026, 3, 8), NEW_YORK, key="none")
    # Midnight to 04:00 on the spring change is 3 real hours.
    assert found == {(dt.date(2026, 3, 8), None): 3 * 3600.0}


def test_sides_skills_and_sessions_without_a_category(services):
    writing = Category.get(Category.name == "Writing").id
    reading = Category.get(Category.name == "Reading").id
    day = dt.date(2026, 11, 20)
    _store(_local(BERLIN, 2026, 11, 20, 9), _local(BERLIN, 2026, 11, 20, 11), writing)
    _store(_local(BERLIN, 2026, 11, 20, 12), _local(BERLIN, 2026, 11, 20, 12, 30), reading)
    _store(_local(BERLIN, 2026, 11, 20, 14), _local(BERLIN, 2026, 11, 20, 14, 15))
    found = daily.daily_seconds(day, day, BERLIN)
    assert found == {
        (day, "production"): 7200.0,
        (day, "consumption"): 1800.0,
        (day, None): 900.0,
    }
    assert daily.total_seconds("none") == {None: 9900.0}


def test_overlapping_sessions_count_once_credited_to_the_earlier(services, portable):
    """09:00-11:30 writing and 10:00-12:00 reading are 3 h: 2.5 h production and the
    0.5 h after 11:30 consumption, on both paths and in the all-time totals."""
    writing = Category.get(Category.name == "Writing").id
    reading = Category.get(Category.name == "Reading").id
    day = dt.date(2026, 11, 20)
    _store(_local(BERLIN, 2026, 11, 20, 9), _local(BERLIN, 2026, 11, 20, 11, 30), writing)
    _store(_local(BERLIN, 2026, 11, 20, 10), _local(BERLIN, 2026, 11, 20, 12), reading)
    expected = {(day, "production"): 9000.0, (day, "consumption"): 1800.0}
    assert daily.daily_seconds(day, day, BERLIN) == expected
    assert portable(daily.daily_seconds, day, day, BERLIN) == expected
    assert daily.total_seconds("none") == {None: 3 * 3600.0}
    assert portable(daily.total_seconds, "none") == {None: 3 * 3600.0}
    assert daily.sessions_seconds(WorkSession.category == reading) == 1800.0


def test_sides_and_skills_from_one_read_equal_their_own_reads(services, portable):
    """The Dashboard's one pass (daily.side_and_skill) gives exactly what reading by
    side and by skill gives: overlaps counted once, across midnight, with and without
    a category or a skill, on both paths."""
    writing = Category.get(Category.name == "Writing").id
    reading = Category.get(Category.name == "Reading").id
    prose = Skill.create(name="Prose").id
    chess = Skill.create(name="Chess").id
    for start, end, category, skill in (
        ((2026, 11, 20, 9), (2026, 11, 20, 11, 30), writing, prose),
        ((2026, 11, 20, 10), (2026, 11, 20, 12), reading, chess),
        ((2026, 11, 20, 23), (2026, 11, 21, 1, 15), None, prose),
        ((2026, 11, 21, 0, 30), (2026, 11, 21, 2), writing, None),
        ((2026, 11, 21, 8), (2026, 11, 21, 9), None, None),
    ):
        WorkSession.create(
            start=_local(BERLIN, *start).astimezone(UTC).replace(tzinfo=None),
            end=_local(BERLIN, *end).astimezone(UTC).replace(tzinfo=None),
            category=category,
            skill=skill,
        )
    first, last = dt.date(2026, 11, 20), dt.date(2026, 11, 21)
    by_side = daily.daily_seconds(first, last, BERLIN)
    by_skill = daily.daily_seconds(first, last, BERLIN, key="skill")
    assert by_side[(last, "production")] == 2700.0  # 01:15-02:00: before, the 23:00 one's
    assert by_skill[(last, prose)] == 4500.0
    assert daily.side_and_skill(first, last, BERLIN) == (by_side, by_skill)
    assert portable(daily.side_and_skill, first, last, BERLIN) == (by_side, by_skill)


def test_nightly_sleep_uses_stored_hours_or_the_instants(services, portable):
    DayLog.create(day=dt.date(2026, 11, 20), sleep_hours=7.5, note="")
    DayLog.create(
        day=dt.date(2026, 11, 21),
        sleep_start=dt.datetime(2026, 11, 20, 22, 0),
        sleep_end=dt.datetime(2026, 11, 21, 6, 15),
        note="",
    )
    DayLog.create(day=dt.date(2026, 11, 22), energy=3, note="no sleep logged")
    expected = {dt.date(2026, 11, 20): 7.5, dt.date(2026, 11, 21): 8.25}
    first, last = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    assert daily.nightly_sleep(first, last) == expected
    assert portable(daily.nightly_sleep, first, last) == expected


_session = st.tuples(
    st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2025, 12, 31)),
    st.integers(60, 40 * 3600),
    st.sampled_from([None, 1, 5]),  # Writing (production), Reading (consumption), none
)


def _union(sessions: list) -> list[tuple[dt.datetime, dt.datetime]]:
    """The clock time the sessions cover, as disjoint spans (aware UTC)."""
    spans: list[list[dt.datetime]] = []
    for start, seconds, _ in sorted(sessions, key=lambda s: s[0]):
        begin = start.replace(tzinfo=UTC)
        end = begin + dt.timedelta(seconds=seconds)
        if spans and begin <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([begin, end])
    return [(b, e) for b, e in spans]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sessions=st.lists(_session, max_size=12),
    zone=st.sampled_from(ZONES),
    first=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2025, 12, 31)),
    days=st.integers(1, 400),
    key=st.sampled_from(["side", "none", "skill"]),
)
def test_sql_and_portable_paths_agree_with_splitting_each_session(
    services, portable, sessions, zone, first, days, key
):
    WorkSession.delete().execute()
    for start, seconds, category in sessions:
        WorkSession.create(
            start=start, end=start + dt.timedelta(seconds=seconds), category=category
        )
    last = first + dt.timedelta(days=days - 1)
    native = daily.daily_seconds(first, last, zone, key=key)
    assert native == portable(daily.daily_seconds, first, last, zone, key=key)
    if key == "none":  # and both equal a plain split of the sessions' union
        expected: dict = {}
        for begin, end in _union(sessions):
            for part in split_by_day(begin, end, zone):
                if first <= part.day <= last:
                    k = (part.day, None)
                    expected[k] = expected.get(k, 0.0) + part.duration.total_seconds()
        # The same seconds added in another order: equal up to the last bit or so.
        assert native == pytest.approx(expected, rel=1e-12)
    assert all(v > 0 for v in native.values())


def test_two_centuries_of_clock_changes_fit_in_the_queries(services, portable):
    """New York has changed its clocks about 360 times since 1900: more slices than one
    SQLite compound SELECT may hold."""
    starts = [
        dt.datetime(year, month, 3, 23, 30) for year in range(1900, 2101, 7) for month in (3, 11)
    ]
    for start in starts:
        WorkSession.create(start=start, end=start + dt.timedelta(hours=2))
    first, last = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
    assert len(sqlfn.offset_slices(*_bounds(first, last, NEW_YORK), NEW_YORK)) > 250
    native = daily.daily_seconds(first, last, NEW_YORK, key="none")
    assert native == portable(daily.daily_seconds, first, last, NEW_YORK, key="none")
    assert sum(native.values()) == len(starts) * 7200


def _bounds(first, last, zone):
    from journal_app.services.tracking.timeutil import day_bounds

    return day_bounds(first, last, zone)


def test_figures_follow_writes_of_this_and_of_another_connection(services):
    """The overlap sweep is reused while the journal is unchanged: a new overlap written
    here, or through another connection, is counted at once."""
    day = dt.date(2026, 11, 20)
    _store(_local(BERLIN, 2026, 11, 20, 9), _local(BERLIN, 2026, 11, 20, 11))
    assert daily.daily_seconds(day, day, BERLIN, key="none") == {(day, None): 7200.0}
    _store(_local(BERLIN, 2026, 11, 20, 10), _local(BERLIN, 2026, 11, 20, 12))
    assert daily.daily_seconds(day, day, BERLIN, key="none") == {(day, None): 3 * 3600.0}
    # Another connection (peewee gives each thread its own) writes 08:30-11:30 UTC.
    writer = threading.Thread(
        target=lambda: _store(
            _local(BERLIN, 2026, 11, 20, 9, 30), _local(BERLIN, 2026, 11, 20, 12, 30)
        )
    )
    writer.start()
    writer.join()
    assert daily.daily_seconds(day, day, BERLIN, key="none") == {(day, None): 3.5 * 3600.0}
