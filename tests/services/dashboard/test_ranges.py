"""Ranges: week, month, quarter, year, all and custom, worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_app.errors import InvalidInput
from journal_app.services.dashboard.ranges import DateRange, months_before, resolve_range

from .conftest import TODAY, nov


def test_each_kind_ends_today_and_reaches_back_as_a_person_counts():
    assert resolve_range("week", TODAY) == DateRange(nov(16), nov(22), "week")
    assert resolve_range("month", TODAY) == DateRange(dt.date(2026, 10, 23), TODAY, "month")
    assert resolve_range("quarter", TODAY).first == dt.date(2026, 8, 23)
    assert resolve_range("year", TODAY).first == dt.date(2025, 11, 23)
    assert resolve_range("year", TODAY).days == 365
    assert resolve_range("all", TODAY, first_day=dt.date(2016, 11, 21)).first == dt.date(
        2016, 11, 21
    )
    assert resolve_range("all", TODAY).first == TODAY  # nothing tracked yet


def test_a_month_back_from_the_31st_lands_on_the_months_end():
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2026, 1, 15), 3) == dt.date(2025, 10, 15)
    assert resolve_range("month", dt.date(2026, 3, 31)).first == dt.date(2026, 3, 1)


def test_custom_ranges_are_checked():
    custom = resolve_range("custom", TODAY, custom=(nov(1), nov(10)))
    assert (custom.first, custom.last, custom.days) == (nov(1), nov(10), 10)
    assert nov(5) in custom and nov(11) not in custom
    with pytest.raises(InvalidInput, match="start on or before"):
        resolve_range("custom", TODAY, custom=(nov(10), nov(1)))
    with pytest.raises(InvalidInput, match="needs a first and a last day"):
        resolve_range("custom", TODAY)
    with pytest.raises(InvalidInput, match="outside 1900-2100"):
        resolve_range("custom", TODAY, custom=(dt.date(1800, 1, 1), nov(1)))
    with pytest.raises(InvalidInput, match="must be one of"):
        resolve_range("fortnight", TODAY)


def test_labels_read_naturally():
    assert DateRange(nov(16), nov(22)).label() == "16 Nov – 22 Nov 2026"
    assert DateRange(dt.date(2025, 11, 23), TODAY).label() == "23 Nov 2025 – 22 Nov 2026"
    assert DateRange(TODAY, TODAY).label() == "Sun 22 Nov 2026"


@given(st.dates(dt.date(1902, 1, 1), dt.date(2100, 12, 31)))
def test_every_range_ends_today_and_has_a_calendar_length(today):
    lengths = {"week": {7}, "month": {28, 29, 30, 31}, "quarter": set(range(89, 93))}
    lengths["year"] = {365, 366}
    for kind, allowed in lengths.items():
        found = resolve_range(kind, today)
        assert found.last == today and today in found
        assert found.days in allowed, kind
    month = resolve_range("month", today)
    assert months_before(today, 1) < month.first  # never more than a month back
