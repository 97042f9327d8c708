"""Hostile entries: each renders safely or says why not, quickly, and keeps its text."""

from __future__ import annotations

import threading
import time

import pytest

from journal_app.markdown import MarkdownConverter, guards, render
from journal_app.markdown.guards import (
    NOTICE_DEEP,
    NOTICE_ERROR,
    NOTICE_LARGE,
    NOTICE_SLOW,
    ZWSP,
    RenderTimeout,
    call_with_deadline,
    clean_text,
    too_deep,
)

# A bound that only catches a hang: these renders take 0.004–0.08 s here (25× to 500×
# below it); their speed is a benchmark figure, not a test.
HANG_S = 2.0
# The same for a render that may run to its deadline (up to 1 s): ten times that and more.
CUT_HANG_S = 10 * (1.0 + HANG_S)


def timed(text: str) -> tuple[str, float]:
    start = time.perf_counter()
    html = render(text)
    return html, time.perf_counter() - start


def test_clean_text_replaces_lone_surrogates_and_controls_only():
    assert clean_text("a\ud800b\udc00c") == "a\ufffdb\ufffdc"
    assert clean_text("\ud83d\ude00") == "😀"
    assert clean_text("nul\x00 stx\x02 tab\t nl\n cr\r") == "nul\ufffd stx\ufffd tab\t nl\n cr\r"
    text = "مرحبا 👩‍👩‍👧‍👦 ok"
    assert clean_text(text) == text


def test_a_very_large_entry_is_shown_as_plain_text_with_a_notice():
    text = "# not a heading here\n" + "lorem ipsum dolor\n" * 600_000  # ~10 MB
    html, seconds = timed(text)
    assert seconds < HANG_S
    assert html.startswith(f'<p class="notice">{NOTICE_LARGE}</p>')
    assert "<h1" not in html and "# not a heading here" in html
    assert "more characters, not shown here" in html


def test_a_long_line_without_spaces_gets_break_points():
    html, seconds = timed("x" * 1_000_000)
    assert seconds < HANG_S
    assert NOTICE_LARGE in html
    assert ZWSP in html
    assert max(len(run) for run in html.split(ZWSP)) < 200

    html = render("see " + "y" * 5000 + " end")  # small enough for Markdown
    assert "<p>see " in html and ZWSP in html
    assert html.replace(ZWSP, "").count("y" * 5000) == 1  # nothing lost


def test_break_points_stay_out_of_code_and_entities():
    code = "z" * 400
    html = render(f"```\n{code}\n```\n\n" + "&amp;" * 100)
    assert code in html  # code is copied as written
    assert "&amp;" * 40 in html.replace(ZWSP, "")
    assert "&am" + ZWSP not in html and "&" + ZWSP not in html


def test_a_list_nested_500_deep_renders_safely():
    """Plain text with a notice (Markdown 3.11.3 recurses or runs past the deadline),
    or formatted no deeper than the preview can lay out (3.11.4 stops nesting at ~220)."""
    for text in ("".join("\t" * i + "- item\n" for i in range(500)), "- " * 500 + "x"):
        html, seconds = timed(text)
        assert seconds < CUT_HANG_S
        assert NOTICE_DEEP in html or NOTICE_SLOW in html or not too_deep(html)
        assert "item" in html or "x" in html


def test_20000_nested_divs_are_not_parsed_as_html():
    html, seconds = timed("<div>" * 20_000 + "deep" + "</div>" * 20_000)
    assert seconds < HANG_S
    assert "<div" not in html
    assert "&lt;div&gt;" in html  # shown as text


def test_nested_tables_have_a_limit():
    assert not too_deep("<table><tr><td>" * guards.MAX_TABLE_DEPTH)
    assert too_deep("<table><tr><td>" * (guards.MAX_TABLE_DEPTH + 1))
    html = render("<table><tr><td>" * 30 + "x")
    assert NOTICE_DEEP in html


def test_depth_counts_html_as_parsed():
    assert not too_deep("<p>a" * 5000)  # a <p> closes the one before
    assert not too_deep("<br>" * 5000 + "<img src=x>" * 5000)
    assert not too_deep("<div></div>" * 5000)
    assert too_deep("<div/>" * 600)  # "/>" does not close a div in HTML
    assert too_deep("<span>" * 600)


