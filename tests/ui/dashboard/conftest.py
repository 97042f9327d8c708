"""Dashboard UI fixtures: a journal with a few weeks of tracking (days cut in Berlin,
today Sunday 22 November 2026) and a shown DashboardView on it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.date(2026, 11, 22)


def nov(day: int) -> dt.date:
    return dt.date(2026, 11, day)


@pytest.fixture
def journal(services):
    """Sessions on most of the last three weeks, nights with qualities, outputs, a skill."""
    services.tz = BERLIN
    writing = services.categories.find("Writing")
    reading = services.categories.find("Reading")
    ml = services.skills.add("Machine learning", baseline_hours=100)
    for back in range(21):
        day = TODAY - dt.timedelta(days=back)
        if back % 5 == 3:
            continue  # a rest day
        services.sessions.add_local(
            day, dt.time(9), dt.time(10, back % 4 * 15), category_id=writing.id, skill_id=ml.id
        )
        services.sessions.add_local(day, dt.time(14), dt.time(15), category_id=reading.id)
        services.day_logs.save(day, hours=6 + back % 4 * 0.5, quality=1 + back % 5)
    services.outputs.add(kind="explainer", title="Backprop", words=900, day=nov(10))
    services.outputs.add(kind="code", title="Tiny GPT", words=120, day=nov(11))
    services.outputs.add(kind="explainer", title="Attention", day=nov(18))
    return services


@pytest.fixture
def view(qtbot, journal):
    """A shown DashboardView with every card, on the month up to today."""
    from journal_app.ui.dashboard.view import DashboardView

    made = DashboardView(journal)
    qtbot.addWidget(made)
    made.resize(1040, 2600)
    made.show()
    qtbot.waitExposed(made)
    made.reload()
    made.build_lower()
    made.set_range("month")
    return made
