"""Light and dark looks: the Fusion style with our own palettes.

``Theme.SYSTEM`` follows the desktop's colour scheme (``QStyleHints.colorScheme()``) and
re-applies when it changes; ``Theme.LIGHT``/``Theme.DARK`` force one look. The choice is
kept in the settings under ``appearance/theme``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import cast

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

SETTINGS_KEY = "appearance/theme"
_STYLE_PROPERTY = "journal_app_style"
STYLE = "fusion"  # the same look on every platform; our palettes and style sheet assume it
_MANAGER_NAME = "journalThemeManager"
ACCENT = "#5b57e8"
ACCENT_DARK = "#7d7af7"


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "&System", "light": "&Light", "dark": "&Dark"}[self.value]


def mark_style_applied(app: QApplication) -> None:
    """For an app created with ``-style fusion``: Qt made the style without Python wrapping
    it, which saves start-up the cost of QStyle's many enums."""
    app.setProperty(_STYLE_PROPERTY, STYLE)


def _palette(colors: dict[QPalette.ColorRole, str], disabled: dict[QPalette.ColorRole, str]):
    palette = QPalette()
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    for role, value in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(value))
    return palette


R = QPalette.ColorRole


def light_palette() -> QPalette:
    return _palette(
        {
            R.Window: "#f4f4f7",
            R.WindowText: "#1d1d22",
            R.Base: "#ffffff",
            R.AlternateBase: "#f6f6fa",
            R.ToolTipBase: "#ffffff",
            R.ToolTipText: "#1d1d22",
            R.PlaceholderText: "#6e6e79",  # muted text: 4.5:1 on Window (WCAG AA)
            R.Text: "#1d1d22",
            R.Button: "#f4f4f7",
            R.ButtonText: "#1d1d22",
            R.BrightText: "#ffffff",
            R.Light: "#ffffff",
            R.Midlight: "#e9e9ef",
            R.Mid: "#c9c9d2",
            R.Dark: "#a4a4ae",
            R.Shadow: "#6e6e78",
            R.Highlight: ACCENT,
            R.HighlightedText: "#ffffff",
            R.Link: "#3d39c9",
            R.LinkVisited: "#6b3dc9",
            R.Accent: ACCENT,
        },
        {  # disabled: dimmer than text, yet 3:1 so a greyed menu item stays readable
            R.WindowText: "#84848e",
            R.Text: "#84848e",
            R.ButtonText: "#84848e",
            R.Highlight: "#c9c9d2",
        },
    )


def dark_palette() -> QPalette:
    return _palette(
        {
            R.Window: "#1f1f24",
            R.WindowText: "#e7e7ec",
            R.Base: "#17171b",
            R.AlternateBase: "#23232a",
            R.ToolTipBase: "#2b2b33",
            R.ToolTipText: "#e7e7ec",
            R.PlaceholderText: "#8a8a95",
            R.Text: "#e7e7ec",
            R.Button: "#2a2a31",
            R.ButtonText: "#e7e7ec",
            R.BrightText: "#ffffff",
            R.Light: "#3a3a43",
            R.Midlight: "#303038",
            R.Mid: "#36363f",
            R.Dark: "#141417",
            R.Shadow: "#000000",
            R.Highlight: ACCENT_DARK,
            R.HighlightedText: "#111116",  # white on the light accent is only 3.5:1
            R.Link: "#a9a7ff",
            R.LinkVisited: "#c3a7ff",
            R.Accent: ACCENT_DARK,
        },
        {  # disabled: see light_palette
            R.WindowText: "#85858f",
            R.Text: "#85858f",
            R.ButtonText: "#85858f",
            R.Highlight: "#3a3a43",
        },
    )


