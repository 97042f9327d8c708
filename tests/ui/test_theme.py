"""View > Theme: forced light/dark, following the system, remembered across runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from journal_app.ui.theme import Theme


def window_lightness() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def pretend_system_scheme(scheme: Qt.ColorScheme) -> None:
    """Switch the desktop's scheme; offscreen Qt ignores setColorScheme, so say it."""
    hints = QApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    if hints.colorScheme() != scheme:
        hints.colorSchemeChanged.emit(scheme)


def test_dark_makes_the_window_dark_and_light_makes_it_light(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.theme.theme_applied) as blocker:
        window.theme_actions[Theme.DARK].trigger()
    assert blocker.args == ["dark"]
    assert window_lightness() < 80
    # Widgets take the new application palette from a posted event.
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 80)
    sheet = QApplication.instance().styleSheet()
    QApplication.instance().setStyleSheet("")  # unwrap the style sheet's proxy style
    assert QApplication.style().name().lower() == "fusion"
    QApplication.instance().setStyleSheet(sheet)
    window.theme_actions[Theme.LIGHT].trigger()
    assert window_lightness() > 200


def test_dark_text_stays_readable(qtbot, make_window):
    window = make_window()
    window.theme_actions[Theme.DARK].trigger()
    palette = QApplication.palette()
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    assert text - window_lightness() > 150


def test_theme_choice_is_remembered(make_window, settings_path):
    window = make_window()
    window.theme_actions[Theme.DARK].trigger()
    window.close()
    again = make_window(settings_override=QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert again.theme.theme is Theme.DARK
    assert again.theme_actions[Theme.DARK].isChecked()
    assert not again.theme_actions[Theme.SYSTEM].isChecked()
    assert window_lightness() < 80


def test_theme_chosen_once_the_editor_is_built_is_remembered(qtbot, make_window, settings_path):
    """The editor (built after the first paint) asks for the shared manager: that must not
    make the window forget where the choice is kept."""
    window = make_window()
    window.journal_page.editor_pane  # noqa: B018 - built, as after the first paint
    window.theme_actions[Theme.DARK].trigger()
    window.close()
    again = make_window(settings_override=QSettings(str(settings_path), QSettings.Format.IniFormat))
    assert again.theme.theme is Theme.DARK


def test_system_theme_follows_the_desktop(qtbot, make_window):
    window = make_window()
    window.theme_actions[Theme.SYSTEM].trigger()
    pretend_system_scheme(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: window_lightness() < 80)
    pretend_system_scheme(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: window_lightness() > 200)


def test_forced_theme_ignores_the_desktop(qtbot, make_window):
    window = make_window()
    window.theme_actions[Theme.LIGHT].trigger()
    pretend_system_scheme(Qt.ColorScheme.Dark)
    QApplication.processEvents()
    assert window_lightness() > 200


def test_nav_icons_are_redrawn_for_the_dark_look(qtbot, make_window):
    window = make_window()
    window.theme_actions[Theme.LIGHT].trigger()
    light_icon = window.nav.item(1).icon().pixmap(20, 20).toImage()
    window.theme_actions[Theme.DARK].trigger()
    dark_icon = window.nav.item(1).icon().pixmap(20, 20).toImage()

    def ink(image) -> int:  # the lightness of the most opaque pixel: the line colour
        best = max(
            (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())),
            key=lambda c: c.alpha(),
        )
        return best.lightness()

    assert ink(light_icon) < 100
    assert ink(dark_icon) > 150
