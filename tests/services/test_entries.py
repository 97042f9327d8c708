"""Entries through the services facade: what the CLI and the UI both rely on."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_app.config import check_data_dir
from journal_app.db.models import Entry
from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.entries import StaleRevision


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


# --------------------------------------------------------------------------- series


def test_next_number_continues_the_series_and_starts_new_ones_at_one(services):
    entries = services.entries
    assert entries.next_number("Self Study Journal") == 1
    entries.create(day=dt.date(2026, 1, 1), series="Self Study Journal", number=5)
    entries.create(day=dt.date(2026, 1, 2), series="Self Study Journal", number=6)
    entries.create(day=dt.date(2026, 1, 3), series="Day of ML", number=0)
    assert entries.next_number("Self Study Journal") == 7
    assert entries.next_number("  Self Study Journal ") == 7
    assert entries.next_number("Day of ML") == 1
    assert entries.next_number("self study journal") == 1  # series names are exact
    assert entries.series_names() == ["Day of ML", "Self Study Journal"]


def test_a_trashed_entry_gives_its_number_back(services):
    entries = services.entries
    entries.create(day=dt.date(2026, 1, 1), series="SSJ", number=1)
    second = entries.create(day=dt.date(2026, 1, 2), series="SSJ", number=2)
    entries.trash(second.id)
    assert entries.next_number("SSJ") == 2


# --------------------------------------------------------------------------- lists


def test_summaries_are_newest_first_with_series_and_visibility(services):
    entries = services.entries
    a = entries.create(day=dt.date(2026, 3, 1), title="A", series="SSJ", number=1)
    b = entries.create(day=dt.date(2026, 3, 2), title="B", visibility="public")
    c = entries.create(day=dt.date(2026, 3, 2), title="C")
    gone = entries.create(day=dt.date(2026, 3, 3), title="gone")
    entries.trash(gone.id)
    summaries = entries.summaries()
    assert [s.id for s in summaries] == [c.id, b.id, a.id]
    assert (summaries[2].series, summaries[2].number) == ("SSJ", 1)
    assert summaries[1].visibility == "public"
    assert all(s.deleted_at is None for s in summaries)
    assert [s.id for s in entries.summaries(limit=2)] == [c.id, b.id]


def test_days_with_entries_marks_the_calendar(services):
    entries = services.entries
    for day in (1, 1, 5, 31):
        entries.create(day=dt.date(2026, 1, day))
    entries.create(day=dt.date(2026, 2, 1))
    gone = entries.create(day=dt.date(2026, 1, 9))
    entries.trash(gone.id)
    assert entries.days_with_entries(dt.date(2026, 1, 1), dt.date(2026, 1, 31)) == {
        dt.date(2026, 1, 1),
        dt.date(2026, 1, 5),
        dt.date(2026, 1, 31),
    }


def test_tag_names_are_those_in_use(services):
    entries = services.entries
    entries.create(day=dt.date(2026, 1, 1), tags=["ml", "Papers"])
    gone = entries.create(day=dt.date(2026, 1, 2), tags=["secret"])
    entries.trash(gone.id)
    assert entries.tag_names() == ["ml", "Papers"]


# --------------------------------------------------------------------------- update


def test_update_saves_every_field_and_bumps_the_revision(services, clock):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 1, 1), title="draft", tags=["ml"])
    assert made.created_at == clock.now == made.updated_at
    clock.advance(seconds=30)
    sprint = _sprint()
    saved = entries.update(
        made.id,
        expected_rev=1,
        title="Self Study Journal #6",
        body="# Sprint 1 review",
        day=dt.date(2026, 1, 2),
        series="Self Study Journal",
        number=6,
        tags=["#sprint-review", "ml"],
        visibility="public",
        sprint_id=sprint,
        published_url=" https://example.org/6 ",
    )
    assert saved.rev == 2
    assert saved.updated_at == clock.now and saved.created_at == made.created_at
    assert saved == entries.get(made.id)
    assert (saved.title, saved.body, saved.day) == (
        "Self Study Journal #6",
        "# Sprint 1 review",
        dt.date(2026, 1, 2),
    )
    assert (saved.series, saved.number, saved.visibility) == ("Self Study Journal", 6, "public")
    assert (saved.sprint_id, saved.published_url) == (sprint, "https://example.org/6")
    assert saved.tags == ["ml", "sprint-review"]
    cleared = entries.update(made.id, expected_rev=2, series=None, number=None, sprint_id=None)
    assert (cleared.series, cleared.number, cleared.sprint_id, cleared.rev) == (None, None, None, 3)


def _sprint() -> int:
    from journal_app.db.models import Sprint

    return Sprint.create(name="Sprint 1", start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 14)).id


def test_unchanged_values_do_not_bump_the_revision(services, clock):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 1, 1), title="same", body="text", tags=["a", "b"])
    clock.advance(minutes=1)
    again = entries.update(made.id, expected_rev=1, title="same", body="text", tags=["b", "#a"])
    assert again.rev == 1
    assert again.updated_at == made.updated_at


def test_a_stale_editor_cannot_overwrite_newer_text(services):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 1, 1), title="t", body="first")
    entries.update(made.id, expected_rev=1, body="written in another window")
    with pytest.raises(StaleRevision) as caught:
        entries.update(made.id, expected_rev=1, body="stale editor's text")
    assert caught.value.current.body == "written in another window"
    assert caught.value.current.rev == 2
    assert entries.get(made.id).body == "written in another window"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"day": dt.date(1899, 12, 31)}, "outside 1900-2100"),
        ({"visibility": "secret"}, "visibility must be"),
        ({"number": -1}, "0 or more"),
        ({"number": "7"}, "whole number"),
        ({"sprint_id": 999}, "there is no sprint 999"),
        ({"title": 7}, "must be text"),
        ({"tags": "ml"}, "list of names"),
    ],
)
def test_invalid_updates_change_nothing(services, kwargs, message):
    made = services.entries.create(day=dt.date(2026, 1, 1), title="kept", body="kept")
    with pytest.raises(InvalidInput, match=message):
        services.entries.update(made.id, expected_rev=1, body="new", **kwargs)
    assert services.entries.get(made.id) == made


def test_updating_a_missing_entry_is_a_clear_error(services):
    with pytest.raises(InvalidInput, match="there is no entry 9"):
        services.entries.update(9, expected_rev=1, title="x")


# --------------------------------------------------------------------------- any text


def _storable(text: str) -> str:
    """What the journal keeps: surrogate pairs joined, lone surrogates as U+FFFD."""
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if "\ud800" <= c <= "\udbff" and i + 1 < len(text) and "\udc00" <= text[i + 1] <= "\udfff":
            high, low = ord(c) - 0xD800, ord(text[i + 1]) - 0xDC00
            out.append(chr(0x10000 + (high << 10) + low))
            i += 2
            continue
        out.append("\ufffd" if "\ud800" <= c <= "\udfff" else c)
        i += 1
    return "".join(out)


HOSTILE = [
    "before\x00after NUL",
    "שלום עולם — مرحبا بالعالم",  # right-to-left
    "👩‍👩‍👧‍👦 family, 🏳️‍🌈 flag",  # emoji joined with ZWJ
    "lone \ud83d surrogate",
    "pair from a clipboard \ud83e\udde0",
    "\udfff\ud800",
]
# Any code point, with surrogates, NUL, joiners and direction marks drawn often.
any_text = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=()),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
        st.sampled_from(["\x00", "\u200d", "\u202e", "\u05d0", "🧠"]),
    ),
    max_size=200,
)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_round_trips(services, text):
    made = services.entries.create(day=dt.date(2026, 1, 1), title=text, body=text)
    assert services.entries.get(made.id).body == _storable(text)
    saved = services.entries.update(made.id, expected_rev=1, body=text + "!", title="t")
    assert services.entries.get(made.id) == saved
    assert saved.body == _storable(text) + "!"


def test_a_pasted_surrogate_pair_is_the_emoji_itself(services):
    made = services.entries.create(day=dt.date(2026, 1, 1), body="\ud83e\udde0")
    assert services.entries.get(made.id).body == "🧠"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=any_text, body=any_text, tags=st.lists(any_text, max_size=4))
def test_any_text_round_trips_through_update(services, title, body, tags):
    entries = services.entries
    made = entries.create(day=dt.date(2026, 1, 1), body="start")
    saved = entries.update(made.id, expected_rev=made.rev, title=title, body=body, tags=tags)
    got = entries.get(made.id)
    assert got == saved
    assert (got.title, got.body) == (_storable(title), _storable(body))
    expected_tags = {_storable(t).strip().lstrip("#").strip() for t in tags} - {""}
    assert set(got.tags) == expected_tags
    # The search index took the text as well (triggers, schema v2).
    Entry._meta.database.execute_sql(
        "INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)"
    )


def test_summaries_page_by_day_and_id_and_count_leaves_out_the_trash(services):
    day = dt.date(2026, 3, 2)
    made = [
        services.entries.create(day=day - dt.timedelta(days=n // 2), title=f"E{n}")
        for n in range(10)
    ]
    services.entries.trash(made[0].id)
    entries = services.entries
    assert entries.count() == 9
    everything = entries.summaries()
    assert [s.id for s in everything] == [
        s.id for s in sorted(everything, key=lambda s: (s.day, s.id), reverse=True)
    ]
    first = entries.summaries(limit=3)
    assert first == everything[:3]
    rest = entries.summaries(before=(first[-1].day, first[-1].id))
    assert first + rest == everything
    since = day - dt.timedelta(days=2)
    assert entries.summaries(since=since) == [s for s in everything if s.day >= since]
    assert entries.day_of(made[5].id) == made[5].day
    assert entries.day_of(made[0].id) is None  # in the trash
