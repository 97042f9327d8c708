"""Weekly and monthly means for charts zoomed far out, and output per month."""

from __future__ import annotations

import datetime as dt
import math
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.dashboard.buckets import bucket_means, bucket_start, next_start
from journal_app.services.dashboard.output_weeks import output_weeks

from .conftest import days_from, nov


def test_weekly_means_by_hand():
    days = days_from(nov(16), 9)  # Monday 16 … Tuesday 24 November
    hours = [1.0, 2, 3, 4, 5, 6, 7, 8, 9]
    sleep = [None, 7.0, None, None, None, None, 9.0, None, None]
    found = bucket_means(days, {"hours": hours, "sleep": sleep}, "week")
    assert found.starts == (nov(16), nov(23))
    assert found.ends == (nov(23), nov(30))
    assert found.means["hours"] == (4.0, 8.5)  # 28 / 7, then 17 / 2
    assert found.means["sleep"] == (8.0, None)  # over the nights logged only
    assert found.days == (7, 2)


def test_monthly_buckets_by_hand():
    days = days_from(dt.date(2026, 10, 30), 4)  # 30, 31 October, 1, 2 November
    found = bucket_means(days, {"hours": [1.0, 3.0, 5.0, 5.0]}, "month")
    assert found.starts == (dt.date(2026, 10, 1), nov(1))
    assert found.ends == (nov(1), dt.date(2026, 12, 1))
    assert found.means["hours"] == (2.0, 5.0)
    assert next_start(dt.date(2026, 12, 1), "month") == dt.date(2027, 1, 1)
    assert bucket_start(nov(22), "week") == nov(16)
    with pytest.raises(ValueError):
        bucket_start(nov(22), "fortnight")


@given(
    st.lists(st.one_of(st.none(), st.floats(0, 24, allow_nan=False)), min_size=1, max_size=120),
    st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1)),
    st.sampled_from(["week", "month"]),
)
def test_bucket_means_weigh_back_to_the_overall_mean(values, first, size):
    days = days_from(first, len(values))
    found = bucket_means(days, {"v": values}, size)
    assert list(found.starts) == sorted({bucket_start(d, size) for d in days})
    assert sum(found.days) == len(days)
    held = [v for v in values if v is not None]
    counts = []
    for start, end in zip(found.starts, found.ends, strict=True):
        counts.append(
            sum(1 for d, v in zip(days, values, strict=True) if start <= d < end and v is not None)
        )
    total = math.fsum(m * c for m, c in zip(found.means["v"], counts, strict=True) if m is not None)
    assert total == pytest.approx(math.fsum(held), abs=1e-6)
    assert all((m is None) == (c == 0) for m, c in zip(found.means["v"], counts, strict=True))


def test_output_per_month():
    made = [
        SimpleNamespace(day=dt.date(2026, 10, 31), kind="code", words=None),
        SimpleNamespace(day=nov(1), kind="code", words=50),
        SimpleNamespace(day=nov(30), kind="explainer", words=900),
    ]
    found = output_weeks(made, dt.date(2026, 10, 15), nov(30), "month")
    assert found.weeks == (dt.date(2026, 10, 1), nov(1))
    assert found.counts["code"] == (1, 1) and found.words["explainer"] == (0, 900)
    assert found.index_of(nov(17)) == 1 and found.index_of(dt.date(2026, 12, 1)) is None
    assert found.totals_between(nov(2), nov(3)) == (2, 950)  # the whole of November
