"""Raw HTML and links in an entry cannot run script, load anything or leave the app."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal_app.markdown import render
from journal_app.markdown.sanitize import sanitize


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def srcs(html: str) -> list[str]:
    return re.findall(r'src="([^"]*)"', html)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>after",
        "<SCRIPT SRC=http://127.0.0.1/x.js></SCRIPT>after",
        "<style>p { background: url(http://127.0.0.1/x) }</style>after",
        '<link rel="stylesheet" href="http://127.0.0.1/x.css">after',
        '<iframe src="http://127.0.0.1/"></iframe>after',
        '<object data="http://127.0.0.1/x"></object><embed src="http://127.0.0.1/y">after',
        '<audio src="http://127.0.0.1/a.mp3"></audio><video poster="http://127.0.0.1/p.png">'
        '<source src="http://127.0.0.1/v.mp4"></video>after',
        '<form action="http://127.0.0.1/"><input name="q"><button>go</button></form>after',
        '<meta http-equiv="refresh" content="0;url=http://127.0.0.1/">after',
        '<svg><image href="http://127.0.0.1/x.png"/></svg>after',
        "<base href='http://127.0.0.1/'>after",
    ],
)
def test_active_and_loading_elements_are_dropped(text):
    html = render(text)
    assert "127.0.0.1" not in html
    for tag in (
        "script",
        "style",
        "link",
        "iframe",
        "object",
        "embed",
        "audio",
        "video",
        "source",
        "form",
        "input",
        "button",
        "meta",
        "svg",
        "image",
        "base",
    ):
        assert f"<{tag}" not in html.lower()
    assert "after" in html  # the entry's own text is still there
    assert "alert(1)" not in html


def test_event_handlers_and_style_attributes_are_dropped():
    html = render(
        '<p onclick="alert(1)" style="background:url(http://127.0.0.1/x)" '
        'onmouseover="x()">hi</p><b onload=alert(1)>b</b>'
    )
    assert "onclick" not in html and "onmouseover" not in html and "onload" not in html
    assert "style=" not in html and "127.0.0.1" not in html
    assert "<p>hi</p>" in html and "<b>b</b>" in html


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "file:///etc/passwd",
        "FILE:///C:/Windows/win.ini",
        "attachment:0123.png",
        "ftp://127.0.0.1/x",
        "notes.html",
        "/etc/passwd",
        "../journal.sqlite3",
        "//127.0.0.1/x",
    ],
)
def test_links_keep_only_web_mail_and_fragment_targets(target):
    for text in (f"[click]({target})", f'<a href="{target}">click</a>', f"<{target}>"):
        html = render(text)
        assert hrefs(html) == [], (text, html)


@pytest.mark.parametrize(
    "target",
    ["https://example.com/a?b=c#d", "http://example.com", "mailto:me@example.com", "#section-2"],
)
def test_allowed_links_survive(target):
    assert hrefs(render(f"[ok]({target})")) == [target.replace("&", "&amp;")]


@pytest.mark.parametrize(
    "source",
    [
        "/dev/zero",
        "file:///dev/zero",
        "http://127.0.0.1:9/a.png",
        "https://example.com/a.png",
        "//127.0.0.1/a.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "a.png",
        "../attachments/a.png",
        "#x",
        "javascript:alert(1)",
    ],
)
def test_images_load_only_from_attachments(source):
    for text in (f"![pic]({source})", f'<img src="{source}" alt="pic">'):
        html = render(text)
        assert srcs(html) == []
        assert "[image not loaded: pic]" in html
        assert "<img" not in html


def test_attachment_images_in_raw_html_are_kept_with_only_safe_attributes():
    html = render('<img src="attachment:ab12.png" alt="x" onerror="alert(1)" width="99999">')
    assert html == '<p><img src="attachment:ab12.png" alt="x"></p>'


def test_a_blocked_image_label_cannot_smuggle_markup():
    html = render('<img src="http://x/a.png" alt="&lt;img src=http://127.0.0.1/&gt;">')
    assert "<img" not in html
    assert "&lt;img src=http://127.0.0.1/&gt;" in html


def test_only_full_width_tables():
    html = sanitize('<table width="99999"><tr><td>a</td></tr></table>')
    assert "width" not in html
    html = sanitize('<table width="100%"><tr><td>a</td></tr></table>')
    assert 'width="100%"' in html


def test_comments_and_processing_instructions_are_dropped():
    html = render("a <!-- <img src=http://127.0.0.1/> --> b <?php echo 1 ?>")
    assert "<!--" not in html and "127.0.0.1" not in html and "<?" not in html


def test_raw_html_that_is_harmless_still_works():
    html = render("Press <kbd>Ctrl</kbd>+<kbd>S</kbd>, H<sub>2</sub>O, <mark>key</mark>")
    assert "<kbd>Ctrl</kbd>" in html and "<sub>2</sub>" in html and "<mark>key</mark>" in html


def test_text_after_nul_and_lone_surrogates_is_kept():
    html = render("before\x00after \ud800 lone \udfff end \ud83d\ude00 pair")
    assert "before\ufffdafter" in html
    assert "\ufffd lone \ufffd end" in html
    assert "😀 pair" in html  # a surrogate *pair* is the character it encodes
    html.encode("utf-8")  # no surrogate survives


_SAFE_HREF = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<script>",
                "</script>",
                "<img src=",
                "<a href=",
                '"',
                "'",
                ">",
                "<",
                "javascript:",
                "JaVaScRiPt:",
                "data:",
                "file:",
                "attachment:x.png",
                "http://127.0.0.1/",
                "[",
                "](",
                ")",
                "![",
                "`",
                "```",
                "\n",
                "    ",
                "- [ ] ",
                "> ",
                "#",
                "onclick=",
                "&",
                "&#x6a;",
                "<div>",
                "</div>",
                "<table>",
                "<style>",
                "*",
                "_",
                "~~",
                "\x00",
                "\ud800",
                "|",
                "---",
                "[^1]",
                "[^1]: ",
                "<!--",
                "-->",
                "<iframe src=",
            ]
        )
        | st.text(max_size=8),
        max_size=40,
    ).map("".join)
)
def test_any_text_renders_to_safe_html(text):
    html = render(text)
    lowered = html.lower()
    for tag in ("<script", "<style", "<iframe", "<link", "<object", "<embed", "<input"):
        assert tag not in lowered
    for attributes in re.findall(r"<[a-z][\w-]*(\s[^>]*)?>", lowered):
        names = re.findall(r'\s([\w:-]+)="[^"]*"', attributes)
        assert not [n for n in names if n.startswith("on")], html  # no event handlers
    assert all(_SAFE_HREF.match(h) for h in hrefs(html)), html
    assert all(s.lower().startswith("attachment:") for s in srcs(html)), html
    html.encode("utf-8")


def test_links_to_other_entries_keep_their_target_and_nothing_else_does():
    html = render("[Chain rule](entry:12) [odd](entry:12/x) [word](entry:abc)")
    assert '<a href="entry:12"' in html
    assert 'href="entry:12/x"' not in html and 'href="entry:abc"' not in html


@pytest.mark.parametrize(
    "markup",
    [
        "<p>" + "&amp;" * 130 + "</p>",
        "<p>" + "x" * 119 + " y</p>",
        "<p>" + "x&lt;" * 40 + "</p>",
        "<p>" + "a<b>" * 100 + "</p>",
    ],
)
def test_the_quick_check_for_long_runs_misses_none(markup):
    from journal_app.markdown.sanitize import _HTML_RUN, _MAYBE_RUN

    if _HTML_RUN.search(markup):
        assert _MAYBE_RUN.search(markup)
