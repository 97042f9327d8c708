"""What an entry's Markdown looks like as HTML: the features users write with."""

from __future__ import annotations

import re
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal_app.markdown import MarkdownConverter, render


def test_headings_get_ids_and_toc_links_to_them():
    html = render("[TOC]\n\n# Sprint 1 review\n\n## What went well\n\n## مرحبا بالعالم\n")
    assert '<h1 id="sprint-1-review">Sprint 1 review</h1>' in html
    assert '<h2 id="what-went-well">' in html
    assert '<h2 id="مرحبا-بالعالم">' in html  # headings in any script get an anchor
    assert 'class="toc"' in html
    for target in ("#sprint-1-review", "#what-went-well", "#مرحبا-بالعالم"):
        assert f'href="{target}"' in html


def test_table_keeps_alignment_as_attributes():
    html = render("| Skill | Hours |\n|:--|--:|\n| Linear algebra | 12.5 |\n")
    assert "<table>" in html
    assert '<th align="left">Skill</th>' in html
    assert '<td align="right">12.5</td>' in html
    assert "style=" not in html


def test_task_lists_render_as_glyphs():
    html = render("- [ ] derive backprop\n- [x] read the paper\n- [X] done too\n- plain item\n")
    assert '<ul class="tasks">' in html
    assert '<li class="task">☐ derive backprop</li>' in html
    assert '<li class="task done">☑ read the paper</li>' in html
    assert "☑ done too" in html
    assert "<li>plain item</li>" in html
    assert "<input" not in html and "[ ]" not in html


def test_task_in_a_loose_list():
    html = render("- [ ] first\n\n- [x] second\n")
    assert "☐ first" in html and "☑ second" in html


def test_fenced_code_is_highlighted_with_classes_inside_a_box():
    html = render("```python\nimport torch\n\ndef f(x):\n    return x * 2  # twice\n```\n")
    assert '<table class="code" width="100%">' in html
    assert '<pre class="code">' in html
    assert '<span class="kn">import</span>' in html
    assert '<span class="c1"># twice</span>' in html
    assert "style=" not in html  # colours come from the preview's style sheet


def test_unknown_language_and_indented_code_are_boxed_and_escaped():
    html = render("```nosuchlang\n<b>x</b>\n```\n\n    indented <i>code</i>\n")
    assert html.count('<table class="code" width="100%">') == 2
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "indented &lt;i&gt;code&lt;/i&gt;" in html


def test_fence_inside_a_list_item():
    html = render("1. step one\n\n    ```python\n    x = 1\n    ```\n")
    assert re.search(r"<li>.*<table class=\"code\".*</li>", html, re.DOTALL)


@pytest.mark.parametrize("indent", ["", " ", "  ", "   "])
def test_a_closing_fence_may_be_indented_up_to_three_spaces(indent):
    html = render(f"```python\nx = 1\n{indent}```\n\nAfter *this*, `one` and ``two``.\n")
    assert html.count('<pre class="code">') == 1 and "```" not in html
    assert "<p>After <em>this</em>, <code>one</code> and <code>two</code>.</p>" in html


@pytest.mark.parametrize(
    "text",
    [
        "   ```\n   x\n  ```\n\nafter\n",  # an indented opening fence, closed at 2
        "- item\n\n    ```\n    x\n      ```\n\nafter\n",  # in a list item, 2 beyond it
        "> ```\n> x\n>   ```\n\nafter\n",  # in a quote
    ],
)
def test_indented_closing_fences_in_containers(text):
    html = render(text)
    assert '<pre class="code">x</pre>' in html and "```" not in html
    assert "<p>after</p>" in html


def test_four_spaces_before_a_closing_fence_are_code_not_a_fence():
    assert '<pre class="code">' not in render("```\nx\n    ```\n")


def test_footnotes_link_both_ways():
    html = render("A claim.[^1]\n\n[^1]: The source.\n")
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1"' in html
    assert '<li id="fn:1">' in html
    assert 'href="#fnref:1"' in html


def test_quotes_strike_and_autolinks():
    html = render("> Consistency beats intensity.\n\n~~old plan~~ see https://example.com/plan\n")
    assert '<table class="quote" width="100%">' in html
    assert "Consistency beats intensity." in html
    assert "<del>old plan</del>" in html
    assert '<a href="https://example.com/plan"' in html


def test_tilde_is_not_a_subscript():
    assert "<sub>" not in render("about ~5 h today and ~3h~ yesterday")


def test_attachment_image_is_kept():
    html = render("![diagram](attachment:0123abcd.png)")
    assert '<img alt="diagram" src="attachment:0123abcd.png">' in html


def test_rtl_and_emoji_pass_through():
    text = "مرحبا بالعالم — שלום עולם 👩‍👩‍👧‍👦 🏳️‍🌈"
    assert text in render(text)


def test_converter_is_reusable_and_independent_per_document():
    converter = MarkdownConverter()
    first = converter.convert("Claim.[^1]\n\n[^1]: One.\n")
    second = converter.convert("No notes here.")
    assert "footnote" in first
    assert "footnote" not in second


def test_render_is_safe_from_several_threads():
    texts = [f"# Title {i}\n\n" + "word " * 300 + f"[^n]\n\n[^n]: note {i}\n" for i in range(6)]
    expected = [render(text) for text in texts]
    results: dict[int, str] = {}

    def work(index: int) -> None:
        for _ in range(3):
            results[index] = render(texts[index])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(len(texts))] == expected


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_empty_entries(text):
    assert render(text).strip() == ""


_SMARTY_TEXT = st.lists(
    st.sampled_from([*"ab1 '\"-.,!?*_`\n", "--", "---", "...", "'90s", "n't", "<<"]),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_SMARTY_TEXT)
def test_quick_smarty_writes_what_smarty_writes(text):
    """Smarty's pass skips text it cannot change; the HTML stays the same as Smarty's."""
    from markdown import Markdown
    from markdown.extensions.smarty import SmartyExtension

    from journal_app.markdown.extensions import QuickSmartyExtension, extensions

    quick = Markdown(extensions=extensions(), output_format="html")
    plain = Markdown(
        extensions=[
            SmartyExtension() if isinstance(e, QuickSmartyExtension) else e for e in extensions()
        ],
        output_format="html",
    )
    assert quick.convert(text) == plain.convert(text)


def test_typographic_quotes_dashes_and_ellipses():
    html = render("\"Done,\" I said -- it's the '90s... 'Right'?")
    assert "“Done,” I said – it’s the ’90s… ‘Right’?" in html
