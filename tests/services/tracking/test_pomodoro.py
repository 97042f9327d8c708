"""The Pomodoro schedule as pure arithmetic: phases tile the timeline, work is counted
exactly, numbering follows the work parts."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.tracking.pomodoro import (
    PomodoroConfig,
    next_work_start,
    phase_at,
    work_intervals,
)

configs = st.builds(
    PomodoroConfig,
    work_minutes=st.integers(1, 90),
    break_minutes=st.integers(0, 30),
    long_break_minutes=st.integers(0, 45),
    long_break_every=st.integers(0, 6),
)


def test_the_classic_schedule():
    config = PomodoroConfig()  # 25 / 5, 15 after every fourth
    kinds = [
        (phase_at(config, m * 60).kind, phase_at(config, m * 60).number)
        for m in (0, 24, 25, 29, 30, 100, 115, 130)
    ]
    assert kinds == [
        ("work", 1),
        ("work", 1),
        ("break", 1),
        ("break", 1),
        ("work", 2),
        ("work", 4),
        ("long_break", 4),
        ("work", 5),
    ]


def test_no_breaks_means_back_to_back_work_parts():
    config = PomodoroConfig(work_minutes=50, break_minutes=0, long_break_minutes=0)
    assert work_intervals(config, 0, 3 * 3600) == [
        (0, 3000),
        (3000, 6000),
        (6000, 9000),
        (9000, 10800),
    ]
    assert phase_at(config, 3000).number == 2


@given(config=configs, start=st.floats(0, 20_000), length=st.floats(0, 40_000))
def test_phases_tile_the_timeline_and_work_is_counted_once(config, start, length):
    end = start + length
    pieces = work_intervals(config, start, end)
    assert all(start <= a < b <= end for a, b in pieces)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(pieces))
    # Every piece lies in a work part; the time outside them is in breaks.
    for a, b in pieces:
        phase = phase_at(config, a)
        assert phase.is_work and b <= phase.end + 1e-6
    worked = sum(b - a for a, b in pieces)
    assert 0 <= worked <= length + 1e-6
    if config.break_minutes == 0 and (
        config.long_break_minutes == 0 or config.long_break_every == 0
    ):
        assert abs(worked - length) < 1e-6


@given(config=configs, active=st.floats(0, 100_000))
def test_a_phase_contains_its_instant_and_the_next_starts_where_it_ends(config, active):
    phase = phase_at(config, active)
    assert phase.start <= active < phase.end
    following = phase_at(config, phase.end)
    assert following.start == phase.end or abs(following.start - phase.end) < 1e-6
    assert following.number in (phase.number, phase.number + 1)
    assert next_work_start(config, active) >= active
    assert phase_at(config, next_work_start(config, active)).is_work
