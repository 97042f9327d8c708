"""`html`: one self-contained, styled HTML file of an entry or a range of days.

The entries are rendered exactly as the preview renders them (Markdown → sanitized
HTML), the style sheet is inlined, and images are embedded as `data:` URLs, so the file
opens anywhere, offline, and loads nothing from the network (a Content-Security-Policy
says so to the browser too). Web links in the text stay links.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.errors import InvalidInput
from journal_app.resources_path import resource_path
from journal_app.services.transfer import reading
from journal_app.services.transfer.common import ExportResult, Progress, no_progress, write_text

if TYPE_CHECKING:
    from journal_app.services.transfer.context import TransferContext

# The preview's base.css is written for Qt's rich text (odd line heights); a browser gets
# this layout, with the preview's light colours and code highlighting on top.
PAGE_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.6; color: #1d1d22; background: #ffffff; margin: 0; }
main { max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem; }
article + article { border-top: 1px solid #e2e2e9; margin-top: 2.5rem; padding-top: 1.5rem; }
header.entry h1 { margin-bottom: 0.2rem; }
header.entry p.meta { color: #6b6b75; margin-top: 0; font-size: 0.92em; }
h1, h2, h3, h4, h5, h6 { font-weight: 600; line-height: 1.25; }
img { max-width: 100%; height: auto; }
pre, code, kbd, samp { font-family: "JetBrains Mono", "Cascadia Mono", Consolas, Menlo,
  "DejaVu Sans Mono", monospace; font-size: 0.92em; }
code { padding: 0.1em 0.3em; border-radius: 3px; }
pre { overflow-x: auto; margin: 0; }
pre code { padding: 0; background: none; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { padding: 5px 10px; border: 1px solid #d5d5dd; }
table.code { width: 100%; }
table.code td { padding: 10px 12px; }
table.quote td { border: none; border-left: 3px solid #c4c2f0; padding: 2px 14px; }
ul.tasks { list-style-type: none; padding-left: 1.2rem; }
"""
# On the title, not the <article>: Qt's rich text keeps page breaks only on the blocks it
# knows (the print-out and PDF go through it).
PAGE_BREAK = '<h1 style="page-break-before: always">'
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
_IMG_SRC = re.compile(r'src="attachment:([A-Za-z0-9][A-Za-z0-9_.-]{0,200})"')
MIME = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "bmp": "image/bmp",
}


def _css() -> str:
    parts = [PAGE_CSS]
    for name in ("light.css", "code-light.css"):
        with contextlib.suppress(OSError):  # a broken install: still a readable page
            parts.append(resource_path("preview", name).read_text(encoding="utf-8"))
    return "\n".join(parts)


def embed_images(markup: str, services: TransferContext) -> str:
    """`attachment:` image sources -> `data:` URLs (files that cannot be read: dropped)."""

    def swap(match: re.Match[str]) -> str:
        data = services.attachments.read(match.group(1))
        mime = MIME.get(match.group(1).rsplit(".", 1)[-1].lower())
        if data is None or mime is None:
            return 'src="" data-missing="1"'
        return f'src="data:{mime};base64,{base64.b64encode(data).decode()}"'

    return _IMG_SRC.sub(swap, markup)


def entry_article(entry: reading.ExportEntry, services: TransferContext) -> str:
    # lazy: markdown loads only when used
    from journal_app.markdown.render import render

    meta = [entry.day.strftime("%A, %d %B %Y")]
    if entry.series:
        meta.append(f"{entry.series} #{entry.number}" if entry.number else entry.series)
    if entry.tags:
        meta.append(" ".join(f"#{t}" for t in entry.tags))
    title = entry.title or entry.day.isoformat()
    return (
        f'<article>\n<header class="entry"><h1>{html.escape(title)}</h1>\n'
        f'<p class="meta">{html.escape(" · ".join(meta))}</p></header>\n'
        f"{embed_images(render(entry.body), services)}\n</article>"
    )


def html_page(title: str, articles: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_css()}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(articles) + "\n</main>\n</body>\n</html>\n"
    )


def check_request(
    entry_id: int | None,
    first: dt.date | None,
    last: dt.date | None,
    *,
    tag: str | None = None,
    sprint_id: int | None = None,
) -> None:
    """One selection — an entry, a range that does not end before it starts, a tag or a
    sprint — else one line."""
    ranged = first is not None or last is not None
    chosen = sum((entry_id is not None, ranged, bool(tag), sprint_id is not None))
    if chosen != 1:
        raise InvalidInput(
            "give one of: an entry, the first and last day of a range, a tag, a sprint"
        )
    if ranged and (first is None or last is None):
        raise InvalidInput("give both the first and the last day of the range")
    if first is not None and last is not None and last < first:
        raise InvalidInput(f"the range ends ({last}) before it starts ({first})")


def entries_html(
    services: TransferContext,
    *,
    entry_id: int | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    tag: str | None = None,
    sprint_id: int | None = None,
    page_breaks: bool = False,
    progress: Progress = no_progress,
) -> tuple[str, int]:
    """(the page, how many entries it holds) for one entry, a range of days, a tag or a
    sprint; ``page_breaks`` starts each entry on a new page when printed."""
    check_request(entry_id, first, last, tag=tag, sprint_id=sprint_id)
    found = reading.entries(entry_id=entry_id, first=first, last=last, tag=tag, sprint_id=sprint_id)
    if entry_id is not None and not found:
        raise InvalidInput(f"there is no entry {entry_id} (or it is in the trash)")
    if not found:
        raise InvalidInput("no entry matches (entries in the trash are left out)")
    articles = []
    for done, entry in enumerate(found):
        if done % 20 == 0:
            progress(done, len(found), entry.day.isoformat())
        article = entry_article(entry, services)
        if page_breaks and done:
            article = article.replace("<h1>", PAGE_BREAK, 1)
        articles.append(article)
    if entry_id is not None:
        title = found[0].title or found[0].day.isoformat()
    elif tag:
        title = f"Journal: #{tag}"
    elif sprint_id is not None:
        title = f"Journal: sprint {sprint_id}"
    else:
        assert first is not None and last is not None
        title = f"Journal {first.isoformat()} – {last.isoformat()}"
    progress(len(found), len(found), "done")
    return html_page(title, articles), len(found)


def export_html(
    services: TransferContext,
    out: Path,
    *,
    entry_id: int | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    tag: str | None = None,
    sprint_id: int | None = None,
    progress: Progress = no_progress,
) -> ExportResult:
    page, count = entries_html(
        services,
        entry_id=entry_id,
        first=first,
        last=last,
        tag=tag,
        sprint_id=sprint_id,
        progress=progress,
    )
    write_text(out, page)
    return ExportResult(out, {"entries": count})
