"""Learning in public: blog Markdown without private tags, standalone HTML, the thread
of an entry, and the published URL on the entry and its output."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.tracking.common import put_setting
from journal_app.services.transfer import publish
from journal_app.services.transfer.common import split_front_matter

from .conftest import add_entry, png


def test_blog_markdown_leaves_private_tags_out(journal):
    put_setting("publish.private_tags", "health, Family")
    entry = add_entry(
        journal,
        dt.date(2026, 3, 10),
        "Backprop by hand",
        "Notes #ml #private #health #family\n\n`#private stays in code`\n",
        tags=["ml", "private", "_wip", "health", "family", "maths"],
    )
    image = journal.attachments.add_image(entry.id, png(1, 1, 1))
    journal.entries.update(
        entry.id,
        expected_rev=entry.rev,
        body=journal.entries.get(entry.id).body + f"![g]({image.url})\n",
    )
    meta, body = split_front_matter(publish.blog_markdown(entry.id), "x")
    assert meta == {"title": "Backprop by hand", "date": "2026-03-10", "tags": ["maths", "ml"]}
    assert body.splitlines()[0] == "Notes #ml"
    assert "`#private stays in code`" in body
    assert f"![g]({image.filename})" in body


def test_standalone_html_and_thread_of_an_entry(journal):
    entry = add_entry(journal, dt.date(2026, 3, 10), "Day 12", "Read a paper. #private")
    page = publish.standalone_html(journal, entry.id)
    assert page.startswith("<!DOCTYPE html>") and "<h1>Day 12</h1>" in page
    assert publish.thread_posts(entry.id) == ["Day 12\n\nRead a paper."]


def test_recording_the_published_url_sets_entry_and_output(journal, clock):
    entry = add_entry(journal, dt.date(2026, 3, 10), "Backprop by hand", "word " * 120)
    first = publish.record_published_url(journal, entry.id, "https://blog.example/backprop")
    assert first.created_output
    assert journal.entries.get(entry.id).published_url == "https://blog.example/backprop"
    output = journal.outputs.get(first.output.id)
    assert (output.kind, output.status, output.url, output.entry_id, output.words) == (
        "blog_post",
        "published",
        "https://blog.example/backprop",
        entry.id,
        120,
    )
    # A second address replaces the first, on the same output.
    again = publish.record_published_url(journal, entry.id, "https://x.com/me/status/1")
    assert not again.created_output and again.output.id == first.output.id
    assert journal.outputs.get(first.output.id).url == "https://x.com/me/status/1"
    assert len(journal.outputs.list()) == 1


def test_a_bad_url_changes_nothing(journal):
    entry = add_entry(journal, dt.date(2026, 3, 10), "T", "b")
    with pytest.raises(InvalidInput, match="must start with http"):
        publish.record_published_url(journal, entry.id, "blog.example/x")
    assert journal.entries.get(entry.id).published_url == ""
    assert journal.outputs.list() == []
