"""Sprints as the editor and templates see them (read-only)."""

from __future__ import annotations

import datetime as dt

from journal_app.db.models import Sprint


def _sprint(name: str, start: dt.date, days: int = 14, status: str = "planned") -> int:
    end = start + dt.timedelta(days=days - 1)
    return Sprint.create(name=name, start=start, end=end, status=status).id


def test_sprints_are_listed_newest_first(services):
    one = _sprint("Sprint 1", dt.date(2026, 1, 5), status="closed")
    three = _sprint("Sprint 3", dt.date(2026, 2, 2))
    two = _sprint("Sprint 2", dt.date(2026, 1, 19), status="active")
    listed = services.sprints.list()
    assert [s.id for s in listed] == [three, two, one]
    assert (listed[1].name, listed[1].start, listed[1].end, listed[1].status) == (
        "Sprint 2",
        dt.date(2026, 1, 19),
        dt.date(2026, 2, 1),
        "active",
    )


def test_the_active_sprint_is_the_one_running_that_day(services):
    sprints = services.sprints
    assert sprints.active(dt.date(2026, 1, 10)) is None
    _sprint("Sprint 1", dt.date(2026, 1, 5), status="closed")
    assert sprints.active(dt.date(2026, 1, 10)) is None  # closed early: not running
    planned = _sprint("Side sprint", dt.date(2026, 1, 8), days=7)
    assert sprints.active(dt.date(2026, 1, 10)).id == planned
    active = _sprint("Sprint 1b", dt.date(2026, 1, 6), status="active")
    assert sprints.active(dt.date(2026, 1, 10)).id == active  # marked active wins
    assert sprints.active(dt.date(2026, 1, 19)).id == active  # its last day
    assert sprints.active(dt.date(2026, 1, 20)) is None


def test_sprints_service_is_built_on_first_use(services):
    assert "sprints" not in vars(services)
    assert services.sprints is services.sprints
