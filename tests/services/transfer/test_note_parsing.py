"""Dates, titles, tags, links and callouts as note apps write them (#16)."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.transfer.note_dates import day_in_name, read_moment
from journal_app.services.transfer.service import TransferService

from .conftest import BERLIN, png

UTC = dt.UTC


@pytest.mark.parametrize(
    ("value", "day", "moment"),
    [
        ("2026-03-10", dt.date(2026, 3, 10), None),
        ("2026-03-10 09:30", dt.date(2026, 3, 10), dt.datetime(2026, 3, 10, 9, 30, tzinfo=BERLIN)),
        (
            "2026-03-10T09:30:15",
            dt.date(2026, 3, 10),
            dt.datetime(2026, 3, 10, 9, 30, 15, tzinfo=BERLIN),
        ),
        (
            "2026-03-10T23:30:00Z",
            dt.date(2026, 3, 11),
            dt.datetime(2026, 3, 10, 23, 30, tzinfo=UTC),
        ),
        (
            "2026-03-10 16:54-07:00",
            dt.date(2026, 3, 11),
            dt.datetime(2026, 3, 10, 23, 54, tzinfo=UTC),
        ),
        (
            "2026-03-10T09:30:00.123+0100",
            dt.date(2026, 3, 10),
            dt.datetime(2026, 3, 10, 8, 30, tzinfo=UTC),
        ),
        (
            1614350275750,
            dt.date(2021, 2, 26),
            dt.datetime(2021, 2, 26, 14, 37, 55, 750000, tzinfo=UTC),
        ),
        ("1614350275", dt.date(2021, 2, 26), dt.datetime(2021, 2, 26, 14, 37, 55, tzinfo=UTC)),
        (
            "01-02-2024 01:23 PM",
            dt.date(2024, 2, 1),
            dt.datetime(2024, 2, 1, 13, 23, tzinfo=BERLIN),
        ),
        ("Sep 14th, 2020", dt.date(2020, 9, 14), None),
        (dt.date(2020, 9, 14), dt.date(2020, 9, 14), None),
    ],
)
def test_date_properties_in_every_common_form(value, day, moment):
    assert read_moment(value, BERLIN) == (day, moment)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("{{date}}", "'{{date}}' is a template placeholder, not a date"),
        ("<% tp.date.now() %>", "is a template placeholder"),
        ("someday", "'someday' is not a date like 2026-03-10"),
        ("2026-02-30", "'2026-02-30' is not a real date"),
    ],
)
def test_unreadable_dates_say_why(value, reason):
    with pytest.raises(InvalidInput, match=reason):
        read_moment(value, BERLIN)


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("2020_09_14", dt.date(2020, 9, 14)),
        ("2020-09-14 Notes", dt.date(2020, 9, 14)),
        ("notes 20200914", dt.date(2020, 9, 14)),
        ("Sep 14th, 2020", dt.date(2020, 9, 14)),
        ("September 2, 2021 review", dt.date(2021, 9, 2)),
        ("2023 Japan Trip", None),
        ("2020-13-45", None),
    ],
)
def test_the_first_date_in_a_file_name(name, day):
    assert day_in_name(name) == day


def _write(folder, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_headings_tags_links_embeds_and_callouts(journal, tmp_path):
    vault = tmp_path / "vault"
    _write(
        vault,
        "Daily/2026-03-10.md",
        "# Backprop day\n\nWorked on #ml and #study/maths, see [[Chain rule|the rule]] and "
        "[[Chain rule#Proof]].\n\n> [!tip]- Remember\n> derivatives compose\n\n"
        "> [!note]\n> plain\n\n![[Chain rule]]\n![[graph.png]]\n\n"
        "```\n#not-a-tag [[Chain rule]]\n```\n",
    )
    _write(vault, "Chain rule.md", "---\ncreated: 2026-03-09 20:15\naliases: [chain]\n---\nd/dx\n")
    (vault / "graph.png").write_bytes(png(1, 2, 3))
    result = TransferService(journal).import_from("markdown", vault)
    assert result.added == {"entries": 2, "attachments": 1}
    found = {e.title: e for e in (journal.entries.get(s.id) for s in journal.entries.summaries())}
    rule = found["Chain rule"]
    assert rule.created_at == dt.datetime(2026, 3, 9, 20, 15, tzinfo=BERLIN)
    assert "aliases:\n- chain" in rule.body
    day = found["Backprop day"]
    assert day.tags == ["ml", "study/maths"]
    assert f"see [the rule](entry:{rule.id}) and [Chain rule](entry:{rule.id})." in day.body
    assert f"[Chain rule](entry:{rule.id})\n![graph](attachment:" in day.body  # the embeds
    assert "> **Remember**\n> derivatives compose" in day.body
    assert "> **Note**\n> plain" in day.body
    assert "```\n#not-a-tag [[Chain rule]]\n```" in day.body  # code stays as written
    assert not day.body.startswith("# Backprop day")


def test_a_tab_indented_front_matter_is_named_plainly(journal, tmp_path):
    vault = tmp_path / "vault"
    _write(vault, "2026-03-10.md", "---\ntags:\n\t- a\n---\nbody\n")
    _write(vault, "2026-03-11.md", "fine\n")
    result = TransferService(journal).import_from("markdown", vault)
    assert result.added["entries"] == 1
    [item] = result.problems
    assert (
        str(item)
        == "2026-03-10.md line 3: the front matter is indented with a tab; YAML needs spaces there"
    )


def test_one_note_imports_with_an_image_beside_it_and_logseq_page_tags(journal, tmp_path):
    downloads = tmp_path / "Downloads"
    _write(
        downloads,
        "2024_06_15.md",
        "tags:: #topic, [[multi word]]\nalias:: [[MP]]\n\n- Saw it ![[diagram.png]]\n",
    )
    (downloads / "assets").mkdir()
    (downloads / "assets" / "diagram.png").write_bytes(png(4, 5, 6))
    _write(downloads, "other.md", "not imported\n")
    result = TransferService(journal).import_from("markdown", downloads / "2024_06_15.md")
    assert result.added == {"entries": 1, "attachments": 1}
    [entry] = [journal.entries.get(s.id) for s in journal.entries.summaries()]
    assert (entry.day, entry.tags) == (dt.date(2024, 6, 15), ["multi word", "topic"])
    assert entry.body.startswith("- Saw it ![diagram](attachment:")
    assert "alias: '[[MP]]'" in entry.body


def test_logseq_links_to_journal_days_and_namespaced_pages(journal, tmp_path):
    graph = tmp_path / "graph"
    _write(graph, "journals/2020_09_14.md", "---\ntitle: Sep 14th, 2020\n---\n\n- started\n")
    _write(
        graph,
        "journals/2020_09_15.md",
        "- after [[Sep 14th, 2020]], read [[algorithms/dynamic programming]]\n",
    )
    _write(graph, "pages/algorithms___dynamic programming.md", "---\ndate: 2020-09-01\n---\n- dp\n")
    result = TransferService(journal).import_from("markdown", graph)
    assert result.added["entries"] == 3
    found = {e.day: e for e in (journal.entries.get(s.id) for s in journal.entries.summaries())}
    dp = found[dt.date(2020, 9, 1)]
    assert dp.title == "algorithms/dynamic programming"
    day = found[dt.date(2020, 9, 14)]
    assert found[dt.date(2020, 9, 15)].body == (
        f"- after [Sep 14th, 2020](entry:{day.id}), read "
        f"[algorithms/dynamic programming](entry:{dp.id})\n"
    )


def test_a_vault_with_images_syncs_the_attachments_folder_once_before_its_commit(
    journal, tmp_path, monkeypatch
):
    """A vault's images are stored with one folder fsync, not one per image (as Day One's
    import does); the sync still comes before the commit that refers to them."""
    from journal_app.db import sealed_files
    from journal_app.db.models import Entry
    from journal_app.services import attachments

    vault = tmp_path / "vault"
    vault.mkdir()
    for n in range(3):
        (vault / f"p{n}.png").write_bytes(png(n, 2, 3))
        _write(vault, f"2026-03-1{n}.md", f"Day {n}\n\n![[p{n}.png]]\n")
    synced: list[tuple[str, bool]] = []

    def record(folder):
        synced.append((str(folder), Entry._meta.database.in_transaction()))

    monkeypatch.setattr(attachments, "fsync_dir", record)
    monkeypatch.setattr(sealed_files, "fsync_dir", record)
    result = TransferService(journal).import_from("markdown", vault)
    assert result.added["attachments"] == 3
    folder = str(journal.attachments.folder)
    assert [busy for path, busy in synced if path == folder] == [True]  # once, before the commit
