"""Many rows: one transaction, the search index rebuilt once, all or nothing, a backup."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db import search_index
from journal_app.errors import InvalidInput
from journal_app.services.transfer import bulk
from journal_app.services.transfer.service import TransferService


def _notes(folder, count: int):
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2020, 1, 1)
    for n in range(count):
        day = start + dt.timedelta(days=n)
        (folder / f"{day.isoformat()}.md").write_text(f"note {n} about quokka{n} today\n")


def _trigger_names(services):
    from journal_app.db.models import Entry

    return [name for name, _sql in search_index.index_triggers(Entry._meta.database)]


def test_a_bulk_import_rebuilds_the_index_once_and_keeps_it_live(journal, tmp_path, monkeypatch):
    _notes(tmp_path / "notes", bulk.BULK_ROWS + 50)
    before = _trigger_names(journal)
    rebuilds = []
    real = search_index.rebuild
    monkeypatch.setattr(search_index, "rebuild", lambda db: (rebuilds.append(1), real(db)))
    result = TransferService(journal).import_from("markdown", tmp_path / "notes")
    assert result.added["entries"] == bulk.BULK_ROWS + 50
    assert rebuilds == [1]
    assert [h.title for h in journal.search.search("quokka17 today")] == [""]
    assert journal.search.search("quokka17 today")[0].day == dt.date(2020, 1, 18)
    # The per-row triggers are back: a later save is found at once.
    assert _trigger_names(journal) == before and len(before) == 8
    journal.entries.create(day=dt.date(2026, 1, 1), title="After", body="wombat")
    assert [h.title for h in journal.search.search("wombat")] == ["After"]


def test_a_small_import_keeps_the_per_row_index(journal, tmp_path, monkeypatch):
    _notes(tmp_path / "notes", 3)
    monkeypatch.setattr(search_index, "rebuild", lambda db: pytest.fail("rebuilt"))
    TransferService(journal).import_from("markdown", tmp_path / "notes")
    assert len(journal.search.search("quokka2")) == 1


def test_a_failure_half_way_leaves_the_journal_as_it_was(journal, tmp_path, monkeypatch):
    journal.entries.create(day=dt.date(2019, 1, 1), title="Before", body="kept")
    _notes(tmp_path / "notes", bulk.BULK_ROWS + 50)
    real_add = bulk.EntryWriter.add

    def failing_add(self, new):
        if self.added == 230:
            raise InvalidInput("disk trouble")
        return real_add(self, new)

    monkeypatch.setattr(bulk.EntryWriter, "add", failing_add)
    with pytest.raises(InvalidInput, match="disk trouble"):
        TransferService(journal).import_from("markdown", tmp_path / "notes")
    assert journal.entries.count() == 1
    assert len(_trigger_names(journal)) == 8  # rolled back with the rows
    journal.entries.create(day=dt.date(2026, 1, 1), title="After", body="wombat")
    assert [h.title for h in journal.search.search("wombat")] == ["After"]
    assert journal.search.search("quokka3") == []


def test_every_import_takes_a_backup_first(journal, tmp_path):
    journal.entries.create(day=dt.date(2019, 1, 1), title="Before", body="kept")
    _notes(tmp_path / "notes", 2)
    result = TransferService(journal).import_from("markdown", tmp_path / "notes")
    assert result.backup is not None
    assert result.backup.parent == journal.paths.backups
    import sqlite3

    with sqlite3.connect(result.backup) as copy:
        assert copy.execute("SELECT title FROM entry").fetchall() == [("Before",)]


def test_an_import_through_the_journal_lists_its_backup_among_the_backups(journal, tmp_path):
    """The facade's transfer service takes the copy with the backups service: a verified,
    listed "pre-import" backup the user can restore from the Backups page."""
    _notes(tmp_path / "notes", 2)
    result = journal.transfer.import_from("markdown", tmp_path / "notes")
    listed = {b.path: b.reason for b in journal.backups.list()}
    assert listed.get(result.backup) == "pre-import"


def test_a_bulk_import_sums_its_new_rows_at_the_end_and_every_row_verifies(
    journal, tmp_path, monkeypatch
):
    """Many new entries: the row checksums of the entries and their tag links are
    written once at the end, not by a trigger per row (benchmarks: import_10k_markdown_s);
    every row verifies after it (links resolved by a later update included), rows that
    were there are untouched, and later saves are summed by the triggers again."""
    from journal_app.db import checksums
    from journal_app.db.models import Entry

    journal.entries.create(day=dt.date(2019, 1, 1), title="Before", body="kept", tags=["old"])
    database = Entry._meta.database
    names = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%checksum%'"
    before = sorted(r[0] for r in database.execute_sql(names).fetchall())
    folder = tmp_path / "notes"
    folder.mkdir()
    count = bulk.BULK_ROWS + 20
    for n in range(count):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=n)
        (folder / f"{day.isoformat()}.md").write_text(
            f"---\ntags: [t{n % 7}, both]\n---\nnote {n}, see [[{day + dt.timedelta(days=1)}]]\n"
        )
    during: list[list[str]] = []
    real_add = bulk.EntryWriter.add

    def add(self, new):
        during.append(sorted(r[0] for r in database.execute_sql(names).fetchall()))
        return real_add(self, new)

    monkeypatch.setattr(bulk.EntryWriter, "add", add)
    result = TransferService(journal).import_from("markdown", folder)
    assert result.added["entries"] == count
    assert "entry_row_checksum_ai" not in during[0]
    assert "entry_tag_row_checksum_ai" not in during[0]
    assert sorted(r[0] for r in database.execute_sql(names).fetchall()) == before
    journal.entries.create(day=dt.date(2026, 1, 1), title="After", body="wombat", tags=["new"])
    report = checksums.verify(database.connection())
    assert (report.damaged, report.missing, report.gone) == ((), (), ())
    links = database.execute_sql("SELECT count(*) FROM entry_tag").fetchone()[0]
    assert report.checked >= (count + 2) + links  # every entry and tag link was summed
