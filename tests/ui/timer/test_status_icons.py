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

    def text_lightness() -> int:  # the palette reaches the widget a moment after the switch
        return widget.palette().color(QPalette.ColorRole.WindowText).lightness()

    window.theme.set_theme(Theme.LIGHT)
    qtbot.waitUntil(lambda: text_lightness() < 100 and _ink_lightness(widget) < 100)
    window.theme.set_theme(Theme.DARK)  # light ink on a dark bar
    qtbot.waitUntil(lambda: text_lightness() > 150 and _ink_lightness(widget) > 150)
