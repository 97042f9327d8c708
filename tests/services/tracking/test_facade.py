"""Tracking services are built on first use and stay out of the start-up path."""

from __future__ import annotations

import subprocess
import sys

from journal_app.services.tracking.categories import CategoryService
from journal_app.services.tracking.stats import StatsService
from journal_app.services.tracking.timer import TimerService

from .conftest import BERLIN


def test_opening_a_journal_imports_no_tracking_module(data_dir):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from journal_app.config import check_data_dir\n"
        "from journal_app.services import Services\n"
        f"s = Services.open(check_data_dir(Path({str(data_dir)!r}), create=True))\n"
        "s.entries.count(); s.close()\n"
        "print(sorted(m for m in sys.modules if 'tracking' in m or m == 'zoneinfo'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_services_are_built_once_on_first_use(tracking):
    assert isinstance(tracking.categories, CategoryService)
    assert tracking.timer is tracking.timer
    assert isinstance(tracking.timer, TimerService)
    assert isinstance(tracking.stats, StatsService)
    assert tracking.stats._sessions is tracking.sessions
    assert tracking.sessions.tz is BERLIN


def test_the_zone_follows_tz_when_not_set(services, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    assert str(services.tz) == "America/New_York"
    assert services.sessions.tz is services.tz
