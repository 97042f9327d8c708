"""markdown: our export (front matter, year/month folders, attachments) and imports of
it and of an Obsidian-style folder."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.config import check_data_dir
from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.transfer.common import split_front_matter
from journal_app.services.transfer.service import TransferService
from journal_app.services.transfer.skips import ImportOptions

from .conftest import add_entry, entry_rows, png


def _fill(services):
    a = add_entry(
        services,
        dt.date(2026, 3, 10),
        "Self Study Journal #6",
        "Day six.\n",
        series="Self Study Journal",
        number=6,
        tags=["ml", "private-health"],
    )
    image = services.attachments.add_image(a.id, png(9, 9, 9))
    services.entries.update(a.id, expected_rev=a.rev, body=f"Day six.\n\n![graph]({image.url})\n")
    add_entry(services, dt.date(2026, 3, 10), "Self Study Journal #6", "Same title, same day.")
    add_entry(
        services, dt.date(2025, 12, 31), "", "---\nnot front matter\n---\n", visibility="public"
    )
    return image.filename


def test_export_writes_one_file_per_entry_with_front_matter(journal, tmp_path):
    image = _fill(journal)
    result = TransferService(journal).export_to("markdown", tmp_path / "out")
    files = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.md")
    )
    assert files == [
        "2025/12/2025-12-31-entry.md",
        "2026/03/2026-03-10-self-study-journal-6-2.md",
        "2026/03/2026-03-10-self-study-journal-6.md",
    ]
    assert result.counts == {"entries": 3, "attachments": 1}
    text = (tmp_path / "out/2026/03/2026-03-10-self-study-journal-6.md").read_text()
    meta, body = split_front_matter(text, "x")
    assert meta == {
        "day": dt.date(2026, 3, 10),
        "title": "Self Study Journal #6",
        "tags": ["ml", "private-health"],
        "series": "Self Study Journal",
        "number": 6,
        "visibility": "private",
    }
    assert body == f"Day six.\n\n![graph](../../attachments/{image})\n"
    assert (tmp_path / "out/attachments" / image).read_bytes() == png(9, 9, 9)


def test_export_refuses_a_folder_that_holds_files(journal, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    with pytest.raises(InvalidInput, match="not an empty folder"):
        TransferService(journal).export_to("markdown", tmp_path / "out")
    assert (tmp_path / "out" / "keep.txt").read_text() == "mine"


def test_our_export_imports_back_as_it_was_and_only_once(journal, tmp_path, clock):
    _fill(journal)
    TransferService(journal).export_to("markdown", tmp_path / "out")
    rows = entry_rows(journal)
    journal.close()
    with Services.open(check_data_dir(tmp_path / "new", create=True), clock=clock) as fresh:
        first = TransferService(fresh).import_from("markdown", tmp_path / "out")
        again = TransferService(fresh).import_from("markdown", tmp_path / "out")
        assert entry_rows(fresh) == rows
        assert (first.added, again.added["entries"], again.skipped) == (
            {"entries": 3, "attachments": 1},
            0,
            {"entries": 3},
        )
        entry = next(
            e
            for e in map(fresh.entries.get, [s.id for s in fresh.entries.summaries()])
            if e.body.startswith("Day six")
        )
        [picture] = fresh.attachments.list_for(entry.id)
        assert fresh.attachments.resolve(picture.filename).read_bytes() == png(9, 9, 9)


def test_an_obsidian_folder_takes_days_from_names_and_front_matter(journal, fixture_copy):
    folder = fixture_copy("obsidian")
    result = TransferService(journal).import_from("markdown", folder)
    assert result.added == {"entries": 4, "attachments": 2}
    [undated] = result.problems  # Ideas.md; .obsidian is skipped
    assert (undated.where, undated.line) == ("Ideas.md", None)
    assert undated.reason.startswith("no date in its properties or its file name")
    assert "left out 1 item it cannot read" in result.summary()
    found = {e.day: e for e in (journal.entries.get(s.id) for s in journal.entries.summaries())}
    assert sorted(found) == [
        dt.date(2026, 3, 10),
        dt.date(2026, 3, 11),
        dt.date(2026, 3, 12),
        dt.date(2026, 3, 15),
    ]
    assert found[dt.date(2026, 3, 10)].title == ""
    assert found[dt.date(2026, 3, 10)].body.startswith("Read chapter 3")
    backprop = found[dt.date(2026, 3, 11)]
    assert (backprop.title, backprop.tags) == ("Backprop by hand", ["backprop", "ml"])
    [picture] = journal.attachments.list_for(backprop.id)
    assert f"![the graph](attachment:{picture.filename})" in backprop.body
    board = found[dt.date(2026, 3, 12)]  # an Obsidian embed, found by name in the vault
    [picture] = journal.attachments.list_for(board.id)
    assert f"![whiteboard](attachment:{picture.filename})" in board.body
    assert "![[missing.png]]" in board.body  # a file that is not there: left as written
    week = found[dt.date(2026, 3, 15)]
    assert (week.title, week.visibility) == ("Week 11", "public")


def test_bad_front_matter_names_the_file_and_line_and_strict_imports_nothing(journal, fixture_copy):
    folder = fixture_copy("obsidian")
    strict = ImportOptions(strict=True)
    (folder / "Daily" / "2026-03-12.md").write_text("---\ntitle: [unclosed\ntags: x\n---\nbody\n")
    with pytest.raises(InvalidInput, match=r"Daily/2026-03-12.md line \d+: the front matter"):
        TransferService(journal).import_from("markdown", folder, options=strict)
    assert journal.entries.count() == 0
    (folder / "Daily" / "2026-03-12.md").write_text("---\nday: someday\n---\nbody\n")
    with pytest.raises(InvalidInput, match=r"Daily/2026-03-12.md: day: 'someday' is not a date"):
        TransferService(journal).import_from("markdown", folder, options=strict)
    (folder / "Daily" / "2026-03-12.md").write_text("---\nvisibility: secret\n---\nbody\n")
    with pytest.raises(InvalidInput, match=r"2026-03-12.md: visibility: 'secret'"):
        TransferService(journal).import_from("markdown", folder, options=strict)
    assert journal.entries.count() == 0
    # Without --strict the note is left out, named with its reason, and the rest arrive.
    result = TransferService(journal).import_from("markdown", folder)
    assert result.added["entries"] == 3
    assert [str(p) for p in result.problems] == [
        "Ideas.md: no date in its properties or its file name (import with --date-from "
        "mtime to date it by the file's modification time)",
        "Daily/2026-03-12.md: visibility: 'secret' is not one of private, public",
    ]


def test_front_matter_survives_yaml_special_titles(journal, tmp_path, clock):
    for title in ("yes", "2026-03-10", "a: b", "#7 — «quoted» 'x'", "null"):
        add_entry(journal, dt.date(2026, 1, 1), title, f"about {title}")
    TransferService(journal).export_to("markdown", tmp_path / "out")
    rows = entry_rows(journal)
    journal.close()
    with Services.open(check_data_dir(tmp_path / "new", create=True), clock=clock) as fresh:
        TransferService(fresh).import_from("markdown", tmp_path / "out")
        assert entry_rows(fresh) == rows
