"""Day logs: last night's sleep (times or hours), quality, energy/focus and a note; the
day of a night is the date of waking; DST nights have their real length."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db.models import DayLog
from journal_app.errors import InvalidInput
from journal_app.services.tracking.sleep import night_span

from .conftest import BERLIN, NEW_YORK, at


def test_bed_and_wake_times_make_the_night_that_ends_on_the_day(tracking):
    log = tracking.day_logs.save(
        dt.date(2026, 11, 22), bed=dt.time(23, 40), wake=dt.time(7, 10), quality=4
    )
    assert log.bed == at(BERLIN, 2026, 11, 21, 23, 40)
    assert log.wake == at(BERLIN, 2026, 11, 22, 7, 10)
    assert (log.sleep_hours, log.quality, log.energy, log.note) == (7.5, 4, None, "")
    row = DayLog.get(DayLog.day == dt.date(2026, 11, 22))
    assert (row.sleep_start, row.sleep_end, row.sleep_hours) == (
        dt.datetime(2026, 11, 21, 22, 40),
        dt.datetime(2026, 11, 22, 6, 10),
        7.5,
    )


def test_going_to_bed_after_midnight_stays_on_the_waking_day(tracking):
    log = tracking.day_logs.save(dt.date(2026, 11, 22), bed=dt.time(1, 30), wake=dt.time(8, 0))
    assert log.bed == at(BERLIN, 2026, 11, 22, 1, 30) and log.sleep_hours == 6.5


@pytest.mark.parametrize(
    ("zone", "autumn", "spring"),
    [
        (BERLIN, dt.date(2026, 10, 25), dt.date(2026, 3, 29)),
        (NEW_YORK, dt.date(2026, 11, 1), dt.date(2026, 3, 8)),
    ],
)
def test_dst_nights_are_nine_and_seven_hours(services, zone, autumn, spring):
    services.tz = zone
    logs = services.day_logs
    assert logs.save(autumn, bed=dt.time(23), wake=dt.time(7)).sleep_hours == 9.0
    assert logs.save(spring, bed=dt.time(23), wake=dt.time(7)).sleep_hours == 7.0
    assert services.stats.day_summary(autumn).sleep_hours == 9.0


def test_hours_alone_replace_times_and_fields_not_given_stay(tracking):
    logs = tracking.day_logs
    day = dt.date(2026, 11, 20)
    logs.save(day, bed=dt.time(23), wake=dt.time(7), quality=2, energy=4, note="  tired  ")
    log = logs.save(day, hours=6.25)
    assert (log.bed, log.wake, log.sleep_hours) == (None, None, 6.25)
    assert (log.quality, log.energy, log.note) == (2, 4, "tired")
    log = logs.save(day, energy=None)
    assert log.energy is None and log.sleep_hours == 6.25
    cleared = logs.save(day, bed=None, wake=None)
    assert cleared.sleep_hours is None and cleared.quality == 2
    logs.delete(day)
    assert logs.get(day) is None


def test_energy_and_a_note_without_sleep(tracking):
    log = tracking.day_logs.save(dt.date(2026, 11, 22), energy=5, note="flow day")
    assert (log.sleep_hours, log.energy, log.note) == (None, 5, "flow day")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"hours": -1}, "cannot be negative"),
        ({"hours": 24.5}, "more than 24 hours"),
        ({"hours": float("inf")}, "must be a number"),
        ({"bed": dt.time(23)}, "both the bed and the wake time"),
        ({"bed": dt.time(23), "wake": dt.time(7), "hours": 8}, "not both"),
        ({"bed": dt.time(7), "wake": dt.time(7)}, "the same"),
        ({"quality": 0}, "from 1 to 5"),
        ({"energy": 6}, "from 1 to 5"),
        ({"quality": 3.5}, "from 1 to 5"),
        ({"bed": "23:00", "wake": dt.time(7)}, "must be a time of day"),
    ],
)
def test_bad_day_logs_save_nothing(tracking, fields, message):
    with pytest.raises(InvalidInput, match=message):
        tracking.day_logs.save(dt.date(2026, 11, 22), **fields)
    assert DayLog.select().count() == 0


def test_days_outside_1900_2100_are_refused(tracking):
    for day in (dt.date(1899, 12, 31), dt.date(2101, 1, 1)):
        with pytest.raises(InvalidInput, match="outside 1900-2100"):
            tracking.day_logs.save(day, hours=8)


def test_aware_bed_and_wake_instants_are_taken_as_they_are():
    wake = at(BERLIN, 2026, 3, 29, 7, 0)
    bed, woke = night_span(dt.date(2026, 3, 29), at(BERLIN, 2026, 3, 28, 23, 0), wake, BERLIN)
    assert (woke - bed) == dt.timedelta(hours=7)
    with pytest.raises(InvalidInput, match="must be on 2026-03-30"):
        night_span(dt.date(2026, 3, 30), at(BERLIN, 2026, 3, 28, 23, 0), wake, BERLIN)
    with pytest.raises(InvalidInput, match="more than 24 hours"):
        night_span(dt.date(2026, 3, 29), at(BERLIN, 2026, 3, 27, 23, 0), wake, BERLIN)
    with pytest.raises(InvalidInput, match="before the bed time"):
        night_span(dt.date(2026, 3, 29), at(BERLIN, 2026, 3, 29, 8, 0), wake, BERLIN)


def test_a_night_over_24_hours_on_the_autumn_change_is_refused(tracking):
    # 07:30 to 07:00 the next day is 23.5 h on the clock, 24.5 h across the change.
    with pytest.raises(InvalidInput, match="more than 24 hours"):
        tracking.day_logs.save(dt.date(2026, 10, 25), bed=dt.time(7, 30), wake=dt.time(7, 0))


def test_nights_between_two_days(tracking):
    for day in (20, 21, 22):
        tracking.day_logs.save(dt.date(2026, 11, day), hours=day - 13)
    assert [
        n.sleep_hours
        for n in tracking.day_logs.between(dt.date(2026, 11, 21), dt.date(2026, 11, 30))
    ] == [8, 9]