@pytest.mark.parametrize(
    "text",
    ["[" * 20_000 + "]" * 20_000, "[a](" * 10_000, "![a" * 13_000, "<a " * 40_000],
    ids=["brackets", "open-links", "open-images", "open-tags"],
)
def test_markdown_that_was_slow_renders_safely(text, monkeypatch):
    """Each took >3 s uncut in Markdown 3.11.3; 3.11.4 formats some at once. Either way:
    formatted or cut at the deadline with a notice, quickly, and the next entry renders."""
    monkeypatch.setattr(guards, "RENDER_DEADLINE_S", 0.3)
    html, seconds = timed(text)
    assert seconds < CUT_HANG_S
    assert html.strip()
    assert NOTICE_SLOW in html or NOTICE_DEEP not in html
    assert render("# fine") == '<h1 id="fine">fine</h1>'  # the next entry renders normally


def _endless(_self: MarkdownConverter, _text: str) -> str:
    while True:  # whichever input some Markdown release is slow on
        pass


def test_a_render_past_its_deadline_is_cut_off(monkeypatch):
    monkeypatch.setattr(guards, "RENDER_DEADLINE_S", 0.3)
    with monkeypatch.context() as patched:
        patched.setattr(MarkdownConverter, "_markdown", _endless)
        html = render("# a heading\n\nthe words")
    assert html.startswith(f'<p class="notice">{NOTICE_SLOW}</p>')
    assert "the words" in html and "<h1" not in html
    assert render("# fine") == '<h1 id="fine">fine</h1>'  # the next entry renders normally


def test_deadline_stops_a_python_loop_and_leaves_nothing_pending():
    def spin(_: str) -> str:
        while True:
            pass

    start = time.perf_counter()
    with pytest.raises(RenderTimeout):
        call_with_deadline(spin, "", 0.05)
    assert time.perf_counter() - start < HANG_S / 2

    assert call_with_deadline(str.upper, "quick", 0.05) == "QUICK"
    # Its timer was cancelled: joined, it has ended, so a late firing would have
    # happened by now, and its exception would surface in the bytecodes below.
    for timer in [t for t in threading.enumerate() if isinstance(t, threading.Timer)]:
        timer.join()
    assert sum(range(10_000)) == 49_995_000


def test_slow_markdown_is_cut_off_within_the_real_deadline(monkeypatch):
    monkeypatch.setattr(guards, "RENDER_DEADLINE_S", 1.0)  # the production deadline
    monkeypatch.setattr(MarkdownConverter, "_markdown", _endless)
    html, seconds = timed("the words")
    assert seconds >= guards.RENDER_DEADLINE_S  # not cut before its time
    assert seconds < CUT_HANG_S
    assert NOTICE_SLOW in html


def test_deadline_works_in_a_worker_thread(monkeypatch):
    monkeypatch.setattr(guards, "RENDER_DEADLINE_S", 0.3)
    monkeypatch.setattr(MarkdownConverter, "_markdown", _endless)
    outcome: list[str] = []

    def work() -> None:
        try:
            html = render("the words")
            outcome.append("returned" if NOTICE_SLOW in html else html)
        except BaseException as exc:  # pragma: no cover - the failure being tested for
            outcome.append(repr(exc))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    assert outcome == ["returned"]


def test_an_extension_bug_gives_plain_text(monkeypatch):
    converter = MarkdownConverter()

    def broken(text: str) -> str:
        raise ValueError("bug")

    monkeypatch.setattr(converter, "_markdown", broken)
    html = converter.convert("*still* here")
    assert NOTICE_ERROR in html and "*still* here" in html


def test_recursion_gives_plain_text(monkeypatch):
    converter = MarkdownConverter()

    def recursing(text: str) -> str:
        raise RecursionError

    monkeypatch.setattr(converter, "_markdown", recursing)
    assert NOTICE_DEEP in converter.convert("x")


def test_plain_fallback_escapes_the_text():
    html = guards.plain_html('<script>alert("x")</script> & more', NOTICE_SLOW)
    assert "<script" not in html
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; more' in html
