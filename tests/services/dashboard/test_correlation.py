"""Spearman's rho: a textbook example, the reasons for giving none, and properties."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from journal_app.services.dashboard.correlation import (
    MIN_PAIRS,
    Correlation,
    pearson,
    ranks,
    spearman,
)

# Wikipedia's worked example ("Spearman's rank correlation coefficient"): IQ against
# hours of TV a week; rho = 1 - 6·194 / (10·99) = -29/165.
IQ = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110]
TV = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17]


def test_the_textbook_example():
    found = spearman(IQ, TV, min_pairs=10)
    assert found.rho == pytest.approx(-29 / 165)
    assert found.n == 10 and found.reason == ""
    assert found.describe() == "weak negative"


def test_ties_share_the_average_rank():
    assert ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]
    assert ranks([5, 5, 5]) == [2, 2, 2]
    assert ranks([]) == []


def test_fewer_than_fourteen_days_give_no_coefficient_and_say_why():
    assert MIN_PAIRS == 14
    found = spearman(list(range(13)), list(range(13)))
    assert found == Correlation(
        None, 13, "A coefficient needs at least 14 days with both values; this range has only 13."
    )
    assert "none yet" in spearman([], []).reason
    assert spearman(list(range(14)), list(range(14))).rho == pytest.approx(1.0)


def test_a_value_that_never_changes_gives_no_coefficient():
    found = spearman([7.0] * 20, list(range(20)), x_name="sleep the night before")
    assert found.rho is None and found.n == 20
    assert found.reason.startswith("Sleep the night before is the same on every day")


def test_plain_readings():
    assert Correlation(0.05, 30, "").describe() == "no clear link"
    assert Correlation(0.6, 30, "").describe() == "strong positive"
    assert Correlation(-0.35, 30, "").describe() == "moderate negative"
    assert Correlation(None, 3, "why").describe() == ""


# Hours to the hundredth, as logged: a transform of such values keeps them apart (with
# subnormal floats, 2·y − 1 would merge distinct values into ties).
hours = st.integers(0, 2400).map(lambda v: v / 100)


def _pairs(draw_length: int):
    return st.tuples(
        st.lists(hours, min_size=draw_length, max_size=draw_length),
        st.lists(hours, min_size=draw_length, max_size=draw_length),
    )


paired = st.integers(MIN_PAIRS, 50).flatmap(_pairs)


@given(paired)
def test_rho_is_between_minus_one_and_one_and_symmetric(pair):
    xs, ys = pair
    one, other = spearman(xs, ys), spearman(ys, xs)
    assert one.n == len(xs)
    if one.rho is None:
        assert one.reason
        return
    assert -1.0 <= one.rho <= 1.0
    assert other.rho == pytest.approx(one.rho)


@given(paired)
def test_rho_ignores_the_scale_only_the_order_counts(pair):
    xs, ys = pair
    found = spearman(xs, ys)
    squashed = spearman([x**3 + 5 for x in xs], [2 * y - 1 for y in ys])  # both increasing
    assume(found.rho is not None and squashed.rho is not None)
    assert squashed.rho == pytest.approx(found.rho, abs=1e-9)
    flipped = spearman([-x for x in xs], ys)
    assert flipped.rho == pytest.approx(-found.rho, abs=1e-9)


@given(st.lists(hours, min_size=MIN_PAIRS, max_size=60, unique=True))
def test_a_value_against_itself_is_one_and_against_its_opposite_minus_one(xs):
    assert spearman(xs, xs).rho == pytest.approx(1.0)
    assert spearman(xs, [-x for x in xs]).rho == pytest.approx(-1.0)


@given(st.permutations(list(range(MIN_PAIRS + 6))), st.permutations(list(range(MIN_PAIRS + 6))))
def test_without_ties_rho_is_the_classic_formula(xs, ys):
    n = len(xs)
    squares = sum((x - y) ** 2 for x, y in zip(ranks(xs), ranks(ys), strict=True))
    assert spearman(xs, ys).rho == pytest.approx(1 - 6 * squares / (n * (n * n - 1)))


def test_pearson_needs_spread():
    assert pearson([1, 2], [3, 3]) is None
    assert pearson([1], [1]) is None
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
