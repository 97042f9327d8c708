"""The entry list on a source: it reads what it shows, a page at a time, and stays right."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from journal_app.services.entries import EntrySummary
from journal_app.ui.journal import entry_list_model
from journal_app.ui.journal.entry_list import EntryListView
from journal_app.ui.journal.entry_list_model import COUNT_ROLE, EntryTreeModel, display_rows
from tests.ui.journal.data import OFFSCREEN, summary

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN)

START = dt.date(2016, 1, 4)  # a Monday


class Pages:
    """An in-memory source with the entry service's paging rules; it records each read."""

    def __init__(self, summaries: list[EntrySummary]) -> None:
        self.rows = sorted(summaries, key=lambda s: (s.day, s.id), reverse=True)
        self.reads: list[int] = []  # rows returned by each summaries() call

    def count(self) -> int:
        return len(self.rows)

    def summaries(
        self,
        *,
        limit: int | None = None,
        before: tuple[dt.date, int] | None = None,
        since: dt.date | None = None,
    ) -> list[EntrySummary]:
        found = [
            s
            for s in self.rows
            if (before is None or (s.day, s.id) < before) and (since is None or s.day >= since)
        ]
        found = found if limit is None else found[:limit]
        self.reads.append(len(found))
        return found

    def day_of(self, entry_id: int) -> dt.date | None:
        return next((s.day for s in self.rows if s.id == entry_id), None)


def many(count: int, per_day: int = 1) -> list[EntrySummary]:
    return [
        summary(n, START + dt.timedelta(days=(n - 1) // per_day), f"Entry {n}")
        for n in range(1, count + 1)
    ]


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(entry_list_model, "PAGE_ENTRIES", 10)
    monkeypatch.setattr(entry_list_model, "FETCH_BATCH", 5)


def shown_view(qtbot, source: Pages, height: int = 300) -> EntryListView:
    view = EntryListView()
    qtbot.addWidget(view)
    view.resize(380, height)
    view.set_source(source)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_only_the_first_page_is_read_and_the_count_is_the_whole_journal(qtbot, small_pages):
    source = Pages(many(1000))
    view = shown_view(qtbot, source)
    assert view.model.loaded_count() == 10
    assert view.model.entry_count() == 1000
    assert view.count_label.text() == "1,000 entries"
    assert view.entry_ids_in_order()[:3] == [1000, 999, 998]


def test_scrolling_to_the_bottom_reads_the_next_page(qtbot, small_pages):
    source = Pages(many(1000))
    view = shown_view(qtbot, source)
    bar = view.tree.verticalScrollBar()

    def scrolled_past(count: int) -> bool:
        bar.setValue(bar.maximum())  # as a user drags the bar down, again and again
        return view.model.loaded_count() > count

    for _ in range(3):
        before = view.model.loaded_count()
        qtbot.waitUntil(lambda before=before: scrolled_past(before))
    assert view.model.loaded_count() < 1000
    ids = view.entry_ids_in_order()
    assert ids == list(range(1000, 1000 - len(ids), -1))  # in order, none skipped or doubled


def test_a_page_ends_with_a_whole_group_so_header_counts_are_right(qtbot, small_pages):
    source = Pages(many(700, per_day=7))  # ten entries read would cut a week in two
    view = shown_view(qtbot, source)
    view.set_grouping("Week")
    headers = view.group_headers()
    assert all(count == 49 for _label, count in headers[1:])  # whole weeks of 7 × 7
    assert view.model.loaded_count() == sum(count for _label, count in headers)
    view.set_grouping("Month")
    first_count = view.model.index(0, 0).data(COUNT_ROLE)
    month = source.rows[0].day.replace(day=1)
    newest_month = [s for s in source.rows if s.day.replace(day=1) == month]
    assert first_count == len(newest_month)


def test_selecting_an_old_entry_reads_down_to_it_in_one_go(qtbot, small_pages):
    source = Pages(many(1000))
    view = shown_view(qtbot, source)
    reads = len(source.reads)
    assert view.select_entry(500)
    assert view.selected_entry_id() == 500
    assert source.reads[reads] == 491  # 990 down to 500, in one query
    assert view.model.loaded_count() < 1000
    QApplication.processEvents()
    index = view.model.index_of(500)
    assert view.tree.viewport().rect().intersects(view.tree.visualRect(index))


def test_a_day_far_down_is_found_exactly_or_nearest(qtbot, small_pages):
    entries = [s for s in many(400) if s.id != 50]  # a gap on the 50th day
    view = shown_view(qtbot, Pages(entries))
    assert view.entry_on_day(START + dt.timedelta(days=99)) == 100
    assert view.entry_on_day(START + dt.timedelta(days=49)) is None
    assert view.select_day(START + dt.timedelta(days=49)) in (49, 51)


def test_the_neighbour_of_the_last_read_entry_comes_from_the_next_page(qtbot, small_pages):
    source = Pages(many(100))
    view = shown_view(qtbot, source)
    last = view.entry_ids_in_order()[-1]
    assert view.neighbour_of(last) == last - 1


def test_changes_keep_counts_right_without_reading_everything(qtbot, small_pages):
    source = Pages(many(100))
    view = shown_view(qtbot, source)
    newest = START + dt.timedelta(days=100)
    source.rows.insert(0, summary(101, newest, "New today"))
    view.update_entry(source.rows[0])
    assert view.entry_ids_in_order()[0] == 101
    assert view.count_label.text() == "101 entries"
    # An entry moved to a day on a page not read yet leaves the read part...
    moved = summary(100, START, "Moved far back")
    source.rows = sorted(
        [s for s in source.rows if s.id != 100] + [moved], key=lambda s: (s.day, s.id), reverse=True
    )
    view.update_entry(moved)
    assert 100 not in view.entry_ids_in_order()
    assert view.model.entry_count() == 101
    # ... and shows there once it is read, once.
    view.model.fetch_all()
    ids = view.entry_ids_in_order()
    assert ids.count(100) == 1 and len(ids) == 101


def test_set_source_again_keeps_what_was_read_the_selection_and_scroll(qtbot, small_pages):
    source = Pages(many(300))
    view = shown_view(qtbot, source)
    assert view.select_entry(150)
    read = view.model.loaded_count()
    view.set_source(source)
    assert view.model.loaded_count() >= read
    assert view.selected_entry_id() == 150


def test_a_source_backed_model_passes_qt_model_tester(qtmodeltester, small_pages):
    model = EntryTreeModel()
    model.set_source(Pages(many(120, per_day=3)))
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    qtmodeltester.check(model, force_py=True)
    assert model.loaded_count() == 120


def test_paged_rows_match_the_whole_list(qtbot, small_pages):
    entries = many(90, per_day=4)
    for grouping in ("Day", "Week", "Month"):
        paged, whole = EntryTreeModel(), EntryTreeModel()
        paged.set_grouping(grouping)
        whole.set_grouping(grouping)
        paged.set_source(Pages(entries))
        whole.set_entries(entries)
        paged.fetch_all()
        whole.fetch_all()
        assert display_rows(paged) == display_rows(whole)
