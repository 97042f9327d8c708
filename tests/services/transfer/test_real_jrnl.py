"""jrnl's own test journals and the JSON jrnl 4.6 exported from them
(tests/fixtures/real/SOURCES.md): `--format jrnl` reads both, alike, with the date and
time written kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.transfer.service import TransferService
from journal_app.services.transfer.skips import ImportOptions

from .conftest import BERLIN

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"
JRNL = REAL / "jrnl"


def _entries(services):
    found = [services.entries.get(s.id) for s in services.entries.summaries()]
    return sorted(found, key=lambda e: (e.day, e.id))


def _seen(services):
    return sorted(
        (e.day, e.created_at.astimezone(BERLIN).strftime("%H:%M"), e.title, e.body, sorted(e.tags))
        for e in _entries(services)
    )


def test_the_text_journal_reads_as_jrnl_exports_it(journal):
    result = TransferService(journal).import_from("jrnl", JRNL / "basic_onefile.journal")
    assert result.added == {"entries": 3, "attachments": 0}
    first, starred, third = _entries(journal)
    assert (first.day, first.title) == (dt.date(2020, 8, 29), "Entry the first.")
    assert first.body.startswith("Lorem @ipsum dolor sit amet")
    assert first.created_at.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M") == "2020-08-29 11:11"
    assert sorted(first.tags) == ["ipsum", "tagone", "tagtwo"]
    assert starred.title == "A second entry in what I hope to be a long series."
    assert sorted(starred.tags) == ["starred", "tagtwo"]
    assert third.body.endswith("@tagthree and also @tagone")
    # jrnl's JSON export of the same journal is the same three entries: nothing added
    again = TransferService(journal).import_from("jrnl", JRNL / "basic_onefile.export.json")
    assert again.total_added == 0 and again.skipped == {"entries": 3}
    assert (
        TransferService(journal).import_from("jrnl", JRNL / "basic_onefile.journal").total_added
        == 0
    )


def test_the_json_export_keeps_date_time_title_and_tags(journal):
    TransferService(journal).import_from("jrnl", JRNL / "tags.export.json")
    assert _seen(journal) == [
        (
            dt.date(2013, 4, 9),
            "15:39",
            "I have an @idea:",
            "(1) write a command line @journal software\n(2) ???\n(3) PROFIT!",
            ["idea", "journal"],
        ),
        (
            dt.date(2013, 6, 10),
            "15:40",
            "I met with @dan.",
            "As alway's he shared his latest @idea on how to rule the world with me.\ninst",
            ["dan", "idea"],
        ),
    ]


def test_text_and_json_of_the_same_journal_give_the_same_entries(journal, tmp_path):
    TransferService(journal).import_from("jrnl", JRNL / "tags.journal")
    from_text = _seen(journal)
    TransferService(journal).import_from("jrnl", JRNL / "tags.export.json")
    assert _seen(journal) == from_text


def test_tags_wherever_they_stand_and_brackets_that_are_not_dates(journal):
    TransferService(journal).import_from("jrnl", JRNL / "multiline-tags.journal")
    [entry] = _entries(journal)
    assert entry.title == "Multiple @line entry with @tags."
    assert sorted(entry.tags) == [
        "hi",
        "line",
        "punctuation",
        "tag",
        "tagonlinealonewithoutpunctuation",
        "tagonlinealonewithpunctuation",
        "tags",
    ]
    TransferService(journal).import_from("jrnl", JRNL / "brackets.journal")
    bracketed = next(e for e in _entries(journal) if e.title == "Entry subject")
    assert bracketed.body == "[1] line starting with 1"
    assert bracketed.created_at.astimezone(BERLIN).strftime("%H:%M") == "05:42"


def test_a_configured_timeformat_is_found_or_named(journal):
    # little_endian_dates.yaml sets jrnl's timeformat to "%d.%m.%Y %H:%M"
    assert 'timeformat: "%d.%m.%Y %H:%M"' in (JRNL / "little_endian_dates.yaml").read_text()
    result = TransferService(journal).import_from("jrnl", JRNL / "little_endian_dates.journal")
    assert result.added["entries"] == 2
    assert [(e.day, e.title) for e in _entries(journal)] == [
        (dt.date(2013, 6, 9), "My first entry."),
        (dt.date(2013, 7, 10), "Life is good."),
    ]
    again = TransferService(journal).import_from(
        "jrnl", JRNL / "little_endian_dates.journal", date_format="%d.%m.%Y %H:%M"
    )
    assert again.total_added == 0
    # a timeformat that reads none of the stamps: each entry listed with its line
    wrong = TransferService(journal).import_from(
        "jrnl", JRNL / "little_endian_dates.journal", date_format="%Y-%m-%d %H:%M"
    )
    assert [str(p) for p in wrong.problems] == [
        "little_endian_dates.journal line 1: [09.06.2013 15:39] is not a date and time in "
        "the journal's format (%Y-%m-%d %H:%M; name another with --date-format)",
        "little_endian_dates.journal line 4: [10.07.2013 15:40] is not a date and time in "
        "the journal's format (%Y-%m-%d %H:%M; name another with --date-format)",
    ]
    with pytest.raises(InvalidInput, match=r"line 1: \[09.06.2013 15:39\] is not a date"):
        TransferService(journal).import_from(
            "jrnl",
            JRNL / "little_endian_dates.journal",
            date_format="%Y-%m-%d %H:%M",
            options=ImportOptions(strict=True),
        )


def test_day_and_month_that_read_both_ways_are_refused(journal, tmp_path):
    path = tmp_path / "journal.txt"
    path.write_text("[03/04/2024 10:00] Spring. Notes.\n\n[05/06/2024 09:00] Later.\n")
    with pytest.raises(
        InvalidInput, match=r"ambiguous.*--date-format '%d.%m.%Y %H:%M' or '%m/%d/%Y %H:%M'"
    ):
        TransferService(journal).import_from("jrnl", path)
    TransferService(journal).import_from("jrnl", path, date_format="DD/MM/YYYY HH:mm")
    assert [e.day for e in _entries(journal)] == [dt.date(2024, 4, 3), dt.date(2024, 6, 5)]


def test_a_file_given_with_the_wrong_format_names_the_right_one(journal):
    with pytest.raises(InvalidInput, match=r"this looks like a jrnl journal: use --format jrnl"):
        TransferService(journal).import_from("json", JRNL / "tags.journal")
    with pytest.raises(InvalidInput, match=r"this looks like a jrnl journal: use --format jrnl"):
        TransferService(journal).import_from("dayone", JRNL / "tags.export.json")
    with pytest.raises(InvalidInput, match=r"Day One export: import it with --format dayone"):
        TransferService(journal).import_from("jrnl", REAL / "dayone" / "pdf" / "PDF.json")
    with pytest.raises(
        InvalidInput, match=r"this looks like a Toggl or Clockify CSV: use --format toggl"
    ):
        TransferService(journal).import_from("jrnl", REAL / "toggl" / "solidtime_test_1.csv")
    assert journal.entries.count() == 0
