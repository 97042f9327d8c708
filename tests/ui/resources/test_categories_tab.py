"""The Categories tab: add, rename in place, switch side, reorder, delete (refused while
used unless confirmed), restore the defaults."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from journal_app.ui.resources import prompts

from .conftest import TODAY, texts

DEFAULT_NAMES = ["Writing", "Coding", "Teaching", "Explaining", "Reading", "Watching", "Courses"]


def _names(journal) -> list[str]:
    return [c.name for c in journal.categories.list()]


def test_the_defaults_in_two_sides(qtbot, make_page, journal):
    page = make_page("categories")
    tab = page.tabs["categories"]
    assert texts(tab.model, "Name") == DEFAULT_NAMES
    assert texts(tab.model, "Side") == ["Production"] * 4 + ["Consumption"] * 3
    assert tab.summary_label.text() == "4 production categories · 3 consumption categories"


def test_add_a_category(qtbot, make_page, journal):
    page = make_page("categories")
    tab = page.tabs["categories"]
    tab.add_button.click()
    dialog = tab.dialog
    qtbot.keyClicks(dialog.name_edit, "reading")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert "already a category called “reading”" in dialog.error_label.text()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Papers")
    dialog.side_combo.setCurrentIndex(dialog.side_combo.findData("consumption"))
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    added = journal.categories.find("Papers")
    assert added.side == "consumption"
    assert texts(tab.model, "Name")[-1] == "Papers"
    assert tab.selected_id() == added.id


def test_rename_in_place(qtbot, make_page, journal):
    page = make_page("categories")
    tab = page.tabs["categories"]
    tab.view.setFocus()
    tab.view.selectRow(1)  # Coding
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Coding"
    editor.selectAll()
    qtbot.keyClicks(editor, "Programming")
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _names(journal)[1] == "Programming"
    assert texts(tab.model, "Name")[1] == "Programming"

    # A name already taken is refused, said under the table, and nothing changes.
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "writing")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(tab.message.isVisible)
    assert "already a category called “writing”" in tab.message.text()
    assert tab.message.isVisible()
    assert _names(journal)[1] == "Programming"


def test_switch_side_with_the_button_and_in_place(qtbot, make_page, journal):
    page = make_page("categories")
    tab = page.tabs["categories"]
    teaching = journal.categories.find("Teaching")
    tab.select_id(teaching.id)
    assert tab.side_button.toolTip() == "Move it to consumption"
    with qtbot.waitSignal(page.reloaded):
        tab.side_button.click()
    assert journal.categories.get(teaching.id).side == "consumption"
    assert texts(tab.model, "Name")[:3] == ["Writing", "Coding", "Explaining"]
    assert tab.selected_id() == teaching.id

    reading = journal.categories.find("Reading")
    row = tab.model.row_of(reading.id)
    side = tab.model.index(row, tab.model.column_of("Side"))
    tab.view.setCurrentIndex(side)
    tab.view.edit(side)
    box = tab.view.indexWidget(side) or QApplication.focusWidget()
    assert isinstance(box, QComboBox)
    with qtbot.waitSignal(page.reloaded):
        box.setCurrentIndex(box.findData("production"))
        box.activated.emit(box.currentIndex())
    assert journal.categories.get(reading.id).side == "production"


def test_reorder_within_a_side(qtbot, make_page, journal):
    page = make_page("categories")
    tab = page.tabs["categories"]
    tab.view.setFocus()
    tab.view.selectRow(0)  # Writing
    assert not tab.up_button.isEnabled() and tab.down_button.isEnabled()
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _names(journal)[:2] == ["Coding", "Writing"]
    assert tab.selected().name == "Writing"
    tab.view.selectRow(3)  # Explaining: last of production, cannot go below Reading
    assert not tab.down_button.isEnabled()
    tab.view.selectRow(4)  # Reading: first of consumption
    assert not tab.up_button.isEnabled()
    tab.view.selectRow(6)
    with qtbot.waitSignal(page.reloaded):
        tab.up_button.click()
    assert _names(journal)[4:] == ["Reading", "Courses", "Watching"]


def test_a_category_in_use_is_deleted_only_when_confirmed(qtbot, make_page, journal, monkeypatch):
    writing = journal.categories.find("Writing")
    session = journal.sessions.add_local(TODAY, dt.time(9), dt.time(10), category_id=writing.id)
    asked = []
    answers = iter([False, True])
    monkeypatch.setattr(
        prompts, "confirm", lambda _p, title, text, _a: asked.append((title, text)) or next(answers)
    )
    page = make_page("categories")
    tab = page.tabs["categories"]
    assert texts(tab.model, "Sessions")[0] == "1"
    tab.view.setFocus()
    tab.view.selectRow(0)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert asked[0][0] == "Delete the category “Writing”?"
    assert "1 session uses it" in asked[0][1]
    assert "Writing" in _names(journal)
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert "Writing" not in _names(journal)
    kept = journal.sessions.get(session.id)
    assert kept.category is None and kept.hours == 1.0

    with qtbot.waitSignal(page.reloaded):
        tab.restore_button.click()
    assert "Writing" in _names(journal)
    assert tab.summary_label.text().startswith("Added back: Writing · ")


def test_an_event_does_not_throw_away_a_name_being_typed(qtbot, make_page, journal, events):
    page = make_page("categories")
    tab = page.tabs["categories"]
    tab.view.setFocus()
    tab.view.selectRow(0)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Blog")
    journal.categories.add("Kaggle", "production")  # e.g. from the command line
    events.tracking_changed.emit()
    QApplication.processEvents()  # whatever the event queued has run
    assert QApplication.focusWidget() is editor and editor.text() == "Blog"
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert texts(tab.model, "Name")[0] == "Blog"
    assert "Kaggle" in texts(tab.model, "Name")
