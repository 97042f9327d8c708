"""[[Links]] between entries: found, resolved at render time, retargeted on a rename."""

from __future__ import annotations

import re

from journal_app.markdown import render
from journal_app.wikilinks import (
    find_links,
    retarget,
    sentence_around,
    title_from_new_entry_url,
    title_key,
)

TITLES = {"chain rule": 5, "#42": 7}


def resolve(target: str) -> int | None:
    return TITLES.get(title_key(target))


def test_links_resolve_to_entries_or_show_as_missing():
    html = render(
        "See [[Chain  rule]], [[chain rule|the rule]], [[#42]], [[Not yet]] and [[#9]].",
        links=resolve,
    )
    assert '<a class="wikilink" href="entry:5" rel="noopener noreferrer">Chain  rule</a>' in html
    assert '<a class="wikilink" href="entry:5" rel="noopener noreferrer">the rule</a>' in html
    assert 'href="entry:7"' in html
    assert '<a class="missing" href="newentry:Not%20yet"' in html
    assert '<span class="missing">#9</span>' in html  # a number cannot be created


def test_links_stay_text_in_code_embeds_and_without_a_resolver():
    html = render("`[[Chain rule]]` and ![[photo.png]]", links=resolve)
    assert "<code>[[Chain rule]]</code>" in html and "![[photo.png]]" in html
    assert "entry:" not in render("[[Chain rule]]")  # exports: as written


def test_a_hostile_title_cannot_leave_the_link():
    html = render('[[x" onclick="alert(1)]] [[<script>]]', links=lambda _t: None)
    assert ' onclick="' not in html and "<script" not in html  # text, never markup
    assert title_from_new_entry_url("newentry:x%22%20onclick%3D%22alert(1)") == (
        'x" onclick="alert(1)'
    )


def test_task_boxes_become_links_to_their_lines_outside_code():
    text = "Intro\n\n- [ ] one\n- [x] two\n\n```\n- [ ] in code\n```\n\n1. [ ] three\n"
    html = render(text, task_links=True)
    assert '<a class="taskbox" href="task:2" rel="noopener noreferrer">☐</a> one' in html
    assert 'href="task:3"' in html and "☑</a> two" in html
    assert 'href="task:9"' in html
    assert "task:" not in render(text)  # exports and print: plain glyphs


def test_nested_task_boxes_link_to_their_own_lines():
    html = render("- [ ] a\n    - [ ] b\n    - [x] c\n- [ ] d\n", task_links=True)
    for line, text in enumerate("abcd"):
        assert re.search(rf'href="task:{line}"[^>]*>[☐☑]</a> {text}', html), (line, text)


def test_written_task_and_newentry_links_are_checked_by_the_sanitizer():
    html = render("[a](task:3) [b](task:x) [c](newentry:Fine%20title) [d](newentry:a b)")
    assert 'href="task:3"' in html and 'href="newentry:Fine%20title"' in html
    assert "task:x" not in html and "newentry:a" not in html


def test_retarget_keeps_shown_text_and_other_links():
    text = "[[Chain rule]], [[chain  Rule|the rule]], [[Chainrule]], [[#42]]"
    assert retarget(text, "Chain rule", "Chain rule (calculus)") == (
        "[[Chain rule (calculus)]], [[Chain rule (calculus)|the rule]], [[Chainrule]], [[#42]]",
        2,
    )


def test_find_links_and_the_sentence_around_one():
    text = "First line.\nWe used the [[Chain rule|rule]] here. Then more."
    (link,) = find_links(text)
    assert (link.target, link.shown) == ("Chain rule", "rule")
    assert sentence_around(text, link.start, link.end) == "We used the rule here."
