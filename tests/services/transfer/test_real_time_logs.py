"""Toggl and Clockify detailed reports other projects keep as test data
(tests/fixtures/real/SOURCES.md): 12- and 24-hour times, MM/DD/YYYY dates, a session
of no length, a mapping the user sees and changes, another zone; and our own csv
export read back whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.transfer.import_csv import SHORT
from journal_app.services.transfer.service import TransferService
from journal_app.services.transfer.skips import ImportOptions

from .conftest import BERLIN

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"


def _sessions(services, first=dt.date(2000, 1, 1), last=dt.date(2099, 12, 31)):
    parts = services.sessions.between(first, last)
    found = {p.session.id: p.session for p in parts}.values()
    return sorted(found, key=lambda s: s.start)


def _local(instant: dt.datetime, tz=BERLIN) -> str:
    return instant.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")


def test_toggl_24_hour_report_maps_client_project_task_and_tags(journal):
    path = REAL / "toggl" / "solidtime_test_1.csv"
    result = TransferService(journal).import_from("toggl", path)
    # the first row starts and ends at 10:23:52: skipped and counted, not refused
    assert result.added == {"sessions": 1} and result.ignored == {SHORT: 1}
    [session] = _sessions(journal)
    assert (_local(session.start), _local(session.end)) == (
        "2024-03-04 10:23:00",
        "2024-03-04 11:23:01",
    )
    assert session.skill == "Project for Big Company" and session.category is None
    assert session.note == "Working hard · Task: Task 1 · Client: Big Company"
    again = TransferService(journal).import_from("toggl", path)
    assert again.total_added == 0 and again.skipped == {"sessions": 1}


def test_a_changed_mapping_puts_the_client_in_the_category(journal):
    path = REAL / "toggl" / "solidtime_test_1.csv"
    mapping = {"category": "Client", "note": "Description"}
    TransferService(journal).import_from("toggl", path, mapping=mapping)
    [session] = _sessions(journal)
    assert (session.category, session.skill, session.note) == (
        "Big Company",
        "Project for Big Company",
        "Working hard",
    )
    with pytest.raises(InvalidInput, match=r"the mapping names 'resource'"):
        TransferService(journal).import_from("toggl", path, mapping={"resource": "Client"})


def test_toggl_12_hour_report_with_another_zone(journal):
    path = REAL / "toggl" / "tuttle_12h.csv"
    result = TransferService(journal).import_from("toggl", path, zone="America/New_York")
    assert result.added == {"sessions": 29}
    sessions = _sessions(journal)
    new_york = ZoneInfo("America/New_York")
    # "2022-01-06,10:30:34 AM" to "12:30:34 PM" written in New York
    assert (_local(sessions[0].start, new_york), _local(sessions[0].end, new_york)) == (
        "2022-01-06 10:30:34",
        "2022-01-06 12:30:34",
    )
    assert _local(sessions[0].start) == "2022-01-06 16:30:34"  # in the journal's Berlin
    afternoon = [s for s in sessions if _local(s.start, new_york).endswith("13:00:00")]
    assert afternoon and afternoon[0].skill == "orga"
    total = sum((s.end - s.start for s in sessions), dt.timedelta())
    assert total == dt.timedelta(hours=42, minutes=20)  # end minus start, row by row
    with pytest.raises(InvalidInput, match=r"--tz: 'Mars/Olympus' is not a time zone name"):
        TransferService(journal).import_from("toggl", path, zone="Mars/Olympus")


def test_toggl_report_of_seconds_only_imports_nothing_and_says_why(journal):
    result = TransferService(journal).import_from("toggl", REAL / "toggl" / "solidtime_test_2.csv")
    assert result.added == {"sessions": 0} and result.ignored == {SHORT: 1}
    assert "ignored 1 session under a minute" not in result.summary()  # plural noun kept
    assert "sessions under a minute" in result.summary()


def test_clockify_month_first_dates_need_saying_when_every_day_is_12_or_less(journal):
    path = REAL / "clockify" / "solidtime_test_1.csv"
    with pytest.raises(InvalidInput, match=r"ambiguous: every day is 12 or less.*--date-format"):
        TransferService(journal).import_from("clockify", path)
    assert _sessions(journal) == []
    result = TransferService(journal).import_from("clockify", path, date_format="MM/DD/YYYY")
    assert result.added == {"sessions": 1} and result.ignored == {SHORT: 1}
    [session] = _sessions(journal)
    # 03/04/2024 month first: 4 March; "10:23 AM" to "11:23:01 AM"
    assert (_local(session.start), _local(session.end)) == (
        "2024-03-04 10:23:00",
        "2024-03-04 11:23:01",
    )
    assert session.note == "Working hard · Task: Task 1 · Client: Big Company"


def test_clockify_day_above_12_settles_the_order_and_a_wrong_date_names_its_line(journal):
    result = TransferService(journal).import_from(
        "clockify", REAL / "clockify" / "solidtime_test_2.csv"
    )
    assert result.added == {"sessions": 1}
    [session] = _sessions(journal)
    assert (_local(session.start), _local(session.end)) == (
        "2024-10-15 11:00:00",
        "2024-10-15 11:30:00",
    )
    assert session.skill == "Real World Project"
    third = REAL / "clockify" / "solidtime_test_3.csv"
    listed = TransferService(journal).import_from("clockify", third)
    assert [str(p) for p in listed.problems] == [
        "solidtime_test_3.csv line 2: '13/15/2024' is not a date in MM/DD/YYYY"
    ]
    with pytest.raises(InvalidInput, match=r"line 2: '13/15/2024' is not a date in MM/DD/YYYY"):
        TransferService(journal).import_from("clockify", third, options=ImportOptions(strict=True))
    assert len(_sessions(journal)) == 1


def test_clockify_without_a_client_column(journal):
    path = REAL / "clockify" / "solidtime_test_6.csv"
    result = TransferService(journal).import_from("clockify", path, date_format="%m/%d/%Y")
    assert result.added == {"sessions": 1}
    [session] = _sessions(journal)
    assert (session.skill, session.note) == ("Project B", "Working hard · Task: Task 1")


def test_day_first_dotted_dates_and_12_hour_times_in_a_csv(journal, tmp_path):
    # No German-locale export with a licence that allows keeping it was found
    # (SOURCES.md); these rows follow Clockify's layout with DD.MM.YYYY dates.
    path = tmp_path / "Clockify_Zeitbericht.csv"
    path.write_text(
        '"Project","Client","Description","Task","Tags","Start Date","Start Time",'
        '"End Date","End Time"\n'
        '"Thesis","","Kapitel 2","","","02.03.2026","09:15:00 PM","02.03.2026","11:45:00 PM"\n'
        '"Thesis","","Kapitel 3","","","03.03.2026","08:00","03.03.2026","08:00:30"\n',
        encoding="utf-8",
    )
    result = TransferService(journal).import_from("clockify", path)
    assert result.added == {"sessions": 1} and result.ignored == {SHORT: 1}
    [session] = _sessions(journal)
    assert (_local(session.start), _local(session.end)) == (
        "2026-03-02 21:15:00",
        "2026-03-02 23:45:00",
    )


# ------------------------------------------------------------------------ csv round trip


def test_sleep_hours_and_outputs_survive_an_export_and_import(journal, tmp_path):
    services = journal
    services.day_logs.save(dt.date(2026, 3, 9), hours=7.123456, quality=4)
    services.day_logs.save(
        dt.date(2026, 3, 10),
        bed=dt.datetime(2026, 3, 9, 23, 17, 41, tzinfo=BERLIN),
        wake=dt.datetime(2026, 3, 10, 6, 58, 3, tzinfo=BERLIN),
    )
    services.outputs.add(
        kind="explainer",
        title="Backprop by hand",
        status="draft",
        words=1200,
        day=dt.date(2026, 3, 9),
    )
    services.outputs.add(
        kind="code", title="tiny-autograd", url="https://example.org/x", day=dt.date(2026, 3, 10)
    )
    before = {
        d: services.day_logs.get(d).sleep_hours for d in (dt.date(2026, 3, 9), dt.date(2026, 3, 10))
    }
    before_outputs = sorted(
        (o.day, o.kind, o.title, o.status, o.url, o.words) for o in services.outputs.list()
    )
    TransferService(services).export_to("csv", tmp_path / "out")

    from journal_app.db.models import DayLog, Output

    DayLog.delete().execute()
    Output.delete().execute()
    nights = TransferService(services).import_from(
        "csv", tmp_path / "out" / "sleep.csv", kind="sleep"
    )
    outputs = TransferService(services).import_from(
        "csv", tmp_path / "out" / "outputs.csv", kind="outputs"
    )
    assert nights.added == {"nights": 2} and outputs.added == {"outputs": 2}
    after = {d: services.day_logs.get(d).sleep_hours for d in before}
    assert after == before  # 7.123456 and 7.672777…, not rounded to 4 places
    assert (
        sorted((o.day, o.kind, o.title, o.status, o.url, o.words) for o in services.outputs.list())
        == before_outputs
    )
    again = TransferService(services).import_from(
        "csv", tmp_path / "out" / "outputs.csv", kind="outputs"
    )
    assert again.total_added == 0 and again.skipped == {"outputs": 2}
