"""Today-view fixtures: a journal whose days are cut in Europe/Berlin (the shared clock
says 2026-11-22 21:30 there, a Sunday) and helpers that type like a user."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.ui.today.driving import activate

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.date(2026, 11, 22)


def at(*args: int) -> dt.datetime:
    """A Berlin wall time: at(2026, 11, 22, 9, 30)."""
    return dt.datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


@pytest.fixture
def tracking(services):
    services.tz = BERLIN  # before any tracking service is built
    return services


@pytest.fixture
def events():
    from journal_app.ui.data_events import DataEvents

    return DataEvents()


@pytest.fixture
def make_page(qtbot, tracking, events):
    """``make_page()`` -> a shown TodayPage on the Berlin journal."""
    from journal_app.ui.today.page import TodayPage

    def make() -> TodayPage:
        page = TodayPage(tracking, events)
        qtbot.addWidget(page)
        page.resize(1100, 1000)
        page.show()
        qtbot.waitExposed(page)
        activate(qtbot, page)  # window shortcuts need an active window
        return page

    return make


@pytest.fixture
def page(make_page):
    return make_page()
