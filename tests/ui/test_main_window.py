"""The main window as a user meets it: areas, keys, status bar, recent entries, memory."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLineEdit

from journal_app.ui.dashboard.page import DashboardPage
from journal_app.ui.journal.page import JournalPage
from journal_app.ui.main_window import AREA_KEYS, AREAS, DEFAULT_SIZE
from journal_app.ui.resources.page import ResourcesPage
from journal_app.ui.sprints.page import SprintsPage
from journal_app.ui.today.page import TodayPage

PAGE_TYPES = {
    "journal": JournalPage,
    "today": TodayPage,
    "sprints": SprintsPage,
    "dashboard": DashboardPage,
    "resources": ResourcesPage,
}


def click_nav(qtbot, window, label: str) -> None:
    items = window.nav.findItems(label, Qt.MatchFlag.MatchExactly)
    assert len(items) == 1, label
    rect = window.nav.visualItemRect(items[0])
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def shown_page(window):
    return window.stack.currentWidget()


def test_opens_on_journal_with_five_areas_in_order(make_window):
    window = make_window()
    labels = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert labels == ["Journal", "Today", "Sprints", "Dashboard", "Resources"]
    assert isinstance(shown_page(window), JournalPage)
    assert all(not window.nav.item(row).icon().isNull() for row in range(window.nav.count()))


@pytest.mark.parametrize("label", ["Today", "Sprints", "Dashboard", "Resources", "Journal"])
def test_clicking_the_navigation_switches_area(qtbot, make_window, label):
    window = make_window()
    if label == "Journal":  # start elsewhere so the click has something to change
        click_nav(qtbot, window, "Resources")
        assert isinstance(shown_page(window), ResourcesPage)
    click_nav(qtbot, window, label)
    assert isinstance(shown_page(window), PAGE_TYPES[label.lower()])
    assert window.area_actions[label.lower()].isChecked()


@pytest.mark.parametrize("number", [2, 3, 4, 5, 1])
def test_ctrl_number_switches_area(qtbot, make_window, number):
    window = make_window()
    if number == 1:
        window.show_area("dashboard")
    activate(qtbot, window)
    key = getattr(Qt.Key, f"Key_{number}")
    with qtbot.waitSignal(window.area_changed) as blocker:
        qtbot.keyClick(window.nav, key, Qt.KeyboardModifier.ControlModifier)
    expected = AREA_KEYS[number - 1]
    assert blocker.args == [expected]
    assert isinstance(shown_page(window), PAGE_TYPES[expected])
    assert window.nav.currentItem().text() == AREAS[number - 1].label


def test_view_menu_lists_the_areas_with_their_shortcuts(make_window):
    window = make_window()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    texts = [(a.text(), a.shortcut().toString()) for a in view.actions()][:5]
    assert texts == [
        ("Journal", "Ctrl+1"),
        ("Today", "Ctrl+2"),
        ("Sprints", "Ctrl+3"),
        ("Dashboard", "Ctrl+4"),
        ("Resources", "Ctrl+5"),
    ]
    window.area_actions["sprints"].trigger()
    assert isinstance(shown_page(window), SprintsPage)


def test_menus_have_the_standard_commands(make_window):
    window = make_window()
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["&File", "&Edit", "E&ntry", "&View", "&Help"]
    file_items = [a.text() for a in menus["&File"].actions() if not a.isSeparator()]
    assert file_items == ["&New Entry", "&Save Now", "&Quit"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.new_entry_action.shortcut().toString() == "Ctrl+N"
    edit_items = [a.text() for a in menus["&Edit"].actions() if not a.isSeparator()]
    assert edit_items == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Pre&ferences…"]
    assert window.edit_actions["copy"].shortcut().toString() == "Ctrl+C"
    assert "F11" in [k.toString() for k in window.full_screen_action.shortcuts()]
    help_items = [a.text() for a in menus["&Help"].actions() if not a.isSeparator()]
    assert help_items == ["&Keyboard Shortcuts…", "&About Self-Study Journal", "About &Qt"]


def test_status_bar_shows_count_schema_and_folder(make_window, services, data_paths):
    for number in range(1, 4):
        services.entries.create(day=dt.date(2026, 11, number), title=f"Day {number} of ML")
    window = make_window()
    text = window.status_label.text()
    assert text.startswith("3 entries · ")
    assert f"schema {services.schema_version}" in text
    assert text.endswith(str(data_paths.root))


def test_status_bar_counts_with_thousands_separator(make_window, services):
    window = make_window()
    assert window.status_label.text().startswith("0 entries")
    services.entries.create(day=dt.date(2026, 1, 1), title="One")
    window.refresh()
    assert window.status_label.text().startswith("1 entry ·")


def test_status_bar_follows_trashing_and_restoring(qtbot, make_window, services):
    """After trashing the only entry the status bar says 0 entries, and 1 again once
    it is restored (the count follows every reload of the list, not only saves)."""
    only = services.entries.create(day=dt.date(2026, 1, 1), title="One")
    window = make_window()
    assert window.status_label.text().startswith("1 entry ·")
    page = window.journal_page
    page.open_entry(only.id)
    page.trash_current()
    assert window.status_label.text().startswith("0 entries ·")
    services.entries.restore(only.id)
    page.refresh()
    assert window.status_label.text().startswith("1 entry ·")


@pytest.mark.parametrize("mode", ["split", "preview"])
def test_the_editor_split_preview_choice_survives_a_restart(qtbot, make_window, services, mode):
    services.entries.create(day=dt.date(2026, 1, 1), title="One", body="*text*")
    window = make_window()
    window.journal_page.view_actions[mode].trigger()
    assert window.journal_page.editor_pane.view_mode == mode
    window.save_state()
    window.close()
    again = make_window()
    pane = again.journal_page.editor_pane
    assert pane.view_mode == mode
    assert again.journal_page.view_actions[mode].isChecked()
    assert pane.preview.isVisibleTo(pane)
    assert pane.editor.isVisibleTo(pane) == (mode == "split")


def test_journal_lists_entries_newest_first_and_opens_the_latest(make_window, services):
    start = dt.date(2026, 1, 1)
    for i in range(25):
        services.entries.create(day=start + dt.timedelta(days=i), title=f"Self Study Journal #{i}")
    untitled = services.entries.create(day=dt.date(2026, 1, 24), title="")  # same day as #23
    window = make_window()
    page = window.journal_page
    order = page.entry_list.entry_ids_in_order()
    assert len(order) == 26
    assert services.entries.get(order[0]).title == "Self Study Journal #24"
    assert order[1] == untitled.id  # newer id first within a day
    assert page.editor_pane.title_edit.text() == "Self Study Journal #24"
    assert "26 entries" in page.entry_list.count_label.text()


def test_empty_journal_says_so(make_window):
    window = make_window()
    page = window.journal_page
    assert page.entry_list.entry_ids_in_order() == []
    assert not page.editor_pane.has_document()
    assert page.editor_pane.empty_label.isVisibleTo(page)


def test_fresh_window_uses_the_default_size_within_the_screen(make_window):
    window = make_window(show=False)
    available = window.screen().availableGeometry().size()
    assert window.width() == min(DEFAULT_SIZE.width(), available.width())
    assert window.height() == min(DEFAULT_SIZE.height(), available.height())


def test_size_and_area_are_restored_after_reopening(qtbot, make_window, settings_path):
    window = make_window()
    window.resize(760, 520)  # the offscreen screen is 800 x 600; restoring clamps to it
    click_nav(qtbot, window, "Sprints")
    window.close()
    assert settings_path.is_file()

    from PySide6.QtCore import QSettings

    again = make_window(settings_override=QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert again.size() == QSize(760, 520)
    assert isinstance(shown_page(again), SprintsPage)
    assert again.nav.currentItem().text() == "Sprints"


def test_unknown_saved_area_falls_back_to_journal(make_window, settings):
    settings.setValue("window/area", "no-such-area")
    window = make_window()
    assert isinstance(shown_page(window), JournalPage)


def test_edit_menu_acts_on_the_focused_field(qtbot, make_window):
    window = make_window()
    field = QLineEdit()
    window.statusBar().addPermanentWidget(field)
    activate(qtbot, window)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "attention")
    assert window.edit_actions["undo"].isEnabled()
    window.edit_actions["undo"].trigger()
    assert field.text() == ""
    window.edit_actions["redo"].trigger()
    assert field.text() == "attention"
    field.selectAll()
    window.edit_actions["cut"].trigger()
    assert field.text() == ""
    window.edit_actions["paste"].trigger()
    window.edit_actions["paste"].trigger()
    assert field.text() == "attentionattention"


def test_edit_actions_are_disabled_where_nothing_can_be_edited(qtbot, make_window):
    window = make_window()
    activate(qtbot, window)
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    assert not window.edit_actions["paste"].isEnabled()


def test_full_screen_toggles(qtbot, make_window):
    window = make_window()
    window.full_screen_action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    window.full_screen_action.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_quit_closes_the_window(qtbot, make_window):
    window = make_window()
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_window_has_the_app_icon_and_title(make_window):
    window = make_window()
    assert window.windowTitle() == "Self-Study Journal"
    assert not window.windowIcon().isNull()


def test_entries_written_elsewhere_appear_when_a_page_says_so(make_window, services):
    window = make_window()
    before = window.journal_page.entry_count
    services.entries.create(day=services.clock().date(), title="From an import", body="x")
    assert window.journal_page.entry_count == before  # nobody said anything yet
    window.events.entries_changed.emit()
    assert window.journal_page.entry_count == before + 1
    assert f"{before + 1:,} entr" in window.status_label.text()


def test_the_word_count_shows_only_in_the_journal(qtbot, make_window, services):
    services.entries.create(day=services.clock().date(), title="Notes", body="three small words")
    window = make_window()
    qtbot.waitUntil(lambda: window.stats_label.text() != "")
    assert window.stats_label.isVisible()
    window.show_area("today")
    assert not window.stats_label.isVisible()
    window.show_area("journal")
    assert window.stats_label.isVisible()


def test_today_and_resources_use_the_width_of_a_1280_px_window(qtbot, make_window, services):
    """At 1280 px the pages' content ended 148 px short of the window's edge while the
    Resources titles were cut to "Probabilistic Machine Learnin…"."""
    title = "Probabilistic Machine Learning: An Introduction"
    services.resources.add(title, kind="book", status="active")
    window = make_window()
    window.resize(1280, 800)
    for area in ("today", "resources"):
        window.show_area(area)
        page = window.page(area)
        content = page.column.parentWidget()
        qtbot.waitUntil(lambda p=page, c=content: p.width() - c.width() < 40)
    view = window.page("resources").tab_widget.currentWidget().view
    shown = view.model().index(0, 0).data()
    assert shown == title
    assert view.columnWidth(0) >= view.fontMetrics().horizontalAdvance(title) + 12
