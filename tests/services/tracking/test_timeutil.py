"""Local time: the zone (TZ honoured), DST-correct nights, never-negative durations and
splitting at local midnight."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_app.errors import InvalidInput
from journal_app.services.tracking.timeutil import (
    SystemLocal,
    at_local,
    check_day,
    day_bounds,
    duration,
    local_zone,
    parse_clock_time,
    parse_day,
    resolve_zone,
    split_by_day,
    start_of_day,
    to_storage,
)

from .conftest import BERLIN, NEW_YORK

UTC = dt.UTC
ZONES = [
    BERLIN,
    NEW_YORK,
    ZoneInfo("UTC"),
    ZoneInfo("Asia/Kolkata"),  # +05:30, no DST
    ZoneInfo("Australia/Lord_Howe"),  # a 30-minute DST change
    ZoneInfo("America/Santiago"),  # changes at midnight
    ZoneInfo("Pacific/Apia"),  # skipped 30 December 2011 entirely
    ZoneInfo("America/St_Johns"),  # -03:30
]


def _night(zone: dt.tzinfo, waking: dt.date) -> float:
    bed = at_local(waking - dt.timedelta(days=1), dt.time(23), zone)
    wake = at_local(waking, dt.time(7), zone)
    return duration(bed, wake).total_seconds() / 3600


# --------------------------------------------------------------------------- DST


@pytest.mark.parametrize(
    ("zone", "autumn", "spring"),
    [
        (BERLIN, dt.date(2024, 10, 27), dt.date(2024, 3, 31)),
        (BERLIN, dt.date(2026, 10, 25), dt.date(2026, 3, 29)),
        (NEW_YORK, dt.date(2024, 11, 3), dt.date(2024, 3, 10)),
        (NEW_YORK, dt.date(2026, 11, 1), dt.date(2026, 3, 8)),
    ],
)
def test_a_night_from_23_to_7_across_a_clock_change_has_its_real_length(zone, autumn, spring):
    assert _night(zone, autumn) == 9.0
    assert _night(zone, spring) == 7.0
    assert _night(zone, autumn + dt.timedelta(days=7)) == 8.0
    assert _night(zone, spring - dt.timedelta(days=7)) == 8.0


def test_wall_times_skipped_or_repeated_by_a_change_read_like_zoneinfo():
    # Berlin, 31 March 2024: 02:00 → 03:00. 02:30 does not exist: read as 03:30 CEST.
    skipped = at_local(dt.date(2024, 3, 31), dt.time(2, 30), BERLIN)
    assert skipped == dt.datetime(2024, 3, 31, 1, 30, tzinfo=UTC)
    # 27 October 2024: 03:00 → 02:00. 02:30 happens twice; fold picks which.
    first = at_local(dt.date(2024, 10, 27), dt.time(2, 30), BERLIN)
    second = at_local(dt.date(2024, 10, 27), dt.time(2, 30), BERLIN, fold=1)
    assert (first.hour, second.hour) == (0, 1)  # 00:30 and 01:30 UTC


def test_local_days_are_23_24_or_25_hours_long():
    def length(day: dt.date, zone: dt.tzinfo) -> float:
        lo, hi = day_bounds(day, day, zone)
        return (hi - lo).total_seconds() / 3600

    assert length(dt.date(2024, 3, 31), BERLIN) == 23
    assert length(dt.date(2024, 10, 27), BERLIN) == 25
    assert length(dt.date(2024, 3, 10), NEW_YORK) == 23
    assert length(dt.date(2024, 11, 3), NEW_YORK) == 25
    assert length(dt.date(2024, 7, 1), NEW_YORK) == 24
    # Santiago skips midnight itself in September: the day starts at 01:00.
    santiago = ZoneInfo("America/Santiago")
    assert start_of_day(dt.date(2024, 9, 8), santiago).astimezone(santiago).hour == 1


def test_a_clock_moved_backwards_never_gives_a_negative_duration():
    later = dt.datetime(2026, 1, 1, 12, tzinfo=UTC)
    assert duration(later, later - dt.timedelta(hours=1)) == dt.timedelta(0)
    assert split_by_day(later, later - dt.timedelta(hours=1), BERLIN) == []


# --------------------------------------------------------------------------- zones


def test_tz_environment_variable_is_honoured(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    assert local_zone() == NEW_YORK
    monkeypatch.setenv("TZ", ":Europe/Berlin")
    assert local_zone() == BERLIN
    monkeypatch.setenv("TZ", "/usr/share/zoneinfo/Asia/Tokyo")
    tokyo = local_zone()
    assert dt.datetime(2026, 6, 1, tzinfo=UTC).astimezone(tokyo).hour == 9


@pytest.fixture
def posix_tz(monkeypatch):
    """TZ as POSIX rules (no IANA name): the C library's local time is used."""
    monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_posix_rules_in_tz_fall_back_to_the_c_library(posix_tz):
    zone = local_zone()
    assert isinstance(zone, SystemLocal)
    assert _night(zone, dt.date(2024, 10, 27)) == 9.0
    assert _night(zone, dt.date(2024, 3, 31)) == 7.0


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    instant=st.datetimes(min_value=dt.datetime(1997, 1, 1), max_value=dt.datetime(2037, 12, 31)),
    near_change=st.sampled_from([None, (3, 31), (10, 27)]),
    fold=st.integers(0, 1),
)
def test_the_c_library_zone_agrees_with_zoneinfo(posix_tz, instant, near_change, fold):
    """Since 1996 the EU rules are the ones the POSIX string spells."""
    zone = SystemLocal()
    if near_change is not None:  # concentrate on the hours around a change
        month, day = near_change
        instant = dt.datetime(2024, month, day) + dt.timedelta(seconds=instant.second * 240)
    aware = instant.replace(tzinfo=UTC)
    ours, theirs = aware.astimezone(zone), aware.astimezone(BERLIN)
    assert ours.replace(tzinfo=None) == theirs.replace(tzinfo=None)
    assert ours.fold == theirs.fold
    wall = instant.replace(fold=fold)
    assert wall.replace(tzinfo=zone).astimezone(UTC) == wall.replace(tzinfo=BERLIN).astimezone(UTC)


