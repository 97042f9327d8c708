"""Everything the mouse does on the dashboard's charts has keys: the timeline steps
through days, moves through time, zooms and opens a day; the consistency calendar and
the sleep/work pairings step through their days and open one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.ui.dashboard.conftest import TODAY, nov

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_the_timeline_steps_through_days_and_opens_one(qtbot, view):
    timeline = view.timeline
    chart = timeline.view
    assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus
    chart.setFocus()
    assert timeline.hovered == TODAY
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert timeline.hovered == nov(20)
    assert "Fri 20 Nov 2026" in timeline.readout.text()
    with qtbot.waitSignal(view.day_requested) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert blocker.args == [nov(20)]


def test_the_timeline_moves_through_time_and_zooms(qtbot, view):
    timeline = view.timeline
    chart = timeline.view
    chart.setFocus()
    low, high = timeline.visible_x()
    with qtbot.waitSignal(timeline.moved_by_user):
        qtbot.keyClick(chart, Qt.Key.Key_Plus)
    narrow = timeline.visible_x()
    assert narrow[1] - narrow[0] == (high - low) / 2
    before = timeline.visible_days()
    with qtbot.waitSignal(timeline.moved_by_user):
        qtbot.keyClick(chart, Qt.Key.Key_Left, SHIFT)
    assert timeline.visible_days()[0] < before[0]
    qtbot.keyClick(chart, Qt.Key.Key_PageDown)
    assert timeline.visible_days() == before
    # Stepping past the edge of the view brings the day into view.
    first_shown = timeline.visible_days()[0]
    timeline.show_day(first_shown)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert timeline.hovered == first_shown - dt.timedelta(days=1)
    assert timeline.visible_days()[0] <= timeline.hovered
    qtbot.keyClick(chart, Qt.Key.Key_Minus)
    qtbot.keyClick(chart, Qt.Key.Key_Minus)  # as far as the history goes
    wide = timeline.visible_x()
    assert wide[1] - wide[0] > high - low


def test_the_calendar_steps_through_days_and_opens_one(qtbot, view):
    heatmap = view.consistency.heatmap
    chart = heatmap.plot_widget
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Left)  # from the day after the last: a week back
    assert heatmap.current == TODAY + dt.timedelta(days=1) - dt.timedelta(days=7)
    qtbot.keyClick(chart, Qt.Key.Key_Up)
    assert heatmap.current == nov(15)
    assert "Sun 15 Nov 2026" in heatmap.readout.text()
    assert "Sun 15 Nov 2026" in chart.accessibleDescription()
    with qtbot.waitSignal(view.day_requested) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Space)
    assert blocker.args == [nov(15)]


def test_a_pairing_chart_steps_through_its_dots_and_opens_one(qtbot, view):
    chart = view.sleep_work.before
    pairing = chart.pairing
    chart.plot_widget.setFocus()
    qtbot.keyClick(chart.plot_widget, Qt.Key.Key_Right)
    order = sorted(range(len(pairing.days)), key=lambda i: (pairing.x[i], pairing.y[i]))
    assert chart.current == order[0]
    qtbot.keyClick(chart.plot_widget, Qt.Key.Key_Right)
    assert chart.current == order[1]
    day = pairing.days[order[1]]
    assert f"{day:%a} {day.day} {day:%b %Y}" in chart.readout.text()
    with qtbot.waitSignal(view.day_requested) as blocker:
        qtbot.keyClick(chart.plot_widget, Qt.Key.Key_Return)
    assert blocker.args == [day]
