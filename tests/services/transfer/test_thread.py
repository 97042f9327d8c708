"""The X thread splitter: properties over generated text, and a few cases by hand."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from journal_app.services.transfer.thread import LIMIT, URL, split_thread, weighted_length

NUMBER = re.compile(r"\n(\d+)/(\d+)\Z")

words = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéß0123456789,.!?'日本語😀"),
    min_size=1,
    max_size=40,
)
urls = st.builds(
    lambda host, path: f"https://{host}.org/{path}",
    st.text(alphabet="abcdefghij", min_size=1, max_size=20),
    st.text(alphabet="abcdefghij0123456789/-_", min_size=0, max_size=300),
)
tokens = st.lists(st.one_of(words, words, words, urls), min_size=1, max_size=400)
paragraphs = st.lists(tokens, min_size=1, max_size=6)


def _body(post: str, numbered: bool) -> str:
    return NUMBER.sub("", post) if numbered else post


@settings(max_examples=150, deadline=None)
@given(paragraphs)
def test_posts_fit_are_numbered_and_never_split_a_word_or_link(paras):
    text = "\n\n".join(" ".join(p) for p in paras)
    posts = split_thread(text)
    assert posts
    numbered = len(posts) > 1
    for k, post in enumerate(posts, 1):
        assert weighted_length(post) <= LIMIT
        if numbered:
            assert NUMBER.search(post).groups() == (str(k), str(len(posts)))
    # Every word and link arrives whole and in order: the posts hold the same tokens.
    out_tokens = [t for post in posts for t in _body(post, numbered).split()]
    assert out_tokens == [t for p in paras for t in p]
    for url in (t for p in paras for t in p if URL.fullmatch(t)):
        assert any(url in post.split() for post in posts)


code_lines = st.lists(
    st.text(alphabet="abcdefxyz=+()[]: 0123456789", min_size=0, max_size=60),
    min_size=1,
    max_size=30,
)


@settings(max_examples=100, deadline=None)
@given(st.lists(words, min_size=0, max_size=120), code_lines)
def test_code_blocks_are_kept_whole_or_summarized(before, lines):
    code = "\n".join(lines).strip("\n")
    text = " ".join(before) + f"\n\n```python\n{code}\n```\n\nafter"
    posts = split_thread(text)
    for post in posts:
        assert weighted_length(post) <= LIMIT
    if code and weighted_length(code) <= LIMIT - 8:
        assert sum(code in post for post in posts) == 1
    else:
        assert any("[code:" in post and "of python" in post for post in posts)


def test_a_short_entry_is_one_unnumbered_post():
    assert split_thread("# Day 12\n\nRead **one** [paper](https://arxiv.org/abs/1).") == [
        "Day 12\n\nRead one paper https://arxiv.org/abs/1."
    ]


def test_links_count_as_23_and_wide_characters_as_2():
    assert weighted_length("https://example.org/" + "x" * 200) == 23
    assert weighted_length("日本") == 4
    assert weighted_length("abc") == 3


def test_a_long_entry_starts_paragraphs_on_new_posts_when_they_fit():
    first = " ".join(["alpha"] * 40)  # 239 characters
    second = " ".join(["beta"] * 30)
    posts = split_thread(f"{first}\n\n{second}")
    assert posts == [f"{first}\n1/2", f"{second}\n2/2"]


def test_markdown_markers_go_but_links_stay_as_typed():
    text = "**Bold** and __this__ and https://x.org/__init__/a__b and snake__case__word"
    assert split_thread(text) == [
        "Bold and this and https://x.org/__init__/a__b and snake__case__word"
    ]
