"""The formatting toolbar: the editor's format actions as small line icons.

The actions belong to the editor (``MarkdownEditor.format_actions``), so their shortcuts
work with the toolbar hidden (distraction-free mode); ``format_actions`` lists them for
a menu. Icons are drawn in code in the palette's text colour and redrawn when it changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QToolBar, QWidget

from journal_app.ui.theme import style_with

# Toolbar layout: groups separated by a line; "task_done" stays in menus only.
GROUPS = (
    ("bold", "italic", "heading"),
    ("bullet_list", "numbered_list", "task"),
    ("link", "code", "code_block", "quote"),
)
ICON_SIZE = 18


def _letter(char: str, *, italic: bool = False, serif: bool = False) -> Callable[[QPainter], None]:
    def draw(p: QPainter) -> None:
        font = QFont("DejaVu Serif" if serif else p.font().family())
        font.setPixelSize(17)
        font.setBold(not italic)
        font.setItalic(italic)
        p.setFont(font)
        p.drawText(QRectF(0, 0, 24, 24), Qt.AlignmentFlag.AlignCenter, char)

    return draw


def _dots_and_lines(p: QPainter) -> None:
    for y in (6.5, 12, 17.5):
        p.save()
        p.setBrush(p.pen().color())
        p.drawEllipse(QPointF(5, y), 1.3, 1.3)
        p.restore()
        p.drawLine(QPointF(9.5, y), QPointF(20.5, y))


def _numbers(p: QPainter) -> None:
    font = QFont(p.font())
    font.setPixelSize(7)
    font.setBold(True)
    p.setFont(font)
    for n, y in ((1, 6.5), (2, 12), (3, 17.5)):
        p.drawText(QRectF(1.5, y - 4.5, 6, 9), Qt.AlignmentFlag.AlignCenter, str(n))
        p.drawLine(QPointF(9.5, y), QPointF(20.5, y))


def _task(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(4, 4, 16, 16), 3, 3)
    p.drawPolyline([QPointF(8, 12.5), QPointF(11, 15.5), QPointF(16.5, 9)])


def _link(p: QPainter) -> None:
    p.save()
    p.translate(12, 12)
    p.rotate(-45)
    p.drawRoundedRect(QRectF(-9.5, -3.2, 9, 6.4), 3.2, 3.2)
    p.drawRoundedRect(QRectF(0.5, -3.2, 9, 6.4), 3.2, 3.2)
    p.drawLine(QPointF(-3, 0), QPointF(3, 0))
    p.restore()


def _code(p: QPainter) -> None:
    p.drawPolyline([QPointF(8.5, 7), QPointF(3.5, 12), QPointF(8.5, 17)])
    p.drawPolyline([QPointF(15.5, 7), QPointF(20.5, 12), QPointF(15.5, 17)])
    p.drawLine(QPointF(13.5, 5.5), QPointF(10.5, 18.5))


def _code_block(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 4, 18, 16), 2.5, 2.5)
    p.drawPolyline([QPointF(7.5, 9), QPointF(10, 11.5), QPointF(7.5, 14)])
    p.drawLine(QPointF(12, 15), QPointF(16.5, 15))


def _quote(p: QPainter) -> None:
    pen = QPen(p.pen())
    pen.setWidthF(2.6)
    p.save()
    p.setPen(pen)
    p.drawLine(QPointF(5, 5), QPointF(5, 19))
    p.restore()
    for y in (7, 12, 17):
        p.drawLine(QPointF(9.5, y), QPointF(20, y))


def _tick(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(4, 4, 16, 16), 3, 3)
    p.drawPolyline([QPointF(8, 12.5), QPointF(11, 15.5), QPointF(16.5, 9)])
    p.drawLine(QPointF(7, 7), QPointF(17, 17))


DRAWINGS: dict[str, Callable[[QPainter], None]] = {
    "bold": _letter("B"),
    "italic": _letter("I", italic=True, serif=True),
    "heading": _letter("H"),
    "bullet_list": _dots_and_lines,
    "numbered_list": _numbers,
    "task": _task,
    "task_done": _tick,
    "link": _link,
    "code": _code,
    "code_block": _code_block,
    "quote": _quote,
}


def format_icon(name: str, color: QColor, size: int = ICON_SIZE, ratio: float = 2.0) -> QIcon:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(size / 24, size / 24)
    pen = QPen(color, 1.7)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    DRAWINGS[name](painter)
    painter.end()
    return QIcon(pixmap)


class EditorToolbar(QToolBar):
    """Formatting buttons bound to ``editor`` (a ``MarkdownEditor``)."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__("Format", parent)
        self.setObjectName("editorToolbar")
        self._editor = editor
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        style_with(self, "QToolBar#editorToolbar { border: none; background: transparent; }")
        actions: dict[str, QAction] = editor.format_actions  # type: ignore[attr-defined]
        self._actions = actions
        for index, group in enumerate(GROUPS):
            if index:
                self.addSeparator()
            for name in group:
                self.addAction(actions[name])
        self._paint_icons()

    @property
    def format_actions(self) -> list[QAction]:
        """Every formatting action (for a Format menu), in toolbar order."""
        return list(self._actions.values())

    def format_action(self, name: str) -> QAction:
        return self._actions[name]

    def _paint_icons(self) -> None:
        # The application's palette (this toolbar's own lags behind a theme switch), unless
        # the toolbar was given a palette of its own.
        own = self.palette()
        palette = own if own.resolveMask() else QApplication.palette()
        color = palette.color(QPalette.ColorRole.ButtonText)
        for name, action in getattr(self, "_actions", {}).items():  # {} while constructing
            action.setIcon(format_icon(name, color))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A widget with a style sheet hears of a new theme as a style change.
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.StyleChange,
        ):
            self._paint_icons()
