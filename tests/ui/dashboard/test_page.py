"""The Dashboard page: pyqtgraph only once it is shown, reloads on data changes without
redrawing per change, follows the theme, opens from the main window."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from PySide6.QtCore import Qt
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


def test_targets_opens_preferences_whose_changes_redraw_the_dashboard(qtbot, make_window):
    window = make_window()
    window.show_area("dashboard")
    page = window.page("dashboard")
    if page.view is None:
        with qtbot.waitSignal(page.charts_ready, timeout=30_000):
            pass
    qtbot.mouseClick(page.view.targets_button, Qt.MouseButton.LeftButton)
    dialog = window.preferences
    assert dialog is not None and dialog.current_key() == "targets"
    edit = dialog.pages["targets"].edits["weekly_target_hours"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "10")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
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


def _wheel(widget, pos, dy: int, mods=None) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    event = QWheelEvent(
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        QPoint(),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        mods or Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _middle_of(view, plot):
    box = plot.getViewBox()
    return view.mapFromScene(box.sceneBoundingRect().center())


def test_the_wheel_over_a_chart_scrolls_the_page_and_zooms_only_when_asked(qtbot, journal):
    """A plain wheel scrolls past the charts; Ctrl+wheel, or the wheel after a press in
    the chart (until the pointer leaves it), zooms the timeline."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtWidgets import QApplication, QScrollArea

    page, _events = _page(qtbot, journal)
    page.view.set_range("quarter")
    scroll = page.findChild(QScrollArea, "pageScroll").verticalScrollBar()
    timeline = page.view.timeline
    viewport = timeline.view.viewport()
    point = _middle_of(timeline.view, timeline.hours_plot)
    qtbot.mouseMove(viewport, point)
    span = timeline.visible_x()

    _wheel(viewport, point, -120)
    assert scroll.value() > 0  # the page moved on...
    assert timeline.visible_x() == span  # ...and the chart stayed as it was
    scrolled = scroll.value()

    _wheel(viewport, point, 120, Qt.KeyboardModifier.ControlModifier)
    zoomed = timeline.visible_x()
    assert zoomed[1] - zoomed[0] < span[1] - span[0]
    assert scroll.value() == scrolled

    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    _wheel(viewport, point, 120)  # after a press in the chart, the wheel zooms
    assert timeline.visible_x()[1] - timeline.visible_x()[0] < zoomed[1] - zoomed[0]
    assert scroll.value() == scrolled
    QApplication.sendEvent(viewport, QEvent(QEvent.Type.Leave))
    _wheel(viewport, point, -120)  # the pointer left: scrolling again
    assert scroll.value() > scrolled

    weekly = page.view.consistency.weekly.widget  # a chart that never zooms
    before = scroll.value()
    for mods in (None, Qt.KeyboardModifier.ControlModifier):
        _wheel(weekly.viewport(), _middle_of(weekly, weekly.getPlotItem()), -120, mods)
    assert scroll.value() > before


def test_the_figures_follow_the_days_the_timeline_is_zoomed_to(qtbot, journal):
    from PySide6.QtCore import Qt

    from journal_app.ui.dashboard.headline import tile_texts

    page, _events = _page(qtbot, journal)
    view = page.view
    view.set_range("month")
    month = view.range
    timeline = view.timeline
    point = _middle_of(timeline.view, timeline.hours_plot)
    qtbot.mouseMove(timeline.view.viewport(), point)  # the pointer comes onto the chart
    under = timeline.day_at(timeline.view.mapToScene(point))
    with qtbot.waitSignal(view.range_shown, timeout=5000) as shown:
        _wheel(timeline.view.viewport(), point, 240, Qt.KeyboardModifier.ControlModifier)
    rng = shown.args[0]
    assert view.range_bar.kind == "custom"
    first, last = timeline.visible_days()  # without the days before the first tracked one
    assert (rng.first, rng.last) == (max(first, view.history.first), last)
    assert month.first < rng.first and rng.last < month.last
    assert view.range_bar.label.text() == rng.label()
    figures = journal.dashboard.figures(view.history, rng)
    goal = view.history.settings.weekly_target_hours
    for key, (value, detail) in tile_texts(figures, goal).items():
        assert view.headline.values[key].text() == value
        assert view.headline.details[key].text() == detail
    assert first < under < last  # zoomed in around the pointer
    assert timeline.visible_days() == (first, last)  # the chart did not jump