# Fusion draws the outline of a check box or radio button in its Window colour,
# darker(140) then lighter(110) (qfusionstyle.cpp): about 1.1:1 against the dark window
# and 1.7:1 against the light one. The two classes get a palette whose Window gives this
# outline instead (3:1 or more against window and card backgrounds, WCAG 1.4.11); they
# paint no background, so Window is theirs only for that line.
INDICATOR_OUTLINE = {"light": "#84848e", "dark": "#8a8a95"}
INDICATOR_CLASSES = ("QCheckBox", "QRadioButton")


def indicator_palette(palette: QPalette, outline: str) -> QPalette:
    """``palette`` with the Window colour from which Fusion derives ``outline``."""
    target = QColor(outline)
    value = min(255, round(target.value() * 140 / 110))  # undoes darker(140), lighter(110)
    window = QColor.fromHsv(target.hsvHue(), target.hsvSaturation(), value)
    made = QPalette(palette)
    made.setColor(QPalette.ColorRole.Window, window)
    return made


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


# Style sheets are scoped to the few widgets that need them (the sidebar, placeholder
# pages): an application-wide sheet makes Qt re-polish every widget through
# QStyleSheetStyle, which tripled the Journal's start-up. Everything else is styled by
# the palette (see ``mute``). Palette references keep a sheet valid for both looks; the
# manager re-sets each one after a palette change.
SIDEBAR_SHEET = """
QListWidget#navigation {
    border: none;
    background: palette(alternate-base);
    padding: 6px 0px;
    outline: 0;
}
QListWidget#navigation::item {
    border-radius: 7px;
    margin: 1px 10px;
    padding: 7px 8px;
    color: palette(window-text);
}
QListWidget#navigation::item:hover:!selected {
    background: palette(midlight);
}
QListWidget#navigation::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
QFrame#sidebar {
    background: palette(alternate-base);
    border: none;
    border-right: 1px solid palette(mid);
}
QLabel#sidebarTitle { font-weight: 600; }
QLabel#sidebarVersion { color: palette(placeholder-text); }
"""
PAGE_SHEET = """
QLabel#pageTitle { font-weight: 600; }
QLabel#pageSubtitle { color: palette(placeholder-text); }
QFrame#card {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 10px;
}
QLabel#cardHeading { font-weight: 600; }
QLabel#muted { color: palette(placeholder-text); }
QScrollArea#pageScroll, QScrollArea#pageScroll > QWidget#qt_scrollarea_viewport {
    background: transparent;
}
QLabel#bullet { color: palette(highlight); }
QProgressBar {
    border: 1px solid palette(placeholder-text);
    border-radius: 3px;
    background: palette(base);
    color: palette(text);
    text-align: center;
}
QProgressBar::chunk { background: palette(highlight); border-radius: 2px; }
"""
# The Editor/Split/Preview switch: Fusion draws a checked tool button barely darker than
# the others (invisible in the dark theme), so the chosen one takes the accent.
VIEW_MODE_SHEET = """
QToolButton#viewMode {
    border: 1px solid palette(mid);
    background: palette(button);
    padding: 3px 10px;
}
QToolButton#viewMode:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border-color: palette(highlight);
}
"""
STYLE_SHEET = SIDEBAR_SHEET + PAGE_SHEET  # kept for widgets outside the window (dialogs)


def style_with(widget: QWidget, sheet: str) -> None:
    """A widget-level style sheet whose palette() references follow theme changes."""
    manager = ThemeManager.instance()
    if manager is not None:
        manager.attach_sheet(widget, sheet)
    else:
        widget.setStyleSheet(sheet)


def mute(widget: QWidget) -> None:
    """Secondary text: drawn in the palette's placeholder colour, in light and dark."""
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)


