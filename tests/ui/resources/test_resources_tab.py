"""The Resources tab as a user drives it: add with Insert, edit with Enter, filter,
delete (with the linked-sessions question), open a link only after confirming."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from journal_app.ui.resources import prompts
from journal_app.ui.resources.resources_tab import DELETE_ANYWAY, MARK_DROPPED

from .conftest import TODAY, texts


def _save(qtbot, page, dialog) -> None:
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)


def _choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


def test_add_a_resource_and_see_the_hours_of_its_sessions(qtbot, make_page, journal, events):
    journal.skills.add("Machine learning")
    page = make_page("resources")
    tab = page.tabs["resources"]
    assert tab.model.rowCount() == 0
    assert "No resources yet" in tab.summary_label.text()

    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Insert)
    dialog = tab.dialog
    assert dialog is not None and dialog.windowTitle() == "New resource"
    qtbot.keyClicks(dialog.title_edit, "Transformers from scratch")
    _choose(dialog.kind_combo, "Course")
    _choose(dialog.status_combo, "Active")
    qtbot.keyClicks(dialog.url_edit, "https://example.org/transformers")
    _choose(dialog.skill_combo, "Machine learning")
    _save(qtbot, page, dialog)

    [saved] = journal.resources.list()
    assert (saved.title, saved.kind, saved.status, saved.skill) == (
        "Transformers from scratch",
        "course",
        "active",
        "Machine learning",
    )
    assert texts(tab.model, "Title") == ["Transformers from scratch"]
    assert texts(tab.model, "Hours") == ["0.0 h"]
    assert tab.selected_id() == saved.id

    journal.sessions.add_local(TODAY, dt.time(9), dt.time(10, 30), resource_id=saved.id)
    with qtbot.waitSignal(page.reloaded):
        events.tracking_changed.emit()
    assert texts(tab.model, "Hours") == ["1.5 h"]
    assert "1.5 h spent" in tab.summary_label.text()


def test_change_status_and_progress_with_enter(qtbot, make_page, journal):
    course = journal.resources.add("Fast.ai part 2", status="planned")
    page = make_page("resources")
    tab = page.tabs["resources"]
    tab.view.setFocus()
    tab.select_id(course.id)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog.windowTitle() == "Edit resource"
    assert dialog.title_edit.text() == "Fast.ai part 2"
    _choose(dialog.status_combo, "Active")
    dialog.progress_spin.setFocus()
    dialog.progress_spin.selectAll()
    qtbot.keyClicks(dialog.progress_spin, "45")
    _save(qtbot, page, dialog)
    again = journal.resources.get(course.id)
    assert (again.status, again.progress) == ("active", 45.0)
    assert texts(tab.model, "Status") == ["Active"]
    assert texts(tab.model, "Progress") == ["45 %"]


def test_a_refused_title_stays_in_the_dialog(qtbot, make_page, journal):
    page = make_page("resources")
    tab = page.tabs["resources"]
    tab.add_button.click()
    dialog = tab.dialog
    qtbot.keyClicks(dialog.url_edit, "example.org")
    qtbot.keyClicks(dialog.title_edit, "Some book")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "http:// or https://" in dialog.error_label.text()
    assert journal.resources.list() == []


def test_filter_by_status_and_sort_by_a_column(qtbot, make_page, journal):
    journal.resources.add("A planned book", kind="book")
    journal.resources.add("An active course", status="active", progress=10)
    journal.resources.add("A done paper", kind="paper", status="done", progress=100)
    page = make_page("resources")
    tab = page.tabs["resources"]
    assert texts(tab.model, "Title") == ["An active course", "A planned book", "A done paper"]
    _choose(tab.status_filter, "Done")
    assert texts(tab.model, "Title") == ["A done paper"]
    _choose(tab.status_filter, "Dropped")
    assert texts(tab.model, "Title") == []
    assert tab.summary_label.text() == "No resources with this status."
    _choose(tab.status_filter, "All statuses")
    header = tab.view.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(tab.model.column_of("Progress")) + 10, 10)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert texts(tab.model, "Progress") == ["0 %", "10 %", "100 %"]
    column = tab.model.column_of("Progress")
    assert tab.model.headerData(column, Qt.Orientation.Horizontal) == "Progress ↑"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert texts(tab.model, "Progress") == ["100 %", "10 %", "0 %"]


@pytest.fixture
def linked(journal):
    """A course with one session and one without."""
    course = journal.resources.add("Linked course", status="active")
    journal.resources.add("Lonely book", kind="book")
    session = journal.sessions.add_local(TODAY, dt.time(9), dt.time(10), resource_id=course.id)
    return course, session


def test_deleting_a_linked_resource_asks_and_can_mark_it_dropped(
    qtbot, make_page, journal, linked, monkeypatch
):
    course, session = linked
    asked = []
    answers = iter([None, MARK_DROPPED, DELETE_ANYWAY])

    def choose(_parent, title, text, actions):
        asked.append((title, text, list(actions)))
        return next(answers)

    monkeypatch.setattr(prompts, "choose", choose)
    page = make_page("resources")
    tab = page.tabs["resources"]
    tab.view.setFocus()
    tab.select_id(course.id)

    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)  # cancelled
    assert asked[0][0] == "Delete “Linked course”?"
    assert "linked to 1 session" in asked[0][1]
    assert asked[0][2] == [DELETE_ANYWAY, MARK_DROPPED]
    assert journal.resources.get(course.id).status == "active"

    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)  # mark dropped
    assert journal.resources.get(course.id).status == "dropped"
    assert tab.selected_id() == course.id

    with qtbot.waitSignal(page.reloaded):
        tab.delete_button.click()  # delete anyway
    assert [r.title for r in journal.resources.list()] == ["Lonely book"]
    kept = journal.sessions.get(session.id)
    assert kept.resource_id is None and kept.hours == 1.0
    assert texts(tab.model, "Title") == ["Lonely book"]


def test_deleting_an_unlinked_resource_confirms_first(
    qtbot, make_page, journal, linked, monkeypatch
):
    course, _session = linked
    book = journal.resources.list()[1]
    answers = iter([False, True])
    monkeypatch.setattr(prompts, "confirm", lambda *_args: next(answers))
    page = make_page("resources")
    tab = page.tabs["resources"]
    tab.view.setFocus()
    tab.select_id(book.id)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(journal.resources.list()) == 2
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert [r.id for r in journal.resources.list()] == [course.id]


def test_a_link_opens_only_after_confirming(qtbot, make_page, journal, monkeypatch):
    journal.resources.add("With a link", url="https://example.org/course", status="active")
    journal.resources.add("Without one")
    answers = iter([False, True])
    asked, opened = [], []
    monkeypatch.setattr(prompts, "confirm_link", lambda _p, url: asked.append(url) or next(answers))
    monkeypatch.setattr(prompts, "open_link", lambda url: opened.append(url) or True)
    page = make_page("resources")
    tab = page.tabs["resources"]
    tab.view.selectRow(1)
    assert not tab.open_button.isEnabled()
    tab.view.selectRow(0)
    assert tab.open_button.isEnabled()
    tab.open_button.click()
    assert asked == ["https://example.org/course"] and opened == []
    link = tab.model.index(0, tab.model.column_of("Link"))
    tab.view.doubleClicked.emit(link)
    assert opened == ["https://example.org/course"]
    assert tab.dialog is None  # a double click on the link does not edit


def test_open_link_refuses_anything_but_the_web(monkeypatch):
    handed = []
    monkeypatch.setattr(prompts.QDesktopServices, "openUrl", lambda url: handed.append(url))
    for url in ("file:///etc/passwd", "javascript:alert(1)", "https://", ""):
        assert not prompts.open_link(url)
    assert handed == []


def _menu_action(menu, *path: str):
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == text)
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_mark_done_from_the_context_menu(qtbot, make_page, journal):
    course = journal.resources.add("Course", status="active", progress=60)
    page = make_page("resources")
    tab = page.tabs["resources"]
    tab.select_id(course.id)
    menu = tab.context_menu()
    assert [a.text() for a in menu.actions() if a.text()] == ["Edit…", "Mark as", "Delete…"]
    assert not _menu_action(menu, "Mark as", "Active").isEnabled()  # what it is already
    with qtbot.waitSignal(page.reloaded):
        _menu_action(menu, "Mark as", "Done").trigger()
    again = journal.resources.get(course.id)
    assert (again.status, again.progress) == ("done", 100.0)
    assert texts(tab.model, "Progress") == ["100 %"]
