"""Imports from other tools, on sample files written to each tool's documented format:
jrnl's JSON export, Day One's JSON export, Toggl Track's CSV, any CSV with a mapping."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.transfer.service import TransferService
from journal_app.services.transfer.skips import ImportOptions

from .conftest import BERLIN, FIXTURES


def _entries(services):
    return sorted(
        (services.entries.get(s.id) for s in services.entries.summaries()),
        key=lambda e: (e.day, e.id),
    )


def _local(instant: dt.datetime) -> str:
    return instant.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


# ------------------------------------------------------------------------------ jrnl


def test_jrnl_entries_keep_day_title_body_and_tags(journal):
    result = TransferService(journal).import_from("jrnl", FIXTURES / "jrnl.json")
    assert result.added["entries"] == 3
    first, starred, third = _entries(journal)
    assert (first.day, first.title, first.tags) == (
        dt.date(2026, 2, 1),
        "Started the fast.ai course.",
        ["ml"],
    )
    assert first.body == "Lesson 1 done; the notebook ran on CPU."
    assert starred.tags == ["sleep", "starred"]
    assert third.body == "Drew the computation graph for a two-layer net.\nThen wrote it in numpy."
    assert TransferService(journal).import_from("jrnl", FIXTURES / "jrnl.json").total_added == 0
    assert journal.entries.count() == 3


def test_jrnl_without_a_date_names_the_entry(journal, tmp_path):
    # #16: the other entries are imported, the one without a date listed (--strict refuses)
    with pytest.raises(InvalidInput, match=r"jrnl_missing_date.json entry 2: date: missing"):
        TransferService(journal).import_from(
            "jrnl", FIXTURES / "jrnl_missing_date.json", options=ImportOptions(strict=True)
        )
    assert journal.entries.count() == 0
    result = TransferService(journal).import_from("jrnl", FIXTURES / "jrnl_missing_date.json")
    assert [str(p) for p in result.problems] == ["jrnl_missing_date.json entry 2: date: missing"]
    imported = journal.entries.count()
    assert imported == result.added["entries"] >= 1
    not_jrnl = tmp_path / "notes.json"
    not_jrnl.write_text('{"items": []}')
    with pytest.raises(InvalidInput, match=r"notes\.json: not a jrnl JSON export"):
        TransferService(journal).import_from("jrnl", not_jrnl)
    broken = tmp_path / "broken.json"
    broken.write_text('{\n "entries": [\n  {"date": "2026-01-01",}\n ]\n}')
    with pytest.raises(InvalidInput, match=r"broken.json line 3: not valid JSON"):
        TransferService(journal).import_from("jrnl", broken)
    assert journal.entries.count() == imported


# ----------------------------------------------------------------------------- Day One


def test_day_one_days_follow_each_entrys_time_zone_and_photos_come_along(journal, fixture_copy):
    folder = fixture_copy("dayone")
    result = TransferService(journal).import_from("dayone", folder)
    assert result.added == {"entries": 2, "attachments": 1}
    paper, morning = _entries(journal)
    # 23:30 UTC on 1 March is already 2 March in Berlin; 08:00 UTC is 03:00 in New York.
    assert (paper.day, morning.day) == (dt.date(2026, 3, 2), dt.date(2026, 3, 2))
    assert paper.title == "Attention is all you need"
    assert paper.body.startswith(
        "Read the paper twice. Key idea: self-attention replaces recurrence!"
    )
    [photo] = journal.attachments.list_for(paper.id)
    assert f"![](attachment:{photo.filename})" in paper.body
    # the first line is the title, as Day One lists it (#16), heading or not
    assert (morning.title, morning.tags) == ("Morning pages (no title line).", ["starred"])
    again = TransferService(journal).import_from("dayone", folder / "Journal.json")
    assert again.total_added == 0 and again.skipped == {"entries": 2}


def test_day_one_zip_export_is_read_too(journal, fixture_copy, tmp_path):
    import zipfile

    folder = fixture_copy("dayone")
    archive = tmp_path / "Export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(folder / "Journal.json", "Journal.json")
        for photo in (folder / "photos").iterdir():
            zf.write(photo, f"photos/{photo.name}")
    assert TransferService(journal).import_from("dayone", archive).added["attachments"] == 1


def test_day_one_bad_date_names_the_entry(journal, tmp_path):
    document = json.loads((FIXTURES / "dayone" / "Journal.json").read_text())
    document["entries"][1]["creationDate"] = "yesterday"
    bad = tmp_path / "Journal.json"
    bad.write_text(json.dumps(document))
    # #16: the readable entry is imported, the other listed with its reason ...
    result = TransferService(journal).import_from("dayone", bad)
    assert result.added["entries"] == 1
    [problem] = result.problems
    assert str(problem) == (
        "Journal.json entry 2: creationDate: 'yesterday' is not a date and time"
    )
    # ... and --strict keeps all or nothing
    bad.write_text(json.dumps(document).replace("5F1E4E2B", "5F1E4E2C"))
    with pytest.raises(InvalidInput, match=r"Journal.json entry 2: creationDate: 'yesterday'"):
        TransferService(journal).import_from("dayone", bad, options=ImportOptions(strict=True))
    assert journal.entries.count() == 1


# ------------------------------------------------------------------------------ Toggl


def test_toggl_time_entries_become_sessions(journal):
    result = TransferService(journal).import_from("toggl", FIXTURES / "toggl.csv")
    assert result.added == {"sessions": 3}
    parts = journal.sessions.between(dt.date(2026, 3, 9), dt.date(2026, 3, 10))
    sessions = {p.session.id: p.session for p in parts}.values()
    got = sorted((_local(s.start), _local(s.end), s.category, s.skill, s.note) for s in sessions)
    # the default mapping keeps the tags in the note too: nothing is dropped (#16)
    assert got == [
        (
            "2026-03-09 09:00",
            "2026-03-09 10:30",
            "Courses",
            "Machine learning",
            "Lecture 4: CNNs · Tags: Courses",
        ),
        (
            "2026-03-09 14:00",
            "2026-03-09 16:15",
            "Writing",
            "Writing",
            "Explainer draft, part 1 · Tags: Writing, deep",
        ),
        ("2026-03-09 23:30", "2026-03-10 00:45", None, "Machine learning", "Late debugging"),
    ]
    again = TransferService(journal).import_from("toggl", FIXTURES / "toggl.csv")
    assert (again.added, again.skipped) == ({"sessions": 0}, {"sessions": 3})


def test_toggl_bad_time_names_the_line(journal):
    strict = ImportOptions(strict=True)
    with pytest.raises(InvalidInput, match=r"toggl_bad_time.csv line 3: 'nine' is not a time"):
        TransferService(journal).import_from(
            "toggl", FIXTURES / "toggl_bad_time.csv", options=strict
        )
    assert journal.sessions.between(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == []
    # #16: without --strict the other rows arrive and the bad one is listed
    result = TransferService(journal).import_from("toggl", FIXTURES / "toggl_bad_time.csv")
    assert [str(p) for p in result.problems] == [
        "toggl_bad_time.csv line 3: 'nine' is not a time like 09:30"
    ]
    assert result.added["sessions"] == len(
        {p.session.id for p in journal.sessions.between(dt.date(2026, 3, 1), dt.date(2026, 3, 31))}
    )


# ------------------------------------------------------------------------ csv mapping


def test_csv_sessions_with_a_column_mapping(journal):
    mapping = {"day": "Date", "start": "From", "end": "To", "category": "Subject", "note": "What"}
    result = TransferService(journal).import_from(
        "csv", FIXTURES / "sessions_custom.csv", kind="sessions", mapping=mapping
    )
    assert result.added == {"sessions": 2}
    parts = journal.sessions.between(dt.date(2026, 3, 9), dt.date(2026, 3, 10))
    sessions = {p.session.id: p.session for p in parts}.values()
    got = sorted((_local(s.start), _local(s.end), s.category, s.note) for s in sessions)
    assert got == [
        ("2026-03-09 09:00", "2026-03-09 10:30", "Reading", "Chapter 3"),
        ("2026-03-09 23:15", "2026-03-10 00:30", "Coding", "past midnight"),
    ]


def test_csv_sleep_with_a_column_mapping(journal):
    mapping = {"day": "Night", "bed": "Went to bed", "wake": "Woke up", "quality": "Score"}
    result = TransferService(journal).import_from(
        "csv", FIXTURES / "sleep_custom.csv", kind="sleep", mapping=mapping
    )
    assert result.added == {"nights": 2}  # the row with nothing logged is left out
    night = journal.day_logs.get(dt.date(2026, 3, 9))
    assert (night.sleep_hours, night.quality) == (7.5, 4)
    assert journal.day_logs.get(dt.date(2026, 3, 11)).quality == 5


def test_csv_errors_name_the_line_and_field(journal, tmp_path):
    transfer = TransferService(journal)
    with pytest.raises(InvalidInput, match=r"no column 'Begin' \(for start\)"):
        transfer.import_from("csv", FIXTURES / "sessions_custom.csv", mapping={"start": "Begin"})
    bad = tmp_path / "log.csv"
    strict = ImportOptions(strict=True)  # all or nothing; without it, rows are listed (#16)
    bad.write_text("start,end\n2026-03-09 09:00,2026-03-09 10:00\n2026-03-09 11:00,soon\n")
    with pytest.raises(InvalidInput, match=r"log.csv line 3: end: 'soon' is not a date and time"):
        transfer.import_from("csv", bad, options=strict)
    bad.write_text("start,end\n2026-03-09 09:00,2026-03-09 08:00\n")
    with pytest.raises(InvalidInput, match=r"log.csv line 2: the end .* is before the start"):
        transfer.import_from("csv", bad, options=strict)
    bad.write_text("day,hours,quality\n2026-03-09,7,9\n")
    with pytest.raises(InvalidInput, match=r"log.csv line 2: quality"):
        transfer.import_from("csv", bad, kind="sleep", options=strict)
    listed = transfer.import_from("csv", bad, kind="sleep")
    assert [str(p) for p in listed.problems] == [
        "log.csv line 2: quality is a whole number from 1 to 5, not 9"
    ] and listed.total_added == 0
    assert journal.sessions.between(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == []
    assert journal.day_logs.get(dt.date(2026, 3, 9)) is None


def test_our_csv_export_imports_back(journal, tmp_path):
    TransferService(journal).import_from("toggl", FIXTURES / "toggl.csv")
    journal.day_logs.save(dt.date(2026, 3, 9), hours=6.5, quality=3)
    TransferService(journal).export_to("csv", tmp_path / "out")
    header = (tmp_path / "out" / "sessions.csv").read_text().splitlines()[0]
    assert header == "start,end,hours,category,side,skill,resource,task,note,source"
    assert (tmp_path / "out" / "sleep.csv").read_text().splitlines() == [
        "day,bed,wake,hours,quality,energy,note",
        "2026-03-09,,,6.5,3,,",
    ]
    assert (tmp_path / "out" / "outputs.csv").read_text().startswith("day,kind,title,status,url")
    again = TransferService(journal).import_from("csv", tmp_path / "out" / "sessions.csv")
    assert again.skipped == {"sessions": 3} and again.total_added == 0


# --------------------------------------------------------------------------- previews


@pytest.mark.parametrize(
    ("fmt", "name", "kind", "would_add"),
    [
        ("jrnl", "jrnl.json", None, {"entries": 3, "attachments": 0}),
        ("dayone", "dayone", None, {"entries": 2, "attachments": 1}),
        ("toggl", "toggl.csv", None, {"sessions": 3}),
        ("csv", "sleep_custom.csv", "sleep", {"nights": 2}),
    ],
)
def test_a_preview_of_another_apps_file_counts_and_writes_nothing(
    journal, fixture_copy, fmt, name, kind, would_add
):
    mapping = {"day": "Night", "bed": "Went to bed", "wake": "Woke up", "quality": "Score"}
    mapping = mapping if kind else None
    preview = TransferService(journal).import_from(
        fmt, fixture_copy(name), kind=kind, mapping=mapping, options=ImportOptions(preview=True)
    )
    assert preview.preview and preview.backup is None
    assert preview.added == would_add
    assert preview.summary().startswith("Would import")
    assert journal.entries.count() == 0 and journal.backups.list() == []
    assert journal.sessions.between(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == []
    assert journal.day_logs.get(dt.date(2026, 3, 9)) is None


def test_a_preview_of_our_json_is_refused_not_run(journal, tmp_path):
    journal.entries.create(day=dt.date(2026, 3, 9), title="kept", body="")
    TransferService(journal).export_to("json", tmp_path / "all.json")
    with pytest.raises(InvalidInput, match="an import of json cannot be previewed"):
        TransferService(journal).import_from(
            "json", tmp_path / "all.json", options=ImportOptions(preview=True)
        )
