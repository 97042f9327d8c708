"""Tracking settings: daily and weekly targets, the streak threshold, the sleep target,
the idle limit, the Pomodoro lengths and the default target of a new skill. They live in
the journal (they travel with the data), through ``services.tracking_settings``.

    dialog = TrackingSettingsDialog(services, parent=window)
    dialog.saved.connect(use)   # the TrackingSettings now stored
    dialog.open()

Save checks every field and writes them together; a refused value shows as one line in
the dialog (its field marked and focused), which stays open: nothing is saved wrong.
The caller emits ``events.tracking_changed`` after a save.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.settings import TrackingSettings
from journal_app.ui.theme import mute
from journal_app.ui.widgets.form import ERROR_COLOR, ErrorLabel


@dataclass(frozen=True)
class Field:
    name: str  # the TrackingSettings field
    label: str
    unit: str
    phrase: str  # how the service's messages name it ("the idle limit must be …")
    whole: bool = False


SECTIONS: tuple[tuple[str, tuple[Field, ...]], ...] = (
    (
        "Targets",
        (
            Field("daily_target_hours", "&Daily target:", "hours", "the daily target"),
            Field("weekly_target_hours", "&Weekly target:", "hours", "the weekly target"),
            Field(
                "streak_min_hours",
                "&Streak threshold:",
                "hours a day count toward a streak",
                "the streak threshold",
            ),
            Field("sleep_target_hours", "Slee&p target:", "hours a night", "the sleep target"),
        ),
    ),
    (
        "Focus timer",
        (
            Field(
                "idle_minutes",
                "&Idle limit:",
                "minutes without input, then ask",
                "the idle limit",
            ),
        ),
    ),
    (
        "Pomodoro",
        (
            Field("pomodoro_work_minutes", "W&ork:", "minutes", "the Pomodoro work length"),
            Field("pomodoro_break_minutes", "&Break:", "minutes", "the Pomodoro break length"),
            Field(
                "pomodoro_long_break_minutes",
                "&Long break:",
                "minutes",
                "the Pomodoro long break length",
            ),
            Field(
                "pomodoro_long_break_every",
                "Long break &every:",
                "work parts (0: never)",
                "the number of work parts per long break",
                whole=True,
            ),
        ),
    ),
    (
        "Skills",
        (
            Field(
                "default_skill_target_hours",
                "Default skill &target:",
                "hours for a new skill",
                "the default skill target",
            ),
        ),
    ),
)
FIELDS = tuple(field for _, group in SECTIONS for field in group)
_BAD_SHEET = f"QLineEdit {{ border: 1px solid {ERROR_COLOR}; }}"


def number_text(value: float) -> str:
    return f"{value:g}"


def parse_field(field: Field, text: str) -> float | int:
    """The number typed in ``field`` (a decimal comma is fine); the service checks the
    range."""
    cleaned = text.strip().replace(",", ".").replace("_", "")
    name = field.phrase[:1].upper() + field.phrase[1:]
    if not cleaned:
        raise InvalidInput(f"{name} is empty")
    try:
        if field.whole:
            return int(cleaned)
        number = float(cleaned)
    except ValueError:
        kind = "a whole number" if field.whole else "a number"
        raise InvalidInput(f"{name} must be {kind}, not “{text.strip()}”") from None
    if not math.isfinite(number):
        raise InvalidInput(f"{name} must be a number, not “{text.strip()}”")
    return number


class TrackingSettingsDialog(QDialog):
    saved = Signal(object)  # TrackingSettings

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tracking settings")
        self.setMinimumWidth(460)
        self._settings = services.tracking_settings
        self.edits: dict[str, QLineEdit] = {}
        self.error_label = ErrorLabel()

        column = QVBoxLayout(self)
        for heading, group in SECTIONS:
            title = QLabel(heading)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            column.addWidget(title)
            form = QFormLayout()
            form.setContentsMargins(12, 0, 0, 6)
            for field in group:
                edit = QLineEdit()
                edit.setAccessibleName(field.label.replace("&", "").rstrip(":"))
                edit.setMaximumWidth(90)
                edit.textEdited.connect(lambda _text, e=edit: e.setStyleSheet(""))
                unit = QLabel(field.unit)
                mute(unit)
                row = QHBoxLayout()
                row.addWidget(edit)
                row.addWidget(unit, 1)
                label = QLabel(field.label)
                label.setBuddy(edit)  # Alt+letter jumps to the field
                form.addRow(label, row)
                self.edits[field.name] = edit
            column.addLayout(form)
        column.addWidget(self.error_label)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.defaults_button = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.defaults_button.setToolTip("Fill in the shipped values (saved when you save)")
        self.defaults_button.clicked.connect(lambda: self.show_values(TrackingSettings()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.show_values(self._settings.get())

    def show_values(self, settings: TrackingSettings) -> None:
        for field in FIELDS:
            self.edits[field.name].setText(number_text(getattr(settings, field.name)))
            self.edits[field.name].setStyleSheet("")

    def values(self) -> dict[str, float | int]:
        """Every field as a number (raises InvalidInput naming the first bad one)."""
        values: dict[str, float | int] = {}
        for field in FIELDS:
            try:
                values[field.name] = parse_field(field, self.edits[field.name].text())
            except InvalidInput:
                self._mark(field)
                raise
        return values

    def save(self) -> bool:
        """Write every field at once; on a refused value show it and return False."""
        for edit in self.edits.values():
            edit.setStyleSheet("")
        try:
            stored = self._settings.update(**self.values())
        except InvalidInput as exc:
            message = str(exc)
            for field in FIELDS:
                if message.lower().startswith(field.phrase):
                    self._mark(field)
                    break
            self.error_label.show_error(message)
            return False
        self.error_label.clear_error()
        self.show_values(stored)
        self.saved.emit(stored)
        return True

    def _mark(self, field: Field) -> None:
        edit = self.edits[field.name]
        edit.setStyleSheet(_BAD_SHEET)
        edit.setFocus()
        edit.selectAll()

    def accept(self) -> None:
        if self.save():
            super().accept()
