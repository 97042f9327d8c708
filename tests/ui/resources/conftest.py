"""Library fixtures: the Resources page on a journal whose days are cut in Berlin."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from journal_app.ui.data_events import DataEvents

TODAY = dt.date(2026, 11, 22)  # the shared clock: 2026-11-22 20:30 UTC, 21:30 in Berlin


@pytest.fixture
def journal(services):
    services.tz = ZoneInfo("Europe/Berlin")
    return services


@pytest.fixture
def events(qapp):
    hub = DataEvents()
    yield hub
    hub.deleteLater()


@pytest.fixture
def make_page(qtbot, journal, events):
    """``make_page(tab)`` -> a shown ResourcesPage with the tab ``tab`` in front."""
    from journal_app.ui.resources.page import ResourcesPage

    def make(tab: str = "resources") -> ResourcesPage:
        page = ResourcesPage(journal, events)
        qtbot.addWidget(page)
        page.resize(1068, 760)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()  # shortcuts need the page's window active
        qtbot.waitUntil(page.isActiveWindow)
        page.show_tab(tab)
        return page

    return make


def texts(model, column: str) -> list[str]:
    """The cells of one column, top to bottom."""
    number = model.column_of(column)
    return [model.index(row, number).data() for row in range(model.rowCount())]
