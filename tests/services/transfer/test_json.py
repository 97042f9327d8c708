"""json: lossless. Demo journal → export → import into an empty dir → export: identical."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from journal_app.config import check_data_dir
from journal_app.demo.generate import generate_demo
from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.transfer.service import TransferService

from .conftest import BERLIN, add_entry, entry_rows, png


@pytest.fixture
def exported(journal, tmp_path):
    """A one-year demo journal with a picture and an entry in the trash, exported to
    json; the journal is closed (one journal is open at a time in a process)."""
    generate_demo(journal, years=1, seed=3, today=dt.date(2026, 11, 20))
    entry = add_entry(journal, dt.date(2026, 11, 21), "With a zebrafish", "see below")
    image = journal.attachments.add_image(entry.id, png(1, 2, 3))
    journal.entries.update(entry.id, expected_rev=entry.rev, body=f"![x]({image.url})")
    trashed = add_entry(journal, dt.date(2026, 11, 21), "Thrown away")
    journal.entries.trash(trashed.id)
    path = tmp_path / "first.json"
    TransferService(journal).export_to("json", path)
    journal.rows = entry_rows(journal)
    journal.close()
    return path, journal.rows


def _open(tmp_path, name, clock):
    services = Services.open(check_data_dir(tmp_path / name, create=True), clock=clock)
    services.tz = BERLIN
    return services


def test_round_trip_through_an_empty_journal_is_byte_identical(exported, tmp_path, clock):
    first, rows = exported
    second = tmp_path / "second.json"
    with _open(tmp_path, "restored", clock) as restored:
        result = TransferService(restored).import_from("json", first)
        assert result.added["entries"] == len(rows) + 1  # and the one in the trash
        assert result.backup is not None and result.backup.exists()
        TransferService(restored).export_to("json", second)
        # What a user sees is back too: the entries, the trash, pictures, search.
        assert entry_rows(restored) == rows
        assert [e.title for e in restored.entries.trashed()] == ["Thrown away"]
        hits = restored.search.search("zebrafish")
        assert [h.title for h in hits] == ["With a zebrafish"]
        picture = restored.attachments.list_for(hits[0].id)[0]
        assert restored.attachments.resolve(picture.filename).read_bytes() == png(1, 2, 3)
    assert second.read_bytes() == first.read_bytes()


def test_exporting_twice_gives_the_same_file(exported, tmp_path, clock):
    first, _rows = exported
    with Services.open(
        check_data_dir(tmp_path / "journal-data", create=False), clock=clock
    ) as again:
        TransferService(again).export_to("json", tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == first.read_bytes()


def test_import_into_a_journal_with_data_merges_without_duplicates(exported, tmp_path, clock):
    path, rows = exported
    with _open(tmp_path, "other", clock) as other:
        mine = add_entry(other, dt.date(2026, 1, 5), "Mine, written before the import")
        first = TransferService(other).import_from("json", path)
        again = TransferService(other).import_from("json", path)
        assert first.added["entries"] == len(rows) + 1
        assert again.total_added == 0
        assert again.skipped["entries"] == first.added["entries"]
        mine_row = (mine.day, mine.title, mine.body, (), None, None, "private")
        assert entry_rows(other) == sorted([*rows, mine_row])
        assert other.search.search("zebrafish")[0].title == "With a zebrafish"


def test_a_damaged_file_names_the_place_and_changes_nothing(exported, tmp_path, clock):
    path, _rows = exported
    text = path.read_text()
    document = json.loads(text)
    document["tables"]["entry"]["rows"][4].pop()
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document))
    truncated = tmp_path / "truncated.json"
    truncated.write_text(text[:5000])
    document = json.loads(text)
    document["schema_version"] = 99
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(document))
    with _open(tmp_path, "target", clock) as target:
        transfer = TransferService(target)
        with pytest.raises(InvalidInput, match=r"broken.json: table entry row 5: expected"):
            transfer.import_from("json", broken)
        with pytest.raises(InvalidInput, match=r"truncated.json line \d+: not valid JSON"):
            transfer.import_from("json", truncated)
        with pytest.raises(InvalidInput, match="newer version"):
            transfer.import_from("json", newer)
        assert target.is_empty()
        assert len(target.categories.list()) == 7  # the new journal's own, untouched


def test_merging_a_renamed_built_in_template_keeps_the_one_here(exported, tmp_path, clock):
    path, _rows = exported
    document = json.loads(path.read_text())
    table = document["tables"]["template"]
    name, key = table["columns"].index("name"), table["columns"].index("builtin_key")
    daily = next(row for row in table["rows"] if row[key] == "daily")
    daily[name] = "My daily page"
    path.write_text(json.dumps(document))
    with _open(tmp_path, "other", clock) as other:
        add_entry(other, dt.date(2026, 1, 5), "Mine")
        TransferService(other).import_from("json", path)
        names = [t.name for t in other.templates.list()]
        assert "Daily log" in names and "My daily page" not in names


def test_the_personal_dictionary_travels_in_a_json_export_and_merges(journal, tmp_path, clock):
    journal.spelling.add_word("backprop")
    journal.spelling.add_word("softmax")
    path = tmp_path / "words.json"
    TransferService(journal).export_to("json", path)
    journal.close()
    with _open(tmp_path, "other", clock) as other:
        other.spelling.add_word("softmax")
        add_entry(other, dt.date(2026, 1, 5), "Mine, written before the import")
        TransferService(other).import_from("json", path)
        assert other.spelling.personal_words() == ["backprop", "softmax"]


def test_a_board_cards_details_travel_in_a_json_export_and_merge(journal, tmp_path, clock):
    entry = add_entry(journal, dt.date(2026, 1, 5), "Attention notes")
    resource = journal.resources.add("Zero to Hero", kind="course")
    task = journal.planning.add_task("Watch makemore", tags=["ml"])
    journal.planning.update_task(
        task.id,
        due=dt.date(2026, 1, 9),
        priority="high",
        checklist=[("Part 1", True), ("Part 2", False)],
        links=[("entry", entry.id), ("resource", resource.id)],
    )
    journal.planning.set_label_color("ml", "#112233")
    path = tmp_path / "board.json"
    TransferService(journal).export_to("json", path)
    journal.close()
    with _open(tmp_path, "other", clock) as other:
        add_entry(other, dt.date(2026, 1, 4), "Mine, written before the import")
        TransferService(other).import_from("json", path)
        TransferService(other).import_from("json", path)  # twice: nothing doubles
        (got,) = other.planning.backlog()
        assert (got.title, got.due, got.priority_name) == (
            "Watch makemore",
            dt.date(2026, 1, 9),
            "high",
        )
        assert got.labels == (("ml", "#112233"),)
        assert [(c.text, c.done) for c in got.checklist] == [("Part 1", True), ("Part 2", False)]
        assert [(link.kind, link.title) for link in got.links] == [
            ("entry", "Attention notes"),
            ("resource", "Zero to Hero"),
        ]
