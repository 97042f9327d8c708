"""Which words of a Markdown line are checked: prose yes; code, URLs, wiki links,
Markdown syntax, front matter never."""

from __future__ import annotations

import pytest

from journal_app.services.spelling.words import (
    front_matter_lang,
    front_matter_lines,
    words_to_check,
)


def checked(line: str) -> list[str]:
    return [line[a:b] for a, b in words_to_check(line)]


def test_prose_words_are_checked_with_their_apostrophes():
    assert checked("Today I didn’t finish the recieve step.") == [
        "Today",
        "didn’t",
        "finish",
        "the",
        "recieve",
        "step",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Use `np.einsum` and ``a `tick` here`` now", ["Use", "and", "now"]),
        ("See [[Backprop notes]] and [[Tenzor|shown text]] too", ["See", "and", "too"]),
        ("A [good link](https://exampel.org/pathh) here", ["good", "link", "here"]),
        (
            "Go to https://exampel.org/sumthing?q=wrods or www.foobr.com now",
            ["Go", "to", "or", "now"],
        ),
        ("Mail me@exampel.org or <https://exampel.org>", ["Mail", "or"]),
        ('An <span class="hilite">inline</span> tag', ["An", "inline", "tag"]),
        (
            "## Heading with **bold** and _emph_ words",
            ["Heading", "with", "bold", "and", "emph", "words"],
        ),
        ("- [x] tick the boxx #mltag #todo", ["tick", "the", "boxx"]),
        ("Footnote[^nte] and [ref text][lbl]", ["Footnote", "and", "ref", "text"]),
        ('[lbl]: https://exampel.org "Titel"', []),
        ("snake_case v2 3e4 GPU PySide notes/today.md", []),
    ],
)
def test_code_urls_wiki_links_and_markdown_syntax_are_never_checked(line, expected):
    assert checked(line) == expected


def test_positions_are_python_string_positions():
    line = "Ünïcode ✓ wrod"
    ((a, b),) = [span for span in words_to_check(line) if line[span[0] : span[1]] == "wrod"]
    assert (a, b) == (10, 14)


def test_front_matter_is_found_and_its_lang_read():
    text = "---\ntitle: Tagebuch\nlang: de-DE\n---\nHeute habe ich gelernt."
    assert front_matter_lines(text) == 4
    assert front_matter_lang(text) == "de-DE"
    assert front_matter_lang("---\nlang: 'fr'\n...\nBonjour") == "fr"
    assert front_matter_lines("---\nnever closed") == 0
    assert front_matter_lines("Text\n---\nlang: de\n---") == 0
    assert front_matter_lang("lang: de\nno front matter") is None
