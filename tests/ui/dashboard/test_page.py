"""The Dashboard page: pyqtgraph only once it is shown, reloads on data changes without
redrawing per change, follows the theme, opens from the main window."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from PySide6.QtGui import QColor

from journal_app.ui.theme import Theme, ThemeManager

from .conftest import TODAY


def test_pyqtgraph_is_imported_only_when_the_dashboard_is_first_shown(data_dir):
    code = f"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from journal_app.config import check_data_dir
from journal_app.services import Services
from journal_app.ui.data_events import DataEvents
from journal_app.ui.dashboard.page import DashboardPage
services = Services.open(check_data_dir(Path({str(data_dir)!r}), create=True))
page = DashboardPage(services, DataEvents())
print("pyqtgraph" in sys.modules)
page.show()
while page.view is None or not page.view.complete:
    app.processEvents()
print("pyqtgraph" in sys.modules)
services.close()
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True"]


def _page(qtbot, services):
    from journal_app.ui.dashboard.page import DashboardPage
    from journal_app.ui.data_events import DataEvents

    events = DataEvents()
    page = DashboardPage(services, events)
    qtbot.addWidget(page)
    page.resize(1068, 800)
    with qtbot.waitSignal(page.charts_ready, timeout=10_000):
        page.show()
    return page, events


def test_the_page_reloads_when_tracking_changes_while_shown(qtbot, journal):
    page, events = _page(qtbot, journal)
    before = page.view.history.total[-1]
    reloads = []
    original = page.view.reload
    page.view.reload = lambda: (reloads.append(1), original())[1]
    journal.sessions.add_local(TODAY, dt.time(20), dt.time(21))
    events.tracking_changed.emit()
    assert len(reloads) == 1  # the first change shows at once
    assert page.view.history.total[-1] == before + 1
    for _ in range(5):  # a burst of changes: merged into one more reload
        events.tracking_changed.emit()
    assert len(reloads) == 1 and page._reload_throttle.pending
    page._reload_throttle.flush()
    assert len(reloads) == 2 and not page.stale


def test_a_hidden_page_reloads_when_shown_again(qtbot, journal):
    page, events = _page(qtbot, journal)
    page.hide()
    journal.sessions.add_local(TODAY, dt.time(20), dt.time(22))
    events.tracking_changed.emit()
    assert page.stale and page.view.history.total[-1] < 4  # nothing redrawn while hidden
    page.show()
    page._reload_throttle.flush()
    assert not page.stale
    assert page.view.history.values(TODAY).total >= 2


def test_settings_changed_on_the_page_tell_the_other_pages(qtbot, journal):
    page, events = _page(qtbot, journal)
    with qtbot.waitSignal(events.tracking_changed):
        page.view.consistency.goal.setValue(10)
    page._reload_throttle.flush()
    assert page.view.history.settings.weekly_target_hours == 10


def test_charts_follow_the_dark_theme(qtbot, journal, settings):
    manager = ThemeManager.shared(settings)
    manager.set_theme(Theme.LIGHT)
    page, _events = _page(qtbot, journal)
    light = page.view.timeline.view.backgroundBrush().color()
    assert light.lightness() > 200
    manager.set_theme(Theme.DARK)
    dark = page.view.timeline.view.backgroundBrush().color()
    assert dark.lightness() < 60 and page.view.chart_style.dark
    assert page.view.consistency.heatmap.plot_widget.backgroundBrush().color() == dark
    axis = page.view.timeline.hours_plot.getAxis("left")
    assert axis.textPen().color().lightness() > 180  # ticks stay readable
    assert QColor(page.view.chart_style.heat[0]).lightness() < 80  # empty days dark too
    manager.set_theme(Theme.LIGHT)
    assert page.view.timeline.view.backgroundBrush().color().lightness() > 200


def test_the_main_window_opens_the_dashboard_and_passes_clicked_days_on(qtbot, make_window):
    window = make_window()
    window.show_area("dashboard")
    page = window.pages["dashboard"]
    qtbot.waitUntil(lambda: page.view is not None and page.view.complete, timeout=10_000)
    assert page.view.empty_note.isVisible()  # a fresh journal says what to do
    with qtbot.waitSignal(page.day_requested) as blocker:
        page.view.timeline.day_requested.emit(dt.date(2026, 11, 20))
    assert blocker.args == [dt.date(2026, 11, 20)]
