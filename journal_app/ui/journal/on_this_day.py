"""OnThisDayPanel: what you wrote a week, a month and a year ago, one click away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractButton, QLabel, QSizePolicy, QVBoxLayout, QWidget

from journal_app.ui.theme import mute, style_with
from journal_app.ui.widgets.labels import UNTITLED, day_label, series_badge

if TYPE_CHECKING:
    from journal_app.services.entries import EntrySummary, Recall

EMPTY_TEXT = (
    "Nothing from a week, a month or a year ago. "
    "What you write today will come back here next week."
)


class EntryLink(QAbstractButton):
    """An entry's title as a link: elided to fit, underlined on hover, focusable."""

    def __init__(self, summary: EntrySummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_id = summary.id
        self.untitled = not summary.title
        self.setText(summary.title or UNTITLED)
        self.detail = series_badge(summary.title, summary.series, summary.number)
        self.setToolTip(" · ".join(p for p in (summary.title or UNTITLED, self.detail) if p))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setItalic(self.untitled)
        font.setUnderline(self.underMouse())
        return font

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        width = metrics.horizontalAdvance(self.text()) + 26
        if self.detail:
            width += metrics.horizontalAdvance(self.detail) + 10
        return QSize(min(width, 360), metrics.height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, QFontMetrics(self.font()).height() + 8)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.HoverEnter, QEvent.Type.HoverLeave):
            self.update()
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if self.hasFocus():
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(self.rect().adjusted(12, 0, -1, -1), 4, 4)
        area = self.rect().adjusted(14, 0, 0, 0)  # a little indent under the day label
        center = Qt.AlignmentFlag.AlignVCenter
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        dot_rect = QRect(0, 0, 12, self.height())
        painter.drawText(dot_rect, center | Qt.AlignmentFlag.AlignLeft, "•")
        if self.detail:
            metrics = QFontMetrics(self.font())
            detail = metrics.elidedText(
                self.detail, Qt.TextElideMode.ElideMiddle, area.width() // 3
            )
            painter.drawText(area, center | Qt.AlignmentFlag.AlignRight, detail)
            area.setRight(area.right() - metrics.horizontalAdvance(detail) - 10)
        area.adjust(4, 0, -4, 0)  # inside the focus ring
        font = self._title_font()
        painter.setFont(font)
        painter.setPen(muted if self.untitled else palette.color(QPalette.ColorRole.Link))
        title = QFontMetrics(font).elidedText(
            self.text(), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(area, center, title)


class OnThisDayPanel(QWidget):
    """Recalls as "1 week ago · Wed 18 Nov 2026" with the titles of that day below."""

    entry_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onThisDay")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("muted")
        mute(self.empty_label)
        self.empty_label.setWordWrap(True)
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)  # keep the lines together at the top
        self._content: list[QWidget] = []
        style_with(
            self, "QLabel#recallHeading { color: palette(placeholder-text); font-weight: 600; }"
        )

    def set_recalls(self, recalls: list[Recall]) -> None:
        for widget in self._content:
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self._content = []
        shown = [r for r in recalls if r.entries]
        for number, recall in enumerate(shown):
            heading = QLabel(f"{recall.label} · {day_label(recall.day)}")
            heading.setObjectName("recallHeading")
            font = heading.font()
            font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
            heading.setFont(font)
            if number:
                heading.setContentsMargins(0, 8, 0, 0)
            self._add(heading)
            for summary in recall.entries:
                link = EntryLink(summary)
                link.clicked.connect(lambda _=False, i=summary.id: self.entry_activated.emit(i))
                self._add(link)
        self.empty_label.setVisible(not shown)

    def links(self) -> list[EntryLink]:
        """The entry links, top to bottom."""
        return [w for w in self._content if isinstance(w, EntryLink)]

    def headings(self) -> list[str]:
        return [w.text() for w in self._content if isinstance(w, QLabel)]

    def _add(self, widget: QWidget) -> None:
        self._layout.insertWidget(self._layout.count() - 1, widget)
        self._content.append(widget)
