"""The figures the timer shows."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.ui.timer import format as fmt

T = dt.timedelta


@pytest.mark.parametrize(
    ("delta", "text"),
    [(T(0), "0:00:00"), (T(seconds=59.9), "0:00:59"), (T(hours=26, seconds=61), "26:01:01")],
)
def test_clock_text(delta, text):
    assert fmt.clock_text(delta) == text
    assert fmt.clock_text(-delta) == "0:00:00"


@pytest.mark.parametrize(
    ("delta", "text"),
    [(T(seconds=0.2), "0:01"), (T(minutes=25), "25:00"), (T(minutes=90), "1:30:00")],
)
def test_remaining_text_rounds_up(delta, text):
    assert fmt.remaining_text(delta) == text


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (T(seconds=40), "40 s"),
        (T(minutes=12, seconds=59), "12 min"),
        (T(hours=1, minutes=5), "1 h 5 min"),
        (T(hours=3), "3 h"),
        (T(days=2, hours=3), "2 d 3 h"),
    ],
)
def test_duration_text(delta, text):
    assert fmt.duration_text(delta) == text
