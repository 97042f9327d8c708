"""The time axis, the zoom levels and the hover read-out (no plots needed)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.dashboard import DayValues
from journal_app.ui.dashboard.day_axis import label, level_for, ticks
from journal_app.ui.dashboard.frames import level_for as frame_level
from journal_app.ui.dashboard.readout import format_day
from journal_app.ui.dashboard.timeaxis import DAY, day_x, x_day

from .conftest import nov


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.floats(0, 0.999))
def test_a_day_and_its_x_agree(day, fraction):
    assert x_day(day_x(day) + fraction * DAY) == day


def test_axis_labels_read_as_people_count():
    assert level_for(60) == "days" and label(nov(23), "days") == "Mon 23"
    assert level_for(10) == "weeks" and label(nov(23), "weeks") == "23 Nov"
    assert level_for(2) == "months" and label(dt.date(2027, 1, 1), "months") == "Jan 2027"
    assert label(dt.date(2026, 3, 1), "months") == "Mar"
    assert level_for(0.1) == "years" and label(dt.date(2024, 1, 1), "years") == "2024"
    labelled, minor = ticks(nov(1), nov(30), "weeks")
    assert labelled == [nov(2), nov(9), nov(16), nov(23), nov(30)]  # Mondays
    assert len(minor) == 30
    labelled, _ = ticks(dt.date(2016, 3, 1), dt.date(2026, 11, 22), "years")
    assert labelled[0] == dt.date(2017, 1, 1) and len(labelled) == 10
    labelled, _ = ticks(dt.date(2016, 3, 1), dt.date(2064, 1, 1), "years")
    assert len(labelled) <= 13  # every few years when the span is long


def test_zoom_levels_follow_the_width_of_a_day():
    assert [frame_level(p) for p in (10, 3.5, 3.4, 0.5, 0.2)] == [
        "day",
        "day",
        "week",
        "week",
        "month",
    ]


def test_the_read_out_names_the_days_values():
    values = DayValues(
        day=nov(20),
        production=2.0,
        consumption=1.25,
        other=0.0,
        total=3.25,
        average=2.5,
        sleep=7.5,
        quality=4,
        sleep_debt=3.0,
        production_share=0.62,
        outputs=1,
        words=900,
        week_outputs=2,
        week_words=1200,
    )
    text = format_day(nov(20), values)
    assert text.startswith("<b>Fri 20 Nov 2026</b>")
    for part in (
        "deep work <b>3.2 h</b> (production 2.0, consumption 1.2, other 0.0)",
        "7-day average 2.5 h",
        "slept <b>7.5 h</b> (quality 4, good)",
        "sleep debt 3.0 h",
        "production share 62 %",
        "week's output 2 (1,200 words)",
    ):
        assert part in text
    assert format_day(nov(1), None) == "<b>Sun 1 Nov 2026</b> · nothing tracked"
    bare = DayValues(nov(20), 0, 0, 0, 0, None, None, None, None, None, 0, 0, 0, 0)
    assert "no night logged" in format_day(nov(20), bare)
