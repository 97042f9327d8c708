"""Entries through the services facade: what the CLI and the UI both rely on."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.config import check_data_dir
from journal_app.errors import InvalidInput
from journal_app.services import Services


def test_created_entry_reads_back_with_its_tags(services):
    made = services.entries.create(
        day=dt.date(2026, 11, 20),
        title="Self Study Journal #6",
        body="# Sprint 1 review\n\nUnderstood **attention**.",
        series="Self Study Journal",
        number=6,
        tags=["ml", "#sprint-review", "ml", "  "],
    )
    got = services.entries.get(made.id)
    assert got.title == "Self Study Journal #6"
    assert got.tags == ["ml", "sprint-review"]
    assert (got.series, got.number, got.rev, got.visibility) == (
        "Self Study Journal",
        6,
        1,
        "private",
    )


def test_recent_lists_newest_day_first_and_skips_the_trash(services):
    for day in (3, 1, 2):
        services.entries.create(day=dt.date(2026, 1, day), title=f"Day {day}")
    assert [e.title for e in services.entries.recent(10)] == ["Day 3", "Day 2", "Day 1"]
    assert services.entries.count() == 3


def test_entries_survive_closing_and_reopening(data_paths, clock):
    with Services.open(data_paths, clock=clock) as svc:
        entry_id = svc.entries.create(day=dt.date(2026, 5, 1), title="kept", body="ünïcode ✓ 🧠").id
    with Services.open(data_paths, clock=clock) as svc:
        assert svc.entries.get(entry_id).body == "ünïcode ✓ 🧠"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"day": dt.date(1899, 12, 31)}, "outside 1900-2100"),
        ({"day": dt.date(2101, 1, 1)}, "outside 1900-2100"),
        ({"day": dt.date(2026, 1, 1), "visibility": "secret"}, "visibility must be"),
    ],
)
def test_invalid_entries_are_refused_and_nothing_is_saved(services, kwargs, message):
    with pytest.raises(InvalidInput, match=message):
        services.entries.create(title="x", **kwargs)
    assert services.entries.count() == 0


def test_missing_entry_is_a_clear_error(services):
    with pytest.raises(InvalidInput, match="there is no entry 42"):
        services.entries.get(42)


def test_default_data_dir_is_created_with_its_parents(tmp_path):
    target = tmp_path / "a" / "b" / "journal-app"
    paths = check_data_dir(target, create=True, create_parents=True)
    assert paths.root.is_dir()
