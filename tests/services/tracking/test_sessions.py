"""Sessions by hand: add, edit, delete, per-day parts, validation, overlaps."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db.models import WorkSession
from journal_app.errors import InvalidInput
from journal_app.services.tracking.sessions import Labels

from .conftest import BERLIN, at

DAY = dt.date(2026, 11, 22)  # the clock says 21:30 in Berlin that day


def _t(hour: int, minute: int = 0) -> dt.time:
    return dt.time(hour, minute)


def test_a_manual_session_is_saved_with_its_labels_and_read_back(tracking):
    coding = tracking.categories.find("Coding")
    skill = tracking.skills.add("Machine learning")
    course = tracking.resources.add("Transformers from scratch", kind="course")
    saved = tracking.sessions.add(
        at(BERLIN, 2026, 11, 22, 9, 0),
        at(BERLIN, 2026, 11, 22, 11, 30),
        category_id=coding.id,
        skill_id=skill.id,
        resource_id=course.id,
        note="attention by hand",
    )
    assert saved.source == "manual"
    assert (saved.category, saved.side, saved.skill, saved.resource) == (
        "Coding",
        "production",
        "Machine learning",
        "Transformers from scratch",
    )
    assert saved.hours == 2.5
    assert saved.start == dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.UTC)
    row = WorkSession.get_by_id(saved.id)
    assert (row.start, row.end) == (dt.datetime(2026, 11, 22, 8), dt.datetime(2026, 11, 22, 10, 30))
    assert tracking.sessions.get(saved.id) == saved


def test_sessions_are_edited_and_deleted(tracking):
    sessions = tracking.sessions
    saved = sessions.add_local(DAY, _t(9), _t(10))
    reading = tracking.categories.find("Reading")
    edited = sessions.update(saved.id, end=at(BERLIN, 2026, 11, 22, 10, 45), category_id=reading.id)
    assert (edited.hours, edited.category, edited.side) == (1.75, "Reading", "consumption")
    assert sessions.update(edited.id, note="chapter 3").note == "chapter 3"
    assert sessions.update(edited.id, category_id=None).category is None
    sessions.delete(saved.id)
    assert sessions.for_day(DAY) == []
    with pytest.raises(InvalidInput, match=f"there is no session {saved.id}"):
        sessions.delete(saved.id)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (
            (2026, 11, 22, 11, 0),
            (2026, 11, 22, 10, 0),
            r"the end \(10:00\) is before the start \(11:00\)",
        ),
        ((2026, 11, 22, 11, 0), (2026, 11, 22, 11, 0), "at least a minute"),
        ((2026, 11, 22, 11, 0), (2026, 11, 22, 11, 0, 59), "at least a minute"),
        ((2026, 11, 21, 9, 0), (2026, 11, 22, 9, 1), "more than 24 hours"),
        ((1899, 12, 31, 10, 0), (1899, 12, 31, 11, 0), "outside 1900-2100"),
        ((2101, 1, 1, 10, 0), (2101, 1, 1, 11, 0), "outside 1900-2100"),
    ],
)
def test_bad_sessions_get_one_line_and_save_nothing(tracking, start, end, message):
    with pytest.raises(InvalidInput, match=message):
        tracking.sessions.add(at(BERLIN, *start), at(BERLIN, *end))
    assert WorkSession.select().count() == 0


def test_an_edit_that_breaks_a_rule_changes_nothing(tracking):
    saved = tracking.sessions.add_local(DAY, _t(9), _t(10), note="kept")
    with pytest.raises(InvalidInput, match="before the start"):
        tracking.sessions.update(saved.id, end=at(BERLIN, 2026, 11, 22, 8, 0), note="lost")
    assert tracking.sessions.get(saved.id) == saved


def test_naive_times_and_unknown_links_are_refused(tracking):
    with pytest.raises(InvalidInput, match="needs a time zone"):
        tracking.sessions.add(dt.datetime(2026, 11, 22, 9), dt.datetime(2026, 11, 22, 10))
    with pytest.raises(InvalidInput, match="there is no skill 99"):
        tracking.sessions.add_local(DAY, _t(9), _t(10), skill_id=99)
    with pytest.raises(InvalidInput, match="there is no category 'x'"):
        tracking.sessions.add_local(DAY, _t(9), _t(10), category_id="x")
    assert WorkSession.select().count() == 0


def test_a_session_across_midnight_shows_on_both_days(tracking):
    saved = tracking.sessions.add_local(
        dt.date(2026, 11, 20), _t(22, 30), _t(1, 15), end_day=dt.date(2026, 11, 21)
    )
    (evening,) = tracking.sessions.for_day(dt.date(2026, 11, 20))
    (night,) = tracking.sessions.for_day(dt.date(2026, 11, 21))
    assert (evening.start.strftime("%H:%M"), evening.end.strftime("%H:%M")) == ("22:30", "00:00")
    assert (night.start.strftime("%H:%M"), night.end.strftime("%H:%M")) == ("00:00", "01:15")
    assert evening.hours + night.hours == saved.hours == 2.75
    assert evening.is_split and night.is_split
    assert evening.session == night.session == saved
    # Wall times crossing midnight without an end day are an end before the start.
    with pytest.raises(InvalidInput, match=r"the end \(01:15\) is before the start \(22:30\)"):
        tracking.sessions.add_local(dt.date(2026, 11, 20), _t(22, 30), _t(1, 15))


def test_a_session_through_the_autumn_change_counts_its_real_length(tracking):
    saved = tracking.sessions.add_local(dt.date(2026, 10, 25), _t(1, 0), _t(4, 0))
    assert saved.hours == 4.0  # 02:00-03:00 happens twice
    summary = tracking.stats.day_summary(dt.date(2026, 10, 25))
    assert summary.deep_work_hours == 4.0
    # The day's part is in local time too: its length is real time, not wall-clock time.
    (part,) = summary.sessions
    assert part.hours == 4.0 and part.as_dict()["hours"] == 4.0


def test_add_minutes_ends_now_today_and_stacks_on_other_days(tracking, clock):
    now_session = tracking.sessions.add_minutes(90)
    assert now_session.end == clock.now and now_session.hours == 1.5
    first = tracking.sessions.add_minutes(30, day=dt.date(2026, 11, 18))
    assert first.start.astimezone(BERLIN).strftime("%H:%M") == "09:00"
    second = tracking.sessions.add_minutes(45, day=dt.date(2026, 11, 18))
    assert second.start == first.end
    late = tracking.sessions.add_minutes(24 * 60 - 30, day=dt.date(2026, 11, 18))
    assert late.end == at(BERLIN, 2026, 11, 19, 0, 0)  # kept on its day
    for bad in (0, -5, 1441, True, "90"):
        with pytest.raises(InvalidInput):
            tracking.sessions.add_minutes(bad)


def test_overlaps_are_found_then_merged(tracking):
    sessions = tracking.sessions
    reading = tracking.categories.find("Reading")
    a = sessions.add_local(DAY, _t(9), _t(10), note="paper", category_id=reading.id)
    b = sessions.add_local(DAY, _t(9, 45), _t(11), note="notes")
    c = sessions.add_local(DAY, _t(11), _t(11, 30), source="timer")
    assert [
        s.id
        for s in sessions.overlaps(at(BERLIN, 2026, 11, 22, 9, 30), at(BERLIN, 2026, 11, 22, 9, 50))
    ] == [a.id, b.id]
    assert [s.id for s in sessions.overlaps(b.start, b.end, exclude=b.id)] == [a.id]
    assert sessions.overlaps(c.start, c.end, exclude=c.id) == []  # touching is not overlapping
    merged = sessions.merge([b.id, a.id, c.id])
    assert merged.id == a.id
    assert (merged.start, merged.end) == (a.start, c.end)
    assert (merged.note, merged.category, merged.source) == ("paper; notes", "Reading", "manual")
    assert [p.session.id for p in sessions.for_day(DAY)] == [a.id]


def test_merging_refuses_a_gap_and_changes_nothing(tracking):
    a = tracking.sessions.add_local(DAY, _t(9), _t(10))
    b = tracking.sessions.add_local(DAY, _t(10, 30), _t(11))
    with pytest.raises(InvalidInput, match="only overlapping or touching"):
        tracking.sessions.merge([a.id, b.id])
    with pytest.raises(InvalidInput, match="at least two"):
        tracking.sessions.merge([a.id])
    assert [p.session for p in tracking.sessions.for_day(DAY)] == [a, b]


def test_trimming_cuts_the_overlap_out(tracking):
    sessions = tracking.sessions
    long = sessions.add_local(DAY, _t(9), _t(12), note="long")
    sessions.add_local(DAY, _t(10), _t(10, 30))
    sessions.add_local(DAY, _t(11, 45), _t(12, 15))
    pieces = sessions.trim(long.id)
    assert [
        (p.start.astimezone(BERLIN).strftime("%H:%M"), p.end.astimezone(BERLIN).strftime("%H:%M"))
        for p in pieces
    ] == [
        ("09:00", "10:00"),
        ("10:30", "11:45"),
    ]
    assert pieces[0].id == long.id and all(p.note == "long" for p in pieces)
    assert all(sessions.overlaps(p.start, p.end, exclude=p.id) == [] for p in pieces)
    inside = sessions.add_local(DAY, _t(10, 5), _t(10, 20))
    with pytest.raises(InvalidInput, match="lies inside other sessions"):
        sessions.trim(inside.id)
    assert sessions.get(inside.id) == inside


def test_trim_against_chosen_sessions_only(tracking):
    sessions = tracking.sessions
    a = sessions.add_local(DAY, _t(9), _t(11))
    b = sessions.add_local(DAY, _t(10), _t(12))
    c = sessions.add_local(DAY, _t(8), _t(9, 30))
    (left,) = sessions.trim(a.id, against=[b.id])
    assert (left.start, left.end) == (a.start, b.start)
    assert sessions.overlaps(left.start, left.end, exclude=left.id) == [sessions.get(c.id)]


def test_the_last_labels_are_those_of_the_last_session_or_timer(tracking):
    reading = tracking.categories.find("Reading")
    writing = tracking.categories.find("Writing")
    maths = tracking.skills.ensure("Maths")
    assert tracking.sessions.last_labels() == Labels()
    day = dt.date(2026, 11, 20)
    tracking.sessions.add_local(day, dt.time(9), dt.time(10), category_id=reading.id)
    assert tracking.sessions.last_labels() == Labels(category_id=reading.id)
    tracking.timer.start(category_id=writing.id, skill_id=maths.id)
    assert tracking.sessions.last_labels() == Labels(category_id=writing.id, skill_id=maths.id)
    tracking.timer.cancel()
    tracking.skills.delete(maths.id)  # a label deleted since is not offered
    assert tracking.sessions.last_labels() == Labels(category_id=writing.id)
