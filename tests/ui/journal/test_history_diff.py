"""render_diff: correct, escaped, and quick even on hostile text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from journal_app.ui.journal.history_diff import MAX_SHOWN_LINES, render_diff


def shown_lines(html: str) -> list[str]:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText().replace("\xa0", " ").split("\n")


def test_changed_lines_are_marked_and_words_highlighted():
    old = "Intro\nWorked 6 hours today.\nSleep was bad.\nEnd"
    new = "Intro\nWorked 7 hours today.\nEnd\nNew line"
    result = render_diff("T", old, "T", new, context=None)
    assert (result.removed, result.added) == (2, 2)
    assert shown_lines(result.html) == [
        "  Intro",
        "− Worked 6 hours today.",
        "− Sleep was bad.",
        "+ Worked 7 hours today.",
        "  End",
        "+ New line",
    ]
    assert ">6</span>" in result.html and ">7</span>" in result.html  # word-level marks


def test_long_unchanged_stretches_fold():
    body = "\n".join(f"line {n}" for n in range(30))
    result = render_diff("T", body, "T", body.replace("line 15", "line fifteen"))
    lines = shown_lines(result.html)
    assert "⋯ 13 unchanged lines" in lines  # 0-14 minus two kept before the change
    assert "⋯ 12 unchanged lines" in lines
    assert "  line 14" in lines and "  line 13" in lines and "  line 12" not in lines


def test_identical_text_says_so_and_a_title_change_shows():
    same = render_diff("A", "x\ny", "A", "x\ny")
    assert "The text is the same as now." in shown_lines(same.html)
    retitled = render_diff("Old title", "x", "New title", "x")
    assert shown_lines(retitled.html)[0] == "Title: Old title → New title"


def test_entry_text_is_escaped():
    hostile = '<script>alert(1)</script> <img src="/dev/zero"> <a href="javascript:x">y</a> &amp;'
    result = render_diff("<b>t</b>", hostile, "t", "")
    assert "<script" not in result.html and "<img" not in result.html
    assert "<a " not in result.html and "<b>" not in result.html
    assert f"− {hostile}" in shown_lines(result.html)


def test_huge_text_is_not_compared_but_answers_at_once(monkeypatch):
    from journal_app.ui.journal import history_diff

    def no_diff(*_args, **_kwargs):
        raise AssertionError("10 MB handed to difflib")

    monkeypatch.setattr(history_diff.difflib, "SequenceMatcher", no_diff)
    result = render_diff("T", "x" * 10_000_000, "T", "y")
    assert not result.compared
    assert "too long to compare" in result.html


def test_a_long_line_without_spaces_is_cut_for_display():
    old = "a" * 250_000
    result = render_diff("T", old, "T", old + "b")
    assert result.compared
    assert "more characters" in result.html
    assert len(result.html) < 20_000


def test_a_total_rewrite_is_capped():
    old = "\n".join(f"old words number {n} here" for n in range(8000))
    new = "\n".join(f"new text line {n} there" for n in range(8000))
    result = render_diff("T", old, "T", new)
    doc = QTextDocument()
    doc.setHtml(result.html)
    assert doc.blockCount() <= MAX_SHOWN_LINES + 5
    assert "the rest is not shown" in result.html


printable = st.text(alphabet=st.sampled_from("ab c<>&\"'é—😀\t"), min_size=0, max_size=6).map(
    lambda s: s.strip() or "·"
)
line_lists = st.lists(printable, max_size=12)


@settings(max_examples=150, deadline=None)
@given(old=line_lists, new=line_lists)
def test_the_diff_replays_both_versions(qapp, old, new):
    """Unchanged and removed lines give back the old text; unchanged and added, the new."""
    result = render_diff("T", "\n".join(old), "T", "\n".join(new), context=None)
    lines = [ln for ln in shown_lines(result.html) if ln[:2] in ("  ", "− ", "+ ")]
    assert [ln[2:] for ln in lines if ln[0] in " −"] == old
    assert [ln[2:] for ln in lines if ln[0] in " +"] == new
