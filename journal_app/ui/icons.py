"""The app icon (from resources/) and small line icons drawn in code for the navigation.

Navigation icons are drawn in the palette's text colours, so they follow light and dark
looks; call ``nav_icon`` again after a theme change.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

from journal_app.resources_path import resource_path

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The application icon: PNG renders for crisp small sizes, else the SVG (made once:
    the application, the window and the sidebar all ask for it at start-up)."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        png = resource_path("icons", "hicolor", f"{size}x{size}", "journal-app.png")
        if png.is_file():
            icon.addFile(str(png))
    svg = resource_path("icons", "journal-app.svg")
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon


# Each painter draws on a 24 x 24 grid with the pen already set.
def _journal(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(5, 3, 14, 18), 2.5, 2.5)
    p.drawLine(QPointF(8.5, 3), QPointF(8.5, 21))
    p.drawLine(QPointF(11.5, 8.5), QPointF(16, 8.5))
    p.drawLine(QPointF(11.5, 12), QPointF(16, 12))


def _today(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3.5, 5, 17, 15.5), 2.5, 2.5)
    p.drawLine(QPointF(3.5, 9.5), QPointF(20.5, 9.5))
    p.drawLine(QPointF(8, 3), QPointF(8, 6.5))
    p.drawLine(QPointF(16, 3), QPointF(16, 6.5))
    brush = p.pen().color()
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(brush)
    p.drawRoundedRect(QRectF(13.5, 13, 4, 4), 1, 1)
    p.restore()


def _sprints(p: QPainter) -> None:
    p.drawLine(QPointF(5.5, 3.5), QPointF(5.5, 21))
    flag = QPainterPath(QPointF(5.5, 4.5))
    flag.cubicTo(QPointF(9, 2.5), QPointF(12, 6.5), QPointF(15.5, 4.5))
    flag.cubicTo(QPointF(17, 3.8), QPointF(18.5, 3.8), QPointF(19, 4))
    flag.lineTo(QPointF(19, 13))
    flag.cubicTo(QPointF(15.5, 12), QPointF(12.5, 15.5), QPointF(9, 13.5))
    flag.cubicTo(QPointF(7.5, 12.8), QPointF(6.5, 12.8), QPointF(5.5, 13.2))
    p.drawPath(flag)


def _dashboard(p: QPainter) -> None:
    p.drawLine(QPointF(3.5, 20.5), QPointF(20.5, 20.5))
    p.drawRoundedRect(QRectF(5.5, 13, 3, 5), 1, 1)
    p.drawRoundedRect(QRectF(10.5, 9, 3, 9), 1, 1)
    p.drawRoundedRect(QRectF(15.5, 4, 3, 14), 1, 1)


def _resources(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3.5, 5, 4.5, 15.5), 1.2, 1.2)
    p.drawRoundedRect(QRectF(9, 3, 4.5, 17.5), 1.2, 1.2)
    p.drawLine(QPointF(3.5, 8.5), QPointF(8, 8.5))
    p.drawLine(QPointF(9, 7), QPointF(13.5, 7))
    p.save()
    p.translate(17.2, 20.5)
    p.rotate(-16)
    p.drawRoundedRect(QRectF(-1.2, -15.2, 4.5, 15.2), 1.2, 1.2)
    p.restore()


NAV_DRAWINGS: dict[str, Callable[[QPainter], None]] = {
    "journal": _journal,
    "today": _today,
    "sprints": _sprints,
    "dashboard": _dashboard,
    "resources": _resources,
}


def _draw(name: str, color: QColor, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 24, size / 24)
    pen = QPen(color, 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    NAV_DRAWINGS[name](painter)
    painter.end()
    return pixmap


def nav_icon(name: str, palette: QPalette, size: int = 20, ratio: float = 2.0) -> QIcon:
    """A line icon in the palette's text colour, white-ish when the row is selected."""
    icon = QIcon()
    normal = palette.color(QPalette.ColorRole.WindowText)
    selected = palette.color(QPalette.ColorRole.HighlightedText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    icon.addPixmap(_draw(name, normal, size, ratio), QIcon.Mode.Normal)
    icon.addPixmap(_draw(name, normal, size, ratio), QIcon.Mode.Active)
    icon.addPixmap(_draw(name, selected, size, ratio), QIcon.Mode.Selected)
    icon.addPixmap(_draw(name, disabled, size, ratio), QIcon.Mode.Disabled)
    return icon


def tinted(icon: QIcon, color: QColor, size: int = 16, ratio: float = 2.0) -> QIcon:
    """``icon`` redrawn in one ``color``: the style's black media icons vanish on a dark
    theme; drawn in the palette's text colour they follow it."""
    source = icon.pixmap(round(size * ratio))
    pixmap = QPixmap(source.size())
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.drawPixmap(0, 0, source)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), color)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)
