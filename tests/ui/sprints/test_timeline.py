"""The timeline tab: bars across months, overlaps flagged, a bar's edge dragged with the
mouse to change a date (checked by the planner), a click opening the sprint."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest

from journal_app.ui.sprints.page import BOARD_TAB, TIMELINE_TAB

from .conftest import D


def timeline_of(make_window):
    window = make_window()
    window.show_area("sprints")
    page = window.page("sprints")
    page.show_tab(TIMELINE_TAB)
    timeline = page.timeline
    timeline.canvas.set_zoom(12)  # 12 pixels a day: whole days are easy to aim at
    return window, page, timeline


def drag(canvas, start: QPoint, end: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    QTest.mousePress(canvas, left, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(canvas, QPoint((start.x() + end.x()) // 2, start.y()))
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, left, Qt.KeyboardModifier.NoModifier, end)


def test_the_timeline_is_built_when_first_shown(make_window, planner, sprint):
    window = make_window()
    window.show_area("sprints")
    page = window.page("sprints")
    assert page.timeline is None and page.burnup is None
    page.show_tab(TIMELINE_TAB)
    assert page.timeline is not None and page.tabs.currentWidget() is page.timeline
    assert [b.id for b in page.timeline.canvas.bars] == [sprint.id]
    assert page.timeline.canvas.current == sprint.id


def test_dragging_the_end_edge_moves_the_end(qtbot, make_window, planner, sprint):
    window, page, timeline = timeline_of(make_window)
    canvas = timeline.canvas
    rect = canvas.bar_rect(sprint.id)
    edge = QPoint(rect.right() - 1, rect.center().y())
    with qtbot.waitSignal(window.events.sprints_changed):
        drag(canvas, edge, edge + QPoint(7 * canvas.day_px, 0))
    assert planner.sprint(sprint.id).end == D(2026, 12, 6)  # a week later
    assert planner.sprint(sprint.id).start == D(2026, 11, 16)
    assert canvas.bar_rect(sprint.id).width() == 21 * canvas.day_px
    assert "21 days" in page.summary.text()


def test_dragging_the_start_edge_moves_the_start(qtbot, make_window, planner, sprint):
    _, _, timeline = timeline_of(make_window)
    canvas = timeline.canvas
    rect = canvas.bar_rect(sprint.id)
    edge = QPoint(rect.left() + 1, rect.center().y())
    drag(canvas, edge, edge + QPoint(-3 * canvas.day_px, 0))
    assert planner.sprint(sprint.id).start == D(2026, 11, 13)


def test_a_drag_past_the_rules_is_refused_and_the_bar_springs_back(
    qtbot, make_window, planner, sprint
):
    _, _, timeline = timeline_of(make_window)
    canvas = timeline.canvas
    rect = canvas.bar_rect(sprint.id)
    edge = QPoint(rect.right() - 1, rect.center().y())
    with qtbot.waitSignal(timeline.message) as said:
        drag(canvas, edge, edge - QPoint(10 * canvas.day_px, 0))  # 4 days long
    assert said.args == ["a sprint lasts at least a week; 2026-11-16 to 2026-11-19 is 4 days"]
    assert timeline.notice.isVisible()
    assert planner.sprint(sprint.id).end == D(2026, 11, 29)
    assert canvas.bar_rect(sprint.id) == rect


def test_each_sprint_has_its_own_row_and_overlaps_are_flagged(make_window, planner, sprint):
    side = planner.add_sprint("Side", D(2026, 11, 20), D(2026, 12, 3), capacity_hours=5)
    after = planner.add_sprint("After", D(2026, 11, 30), D(2026, 12, 13), capacity_hours=5)
    _, _, timeline = timeline_of(make_window)
    bars = {b.id: b for b in timeline.canvas.bars}
    assert bars[side.id].overlaps == (sprint.id, after.id)
    assert timeline.overlaps.text() == "3 sprints overlap another (outlined in red)"
    canvas = timeline.canvas
    # One row each, in start order, even for sprints that follow each other.
    tops = [canvas.bar_rect(i).top() for i in (sprint.id, side.id, after.id)]
    assert tops[0] < tops[1] < tops[2]


def test_the_rows_fill_the_tab_and_every_bar_says_its_dates(make_window, planner, sprint):
    """Ten back-to-back sprints were one row with 80 % of the tab empty, their names cut
    to "Sprin"; now each has a row, the grid fills the tab, and beside each bar are its
    dates and state (its name too when the bar is too short for it)."""
    start = D(2026, 1, 5)
    for number in range(10):
        begin = start + dt.timedelta(days=14 * number)
        planner.add_sprint(f"Sprint {number + 1:02}", begin, begin + dt.timedelta(days=13))
    window, _, timeline = timeline_of(make_window)
    window.resize(1280, 800)
    canvas = timeline.canvas
    assert len({canvas.bar_rect(b.id).top() for b in canvas.bars}) == 11
    assert canvas.height() >= timeline.scroll_area.viewport().height() - 8
    metrics = QFontMetrics(canvas.font())
    first = canvas.bars[0]
    canvas.set_zoom(2)  # 28 px: too short for the name
    room = canvas.bar_rect(first.id).width() - 10
    assert canvas.labels(first, room, metrics) == (
        "",
        "Sprint 01 · 5 – 18 Jan 2026 · 14 days · planned",
    )
    canvas.set_zoom(12)
    room = canvas.bar_rect(first.id).width() - 10
    assert canvas.labels(first, room, metrics)[0] == "Sprint 01"


def test_clicking_a_bar_opens_its_board(qtbot, make_window, planner, sprint):
    other = planner.add_sprint("Sprint 0", D(2026, 11, 2), D(2026, 11, 15), capacity_hours=5)
    planner.add_task("from the past", sprint_id=other.id)
    _, page, timeline = timeline_of(make_window)
    center = timeline.canvas.bar_rect(other.id).center()
    QTest.mouseClick(
        timeline.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, center
    )
    assert page.tabs.currentIndex() == BOARD_TAB
    assert page.current_sprint().id == other.id
    assert page.sprint_combo.currentData() == other.id
    assert [t.title for t in page.board.column("todo").model.tasks()] == ["from the past"]


def test_zoom_steps_through_the_scales(make_window, planner, sprint):
    _, _, timeline = timeline_of(make_window)
    width = timeline.canvas.width()
    timeline.zoom(1)
    assert timeline.canvas.day_px == 16 and timeline.canvas.width() > width
    timeline.zoom(-3)
    assert timeline.canvas.day_px == 6


def test_keys_choose_a_sprint_move_its_edges_and_open_it(qtbot, make_window, planner, sprint):
    other = planner.add_sprint("Sprint 0", D(2026, 11, 2), D(2026, 11, 15), capacity_hours=5)
    window, page, timeline = timeline_of(make_window)
    canvas = timeline.canvas
    assert canvas.focusPolicy() & Qt.FocusPolicy.TabFocus
    canvas.setFocus()
    assert canvas.current == sprint.id
    with qtbot.waitSignal(window.events.sprints_changed):
        qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert planner.sprint(sprint.id).end == D(2026, 11, 30)
    with qtbot.waitSignal(window.events.sprints_changed):
        qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert planner.sprint(sprint.id).start == D(2026, 11, 17)
    qtbot.keyClick(canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert planner.sprint(sprint.id).start == D(2026, 11, 16)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)  # the sprint before
    assert canvas.current == other.id
    assert "Sprint 0" in canvas.accessibleDescription()
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert page.tabs.currentIndex() == BOARD_TAB
    assert page.current_sprint().id == other.id
