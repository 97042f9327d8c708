"""The Journal page on a journal bigger than a page of its list: it reads what it shows,
and what the user sees (counts, selection, the calendar's day, trash) stays right."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.ui.journal import entry_list_model
from tests.ui.journal.data import OFFSCREEN

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN)

FIRST = dt.date(2025, 1, 1)
ENTRIES = 120


@pytest.fixture
def window(make_window, services, monkeypatch):
    monkeypatch.setattr(entry_list_model, "PAGE_ENTRIES", 20)
    monkeypatch.setattr(entry_list_model, "FETCH_BATCH", 10)
    for n in range(ENTRIES):  # one a day, oldest first: ids follow the days
        services.entries.create(day=FIRST + dt.timedelta(days=n), title=f"Day {n + 1}")
    window = make_window()
    window.journal_page.editor_pane  # noqa: B018 - built now rather than after the first paint
    return window


def test_the_list_reads_a_page_while_counts_cover_the_whole_journal(window):
    entry_list = window.journal_page.entry_list
    assert entry_list.model.loaded_count() < ENTRIES
    assert entry_list.count_label.text() == f"{ENTRIES} entries"
    assert window.status_label.text().startswith(f"{ENTRIES} entries ·")
    assert window.journal_page.editor_pane.entry.title == f"Day {ENTRIES}"  # the newest
    assert entry_list.selected_entry_id() == ENTRIES


def test_scrolling_down_reads_older_entries_in_order(qtbot, window):
    entry_list = window.journal_page.entry_list
    bar = entry_list.tree.verticalScrollBar()

    def scrolled_to_the_end() -> bool:
        bar.setValue(bar.maximum())
        return entry_list.model.fully_loaded() and bar.value() == bar.maximum()

    qtbot.waitUntil(scrolled_to_the_end)
    entry_list.model.fetch_all()
    assert entry_list.entry_ids_in_order() == list(range(ENTRIES, 0, -1))


def test_opening_an_old_entry_selects_it_in_the_list(window):
    page = window.journal_page
    assert page.open_entry(3)
    assert page.entry_list.selected_entry_id() == 3
    assert page.editor_pane.entry.title == "Day 3"


def test_choosing_an_old_day_in_the_calendar_opens_its_entry(window):
    page = window.journal_page
    page._build_secondary()
    assert page.calendar is not None
    page.calendar.date_chosen.emit(FIRST + dt.timedelta(days=4))
    assert page.editor_pane.entry.title == "Day 5"
    assert page.entry_list.selected_entry_id() == 5


def test_trashing_the_oldest_read_entry_opens_the_next_older_one(window):
    page = window.journal_page
    entry_list = page.entry_list
    oldest_read = entry_list.entry_ids_in_order()[-1]
    assert page.open_entry(oldest_read)
    page.trash_current()
    assert page.editor_pane.entry.id == oldest_read - 1
    assert entry_list.count_label.text() == f"{ENTRIES - 1} entries"
