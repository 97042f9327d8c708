"""The full-text index follows every change to entries and tags (triggers in schema v2)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_app.db.models import Entry, EntryTag, Tag

WORDS = ["attention", "backprop", "tensor", "ünïcode", "日本語", "gradient", "sleep"]

operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(WORDS), st.sampled_from(WORDS)),
        st.tuples(st.just("edit"), st.integers(0, 9), st.sampled_from(WORDS)),
        st.tuples(st.just("tag"), st.integers(0, 9), st.sampled_from(WORDS)),
        st.tuples(st.just("untag"), st.integers(0, 9), st.sampled_from(WORDS)),
        st.tuples(st.just("rename"), st.sampled_from(WORDS), st.sampled_from(WORDS)),
        st.tuples(st.just("delete"), st.integers(0, 9), st.just("")),
    ),
    max_size=25,
)


def _apply(op: tuple[str, object, str]) -> None:
    kind, a, b = op
    ids = [e.id for e in Entry.select(Entry.id).order_by(Entry.id)]
    if kind == "add":
        Entry.create(day=dt.date(2026, 1, 1), title=str(a), body=f"notes on {b}")
        return
    if kind == "rename":
        tag = Tag.get_or_none(Tag.name == a)
        if tag and not Tag.get_or_none(Tag.name == f"{b}-x"):
            tag.name = f"{b}-x"
            tag.save()
        return
    if not ids:
        return
    entry = Entry.get_by_id(ids[int(a) % len(ids)])
    if kind == "edit":
        entry.body = f"{entry.body} {b}"
        entry.save()
    elif kind == "tag":
        tag, _ = Tag.get_or_create(name=b)
        EntryTag.get_or_create(entry=entry, tag=tag)
    elif kind == "untag":
        EntryTag.delete().where(EntryTag.entry == entry).execute()
    elif kind == "delete":
        entry.delete_instance()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations)
def test_index_matches_entries_after_any_sequence_of_changes(services, ops):
    db = Entry._meta.database
    with db.atomic() as txn:
        for op in ops:
            _apply(op)
        # rank=1 also compares the index with the content it was built from.
        db.execute_sql("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")
        for word in WORDS:
            found = {
                r[0]
                for r in db.execute_sql(
                    "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?", (f'"{word}"',)
                )
            }
            expected = {
                e.id
                for e in Entry.select()
                if word in f"{e.title} {e.body}".split()
                or any(word in t.tag.name.split("-") for t in e.entry_tags)
            }
            assert found == expected, word
        txn.rollback()
