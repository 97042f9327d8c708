"""Word count and reading time: what a writer would count, in any script."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_app.text_stats import reading_minutes, word_count


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("Today I studied attention.", 4),
        ("# Sprint 1 review", 3),
        ("## ", 0),
        ("- [ ] publish the explainer", 3),
        ("- [x] done", 1),
        ("1. first\n2. second", 2),
        ("* * *\n---\n___\n> \n```", 0),
        ("**bold** and *italic* and `code`", 5),
        ("```python\nx = attention(q, k, v)\n```", 5),
        ("snake_case, e.g. don't, state-of-the-art", 4),
        ("In 2024 I logged 1,200 hours", 6),
        ("[the paper](https://arxiv.org/abs/1706.03762)", 2),
        ("深度学习", 4),
        ("今日は勉強した", 7),
        ("Learning 机器学习 daily", 6),
        ("مرحبا بالعالم", 2),
        ("שלום עולם", 2),
        ("Привет, мир!", 2),
        ("👩‍👩‍👧 family time", 2),
        ("text\x00after a NUL", 4),
    ],
)
def test_word_count(text: str, words: int) -> None:
    assert word_count(text) == words


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 0), (-3, 0), (1, 1), (230, 1), (231, 2), (2000, 9)]
)
def test_reading_minutes(words: int, minutes: int) -> None:
    assert reading_minutes(words) == minutes


def test_a_long_run_of_punctuation_is_counted() -> None:
    """The regex anchors at run starts: no quadratic backtracking on hostile text."""
    assert word_count("-" * 1_000_000 + " " + "*" * 1_000_000 + "a") == 1


any_text = st.text(st.characters(codec="utf-8"), max_size=200)
line = st.text(st.characters(codec="utf-8", exclude_characters="\n"), max_size=80)


@given(any_text)
def test_never_raises_and_stays_in_bounds(text: str) -> None:
    count = word_count(text)
    assert 0 <= count <= len(text)
    assert reading_minutes(count) >= (1 if count else 0)


@given(line, line)
def test_counts_add_up_line_by_line(a: str, b: str) -> None:
    """What lets the editor keep a running total per line."""
    assert word_count(a + "\n" + b) == word_count(a) + word_count(b)


@given(any_text, st.sampled_from(["word", "Wort", "слово", "كلمة", "2024", "x_y"]))
def test_another_word_on_its_own_line_counts_one_more(text: str, word: str) -> None:
    assert word_count(text + "\n" + word) == word_count(text) + 1


@given(st.integers(0, 10**7), st.integers(0, 10**7))
def test_reading_time_grows_with_words(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert reading_minutes(low) <= reading_minutes(high)
    assert reading_minutes(high) * 230 >= high
