"""The editor's fields travel to the autosave as one frozen ``EntryFields``."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from journal_app.services.entries import EntryData
from journal_app.ui.journal.entry_draft import EntryFields

DAY = dt.date(2026, 11, 22)
SAVED = EntryData(
    id=7,
    day=DAY,
    title="Graphs",
    body="BFS and DFS",
    series=None,
    number=None,
    visibility="private",
    rev=3,
    tags=["algorithms", "graphs"],
)


def fields(**changes: object) -> EntryFields:
    base = EntryFields(
        title="Graphs",
        body="BFS and DFS",
        day=DAY,
        series=None,
        number=None,
        tags=("algorithms", "graphs"),
        visibility="private",
        sprint_id=None,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_unchanged_fields_write_nothing():
    assert fields().changed_from(SAVED) == {}


def test_only_what_differs_is_written_and_tags_go_as_a_list():
    changed = fields(body="BFS, DFS and Dijkstra", tags=("graphs",)).changed_from(SAVED)
    assert changed == {"body": "BFS, DFS and Dijkstra", "tags": ["graphs"]}
    assert isinstance(changed["tags"], list)


def test_fields_cannot_change_on_their_way_to_the_autosave():
    with pytest.raises(dataclasses.FrozenInstanceError):
        fields().title = "Trees"  # type: ignore[misc]
