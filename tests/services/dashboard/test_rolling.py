"""Rolling averages and shares, and sleep debt: hand-worked examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.dashboard.rolling import rolling_mean, rolling_share, share
from journal_app.services.dashboard.sleep_debt import sleep_debt

hours = st.floats(0, 24, allow_nan=False)


def test_the_seven_day_average_by_hand():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 2]  # (3+4+5+6+7+8+2) / 7 = 5
    assert rolling_mean(values) == (None,) * 6 + (4.0, 5.0, 5.0)
    assert rolling_mean([1, 2, 3, 4], window=3) == (None, None, 2.0, 3.0)
    assert rolling_mean([]) == ()
    with pytest.raises(ValueError):
        rolling_mean([1], window=0)


def test_the_production_share_by_hand():
    # window 2: (1+0)/(1+0+1+0) = 0.5; nothing logged -> None; 3/(3+1) = 0.75
    assert rolling_share([1, 0, 0, 3], [1, 0, 0, 1], window=2) == (None, 0.5, None, 0.75)
    assert share(2, 1) == pytest.approx(2 / 3)
    assert share(0, 0) is None and share(0, 2) == 0.0


def test_sleep_debt_by_hand():
    # target 8, window 3: owed 1; 1 (a missing night counts neither way); 1 + 2;
    # 2 - 1 (a long night pays back); 2 - 1 + 0
    assert sleep_debt([7, None, 6, 9, 8], 8, window=3) == (1.0, 1.0, 3.0, 1.0, 1.0)
    assert sleep_debt([None, None, 10], 8, window=3) == (None, None, 0.0)  # never banked
    assert sleep_debt([6.5] * 20, 8)[-1] == 14 * 1.5  # 14 nights by default


@given(st.lists(hours, min_size=1, max_size=60), st.integers(1, 30))
def test_a_rolling_mean_lies_within_its_window(values, window):
    means = rolling_mean(values, window)
    assert len(means) == len(values)
    assert means[: window - 1] == (None,) * min(window - 1, len(values))
    for end, mean in enumerate(means):
        if mean is not None:
            part = values[end + 1 - window : end + 1]
            assert min(part) - 1e-9 <= mean <= max(part) + 1e-9


@given(hours, st.integers(1, 40), st.integers(1, 10))
def test_a_steady_habit_averages_to_itself(value, days, window):
    assert all(m == pytest.approx(value) for m in rolling_mean([value] * days, window) if m)


@given(st.lists(st.tuples(hours, hours), min_size=1, max_size=60), st.integers(1, 30))
def test_a_share_is_a_fraction(pairs, window):
    part, other = [p for p, _ in pairs], [o for _, o in pairs]
    for value in rolling_share(part, other, window):
        assert value is None or 0.0 <= value <= 1.0
    only_part = rolling_share(part, [0.0] * len(part), window)
    assert all(v in (None, 1.0) for v in only_part)


nights = st.lists(st.one_of(st.none(), hours), min_size=1, max_size=50)


@given(nights, st.floats(0, 12, allow_nan=False), st.integers(1, 20))
def test_sleep_debt_is_never_negative_nor_more_than_the_window_can_owe(values, target, window):
    for debt in sleep_debt(values, target, window):
        assert debt is None or 0.0 <= debt <= window * target + 1e-9


@given(nights, st.floats(0, 12, allow_nan=False))
def test_sleeping_the_target_or_more_owes_nothing(values, target):
    enough = [None if v is None else target + v for v in values]
    assert all(d in (None, 0.0) for d in sleep_debt(enough, target))


@given(nights, st.data())
def test_more_sleep_never_adds_debt(values, data):
    logged = [i for i, v in enumerate(values) if v is not None]
    if not logged:
        return
    night = data.draw(st.sampled_from(logged))
    extra = data.draw(st.floats(0, 12, allow_nan=False))
    longer = list(values)
    longer[night] = values[night] + extra  # type: ignore[operator]
    for before, after in zip(sleep_debt(values, 8), sleep_debt(longer, 8), strict=True):
        assert (before is None) == (after is None)
        if before is not None:
            assert after <= before + 1e-9
