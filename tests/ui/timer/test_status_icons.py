"""The timer's buttons draw their icons in the text colour, so they show on dark too."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from journal_app.ui.theme import Theme
from journal_app.ui.timer.status_widget import TimerStatusWidget


def _ink_lightness(widget: TimerStatusWidget) -> int:
    image = widget.start_button.icon().pixmap(32).toImage()
    inked = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert inked  # the icon draws something
    return max(color.lightness() for color in inked)


def test_the_start_icon_follows_the_theme(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(lambda: window.focus_timer is not None)
    widget = window.focus_timer.widget
    assert isinstance(widget, TimerStatusWidget)
    window.theme.set_theme(Theme.LIGHT)
    assert _ink_lightness(widget) < 100  # dark ink on a light bar
    window.theme.set_theme(Theme.DARK)
    qtbot.waitUntil(lambda: widget.palette().color(QPalette.ColorRole.WindowText).lightness() > 150)
    assert _ink_lightness(widget) > 150
