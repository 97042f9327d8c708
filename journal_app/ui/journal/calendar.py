"""JournalCalendar: a month calendar that marks the days you wrote on.

The owner supplies the marks: ``month_shown(first, last)`` says which days are on screen
(the whole six-week grid, so the neighbouring months' days get marks too) and
``set_marked_days`` paints them bold in the accent colour with a dot below. A click or
Enter on a day emits ``date_chosen``. Weeks start on Monday, like the list's weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QDate, QEvent, QObject, QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextCharFormat,
)
from PySide6.QtWidgets import QCalendarWidget, QTableView, QToolButton, QWidget

from journal_app.ui.theme import style_with
from journal_app.ui.widgets.fmt import to_qdate

GRID_DAYS = 42  # Qt always shows six weeks

_STYLE = """
QWidget#qt_calendar_navigationbar {
    background: palette(base);
    border-bottom: 1px solid palette(midlight);
}
QWidget#qt_calendar_navigationbar QToolButton {
    color: palette(text);
    background: transparent;
    border: none;
    border-radius: 6px;
    padding: 3px 6px;
    font-weight: 600;
}
QWidget#qt_calendar_navigationbar QToolButton:hover { background: palette(midlight); }
QWidget#qt_calendar_navigationbar QToolButton::menu-indicator { image: none; width: 0px; }
QWidget#qt_calendar_navigationbar QSpinBox {
    color: palette(text);
    background: palette(base);
    selection-background-color: palette(highlight);
    font-weight: 600;
}
"""


def chevron_icon(color: QColor, *, left: bool, size: int = 16) -> QIcon:
    """A thin ‹ or › in ``color`` (the style's arrows are black on any background)."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x: crisp on high-DPI screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, 1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    x_tip, x_tail = (6.0, 10.0) if left else (10.0, 6.0)
    painter.drawPolyline([QPointF(x_tail, 4.0), QPointF(x_tip, 8.0), QPointF(x_tail, 12.0)])
    painter.end()
    return QIcon(pixmap)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def grid_range(year: int, month: int, first_weekday: int = 0) -> tuple[dt.date, dt.date]:
    """The first and last day QCalendarWidget shows for a month (``first_weekday`` 0 =
    Monday). Like Qt, at least one day of the previous month leads the grid."""
    first = dt.date(year, month, 1)
    lead = (first.weekday() - first_weekday) % 7 or 7
    start = first - dt.timedelta(days=lead)
    return start, start + dt.timedelta(days=GRID_DAYS - 1)


class JournalCalendar(QCalendarWidget):
    """Days with entries in bold accent with a dot; today ringed; Monday first."""

    date_chosen = Signal(object)  # datetime.date: clicked, or Enter pressed on it
    month_shown = Signal(object, object)  # first and last datetime.date on screen

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("journalCalendar")
        self._today = today
        self._marked: set[dt.date] = set()
        self._painted: set[dt.date] = set()  # days that carry our format now
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setGridVisible(False)
        self.setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31))  # what entries allow
        self.setSelectedDate(to_qdate(today()))
        style_with(self, _STYLE)
        self._view = self.findChild(QTableView, "qt_calendar_calendarview")
        if self._view is not None:
            self._view.installEventFilter(self)
        self.clicked.connect(self._on_clicked)
        self.currentPageChanged.connect(self._on_page_changed)
        self._apply_look()

    # -- our API -------------------------------------------------------------------------

    def set_marked_days(self, days: Iterable[dt.date]) -> None:
        """Mark these days (replacing earlier marks)."""
        self._marked = set(days)
        self._apply_marks()

    def marked_days(self) -> set[dt.date]:
        return set(self._marked)

    def visible_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day on screen (what ``month_shown`` reports)."""
        return grid_range(self.yearShown(), self.monthShown(), self.firstDayOfWeek().value - 1)

    def show_day(self, day: dt.date) -> None:
        """Select ``day`` and turn to its month (emits ``month_shown`` if it changes)."""
        self.setSelectedDate(to_qdate(day))

    def show_today(self) -> None:
        self.show_day(self._today())

    def selected_day(self) -> dt.date:
        return _pydate(self.selectedDate())

    # -- Qt ------------------------------------------------------------------------------

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        super().paintCell(painter, rect, date)
        day = _pydate(date)
        selected = date == self.selectedDate()
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if day in self._marked:
            dot = QColor(palette.color(QPalette.ColorRole.HighlightedText) if selected else accent)
            if date.month() != self.monthShown():
                dot.setAlphaF(0.45)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(dot)
            radius = max(1.6, rect.height() / 16)
            center = QPointF(rect.center().x() + 0.5, rect.bottom() - radius * 2.2)
            painter.drawEllipse(center, radius, radius)
        if day == self._today() and not selected:
            pen = painter.pen()
            pen.setColor(accent)
            pen.setWidthF(1.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            side = min(rect.width(), rect.height()) - 4
            ring = QRect(0, 0, side, side)
            ring.moveCenter(rect.center())
            painter.drawRoundedRect(ring, 6, 6)
        painter.restore()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.date_chosen.emit(self.selected_day())
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: new accent
            self._apply_look()

    # -- reactions -----------------------------------------------------------------------

    def _on_clicked(self, date: QDate) -> None:
        self.date_chosen.emit(_pydate(date))

    def _on_page_changed(self, year: int, month: int) -> None:
        self.month_shown.emit(*self.visible_range())

    def _apply_look(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        for name, left in (("qt_calendar_prevmonth", True), ("qt_calendar_nextmonth", False)):
            button = self.findChild(QToolButton, name)
            if button is not None:
                button.setIcon(chevron_icon(text, left=left))
        # Weekends in the text colour: red Saturdays read as warnings in a journal.
        plain = QTextCharFormat()
        plain.setForeground(QBrush(palette.color(QPalette.ColorRole.Text)))
        for weekday in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(weekday, plain)
        header = QTextCharFormat()
        header.setForeground(QBrush(palette.color(QPalette.ColorRole.PlaceholderText)))
        header.setFontPointSize(max(self.font().pointSizeF() * 0.85, 7.0))
        self.setHeaderTextFormat(header)
        self._painted.clear()
        self.setDateTextFormat(QDate(), QTextCharFormat())  # drop every date's format
        self._apply_marks()

    def _apply_marks(self) -> None:
        blank = QTextCharFormat()
        for day in self._painted - self._marked:
            self.setDateTextFormat(to_qdate(day), blank)
        mark = QTextCharFormat()
        mark.setFontWeight(QFont.Weight.Bold)
        mark.setForeground(QBrush(self.palette().color(QPalette.ColorRole.Highlight)))
        for day in self._marked - self._painted:
            self.setDateTextFormat(to_qdate(day), mark)
        self._painted = set(self._marked)
        self.update()
