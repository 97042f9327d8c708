from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.sync.hlc import HybridClock, Stamp

A, B = "a" * 32, "b" * 32
T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def test_stamps_made_in_one_millisecond_still_increase():
    clock = HybridClock(A, lambda: T0)
    stamps = [clock.now() for _ in range(3)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3
    assert [str(s) for s in stamps] == sorted(str(s) for s in stamps)


def test_a_clock_that_went_back_still_makes_later_stamps():
    now = [T0]
    clock = HybridClock(A, lambda: now[0])
    first = clock.now()
    now[0] = T0 - dt.timedelta(hours=3)
    assert clock.now() > first


def test_after_seeing_a_stamp_from_hours_ahead_the_next_one_is_later():
    fast = HybridClock(B, lambda: T0 + dt.timedelta(hours=3)).now()
    slow = HybridClock(A, lambda: T0)
    slow.observe(fast)
    assert slow.now() > fast


@pytest.mark.parametrize("text", ["", "0.0.a", "0" * 12 + ".0000." + "A" * 32, None, 7])
def test_a_bad_stamp_is_refused(text):
    with pytest.raises(ValueError):
        Stamp.parse(text)


@given(st.lists(st.tuples(st.integers(0, 2**40), st.integers(0, 0xFFFF)), max_size=20))
def test_the_text_of_stamps_sorts_like_the_stamps(values):
    stamps = [Stamp(w, c, A) for w, c in values]
    assert sorted(stamps) == [Stamp.parse(t) for t in sorted(str(s) for s in stamps)]
