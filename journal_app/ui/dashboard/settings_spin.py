"""A spin box for one tracking setting in hours: reports a finished value (Enter, focus
out, arrows), never one per typed digit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QWidget


class HoursSpin(QDoubleSpinBox):
    hours_changed = Signal(float)

    def __init__(
        self, low: float, high: float, step: float, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setRange(low, high)
        self.setSingleStep(step)
        self.setDecimals(2)
        self.setSuffix(" h")
        self.setKeyboardTracking(False)
        self.setAccessibleName(name)
        self.valueChanged.connect(self._on_value_changed)

    def show_hours(self, hours: float) -> None:
        """Show a stored value without reporting it as a change."""
        self.blockSignals(True)
        self.setValue(hours)
        self.blockSignals(False)

    def _on_value_changed(self, value: float) -> None:
        self.hours_changed.emit(float(value))
