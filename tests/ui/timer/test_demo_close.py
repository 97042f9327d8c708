"""Closing the demo: its journal is deleted, so a running timer is not offered as kept."""

from __future__ import annotations

import pytest

from tests.ui.timer.test_focus_timer import start_by_dialog


@pytest.fixture
def journal(services):
    services.throwaway = True  # what run_gui(demo=True) sets
    return services


def test_closing_the_demo_never_offers_to_keep_the_timer(qtbot, open_window, journal):
    window = open_window()
    timer_ui = window.focus_timer
    start_by_dialog(qtbot, timer_ui)
    timer_ui.ask_quit = lambda state: pytest.fail("offered to keep a demo timer running")
    window.close()
    assert not window.isVisible()


def test_the_demo_says_that_its_changes_vanish(open_window, journal):
    window = open_window()
    assert "demo" in window.windowTitle()
    label = window.demo_label
    assert label.isVisible() and "deleted when you close" in label.text()
