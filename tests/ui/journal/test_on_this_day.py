"""OnThisDayPanel: a week, a month and a year ago, with clickable titles."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from journal_app.services.entries import Recall
from journal_app.ui.journal.on_this_day import EntryLink, OnThisDayPanel
from tests.ui.journal.data import OFFSCREEN, summary

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN)

WEEK_AGO = dt.date(2026, 11, 18)
MONTH_AGO = dt.date(2026, 10, 25)
YEAR_AGO = dt.date(2025, 11, 25)
RECALLS = [
    Recall("1 week ago", WEEK_AGO, [summary(11, WEEK_AGO, "Backprop"), summary(12, WEEK_AGO, "")]),
    Recall("1 year ago", YEAR_AGO, [summary(3, YEAR_AGO, "Day 0 of ML", series="Day", number=0)]),
]


@pytest.fixture
def panel(qtbot):
    widget = OnThisDayPanel()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    widget.set_recalls(RECALLS)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_groups_are_labelled_with_how_long_ago_and_the_day(panel):
    assert panel.headings() == ["1 week ago · Wed 18 Nov 2026", "1 year ago · Tue 25 Nov 2025"]
    assert [link.text() for link in panel.links()] == ["Backprop", "(untitled)", "Day 0 of ML"]
    assert [link.detail for link in panel.links()] == ["", "", "Day #0"]
    assert not panel.empty_label.isVisible()


def test_clicking_a_title_opens_that_entry(qtbot, panel):
    link = panel.links()[2]
    with qtbot.waitSignal(panel.entry_activated) as blocker:
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert blocker.args == [3]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_titles_open_from_the_keyboard(qtbot, panel, key):
    first = panel.links()[0]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # to the next title
    assert panel.links()[1].hasFocus()
    with qtbot.waitSignal(panel.entry_activated) as blocker:
        qtbot.keyClick(panel.links()[1], key)
    assert blocker.args == [12]


def test_empty_state_is_friendly(qtbot, panel):
    panel.set_recalls([])
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert panel.empty_label.isVisible()
    assert "next week" in panel.empty_label.text()
    assert panel.links() == []
    assert panel.findChildren(EntryLink) == []  # the old titles are gone, not hidden


def test_new_recalls_replace_the_old_ones(panel):
    panel.set_recalls([Recall("1 month ago", MONTH_AGO, [summary(5, MONTH_AGO, "X")])])
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert panel.headings() == ["1 month ago · Sun 25 Oct 2026"]
    assert [link.entry_id for link in panel.findChildren(EntryLink)] == [5]


def test_with_the_real_service(qtbot, services):
    today = dt.date(2026, 11, 25)
    services.entries.create(day=today - dt.timedelta(days=7), title="A week back")
    services.entries.create(day=dt.date(2025, 11, 25), title="A year back")
    services.entries.create(day=today - dt.timedelta(days=3), title="Not recalled")
    widget = OnThisDayPanel()
    qtbot.addWidget(widget)
    widget.set_recalls(services.entries.on_this_day(today))
    assert widget.headings() == ["1 week ago · Wed 18 Nov 2026", "1 year ago · Tue 25 Nov 2025"]
    assert [link.text() for link in widget.links()] == ["A week back", "A year back"]
