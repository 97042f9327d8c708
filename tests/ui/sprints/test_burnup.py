"""The burn-up tab: hours logged and tasks done against the ideal, drawn with pyqtgraph,
which is imported only when the tab is first opened."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from journal_app.ui.sprints.format import short_date
from journal_app.ui.sprints.page import BURNUP_TAB

from .conftest import BERLIN, D


def test_the_chart_shows_the_sprint_so_far(qtbot, make_window, planner, services, sprint, clock):
    for day, hours in ((16, 2), (18, 3)):
        start = dt.datetime(2026, 11, day, 9, tzinfo=BERLIN)
        services.sessions.add(start, start + dt.timedelta(hours=hours))
    tasks = [planner.add_task(x, sprint_id=sprint.id) for x in "abcd"]
    now = clock.now
    clock.now = dt.datetime(2026, 11, 17, 12, tzinfo=BERLIN)
    planner.move_task(tasks[0].id, status="done")
    clock.now = now
    window = make_window()
    window.show_area("sprints")
    page = window.page("sprints")
    page.show_tab(BURNUP_TAB)
    view = page.burnup
    assert view is not None and view.chart.isVisible()
    xs, hours = view.curves["hours"].getData()
    # From 0 at the start of the first day (the left edge), then each day's total up to
    # today (the 22nd: 7 days) above that day's own tick.
    assert list(xs) == [-0.5, *range(7)]
    assert list(hours) == [0, 2, 2, 5, 5, 5, 5, 5]
    labels = dict(view.ticks)
    assert labels[xs[-1]] == short_date(D(2026, 11, 22), year=False)  # today, not the 23rd
    assert labels[xs[3]] == short_date(D(2026, 11, 18), year=False)  # the 3 h session
    _, done = view.curves["tasks"].getData()
    assert list(done) == [0, 0, 1, 1, 1, 1, 1, 1]
    ideal_x, ideal = view.curves["ideal_hours"].getData()
    assert len(ideal_x) == 15 and ideal[0] == 0 and ideal[-1] == pytest.approx(20)
    assert view.curves["ideal_tasks"].getData()[1][-1] == pytest.approx(4)
    assert view.summary.text() == "Sprint 1: 5.0 h logged of 20 h capacity; 1 of 4 tasks done"
    # Another sprint, not started yet: only the ideal lines.
    later = planner.add_sprint("Sprint 2", D(2026, 11, 30), D(2026, 12, 6), capacity_hours=None)
    planner.add_task("x", sprint_id=later.id, estimate_hours=6)
    page.reload(select=later.id)
    assert view.curves["hours"].getData()[0] is None or len(view.curves["hours"].getData()[0]) == 0
    assert view.summary.text().endswith("(it has not started yet)")
    assert "6 h estimated" in view.summary.text()


SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from journal_app.config import check_data_dir
from journal_app.services import Services
app = QApplication([])
from journal_app.ui.main_window import MainWindow
services = Services.open(check_data_dir(Path(sys.argv[1]), create=True))
import datetime as dt
from journal_app.services.planning import planning_of
today = dt.date.today()
planning_of(services).add_sprint("S", today, today + dt.timedelta(days=13), capacity_hours=9)
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(services, settings=settings)
window.show()
app.processEvents()
window.show_area("sprints")
page = window.page("sprints")
page.show_tab(1)
app.processEvents()
print("before", "pyqtgraph" in sys.modules)
page.show_tab(2)
app.processEvents()
print("after", "pyqtgraph" in sys.modules)
window.close()
services.close()
"""


def test_pyqtgraph_is_imported_only_when_the_burn_up_is_shown(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "j"), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "before False" in done.stdout and "after True" in done.stdout
