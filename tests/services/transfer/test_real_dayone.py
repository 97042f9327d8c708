"""Day One exports other people's tools keep as test data (tests/fixtures/real/SOURCES.md):
every media kind arrives as an attachment, a missing file is counted and completed by a
later import, identity is Day One's uuid, the moment written is kept."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal_app.services.transfer.service import TransferService

from .conftest import png

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "dayone"
MISSING = "media files not in the export (import it again with them to complete the entries)"
# Stand-ins for the media files left out of the fixtures (SOURCES.md says why): the
# bytes only need to be what they claim to be.
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _entries(services):
    found = [services.entries.get(s.id) for s in services.entries.summaries()]
    return sorted(found, key=lambda e: (e.created_at, e.id))


def _dev_journal(tmp_path: Path, *, media: bool) -> Path:
    """The Dev Journal export: its JSON and real audio, plus (media=True) stand-ins for
    the two photos and the one video it names but the fixture leaves out."""
    folder = tmp_path / "Dev Journal export"
    shutil.copytree(REAL / "dev-journal", folder)
    if media:
        (folder / "photos").mkdir()
        (folder / "photos" / "31c871f18f68d2fde4196ccba1f8ece1.jpeg").write_bytes(png(1, 2, 3))
        (folder / "photos" / "6b73e9bd86a91d3a7ead09268b0fb266.jpeg").write_bytes(png(4, 5, 6))
        (folder / "videos").mkdir()
        (folder / "videos" / "d500d6789ff2c211af3f507b17be8e66.mp4").write_bytes(MP4)
    else:
        shutil.rmtree(folder / "audios")
    return folder


def test_every_media_kind_arrives_as_an_attachment_with_a_link(journal, tmp_path):
    folder = _dev_journal(tmp_path, media=True)
    result = TransferService(journal).import_from("dayone", folder)
    # 5 entries; photos x3 (one photo twice), the video and the audio; the second video
    # (md5 842e6f…) is not in the export even there.
    assert result.added == {"entries": 5, "attachments": 5}
    assert result.ignored == {MISSING: 1}
    media_entry = _entries(journal)[-1]
    files = {a.mime: a for a in journal.attachments.list_for(media_entry.id)}
    assert set(files) == {"video/mp4", "audio/mp4"}
    assert f"[Video](attachment:{files['video/mp4'].filename})" in media_entry.body
    assert f"[Audio](attachment:{files['audio/mp4'].filename})" in media_entry.body
    assert (
        journal.attachments.read(files["audio/mp4"].filename)
        == (REAL / "dev-journal" / "audios" / "f35f41739499e70c6b2714e3a7d82d8c.m4a").read_bytes()
    )
    for entry in _entries(journal):
        assert "dayone-moment:" not in entry.body


def test_a_pdf_is_attached_and_linked_under_its_name(journal, tmp_path):
    folder = tmp_path / "export"
    (folder / "pdfs").mkdir(parents=True)
    shutil.copyfile(REAL / "pdf" / "PDF.json", folder / "PDF.json")
    (folder / "pdfs" / "df4233a9b96c90e84c44d766f99fc12c.pdf").write_bytes(PDF)
    result = TransferService(journal).import_from("dayone", folder)
    assert result.added == {"entries": 1, "attachments": 1} and not result.ignored
    [entry] = _entries(journal)
    [pdf] = journal.attachments.list_for(entry.id)
    assert pdf.mime == "application/pdf" and pdf.filename.endswith(".pdf")
    assert entry.title == "A test entry"
    assert entry.body.startswith(
        "This is a test entry with a PDF document attached.\n\n"
        f"[Monty Hall uniform](attachment:{pdf.filename})"
    )
    # 20:55 UTC on 1 April 2025 is 22:55 in Rome, the entry's zone
    assert entry.created_at == dt.datetime(2025, 4, 1, 20, 55, 27, tzinfo=dt.UTC)
    assert "- Written: 2025-04-01 22:55 (Europe/Rome)" in entry.body


def test_titles_days_times_place_and_identity(journal, tmp_path):
    folder = _dev_journal(tmp_path, media=True)
    TransferService(journal).import_from("dayone", folder)
    headers, pariatur, quotes, london_eye, media_only = _entries(journal)
    # a `# Header 1` first line; a long first line gives its first sentence and stays
    assert (headers.title, headers.body.split("\n")[0]) == ("Header 1", "## Header 2")
    assert pariatur.title == "Pariatur aute nulla incididunt."
    assert pariatur.body.startswith("Pariatur aute nulla incididunt. Ad dolor irure")
    assert quotes.title == '"This text is in quotes"'
    assert quotes.body.startswith("This-text-is-hyphenated\n(This text is in parentheses)")
    assert media_only.title == ""
    # 23:00 UTC on 16 April 2024 is midnight of the 17th in Dublin (summer time)
    assert headers.day == dt.date(2024, 4, 17)
    assert headers.created_at.astimezone(ZoneInfo("Europe/Dublin")).hour == 0
    assert headers.tags == ["another-dev-testing-tag", "dev-testing-tag", "starred"]
    assert "- Day One entry: DF8B32A3FE25400BBBB3A7BBFCD23CE7" in headers.body
    assert "- Written: 2024-04-17 (Europe/Dublin)" in headers.body  # an all-day entry
    assert (
        "- Place: Eurpocar Dublin Airport Terminal 2, Swords, Co. Dublin, Ireland "
        "(53.42761, -6.23917)"
    ) in headers.body
    assert "- Written: 2024-04-19 22:55 (Europe/London)" in london_eye.body
    again = TransferService(journal).import_from("dayone", folder / "Dev Journal.json")
    assert again.total_added == 0 and again.skipped == {"entries": 5}
    assert journal.entries.count() == 5


def test_weather_is_kept_and_a_json_without_its_photos_warns_by_count(journal):
    result = TransferService(journal).import_from("dayone", REAL / "alice" / "Journal.json")
    assert result.added == {"entries": 54, "attachments": 0}
    assert result.ignored == {MISSING: 132}  # 42 entries show 132 photos
    assert "ignored 132 media files not in the export" in result.summary()
    first = next(e for e in _entries(journal) if "Uncle's Tavern" in e.body)
    assert "- Weather: Partly Cloudy, 34 °C, wind 10 km/h" in first.body
    assert "*(Day One photo 1F04A93388D846C8828F46B9A1074FF1 is not in the export)*" in (first.body)


def test_a_later_import_with_the_media_completes_entries_instead_of_duplicating(journal, tmp_path):
    bare = _dev_journal(tmp_path / "first", media=False)
    (bare / "photos").mkdir(exist_ok=True)  # an empty photos folder: nothing there
    first = TransferService(journal).import_from("dayone", bare)
    assert first.added == {"entries": 5, "attachments": 0}
    assert first.ignored == {MISSING: 6}
    edited = next(e for e in _entries(journal) if e.title == "Header 1")
    journal.entries.update(edited.id, expected_rev=edited.rev, body=edited.body + "\n\nMy note.")

    full = _dev_journal(tmp_path / "second", media=True)
    second = TransferService(journal).import_from("dayone", full)
    assert second.added == {"entries": 0, "attachments": 5, "entries completed": 3}
    assert second.ignored == {MISSING: 1}  # the video no export has
    assert journal.entries.count() == 5
    headers = journal.entries.get(edited.id)
    [photo] = journal.attachments.list_for(headers.id)
    assert f"![](attachment:{photo.filename})" in headers.body
    assert headers.body.endswith("My note.")  # the edit made in between stays
    third = TransferService(journal).import_from("dayone", full)
    assert third.total_added == 0 and third.skipped == {"entries": 5}


def test_two_entries_with_the_same_day_and_text_are_two_entries(journal, tmp_path):
    document = json.loads((REAL / "pdf" / "PDF.json").read_text())
    twin = dict(document["entries"][0], uuid="0123456789ABCDEF0123456789ABCDEF")
    document["entries"].append(twin)
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps(document))
    result = TransferService(journal).import_from("dayone", path)
    assert result.added["entries"] == 2 and result.skipped == {"entries": 0}
    assert result.ignored == {MISSING: 2}


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("**Luckily** for ***Alice***, she grew", "Luckily for Alice, she grew"),
        ("### Plans for Our Trip", "Plans for Our Trip"),
        ("![](dayone-moment://435C5006CF49455699940E1E3B7F5D75)", ""),
    ],
)
def test_the_title_is_the_first_line_as_day_one_lists_it(first_line, title):
    from journal_app.services.transfer.import_dayone import split_title

    assert split_title(first_line + "\n\nMore.")[0] == title


def test_an_import_syncs_the_attachments_folder_once_before_its_commit(
    journal, tmp_path, monkeypatch
):
    """1,000 photos must not cost 1,000 folder fsyncs (benchmarks: import_dayone_1k_s);
    the one sync still comes before the commit that refers to the files."""
    from journal_app.db import sealed_files
    from journal_app.db.models import Entry
    from journal_app.services import attachments

    synced: list[tuple[str, bool]] = []

    def record(folder):
        synced.append((str(folder), Entry._meta.database.in_transaction()))

    monkeypatch.setattr(attachments, "fsync_dir", record)
    monkeypatch.setattr(sealed_files, "fsync_dir", record)
    result = TransferService(journal).import_from("dayone", _dev_journal(tmp_path, media=True))
    assert result.added["attachments"] == 5
    folder = str(journal.attachments.folder)
    assert [path for path, _ in synced if path == folder] == [folder]
    assert [busy for path, busy in synced if path == folder] == [True]  # before the commit
