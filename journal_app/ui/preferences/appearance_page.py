"""Preferences ▸ Appearance: the theme (the ThemeManager's choice, per machine)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from journal_app.ui.preferences.registry import PreferencesContext
from journal_app.ui.theme import Theme, ThemeManager


class AppearancePage(QWidget):
    def __init__(self, theme: ThemeManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.theme_box = QComboBox()
        for choice in Theme:
            self.theme_box.addItem(choice.label.replace("&", ""), choice.value)
        self.theme_box.setAccessibleName("Theme")
        self.theme_box.setAccessibleDescription("Light, dark, or as the system says")
        self._show(theme.theme)
        form = QFormLayout(self)
        form.addRow("&Theme:", self.theme_box)
        self.theme_box.currentIndexChanged.connect(self._on_chosen)
        theme.theme_applied.connect(self._on_theme_applied)  # a method: let go with the page

    def _on_theme_applied(self, _look: str) -> None:
        self._show(self._theme.theme)

    def _show(self, theme: Theme) -> None:
        self.theme_box.blockSignals(True)
        self.theme_box.setCurrentIndex(self.theme_box.findData(theme.value))
        self.theme_box.blockSignals(False)

    def _on_chosen(self, _index: int) -> None:
        self._theme.set_theme(Theme(self.theme_box.currentData()))


def make_page(context: PreferencesContext) -> QWidget:
    return AppearancePage(context.theme)
