"""Links between entries: the title lookup, backlinks with their sentence, renaming."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2026, 11, 20)


def _entry(services, title: str, body: str = "", days: int = 0, **kw):
    return services.entries.create(day=DAY + dt.timedelta(days=days), title=title, body=body, **kw)


def test_the_index_resolves_titles_the_oldest_first_and_series_numbers(services):
    rule = _entry(services, "Chain  Rule")
    _entry(services, "chain rule", days=1)  # a newer namesake does not take the links
    log42 = _entry(services, "Log", series="Self Study", number=42)
    other42 = _entry(services, "Other", series="Reading", number=42)
    only7 = _entry(services, "Seven", series="Reading", number=7)
    index = services.links.index()
    assert index.resolve(" chain rule ") == rule.id
    assert index.resolve("#42", "Self Study") == log42.id
    assert index.resolve("#42", "Reading") == other42.id
    assert index.resolve("#42") is None  # two series have a #42: ambiguous
    assert index.resolve("#7") == only7.id
    assert index.resolve("Nothing") is None
    assert index.titles == ["Chain  Rule", "Log", "Other", "Seven"]


def test_backlinks_list_each_linking_entry_with_its_sentence(services):
    target = _entry(services, "Chain rule", "d/dx", series="Study", number=3)
    a = _entry(services, "Backprop", "Intro.\nWe apply the [[chain rule|rule]] twice. More.", 1)
    b = _entry(services, "Numbered", "As in [[#3]], again.", 2, series="Study", number=4)
    c = _entry(services, "Imported", f"See [the note](entry:{target.id}).", 3)
    _entry(services, "Unrelated", "The chain rule, unlinked. [[Chain rules]]", 4)
    trashed = _entry(services, "Gone", "[[Chain rule]]", 5)
    services.entries.trash(trashed.id)
    found = services.links.backlinks(target.id)
    assert [(b.entry_id, b.sentence) for b in found] == [
        (c.id, "See the note."),
        (b.id, "As in #3, again."),
        (a.id, "We apply the rule twice."),
    ]


def test_backlinks_to_a_title_without_words(services):
    target = _entry(services, "🙂")
    source = _entry(services, "Mood", "Today: [[🙂]]", 1)
    assert [b.entry_id for b in services.links.backlinks(target.id)] == [source.id]


def test_renaming_rewrites_the_links_in_one_transaction_with_snapshots(services):
    target = _entry(services, "Chain rule")
    a = _entry(services, "A", "[[Chain rule]] and [[chain rule|the rule]] and [[Other]]", 1)
    b = _entry(services, "B", "Only [[Chain Rule]].", 2)
    untouched = _entry(services, "C", "No links.", 3)
    services.entries.update(target.id, expected_rev=target.rev, title="Chain rule (calculus)")
    assert sorted(services.links.linking_title(target.id, "Chain rule")) == [a.id, b.id]
    assert services.links.rename_links(target.id, "Chain rule", "Chain rule (calculus)") == 2
    assert services.entries.get(a.id).body == (
        "[[Chain rule (calculus)]] and [[Chain rule (calculus)|the rule]] and [[Other]]"
    )
    assert services.entries.get(b.id).body == "Only [[Chain rule (calculus)]]."
    assert services.entries.get(b.id).rev == b.rev + 1
    assert services.entries.get(untouched.id).rev == untouched.rev
    (snapshot,) = services.entries.history(b.id)
    assert snapshot.reason == "before renaming links"
    assert services.entries.revision(snapshot.id).body == "Only [[Chain Rule]]."
    assert [x.entry_id for x in services.links.backlinks(target.id)] == [b.id, a.id]


def test_renaming_leaves_links_that_meant_an_older_namesake(services):
    _entry(services, "Notes")
    newer = _entry(services, "Notes", days=1)
    _entry(services, "Source", "[[Notes]]", 2)
    services.entries.update(newer.id, expected_rev=newer.rev, title="Notes 2")
    assert services.links.linking_title(newer.id, "Notes") == []
    assert services.links.rename_links(newer.id, "Notes", "Notes 2") == 0