class ThemeManager(QObject):
    """Applies the chosen look to the whole application and follows the system's."""

    theme_applied = Signal(str)  # "light" or "dark": the look now on screen

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings: QSettings | None = None
        self._theme = Theme.SYSTEM
        hints = QGuiApplication.styleHints()
        self._system_scheme = hints.colorScheme()
        hints.colorSchemeChanged.connect(self._on_color_scheme_changed)
        self._applied: str | None = None
        self._sheets: dict[QWidget, str] = {}
        self.use_settings(settings)

    @classmethod
    def instance(cls) -> ThemeManager | None:
        """The application's manager if one exists (its settings left as they are)."""
        app = QApplication.instance()
        return app.findChild(ThemeManager, _MANAGER_NAME) if app is not None else None

    @classmethod
    def shared(cls, settings: QSettings | None = None) -> ThemeManager:
        """The application's one manager (the look is app-wide), reading ``settings``
        when given (without, a manager that exists keeps its own: a widget asking for the
        manager must not make the window forget where the choice is kept)."""
        app = QApplication.instance()
        manager = app.findChild(ThemeManager, _MANAGER_NAME) if app is not None else None
        if manager is None:
            manager = cls(settings, parent=app)
            manager.setObjectName(_MANAGER_NAME)
        elif settings is not None:
            manager.use_settings(settings)
        return manager

    def attach_sheet(self, widget: QWidget, sheet: str) -> None:
        """Give ``widget`` (and its children) ``sheet``, re-applied after theme changes."""
        widget.setStyleSheet(sheet)
        if widget not in self._sheets:
            widget.destroyed.connect(lambda _obj=None, w=widget: self._sheets.pop(w, None))
        self._sheets[widget] = sheet

    def use_settings(self, settings: QSettings | None) -> None:
        """Keep the choice in ``settings`` from now on, starting with the one stored there."""
        self._settings = settings
        stored = settings.value(SETTINGS_KEY, Theme.SYSTEM.value) if settings else None
        try:
            self._theme = Theme(str(stored))
        except ValueError:
            self._theme = Theme.SYSTEM

    @property
    def theme(self) -> Theme:
        return self._theme

    def effective(self) -> str:
        """'light' or 'dark': what the current choice means right now."""
        if self._theme is Theme.SYSTEM:
            return "dark" if self._system_scheme == Qt.ColorScheme.Dark else "light"
        return self._theme.value

    def set_theme(self, theme: Theme) -> None:
        self._theme = Theme(theme)
        if self._settings is not None:
            self._settings.setValue(SETTINGS_KEY, self._theme.value)
        self.apply()

    def apply(self) -> None:
        """Show the chosen look now (call once at start-up, then after each change)."""
        self._request_scheme()
        self._apply_palette()

    def _apply_palette(self) -> None:
        app = cast("QApplication | None", QApplication.instance())
        if app is None:
            return
        look = self.effective()
        # With a style sheet set, style() is a wrapper that hides the base style's name.
        if app.property(_STYLE_PROPERTY) != STYLE:
            app.setStyle("Fusion")
            app.setProperty(_STYLE_PROPERTY, STYLE)
        palette = dark_palette() if look == "dark" else light_palette()
        app.setPalette(palette)
        indicators = indicator_palette(palette, INDICATOR_OUTLINE[look])
        for name in INDICATOR_CLASSES:
            # The stubs type className as bytes; PySide6 takes (only) a str.
            app.setPalette(indicators, name)  # type: ignore[arg-type]
        for widget, sheet in list(self._sheets.items()):
            widget.setStyleSheet(sheet)  # re-resolves the palette() references
        self._applied = look
        self.theme_applied.emit(look)

    def _request_scheme(self) -> None:
        """Tell Qt (title bars, native dialogs) which scheme we show, where supported."""
        hints = QGuiApplication.styleHints()
        if not hasattr(hints, "setColorScheme"):
            return
        if self._theme is Theme.SYSTEM:
            hints.unsetColorScheme()
            current = hints.colorScheme()
            if current != Qt.ColorScheme.Unknown:
                self._system_scheme = current
        else:
            wanted = Qt.ColorScheme.Dark if self._theme is Theme.DARK else Qt.ColorScheme.Light
            hints.setColorScheme(wanted)

    def _on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        self._system_scheme = scheme
        if self._theme is Theme.SYSTEM and self.effective() != self._applied:
            self._apply_palette()
