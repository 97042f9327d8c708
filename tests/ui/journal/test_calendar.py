"""JournalCalendar: marks days with entries, says which days are on screen, picks dates."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication, QTableView, QToolButton

from journal_app.ui.journal.calendar import JournalCalendar, grid_range
from journal_app.ui.theme import dark_palette, light_palette
from tests.ui.journal.data import OFFSCREEN, WED

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN)

MARKED = {dt.date(2026, 11, 2), dt.date(2026, 11, 18), dt.date(2026, 11, 24)}


@pytest.fixture
def calendar(qtbot):
    QApplication.setPalette(light_palette())
    widget = JournalCalendar(today=lambda: WED)
    qtbot.addWidget(widget)
    widget.resize(320, 280)
    widget.set_marked_days(MARKED)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def view_of(calendar: JournalCalendar) -> QTableView:
    view = calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert view is not None
    return view


def cell(calendar: JournalCalendar, day: dt.date) -> tuple[QTableView, QModelIndex]:
    """The grid cell showing ``day`` (row 0 holds the weekday names)."""
    first, last = calendar.visible_range()
    assert first <= day <= last
    offset = (day - first).days
    view = view_of(calendar)
    return view, view.model().index(offset // 7 + 1, offset % 7)


def click_day(qtbot, calendar: JournalCalendar, day: dt.date) -> None:
    view, index = cell(calendar, day)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def accent_pixels(calendar: JournalCalendar, day: dt.date) -> int:
    view, index = cell(calendar, day)
    rect: QRect = view.visualRect(index)
    image: QImage = view.viewport().grab(rect).toImage()
    accent = calendar.palette().color(QPalette.ColorRole.Highlight)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            near = (
                abs(c.red() - accent.red())
                + abs(c.green() - accent.green())
                + abs(c.blue() - accent.blue())
            )
            count += near < 60
    return count


def test_marked_days_are_bold_in_the_accent_colour(calendar):
    accent = calendar.palette().color(QPalette.ColorRole.Highlight)
    for day in MARKED:
        fmt = calendar.dateTextFormat(QDate(day.year, day.month, day.day))
        assert fmt.fontWeight() == QFont.Weight.Bold
        assert fmt.foreground().color() == accent
    plain = calendar.dateTextFormat(QDate(2026, 11, 3))
    assert plain.fontWeight() != QFont.Weight.Bold


def test_new_marks_replace_the_old_ones(calendar):
    calendar.set_marked_days({dt.date(2026, 11, 3)})
    assert calendar.dateTextFormat(QDate(2026, 11, 2)).fontWeight() != QFont.Weight.Bold
    assert calendar.dateTextFormat(QDate(2026, 11, 3)).fontWeight() == QFont.Weight.Bold
    assert calendar.marked_days() == {dt.date(2026, 11, 3)}


def test_a_marked_day_and_today_are_visibly_accented(calendar):
    calendar.show_day(dt.date(2026, 11, 10))  # neither today nor marked is selected
    assert accent_pixels(calendar, dt.date(2026, 11, 18)) > 10  # bold accent digits + dot
    assert accent_pixels(calendar, WED) > 10  # the ring around today
    assert accent_pixels(calendar, dt.date(2026, 11, 19)) == 0


def test_weekends_are_not_red(calendar):
    text = calendar.palette().color(QPalette.ColorRole.Text)
    for weekday in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        assert calendar.weekdayTextFormat(weekday).foreground().color() == text


def test_clicking_a_day_chooses_it(qtbot, calendar):
    with qtbot.waitSignal(calendar.date_chosen) as blocker:
        click_day(qtbot, calendar, dt.date(2026, 11, 18))
    assert blocker.args == [dt.date(2026, 11, 18)]
    assert calendar.selected_day() == dt.date(2026, 11, 18)


def test_the_grid_covers_exactly_the_visible_range(qtbot, calendar):
    first, last = calendar.visible_range()
    assert (first, last) == (dt.date(2026, 10, 26), dt.date(2026, 12, 6))
    for day in (first, last):
        calendar.show_day(WED)  # a click on another month's day turns the page
        with qtbot.waitSignal(calendar.date_chosen) as blocker:
            click_day(qtbot, calendar, day)
        assert blocker.args == [day]
        assert (calendar.yearShown(), calendar.monthShown()) == (day.year, day.month)


def test_keyboard_moves_and_enter_chooses(qtbot, calendar):
    view = view_of(calendar)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(calendar.date_chosen) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [WED + dt.timedelta(days=8)]


def test_turning_the_page_reports_the_days_on_screen(qtbot, calendar):
    next_month = calendar.findChild(QToolButton, "qt_calendar_nextmonth")
    with qtbot.waitSignal(calendar.month_shown) as blocker:
        qtbot.mouseClick(next_month, Qt.MouseButton.LeftButton)
    assert blocker.args == [dt.date(2026, 11, 30), dt.date(2027, 1, 10)]
    assert blocker.args == list(calendar.visible_range())
    shown: list[tuple[dt.date, dt.date]] = []
    calendar.month_shown.connect(lambda first, last: shown.append((first, last)))
    view = view_of(calendar)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert shown == [grid_range(2026, 11), grid_range(2026, 10)]


@pytest.mark.parametrize(
    ("year", "month", "first"),
    [
        (2026, 11, dt.date(2026, 10, 26)),  # starts on a Sunday
        (2027, 2, dt.date(2027, 1, 25)),  # starts on a Monday: a whole week of January leads
        (2026, 9, dt.date(2026, 8, 31)),  # starts on a Tuesday
    ],
)
def test_grid_range_matches_qt(qtbot, year, month, first):
    widget = JournalCalendar(today=lambda: WED)
    qtbot.addWidget(widget)
    widget.setCurrentPage(year, month)
    assert widget.visible_range() == (first, first + dt.timedelta(days=41))
    view = view_of(widget)
    top_left = view.model().index(1, 0).data()
    assert int(top_left) == first.day


def test_dark_look_repaints_marks_in_its_accent(qtbot, calendar):
    QApplication.setPalette(dark_palette())
    qtbot.waitUntil(
        lambda: (
            calendar.dateTextFormat(QDate(2026, 11, 18)).foreground().color()
            == dark_palette().color(QPalette.ColorRole.Highlight)
        )
    )
    assert calendar.dateTextFormat(QDate(2026, 11, 18)).fontWeight() == QFont.Weight.Bold
