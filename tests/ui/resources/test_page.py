"""The Resources page inside the window: its add key clashes with no other shortcut and
works from every tab; a write in any tab tells the other pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from journal_app.ui.resources.categories_tab import CategoriesTab
from journal_app.ui.resources.outputs_tab import OutputsTab
from journal_app.ui.resources.resources_tab import ResourcesTab
from journal_app.ui.resources.skills_tab import SkillsTab

ADD = QKeySequence("Ctrl+Shift+A")


def test_the_add_key_is_ours_alone_and_adds_in_the_current_tab(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(lambda: window.focus_timer is not None)  # its actions are in too
    window.show_area("resources")
    page = window.page("resources")
    holders = [a for a in window.findChildren(QAction) if ADD in a.shortcuts()]
    assert holders == [page.add_action]
    assert QKeySequence("Ctrl+N") not in page.add_action.shortcuts()

    expected = {
        "resources": ResourcesTab,
        "skills": SkillsTab,
        "outputs": OutputsTab,
        "categories": CategoriesTab,
    }
    for key, cls in expected.items():
        tab = page.show_tab(key)
        assert isinstance(tab, cls)
        tab.view.setFocus()
        qtbot.keyClick(
            tab.view,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert tab.dialog is not None, key
        tab.dialog.reject()
        assert tab.dialog is None


def test_a_write_tells_the_other_pages(qtbot, make_page, journal, events):
    heard = []
    events.tracking_changed.connect(lambda: heard.append("tracking"))
    page = make_page("skills")
    tab = page.tabs["skills"]
    tab.add_button.click()
    qtbot.keyClicks(tab.dialog.name_edit, "Statistics")
    with qtbot.waitSignal(page.reloaded):
        qtbot.keyClick(tab.dialog.name_edit, Qt.Key.Key_Return)
    assert heard == ["tracking"]
    assert [s.name for s in journal.skills.list()] == ["Statistics"]
    # Other tabs read again when they are next shown (a new skill is offered there).
    assert page.tabs["resources"].dirty
    with qtbot.waitSignal(page.reloaded) as shown:
        page.tab_widget.setCurrentIndex(0)
    assert shown.args == ["resources"]
