"""Timer UI fixtures: a shown main window with the focus timer installed, on a journal
whose days are cut in Europe/Berlin (the shared clock starts at 21:30 there)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def journal(services):
    services.tz = BERLIN  # before any tracking service is built
    return services


@pytest.fixture
def open_window(make_window, journal, qtbot):
    """``open_window()`` -> a shown MainWindow whose focus timer is installed."""

    def open_():
        window = make_window()
        qtbot.waitUntil(lambda: window.focus_timer is not None, timeout=30_000)
        return window

    return open_


@pytest.fixture
def window(open_window):
    return open_window()


@pytest.fixture
def timer_ui(window):
    """The focus timer's controller."""
    return window.focus_timer