def test_resolve_zone_takes_names_and_refuses_unknown_ones():
    assert resolve_zone("Europe/Berlin") == BERLIN
    assert resolve_zone(UTC) is UTC
    with pytest.raises(InvalidInput, match="unknown time zone"):
        resolve_zone("Mars/Olympus_Mons")


# --------------------------------------------------------------------------- splitting


def test_a_session_across_midnight_splits_into_two_days():
    start = at_local(dt.date(2026, 11, 21), dt.time(23, 15), BERLIN)
    end = at_local(dt.date(2026, 11, 22), dt.time(1, 0), BERLIN)
    parts = split_by_day(start, end, BERLIN)
    assert [(p.day, p.duration) for p in parts] == [
        (dt.date(2026, 11, 21), dt.timedelta(minutes=45)),
        (dt.date(2026, 11, 22), dt.timedelta(hours=1)),
    ]


def test_the_day_apia_skipped_gets_no_part():
    apia = ZoneInfo("Pacific/Apia")
    start = at_local(dt.date(2011, 12, 29), dt.time(22), apia)
    end = start + dt.timedelta(hours=4)
    parts = split_by_day(start, end, apia)
    assert [(p.day, p.duration.total_seconds() / 3600) for p in parts] == [
        (dt.date(2011, 12, 29), 2.0),
        (dt.date(2011, 12, 31), 2.0),
    ]


@settings(max_examples=400, deadline=None)
@given(
    start=st.datetimes(min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(2100, 12, 30)),
    seconds=st.integers(-3 * 86400, 5 * 86400),
    zone=st.sampled_from(ZONES),
)
def test_split_parts_are_never_negative_and_add_up_to_the_whole(start, seconds, zone):
    begin = start.replace(tzinfo=UTC)
    end = begin + dt.timedelta(seconds=seconds)
    whole = duration(begin, end)
    assert whole >= dt.timedelta(0)
    parts = split_by_day(begin, end, zone)
    assert all(p.duration > dt.timedelta(0) for p in parts)
    assert sum((p.duration for p in parts), dt.timedelta(0)) == whole
    # Contiguous, in order, each on its own local day, cut exactly at local midnights.
    for before, after in itertools.pairwise(parts):
        assert before.end == after.start
        assert before.day < after.day
        assert after.start == start_of_day(after.day, zone)
    for part in parts:
        lo, hi = day_bounds(part.day, part.day, zone)
        assert lo <= part.start < part.end <= hi


@given(
    local=st.datetimes(min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(2100, 12, 30)),
    zone=st.sampled_from(ZONES),
)
def test_storage_is_naive_utc_whole_seconds(local, zone):
    stored = to_storage(local.replace(tzinfo=zone))
    assert stored.tzinfo is None and stored.microsecond == 0
    assert stored == local.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None, microsecond=0)


# --------------------------------------------------------------------------- typed input


def test_days_and_times_as_typed():
    assert parse_day(" 2026-11-22 ") == dt.date(2026, 11, 22)
    assert parse_clock_time("7:05") == dt.time(7, 5)
    assert parse_clock_time("23:59") == dt.time(23, 59)
    for bad, message in [
        ("22/11/2026", "not a date"),
        ("1899-12-31", "outside 1900-2100"),
        ("2101-01-01", "outside 1900-2100"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            parse_day(bad)
    for bad in ("24:00", "7", "07:5", "ab:cd", "12:60", "-1:00"):
        with pytest.raises(InvalidInput, match="not a time of day"):
            parse_clock_time(bad)
    with pytest.raises(InvalidInput, match="must be a date"):
        check_day(dt.datetime(2026, 1, 1))
