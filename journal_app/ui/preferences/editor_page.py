"""Preferences ▸ Editor: the entry editor's font, size and text column (per machine)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDoubleSpinBox, QFontComboBox, QFormLayout, QSpinBox, QWidget

from journal_app.ui.editor_look import SIZE_RANGE, WIDTH_RANGE, EditorLook, EditorLookSettings
from journal_app.ui.preferences.registry import PreferencesContext


class EditorPage(QWidget):
    def __init__(self, looks: EditorLookSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._looks = looks
        look = looks.look()
        self.family_box = QFontComboBox()
        self.family_box.setCurrentFont(QFont(look.family) if look.family else QFont())
        self.family_box.setAccessibleName("Editor font")
        self.family_box.setAccessibleDescription("The font of the entry text")
        self.size_spin = QDoubleSpinBox()
        self.size_spin.setRange(SIZE_RANGE[0] - 0.5, SIZE_RANGE[1])  # the lowest step: default
        self.size_spin.setSingleStep(0.5)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(" pt")
        self.size_spin.setSpecialValueText("Default")
        self.size_spin.setKeyboardTracking(False)  # typed digits apply once the number is whole
        self.size_spin.setValue(look.size or self.size_spin.minimum())
        self.size_spin.setAccessibleName("Editor font size")
        self.width_spin = QSpinBox()
        self.width_spin.setRange(*WIDTH_RANGE)
        self.width_spin.setSuffix(" characters")
        self.width_spin.setSpecialValueText("The full width")
        self.width_spin.setKeyboardTracking(False)
        self.width_spin.setValue(look.line_width)
        self.width_spin.setAccessibleName("Line width")
        self.width_spin.setAccessibleDescription(
            "The widest text column in average characters; 0 uses the full width"
        )
        form = QFormLayout(self)
        form.addRow("&Font:", self.family_box)
        form.addRow("&Size:", self.size_spin)
        form.addRow("&Line width:", self.width_spin)
        self.family_box.currentFontChanged.connect(self._apply)
        self.size_spin.valueChanged.connect(self._apply)
        self.width_spin.valueChanged.connect(self._apply)

    def look(self) -> EditorLook:
        size = self.size_spin.value()
        return EditorLook(
            self.family_box.currentFont().family(),
            0.0 if size < SIZE_RANGE[0] else size,
            self.width_spin.value(),
        )

    def _apply(self, *_args: object) -> None:
        self._looks.set_look(self.look())


def make_page(context: PreferencesContext) -> QWidget:
    return EditorPage(context.editor_settings)
