"""The timeline: a row per sprint in start order, and every overlap named."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from journal_app.services.planning.data import SprintData
from journal_app.services.planning.timeline import lay_out

D = dt.date


def _sprint(sid: int, start: dt.date, days: int) -> SprintData:
    return SprintData(
        sid, f"S{sid}", "", "", start, start + dt.timedelta(days=days - 1), None, "planned"
    )


def test_each_sprint_has_its_row_in_start_order_and_overlaps_are_named(planner):
    one = planner.add_sprint("One", D(2026, 11, 2), D(2026, 11, 15), capacity_hours=1)
    two = planner.add_sprint("Two", D(2026, 11, 16), D(2026, 11, 29), capacity_hours=1)
    side = planner.add_sprint("Side", D(2026, 11, 10), D(2026, 11, 20), capacity_hours=1)
    bars = {b.id: b for b in planner.timeline()}
    assert (bars[one.id].lane, bars[side.id].lane, bars[two.id].lane) == (0, 1, 2)
    assert bars[one.id].overlaps == (side.id,)
    assert bars[two.id].overlaps == (side.id,)
    assert bars[side.id].overlaps == (one.id, two.id)
    assert bars[side.id].name == "Side" and bars[side.id].start == D(2026, 11, 10)


sprints = st.lists(st.tuples(st.integers(0, 120), st.integers(7, 56)), min_size=0, max_size=25).map(
    lambda xs: [
        _sprint(i + 1, D(2026, 1, 1) + dt.timedelta(days=a), n) for i, (a, n) in enumerate(xs)
    ]
)


@given(sprints)
def test_one_row_per_sprint_in_start_order_and_overlaps_are_mutual(found):
    bars = lay_out(found)
    assert sorted(b.id for b in bars) == sorted(s.id for s in found)
    by_id = {b.id: b for b in bars}
    for a in bars:
        for b in bars:
            if a.id == b.id:
                continue
            share = a.start <= b.end and b.start <= a.end
            assert (b.id in a.overlaps) == share
            if share:
                assert a.lane != b.lane
    assert [b.lane for b in bars] == list(range(len(bars)))
    assert [b.start for b in bars] == sorted(b.start for b in bars)
    assert len(by_id) == len(bars)
