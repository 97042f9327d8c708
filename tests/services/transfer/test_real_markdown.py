"""Real Obsidian, Logseq, Joplin and Notesnook exports (tests/fixtures/real, see its
SOURCES.md) imported whole: what arrives, what is left out and why (#16)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.transfer.service import TransferService
from journal_app.services.transfer.skips import ImportOptions

from .conftest import BERLIN

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"
UTC = dt.UTC


@pytest.fixture
def real_copy(tmp_path):
    def copy(name: str) -> Path:
        target = tmp_path / "real" / name
        source = REAL / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True)
            shutil.copyfile(source, target)
        return target

    return copy


def _entries(journal) -> dict[str, object]:
    found = [journal.entries.get(s.id) for s in journal.entries.summaries()]
    return {e.title: e for e in found}


def _reasons(result) -> dict[str, str]:
    return {item.where: item.reason for item in result.problems}


def test_an_obsidian_vault_with_templates_imports_its_dated_notes(journal, real_copy):
    vault = real_copy("obsidian/kepano-obsidian")
    result = TransferService(journal).import_from("markdown", vault)
    assert result.added == {"entries": 16, "attachments": 0}
    assert result.date_sources == {"properties": 14, "file names": 2}
    reasons = _reasons(result)
    assert len(reasons) == 87  # every other note is listed, none silently dropped
    # A template's `created: {{date}}` is named plainly, with its line.
    [journal_template] = [p for p in result.problems if p.where.endswith("Journal Template.md")]
    assert journal_template.line == 2
    assert journal_template.reason == (
        "the front matter holds the template placeholder {{date}}; this looks like a "
        "template, not a note"
    )
    assert "unhashable" not in " ".join(reasons.values())
    assert reasons["Readme.md"].startswith("no date in its properties or its file name")
    found = _entries(journal)
    meeting = found["Meeting with Steph"]  # `date: 2023-09-12`, the date out of the name
    assert meeting.day == dt.date(2023, 9, 12)
    assert "categories:\n- '[[Meetings]]'" in meeting.body  # properties kept, in a block
    assert "people:\n- '[[Steph Ango]]'" in meeting.body
    # [[Out of Control]] links to that note's entry (imported from the same vault).
    book = found["Out of Control"]
    assert f"[Out of Control](entry:{book.id})" in meeting.body
    assert "topic of [[Emergence]]" in meeting.body  # not an imported note: as written
    evergreen = found["Evergreen notes turn ideas into objects that you can manipulate"]
    assert (evergreen.day, evergreen.tags) == (dt.date(2023, 9, 14), ["0🌲"])
    every = [journal.entries.get(s.id) for s in journal.entries.summaries()]
    daily = [e for e in every if e.day == dt.date(2023, 9, 30)]
    assert [d.title for d in daily] == [""]  # Daily/2023-09-30.md: the name is the date


def test_reimporting_a_vault_adds_nothing(journal, real_copy):
    vault = real_copy("obsidian/kepano-obsidian")
    TransferService(journal).import_from("markdown", vault)
    bodies = {e.id: e.body for e in _entries(journal).values()}
    again = TransferService(journal).import_from("markdown", vault)
    assert again.added == {"entries": 0, "attachments": 0}
    assert again.skipped == {"entries": 16}
    assert {e.id: e.body for e in _entries(journal).values()} == bodies


def test_date_from_mtime_dates_the_rest_at_their_modification_time(journal, real_copy):
    vault = real_copy("obsidian/kepano-obsidian")
    moment = dt.datetime(2024, 2, 3, 22, 30, tzinfo=UTC)  # 23:30 in Berlin
    for path in vault.rglob("*.md"):
        os.utime(path, (moment.timestamp(), moment.timestamp()))
    result = TransferService(journal).import_from(
        "markdown", vault, options=ImportOptions(date_from="mtime")
    )
    assert result.date_sources == {"properties": 14, "file names": 2, "modification times": 59}
    assert all("no date" not in item.reason for item in result.problems)
    readme = next(e for e in _entries(journal).values() if e.created_at == moment)
    assert readme.day == dt.date(2024, 2, 3)


def test_strict_refuses_a_vault_with_one_template_and_changes_nothing(journal, real_copy):
    vault = real_copy("obsidian/kepano-obsidian")
    backups = journal.paths.backups
    before = sorted(backups.iterdir()) if backups.exists() else []
    with pytest.raises(InvalidInput, match=r"Templates/Album Template.md line 7: .*placeholder"):
        TransferService(journal).import_from("markdown", vault, options=ImportOptions(strict=True))
    assert journal.entries.count() == 0
    assert (sorted(backups.iterdir()) if backups.exists() else []) == before


def test_a_preview_counts_and_writes_nothing(journal, real_copy):
    vault = real_copy("obsidian/kepano-obsidian")
    preview = TransferService(journal).import_from(
        "markdown", vault, options=ImportOptions(preview=True)
    )
    assert preview.preview and preview.backup is None
    assert preview.added == {"entries": 16, "attachments": 0}
    assert len(preview.problems) == 87
    assert preview.summary().startswith("Would import 16 entries")
    assert journal.entries.count() == 0


def test_logseq_journals_skip_placeholder_days_and_keep_the_rest(journal, real_copy):
    graph = real_copy("logseq/logseq-docs")
    result = TransferService(journal).import_from("markdown", graph)
    assert result.added["entries"] == 4
    assert result.ignored["empty pages (Logseq placeholders)"] == 72  # 71 days + favorites
    assert sorted(_reasons(result)) == [
        "pages/Cloze.md",
        "pages/Draw.md",
        "pages/Glossary.md",
        "pages/contents.md",
    ]
    found = sorted(
        (e.day, e.title, e.body)
        for e in (journal.entries.get(s.id) for s in journal.entries.summaries())
    )
    assert [(day, title) for day, title, _ in found] == [
        (dt.date(2020, 9, 23), ""),  # titled "Sep 23rd, 2020": its date, not a title
        (dt.date(2020, 10, 2), ""),
        (dt.date(2021, 2, 20), ""),
        (dt.date(2021, 2, 26), ""),
    ]
    assert found[2][2] == "- DONE Write changelog for v0.0.9\n  done:: 1614350275750"


def test_logseq_pages_dated_by_mtime_keep_their_properties_and_links(journal, real_copy):
    graph = real_copy("logseq/logseq-docs")
    moment = dt.datetime(2021, 7, 22, 10, 0, tzinfo=UTC)
    for path in graph.rglob("*.md"):
        os.utime(path, (moment.timestamp(), moment.timestamp()))
    result = TransferService(journal).import_from(
        "markdown", graph, options=ImportOptions(date_from="mtime")
    )
    assert result.added["entries"] == 8
    assert result.problems == ()
    cloze = _entries(journal)["Cloze"]  # no title:: property: the file name
    assert cloze.body.startswith("- ## Usage")
    assert "type: '[[Command]]'" in cloze.body  # its page properties, kept
    assert cloze.created_at == moment


def test_joplin_front_matter_gives_titles_times_tags_and_keeps_the_rest(journal, real_copy):
    folder = real_copy("joplin/md_frontmatter")
    result = TransferService(journal).import_from("markdown", folder)
    assert result.added["entries"] == 5
    assert _reasons(result) == {
        "inline_tags.md": "no date in its properties or its file name (--date-from mtime "
        "would date it by the file's modification time)"
    }
    found = sorted(
        (e.day, e.title, tuple(e.tags), e.created_at)
        for e in (journal.entries.get(s.id) for s in journal.entries.summaries())
    )
    full = next(e for e in _entries(journal).values() if e.tags)
    assert (full.title, full.tags) == ("Test Note Title", ["Joplin", "nOte", "pencil"])
    # `Created: 2019-05-01 16:54` has no offset: the journal's own zone (Berlin).
    assert full.created_at == dt.datetime(2019, 5, 1, 16, 54, tzinfo=BERLIN)
    assert "Source: https://joplinapp.org" in full.body and "due: 2021-08-22 00:00" in full.body
    # `created: 2019-05-01 16:54-07:00` is 01:54 on 2 May in Berlin: that is its day.
    utc = [row for row in found if row[3] == dt.datetime(2019, 5, 1, 23, 54, tzinfo=UTC)]
    assert [row[0] for row in utc] == [dt.date(2019, 5, 2)]
    days = {row[1]: row[0] for row in found}
    assert days["Date"] == dt.date(2017, 1, 1)
    assert days["YAML metadata for R Markdown with examples"] == dt.date(2021, 6, 10)
    assert days["A test file for Joplin importer"] == dt.date(2025, 8, 21)  # the # Heading


def test_a_notesnook_note_keeps_its_day_first_12_hour_time(journal, real_copy):
    note = real_copy("notesnook/notesnook_updated_created.md")
    result = TransferService(journal).import_from("markdown", note)  # one file, not a folder
    assert result.added["entries"] == 1
    [entry] = _entries(journal).values()
    assert (entry.title, entry.day) == ("Frontmatter test", dt.date(2024, 1, 1))
    assert entry.created_at == dt.datetime(2024, 1, 1, 1, 23, tzinfo=BERLIN)
    assert entry.body.startswith("A test note with frontmatter.")  # the heading became the title
    assert "updated_at: 02-01-2024 04:56 AM" in entry.body
