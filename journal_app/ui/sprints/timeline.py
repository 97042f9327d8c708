"""The timeline: every sprint as a bar across the months on a row of its own (a Gantt
chart: the rows fill the tab, each bar's name, dates and state beside it), a line at
today, overlapping sprints outlined in red. Drag a bar's left or right edge to move
its start or end (whole days; the planner checks the 1–8 week rule when you let go);
click a bar to open that sprint's board.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services.planning import PlanningService
from journal_app.services.planning.data import TimelineBar
from journal_app.ui.sprints.format import date_range

HEADER = 44  # month and year labels
ROW = 32  # one sprint's row
BAR = 22
GAP = 8  # between a bar and the text beside it
EDGE = 6  # pixels of a bar's end that grab it for resizing
ZOOMS = (2, 3, 4, 6, 8, 12, 16, 24)  # pixels per day
DEFAULT_ZOOM = 6
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
OVERLAP = QColor("#d9534f")
TODAY = QColor("#e0563b")


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


class TimelineCanvas(QWidget):
    """The drawing: one pixel column per `day_px` of a day from `origin`."""

    bar_clicked = Signal(int)
    edge_dropped = Signal(int, str, object)  # sprint id, "start"/"end", the new date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.bars: list[TimelineBar] = []
        self.origin = dt.date.today()
        self.last = self.origin
        self.today = self.origin
        self.day_px = DEFAULT_ZOOM
        self.current: int | None = None
        self._lanes = 1
        self._min_height = 0  # the visible height: the rows' grid fills the tab
        self._press: tuple[int, str, QPoint] | None = None  # id, "start"/"end"/"move", at
        self._preview: tuple[int, dt.date, dt.date] | None = None  # id, start, end
        self.setAccessibleName("Sprint timeline")
        self.setAccessibleDescription(
            "Left and Right choose a sprint, Enter opens its board; Shift+Left and "
            "Shift+Right move its end a day, Ctrl+Left and Ctrl+Right its start"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- geometry ---------------------------------------------------------------------------

    def set_bars(self, bars: list[TimelineBar], today: dt.date) -> None:
        self.bars = bars
        self.today = today
        first = min([b.start for b in bars] + [today])
        last = max([b.end for b in bars] + [today])
        self.origin = _month_start(first - dt.timedelta(days=7))
        self.last = _next_month(_next_month(last)) - dt.timedelta(days=1)
        self._lanes = max([b.lane for b in bars] + [0]) + 1
        self._resize()
        self.update()

    def set_zoom(self, day_px: int) -> None:
        self.day_px = day_px
        self._resize()
        self.update()

    def set_min_height(self, height: int) -> None:
        self._min_height = height
        self._resize()

    def _resize(self) -> None:
        days = (self.last - self.origin).days + 1
        rows = HEADER + self._lanes * ROW + 12
        self.setFixedSize(days * self.day_px, max(rows, self._min_height))

    def x_of(self, day: dt.date) -> int:
        return (day - self.origin).days * self.day_px

    def day_at(self, x: float) -> dt.date:
        """The day whose column holds `x` (rounded to the nearest day boundary for edges)."""
        return self.origin + dt.timedelta(days=round(x / self.day_px))

    def bar_rect(self, sprint_id: int) -> QRect:
        bar = next(b for b in self.bars if b.id == sprint_id)
        return self._rect(bar.lane, bar.start, bar.end)

    def _rect(self, lane: int, start: dt.date, end: dt.date) -> QRect:
        x = self.x_of(start)
        width = max(self.x_of(end + dt.timedelta(days=1)) - x, 2)
        return QRect(x, HEADER + lane * ROW + (ROW - BAR) // 2, width, BAR)

    def hit(self, pos: QPoint) -> tuple[TimelineBar, str] | None:
        """The bar under `pos` and which part: "start"/"end" edge or "body"."""
        for bar in self.bars:
            rect = self._rect(bar.lane, bar.start, bar.end)
            grab = rect.adjusted(-EDGE // 2, 0, EDGE // 2, 0)
            if not grab.contains(pos):
                continue
            edge = min(EDGE, max(rect.width() // 3, 2))
            if pos.x() <= rect.left() + edge:
                return bar, "start"
            if pos.x() >= rect.right() - edge:
                return bar, "end"
            return bar, "body"
        return None

    def sizeHint(self) -> QSize:
        return self.size()

    # -- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """What the mouse does on a bar, with keys: choose it, open it, move an edge."""
        key = event.key()
        mods = event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        bar = next((b for b in self.bars if b.id == self.current), None)
        if step is not None and (shift or ctrl) and bar is not None:
            if ctrl:  # the start, never past the end
                start = min(bar.start + dt.timedelta(days=step), bar.end)
                if start != bar.start:
                    self.edge_dropped.emit(bar.id, "start", start)
            else:  # the end, never before the start
                end = max(bar.end + dt.timedelta(days=step), bar.start)
                if end != bar.end:
                    self.edge_dropped.emit(bar.id, "end", end)
        elif step is not None and self.bars:
            ordered = sorted(self.bars, key=lambda b: (b.start, b.lane))
            at = ordered.index(bar) if bar is not None else (-1 if step > 0 else len(ordered))
            chosen = ordered[max(0, min(len(ordered) - 1, at + step))]
            self.current = chosen.id
            self.setToolTip(self._tip(chosen))
            self.setAccessibleDescription(self._tip(chosen))
            self.update()
            viewport = self.parentWidget()  # inside a scroll area: bring the bar into view
            area = viewport.parentWidget() if viewport is not None else None
            if isinstance(area, QScrollArea):
                rect = self.bar_rect(chosen.id)
                area.ensureVisible(rect.center().x(), rect.center().y(), 200, 20)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and bar is not None:
            self.bar_clicked.emit(bar.id)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- mouse ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or found is None:
            super().mousePressEvent(event)
            return
        bar, part = found
        self._press = (bar.id, part, event.position().toPoint())
        self._preview = None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._press is None:
            found = self.hit(pos)
            shape = Qt.CursorShape.ArrowCursor
            if found is not None:
                bar, part = found
                shape = (
                    Qt.CursorShape.SizeHorCursor
                    if part in ("start", "end")
                    else Qt.CursorShape.PointingHandCursor
                )
                self.setToolTip(self._tip(bar))
            else:
                self.setToolTip("")
            self.setCursor(shape)
            return
        sprint_id, part, _ = self._press
        if part == "body":
            return
        bar = next(b for b in self.bars if b.id == sprint_id)
        start, end = bar.start, bar.end
        if part == "start":
            start = min(self.day_at(pos.x()), end)
        else:
            end = max(self.day_at(pos.x()) - dt.timedelta(days=1), start)
        self._preview = (sprint_id, start, end)
        self.setToolTip(f"{bar.name}: {date_range(start, end)} ({(end - start).days + 1} days)")
        self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        sprint_id, part, at = self._press
        preview = self._preview
        self._press = None
        self._preview = None
        self.update()
        if part == "body":
            if (event.position().toPoint() - at).manhattanLength() < 6:
                self.bar_clicked.emit(sprint_id)
            return
        if preview is None:
            return
        bar = next(b for b in self.bars if b.id == sprint_id)
        _, start, end = preview
        if part == "start" and start != bar.start:
            self.edge_dropped.emit(sprint_id, "start", start)
        elif part == "end" and end != bar.end:
            self.edge_dropped.emit(sprint_id, "end", end)

    @staticmethod
    def _tip(bar: TimelineBar) -> str:
        days = (bar.end - bar.start).days + 1
        tip = f"{bar.name}: {date_range(bar.start, bar.end)} ({days} days, {bar.status})"
        if bar.overlaps:
            tip += (
                f"\nOverlaps {len(bar.overlaps)} other sprint{'s' if len(bar.overlaps) > 1 else ''}"
            )
        return tip + "\nClick to open; drag an end to change its date"

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        area = event.rect()
        first = self.day_at(area.left() - self.day_px)
        last = self.day_at(area.right() + self.day_px)
        months = self._months(first, last)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
        for _month, x, _ in months:
            painter.drawLine(x, 0, x, self.height())
        metrics = QFontMetrics(self.font())
        preview = self._preview
        for bar in self.bars:
            start, end = bar.start, bar.end
            if preview is not None and preview[0] == bar.id:
                start, end = preview[1], preview[2]
            if start > last:  # (one ending before `first` may have its text in view)
                continue
            self._paint_bar(painter, palette, metrics, bar, self._rect(bar.lane, start, end))
        x = self.x_of(self.today) + self.day_px // 2
        painter.setPen(QPen(TODAY, 2))
        painter.drawLine(x, HEADER - 6, x, self.height())
        # The months and "Today" stay at the top of the view while the rows scroll.
        top = self.visibleRegion().boundingRect().top()
        painter.fillRect(
            QRect(area.left(), top, area.width(), HEADER - 8),
            palette.color(self.backgroundRole()),
        )
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        for month, x, width in months:
            label = _MONTHS[month.month - 1]
            if width > 64 or month.month == 1:
                label += f" {month.year}"
            if width > 26:
                painter.drawText(
                    QRect(x + 4, top + 4, width - 6, 18), Qt.AlignmentFlag.AlignLeft, label
                )
        x = self.x_of(self.today) + self.day_px // 2
        painter.setPen(QPen(TODAY, 2))
        painter.drawText(
            QRect(x + 4, top + HEADER - 24, 60, 14), Qt.AlignmentFlag.AlignLeft, "Today"
        )
        painter.end()

    def _months(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, int, int]]:
        """(first day, x, width) of each month from `first` to `last`."""
        found = []
        month = _month_start(max(first, self.origin))
        while month <= last:
            x = self.x_of(month)
            found.append((month, x, self.x_of(_next_month(month)) - x))
            month = _next_month(month)
        return found

    def _paint_bar(self, painter, palette, metrics, bar: TimelineBar, rect: QRect) -> None:
        accent = palette.color(QPalette.ColorRole.Highlight)
        if bar.status == "closed":
            fill = palette.color(QPalette.ColorRole.Mid)
        elif bar.status == "active":
            fill = accent
        else:
            fill = QColor(accent)
            fill.setAlpha(110)
        current = bar.id == self.current
        pen = QPen(OVERLAP, 2) if bar.overlaps else QPen(fill.darker(130), 1)
        if current:
            pen = QPen(palette.color(QPalette.ColorRole.Text), 2)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        inside, beside = self.labels(bar, rect.width() - 10, metrics)
        if inside:
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(
                rect.adjusted(6, 0, -4, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                inside,
            )
        painter.setPen(OVERLAP if bar.overlaps else palette.color(QPalette.ColorRole.Text))
        after = QRect(rect.right() + GAP, rect.top(), max(self.width() - rect.right(), 0), BAR)
        painter.drawText(after, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, beside)

    def labels(self, bar: TimelineBar, room: int, metrics: QFontMetrics) -> tuple[str, str]:
        """(in the bar, beside it): the name goes in the bar when it fits, else beside
        it; the dates, the state and any overlap always follow the bar."""
        days = (bar.end - bar.start).days + 1
        details = f"{date_range(bar.start, bar.end)} · {days} days · {bar.status}"
        if bar.overlaps:
            count = len(bar.overlaps)
            details += f" · ⚠ overlaps {count} other sprint{'s' if count > 1 else ''}"
        if metrics.horizontalAdvance(bar.name) <= room:
            return bar.name, details
        return "", f"{bar.name} · {details}"


class TimelineView(QWidget):
    """The canvas in a horizontal scroll area, with zoom buttons and a message line."""

    sprint_clicked = Signal(int)
    changed = Signal(int)  # a sprint's dates were changed here
    message = Signal(str)

    def __init__(self, planner: PlanningService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.canvas = TimelineCanvas()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setAccessibleName("Months")
        self.scroll_area.setAccessibleDescription("Left and Right scroll through the months")
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        for button, tip, name in (
            (self.zoom_out, "Show more months", "Zoom out"),
            (self.zoom_in, "Show fewer", "Zoom in"),
        ):
            button.setFixedWidth(32)
            button.setToolTip(tip)
            button.setAccessibleName(name)  # not "minus" and "plus"
            button.setAccessibleDescription(tip)
        self.zoom_out.clicked.connect(lambda: self.zoom(-1))
        self.zoom_in.clicked.connect(lambda: self.zoom(1))
        self.overlaps = QLabel()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("boardNotice")
        self.notice.hide()
        tools = QHBoxLayout()
        tools.addWidget(QLabel("Zoom"))
        tools.addWidget(self.zoom_out)
        tools.addWidget(self.zoom_in)
        tools.addSpacing(12)
        tools.addWidget(self.overlaps, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(tools)
        box.addWidget(self.notice)
        box.addWidget(self.scroll_area, 1)
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _v: self.canvas.update())
        self.canvas.bar_clicked.connect(self.sprint_clicked)
        self.canvas.edge_dropped.connect(self._on_edge_dropped)
        self.reload()
        self.scroll_to(self.canvas.today)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        bar = self.scroll_area.horizontalScrollBar()
        self.canvas.set_min_height(self.scroll_area.viewport().height() - bar.height() // 4)

    def reload(self) -> None:
        bars = self._planner.timeline()
        self.canvas.set_bars(bars, self._planner.today())
        flagged = sum(1 for b in bars if b.overlaps)
        self.overlaps.setText(
            f"{flagged} sprints overlap another (outlined in red)" if flagged else ""
        )

    def set_current(self, sprint_id: int | None) -> None:
        self.canvas.current = sprint_id
        self.canvas.update()
        bar = next((b for b in self.canvas.bars if b.id == sprint_id), None)
        if bar is not None:
            # the bar and the text beside it, below the months' header
            rect = self.canvas.bar_rect(bar.id)
            metrics = QFontMetrics(self.canvas.font())
            text = metrics.horizontalAdvance(self.canvas.labels(bar, rect.width() - 10, metrics)[1])
            right = min(rect.right() + GAP + text, self.canvas.width())
            width = self.scroll_area.viewport().width()
            scroll = self.scroll_area.horizontalScrollBar()
            if rect.left() < scroll.value() or right > scroll.value() + width:
                scroll.setValue(max(0, min(rect.left() - 40, right - width + 20)))
            self.scroll_area.ensureVisible(rect.center().x(), rect.center().y(), 0, HEADER + ROW)

    def scroll_to(self, day: dt.date) -> None:
        x = self.canvas.x_of(day)
        bar = self.scroll_area.horizontalScrollBar()
        bar.setValue(max(0, x - self.scroll_area.viewport().width() * 2 // 3))

    def zoom(self, step: int) -> None:
        index = ZOOMS.index(self.canvas.day_px) if self.canvas.day_px in ZOOMS else 3
        index = min(max(index + step, 0), len(ZOOMS) - 1)
        middle = self.canvas.day_at(
            self.scroll_area.horizontalScrollBar().value() + self.scroll_area.viewport().width() / 2
        )
        self.canvas.set_zoom(ZOOMS[index])
        bar = self.scroll_area.horizontalScrollBar()
        bar.setValue(max(0, self.canvas.x_of(middle) - self.scroll_area.viewport().width() // 2))

    def _on_edge_dropped(self, sprint_id: int, edge: str, day: dt.date) -> None:
        try:
            self._planner.update_sprint(sprint_id, **{edge: day})
        except InvalidInput as exc:
            self.notice.setText(str(exc))
            self.notice.show()
            self.message.emit(str(exc))
            self.canvas.update()  # the bar springs back to its stored dates
            return
        self.notice.hide()
        self.reload()
        self.changed.emit(sprint_id)
