"""Every area's controls can be reached with Tab, in reading order, and each tells a
screen reader what it is: the focus chain of each page is walked as a keyboard user
would meet it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget

from journal_app.demo.generate import generate_demo
from journal_app.ui.main_window import AREA_KEYS
from tests.ui.accessibility.focus_walk import focus_chain, out_of_reading_order, problems


@pytest.fixture
def journal_with_data(services, clock):
    """A year of entries, sessions, sleep, sprints and resources: every panel shows."""
    generate_demo(services, years=1, seed=3, today=clock().date())
    return services


def settle(qtbot, window, area):
    """Wait for what a page builds after its first paint."""
    page = window.page(area)
    if area == "journal":
        qtbot.waitUntil(lambda: window.journal_page.calendar is not None, timeout=30_000)
    elif area == "dashboard" and page.view is None:
        with qtbot.waitSignal(page.charts_ready, timeout=30_000):
            pass
    return page


@pytest.mark.parametrize("area", AREA_KEYS)
def test_every_control_is_named_and_reached_by_tab(qtbot, make_window, journal_with_data, area):
    window = make_window()
    qtbot.waitUntil(lambda: window.focus_timer is not None, timeout=30_000)
    window.show_area(area)
    page = settle(qtbot, window, area)
    assert focus_chain(page), "nothing on the page takes the focus"
    assert problems(page) == []
    assert out_of_reading_order(page) == []
    tabs = page.findChild(QTabWidget)
    for index in range(tabs.count() if tabs is not None else 0):  # every tab of the area
        tabs.setCurrentIndex(index)
        assert problems(page) == [], tabs.tabText(index)
        assert out_of_reading_order(page) == [], tabs.tabText(index)
