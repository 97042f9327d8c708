"""EntryListView: grouped, newest first, driven with the mouse and the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from journal_app.ui.journal import entry_list_model
from journal_app.ui.journal.entry_list import EntryListView
from journal_app.ui.journal.entry_list_model import (
    PUBLIC_ROLE,
    SERIES_ROLE,
    UNTITLED_ROLE,
    EntryTreeModel,
    display_rows,
)
from tests.ui.journal.data import OFFSCREEN, WED, days_ago, summary

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN)

DAY_HEADERS = [
    ("Wed 25 Nov 2026", 2),
    ("Tue 24 Nov 2026", 1),
    ("Mon 23 Nov 2026", 1),
    ("Fri 20 Nov 2026", 1),
    ("Mon 16 Nov 2026", 1),
    ("Mon 26 Oct 2026", 1),
    ("Fri 16 Oct 2026", 1),
]
NEWEST_FIRST = [2, 1, 3, 4, 5, 6, 7, 8]


@pytest.fixture
def view(qtbot, journal):
    widget = EntryListView()
    qtbot.addWidget(widget)
    widget.resize(380, 700)
    widget.set_entries(journal)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_row(qtbot, view: EntryListView, index: QModelIndex) -> None:
    rect = view.tree.visualRect(index)
    assert rect.isValid() and view.tree.viewport().rect().contains(rect.center())
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def press(qtbot, view: EntryListView, key: Qt.Key) -> None:
    qtbot.keyClick(view.tree, key)


def header(view: EntryListView, label: str) -> QModelIndex:
    for row in range(view.model.rowCount()):
        index = view.model.index(row, 0)
        if index.data() == label:
            return index
    raise AssertionError(f"no header {label!r}")


def test_day_headers_newest_first_with_counts(view):
    assert view.group_headers() == DAY_HEADERS
    assert view.entry_ids_in_order() == NEWEST_FIRST
    assert view.count_label.text() == "8 entries"


def test_week_and_month_headers(view):
    view.set_grouping("Week")
    assert view.group_headers() == [
        ("Week 48 · 23–29 Nov 2026", 4),
        ("Week 47 · 16–22 Nov 2026", 2),
        ("Week 44 · 26 Oct – 1 Nov 2026", 1),
        ("Week 42 · 12–18 Oct 2026", 1),
    ]
    view.set_grouping("Month")
    assert view.group_headers() == [("November 2026", 6), ("October 2026", 2)]
    assert view.entry_ids_in_order() == NEWEST_FIRST


def test_week_label_across_a_year_end(qtbot):
    widget = EntryListView(grouping="Week")
    qtbot.addWidget(widget)
    widget.set_entries([summary(1, dt.date(2027, 1, 2), "New year")])
    assert widget.group_headers() == [("Week 53 · 28 Dec 2026 – 3 Jan 2027", 1)]


def test_rows_show_title_untitled_series_and_public(view):
    model = view.model
    first = model.index_of(1)
    assert first.data() == "Self Study Journal #6"
    assert first.data(SERIES_ROLE) == ""  # the title already says it
    assert "Self Study Journal #6" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert first.data(PUBLIC_ROLE) is True
    assert model.index_of(5).data(SERIES_ROLE) == "Self Study Journal #5"
    untitled = model.index_of(3)
    assert untitled.data() == "(untitled)"
    assert untitled.data(UNTITLED_ROLE) is True
    assert model.index_of(4).data(SERIES_ROLE) == "Day #0"
    assert model.index_of(2).data(SERIES_ROLE) == ""
    assert model.index_of(2).data(PUBLIC_ROLE) is False
    assert "public" in model.index_of(6).data(Qt.ItemDataRole.ToolTipRole)


def test_clicking_an_entry_activates_it(qtbot, view):
    with qtbot.waitSignal(view.entry_activated) as blocker:
        click_row(qtbot, view, view.model.index_of(5))
    assert blocker.args == [5]
    assert view.selected_entry_id() == 5


def test_clicking_a_header_folds_and_unfolds_it(qtbot, view):
    november_24 = header(view, "Tue 24 Nov 2026")
    with qtbot.assertNotEmitted(view.entry_activated):
        click_row(qtbot, view, november_24)
    assert not view.tree.isExpanded(november_24)
    assert not view.tree.visualRect(view.model.index_of(3)).isValid()  # hidden
    assert view.entry_ids_in_order() == NEWEST_FIRST  # still listed
    click_row(qtbot, view, november_24)
    assert view.tree.isExpanded(november_24)


def test_arrow_keys_move_across_headers_and_enter_opens(qtbot, view):
    view.tree.setFocus()
    view.select_entry(1)  # the last entry under "Wed 25 Nov 2026"
    with qtbot.waitSignal(view.entry_selected) as blocker:
        press(qtbot, view, Qt.Key.Key_Down)
    assert blocker.args == [3]  # the next day's entry, not its header
    press(qtbot, view, Qt.Key.Key_Down)
    assert view.selected_entry_id() == 4
    press(qtbot, view, Qt.Key.Key_Up)
    press(qtbot, view, Qt.Key.Key_Up)
    assert view.selected_entry_id() == 1
    with qtbot.waitSignal(view.entry_activated) as opened:
        press(qtbot, view, Qt.Key.Key_Return)
    assert opened.args == [1]


def test_home_end_and_the_top_edge(qtbot, view):
    view.tree.setFocus()
    view.select_entry(5)
    press(qtbot, view, Qt.Key.Key_End)
    assert view.selected_entry_id() == 8
    press(qtbot, view, Qt.Key.Key_Home)
    assert view.selected_entry_id() == 2  # the first entry, below the first header
    press(qtbot, view, Qt.Key.Key_Up)
    assert view.selected_entry_id() == 2  # nothing above: stays


def test_folding_from_the_keyboard_keeps_the_entry_selected(qtbot, view):
    view.tree.setFocus()
    view.select_entry(1)
    press(qtbot, view, Qt.Key.Key_Left)  # to its header
    assert view.tree.currentIndex() == header(view, "Wed 25 Nov 2026")
    press(qtbot, view, Qt.Key.Key_Left)  # fold it
    assert not view.tree.isExpanded(header(view, "Wed 25 Nov 2026"))
    assert view.selected_entry_id() == 1
    press(qtbot, view, Qt.Key.Key_Down)
    assert view.selected_entry_id() == 3  # the next group's entry
    press(qtbot, view, Qt.Key.Key_Up)  # back to the folded header
    assert view.tree.currentIndex() == header(view, "Wed 25 Nov 2026")
    press(qtbot, view, Qt.Key.Key_Return)  # Enter on a header unfolds it
    assert view.tree.isExpanded(header(view, "Wed 25 Nov 2026"))


def test_clicking_a_header_keeps_the_selection(qtbot, view):
    view.select_entry(5)
    click_row(qtbot, view, header(view, "Mon 16 Nov 2026"))
    assert view.selected_entry_id() == 5


def test_a_folded_header_is_a_stop_on_the_way_down(qtbot, view):
    folded = header(view, "Tue 24 Nov 2026")
    view.tree.setExpanded(folded, False)
    view.tree.setFocus()
    view.select_entry(1)
    press(qtbot, view, Qt.Key.Key_Down)
    assert view.tree.currentIndex() == folded
    assert view.selected_entry_id() == 1  # still the entry shown
    press(qtbot, view, Qt.Key.Key_Down)
    assert view.selected_entry_id() == 4


def test_delete_key_requests_deleting_the_selected_entry(qtbot, view):
    view.tree.setFocus()
    view.select_entry(6)
    with qtbot.waitSignal(view.delete_requested) as blocker:
        press(qtbot, view, Qt.Key.Key_Delete)
    assert blocker.args == [6]
    assert 6 in view.entry_ids_in_order()  # the owner decides; the list is unchanged


def test_select_entry_unfolds_and_scrolls_without_emitting(qtbot, journal):
    widget = EntryListView()
    qtbot.addWidget(widget)
    widget.resize(300, 160)  # a few rows only
    many = journal + [summary(100 + n, days_ago(60 + n), f"Old {n}") for n in range(40)]
    widget.set_entries(many)
    widget.show()
    qtbot.waitExposed(widget)
    oldest_group = widget.model.index_of(139).parent()
    widget.tree.setExpanded(oldest_group, False)
    with qtbot.assertNotEmitted(widget.entry_selected):
        assert widget.select_entry(139)
    assert widget.tree.isExpanded(oldest_group)
    assert widget.selected_entry_id() == 139
    rect = widget.tree.visualRect(widget.model.index_of(139))
    assert widget.tree.viewport().rect().contains(rect)
    assert not widget.select_entry(999)


def test_select_day_picks_that_day_or_the_nearest(view):
    assert view.select_day(WED) == 2
    assert view.select_day(days_ago(3)) == 4  # two days from 23 Nov, three from 20 Nov
    assert view.select_day(days_ago(4)) == 5
    assert view.select_day(dt.date(2030, 1, 1)) == 2
    assert view.select_day(dt.date(2000, 1, 1)) == 8


def test_grouping_buttons_switch_and_keep_the_selection(qtbot, view):
    view.select_entry(7)
    with qtbot.waitSignal(view.grouping_changed) as blocker:
        qtbot.mouseClick(view.grouping_buttons["Month"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["Month"]
    assert view.grouping() == "Month"
    assert view.grouping_buttons["Month"].isChecked()
    assert view.group_headers()[0] == ("November 2026", 6)
    assert view.selected_entry_id() == 7
    with pytest.raises(ValueError):
        view.set_grouping("Year")


def test_set_entries_keeps_selection_and_folded_headers(view, journal):
    view.select_entry(5)
    view.tree.setExpanded(header(view, "Mon 26 Oct 2026"), False)
    view.set_entries([*journal, summary(9, WED, "Fresh")])
    assert view.selected_entry_id() == 5
    assert not view.tree.isExpanded(header(view, "Mon 26 Oct 2026"))
    assert view.tree.isExpanded(header(view, "Wed 25 Nov 2026"))
    assert view.group_headers()[0] == ("Wed 25 Nov 2026", 3)


def test_trashed_summaries_are_left_out(view, journal):
    gone = summary(9, WED, "Trashed", deleted_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC))
    view.set_entries([*journal, gone])
    assert 9 not in view.entry_ids_in_order()
    view.update_entry(gone)
    assert 9 not in view.entry_ids_in_order()


def test_empty_state(qtbot):
    widget = EntryListView()
    qtbot.addWidget(widget)
    widget.set_entries([])
    widget.show()
    assert widget.empty_label.isVisible()
    assert "Ctrl+N" in widget.empty_label.text()
    assert not widget.tree.isVisible()
    widget.update_entry(summary(1, WED, "First"))
    assert widget.tree.isVisible() and not widget.empty_label.isVisible()
    assert widget.count_label.text() == "1 entry"


class _Spy:
    def __init__(self, model: EntryTreeModel) -> None:
        self.events: list[str] = []
        model.modelReset.connect(lambda: self.events.append("reset"))
        model.rowsRemoved.connect(lambda *_: self.events.append("removed"))
        model.rowsInserted.connect(lambda *_: self.events.append("inserted"))
        model.dataChanged.connect(lambda *_: self.events.append("changed"))


def test_typing_a_title_repaints_one_row_only(view):
    view.select_entry(4)
    spy = _Spy(view.model)
    for title in ("D", "Da", "Day 1 of ML"):
        view.update_entry(summary(4, days_ago(2), title, series="Day", number=0))
    assert spy.events == ["changed", "changed", "changed"]
    assert view.model.index_of(4).data() == "Day 1 of ML"
    assert view.selected_entry_id() == 4


def test_a_new_day_moves_the_row_and_keeps_it_selected(view):
    view.select_entry(3)
    view.update_entry(summary(3, days_ago(40), "Backdated"))  # to Fri 16 Oct
    assert view.selected_entry_id() == 3
    headers = [label for label, _ in view.group_headers()]
    assert "Tue 24 Nov 2026" not in headers  # its only entry left
    assert view.entry_ids_in_order() == [2, 1, 4, 5, 6, 7, 8, 3]  # id desc within a day
    view.update_entry(summary(3, dt.date(2027, 1, 1), "Future"))
    assert view.group_headers()[0] == ("Fri 1 Jan 2027", 1)
    assert view.tree.isExpanded(view.model.index(0, 0))  # a new header comes unfolded
    assert view.entry_ids_in_order()[0] == 3


def test_the_model_passes_qt_model_tester(qtmodeltester, journal):
    model = EntryTreeModel()
    model.set_entries(journal)
    qtmodeltester.check(model, force_py=True)
    model.set_grouping("Week")
    model.update_entry(summary(9, days_ago(100), "Far back"))
    model.remove_entry(1)
    qtmodeltester.check(model, force_py=True)


ids = st.integers(min_value=1, max_value=30)
days = st.integers(min_value=0, max_value=120).map(days_ago)
changes = st.lists(
    st.one_of(
        st.tuples(st.just("update"), ids, days, st.text(max_size=3)),
        st.tuples(st.just("remove"), ids, st.none(), st.none()),
    ),
    max_size=25,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(grouping=st.sampled_from(["Day", "Week", "Month"]), steps=changes)
def test_single_row_updates_match_a_fresh_build(qapp, grouping, steps, monkeypatch):
    monkeypatch.setattr(entry_list_model, "FETCH_BATCH", 2)  # most headers not yet fetched
    live = EntryTreeModel()
    live.set_grouping(grouping)
    truth: dict[int, object] = {}
    for kind, entry_id, day, title in steps:
        if kind == "update":
            truth[entry_id] = summary(entry_id, day, title)
            live.update_entry(truth[entry_id])
        else:
            truth.pop(entry_id, None)
            live.remove_entry(entry_id)
    fresh = EntryTreeModel()
    fresh.set_grouping(grouping)
    fresh.set_entries(list(truth.values()))
    live.fetch_all()
    fresh.fetch_all()
    assert display_rows(live) == display_rows(fresh)
    assert live.entry_ids() == fresh.entry_ids()
    for row in range(live.rowCount()):  # parents still resolve after moves
        group = live.index(row, 0)
        for child in range(live.rowCount(group)):
            assert live.index(child, 0, group).parent() == group


def test_a_hundred_thousand_entries_load_and_one_row_updates_alone(qtbot):
    start = dt.date(2000, 1, 1)
    many = [
        summary(n, start + dt.timedelta(days=n // 3), f"Entry {n}", series="S", number=n)
        for n in range(1, 100_001)
    ]
    widget = EntryListView()
    qtbot.addWidget(widget)
    widget.resize(380, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_entries(many)
    QApplication.processEvents()  # lay out and paint
    assert widget.entry_ids_in_order()[0] == 100_000
    with (
        qtbot.assertNotEmitted(widget.model.modelReset),
        qtbot.assertNotEmitted(widget.model.layoutChanged),
    ):
        widget.update_entry(summary(50_000, many[49_999].day, "Renamed"))  # this row only
        QApplication.processEvents()
    assert widget.select_entry(1)
    QApplication.processEvents()
    assert (
        widget.tree.viewport().rect().intersects(widget.tree.visualRect(widget.model.index_of(1)))
    )


def test_headers_arrive_in_batches_as_the_list_scrolls(qtbot):
    start = dt.date(2016, 1, 1)
    many = [summary(n, start + dt.timedelta(days=n), f"Day {n}") for n in range(1, 1001)]
    widget = EntryListView()
    qtbot.addWidget(widget)
    widget.resize(380, 600)
    widget.set_entries(many)
    widget.show()
    qtbot.waitExposed(widget)
    batch = entry_list_model.FETCH_BATCH
    shown = widget.model.rowCount()
    assert batch <= shown <= 3 * batch  # start-up lays out a batch or two, not ten years
    assert widget.entry_ids_in_order()[-1] == 1  # every entry is still known
    bar = widget.tree.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: widget.model.rowCount() > shown)
    assert widget.select_entry(1)  # the oldest: its header is fetched on demand
    assert widget.model.rowCount() == 1000
    assert widget.selected_entry_id() == 1
    widget.update_entry(summary(500, many[499].day, "Renamed while not yet fetched"))
    assert widget.model.summary(500).title == "Renamed while not yet fetched"
