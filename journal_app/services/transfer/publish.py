"""Learning in public: an entry as blog Markdown, as standalone HTML, as an X thread,
and recording where it was published (on the entry and on its output)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal_app.db.models import Output
from journal_app.errors import InvalidInput
from journal_app.services.tracking.common import atomic_write, check_url
from journal_app.services.transfer import reading
from journal_app.services.transfer.common import dump_front_matter
from journal_app.services.transfer.export_html import entries_html
from journal_app.services.transfer.safe_markdown import sanitize_markdown_html
from journal_app.services.transfer.thread import split_thread
from journal_app.text_stats import word_count

if TYPE_CHECKING:
    from journal_app.services.entries import EntryData
    from journal_app.services.tracking.outputs import OutputData
    from journal_app.services.transfer.context import TransferContext


def _entry(entry_id: int) -> reading.ExportEntry:
    found = reading.entries(entry_id=entry_id)
    if not found:
        raise InvalidInput(f"there is no entry {entry_id} (or it is in the trash)")
    return found[0]


def blog_markdown(entry_id: int) -> str:
    """Front matter (title, date, public tags) and the body, private tags stripped and
    attachment links turned into plain file names (upload the images beside the post)."""
    entry = _entry(entry_id)
    listed = reading.private_tags()
    tags = reading.public_tags(entry.tags, listed)
    body = reading.strip_private_hashtags(entry.body, listed)
    body = reading.ATTACHMENT_LINK.sub(r"\1", body)
    body = sanitize_markdown_html(body)  # for the web, as the Hugo export
    front = dump_front_matter(
        {
            "title": entry.title or entry.day.isoformat(),
            "date": entry.day.isoformat(),
            "tags": tags or None,
        }
    )
    return front + body


def standalone_html(services: TransferContext, entry_id: int) -> str:
    page, _count = entries_html(services, entry_id=entry_id)
    return page


def thread_posts(entry_id: int) -> list[str]:
    entry = _entry(entry_id)
    listed = reading.private_tags()
    body = reading.strip_private_hashtags(entry.body, listed)
    text = f"{entry.title}\n\n{body}" if entry.title else body
    return split_thread(text)


@dataclass(frozen=True)
class Published:
    entry: EntryData
    output: OutputData
    created_output: bool


def record_published_url(
    services: TransferContext, entry_id: int, url: str, *, kind: str = "blog_post"
) -> Published:
    """Set the entry's published URL, and mark its output published at that URL (the
    newest output linked to the entry, or a new one of `kind`). One transaction."""

    url = check_url(url, "the published URL")
    if not url:
        raise InvalidInput("give the address where it was published")
    with atomic_write():
        entry = services.entries.get(entry_id)
        if entry.deleted_at is not None:
            raise InvalidInput(f"entry {entry_id} is in the trash")
        entry = services.entries.update(entry_id, expected_rev=entry.rev, published_url=url)
        linked = (
            Output.select(Output.id)
            .where(Output.entry == entry_id)
            .order_by(Output.day.desc(), Output.id.desc())
            .first()
        )
        if linked is not None:
            output = services.outputs.update(linked.id, url=url, status="published")
            created = False
        else:
            output = services.outputs.add(
                kind=kind,
                title=(entry.title or f"Entry of {entry.day.isoformat()}")[:200],
                status="published",
                url=url,
                words=word_count(entry.body),
                entry_id=entry_id,
                sprint_id=entry.sprint_id,
            )
            created = True
    return Published(entry, output, created)
