"""Preferences ▸ Targets and ▸ Focus timer: the journal's tracking settings (daily and
weekly deep-work targets, streak threshold, sleep target; idle limit, Pomodoro lengths,
default skill target). They live in the journal (they travel with the data), through
``services.tracking_settings``.

Each field applies when it is left or Enter is pressed; a refused value shows as one
line on the page, its field marked and focused, and nothing is written. Every change
is announced with ``events.tracking_changed`` (Today's bar, the dashboard, the timer).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.settings import TrackingSettings
from journal_app.ui.data_events import DataEvents
from journal_app.ui.preferences.registry import PreferencesContext
from journal_app.ui.theme import mute
from journal_app.ui.widgets.form import ERROR_COLOR, ErrorLabel


@dataclass(frozen=True)
class Field:
    name: str  # the TrackingSettings field
    label: str
    unit: str
    phrase: str  # how the service's messages name it ("the idle limit must be …")
    whole: bool = False


TARGETS: tuple[Field, ...] = (
    Field("daily_target_hours", "&Daily target:", "hours", "the daily target"),
    Field("weekly_target_hours", "&Weekly target:", "hours", "the weekly target"),
    Field(
        "streak_min_hours",
        "&Streak threshold:",
        "hours a day count toward a streak",
        "the streak threshold",
    ),
    Field("sleep_target_hours", "Slee&p target:", "hours a night", "the sleep target"),
)
FOCUS_TIMER: tuple[Field, ...] = (
    Field("idle_minutes", "&Idle limit:", "minutes without input, then ask", "the idle limit"),
    Field("pomodoro_work_minutes", "Pomodoro w&ork:", "minutes", "the Pomodoro work length"),
    Field("pomodoro_break_minutes", "Pomodoro &break:", "minutes", "the Pomodoro break length"),
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
    Field(
        "default_skill_target_hours",
        "Default skill &target:",
        "hours for a new skill",
        "the default skill target",
    ),
)
FIELDS = TARGETS + FOCUS_TIMER
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


class TrackingPage(QWidget):
    saved = Signal(object)  # TrackingSettings, after each applied change

    def __init__(
        self,
        services: Services,
        events: DataEvents,
        fields: tuple[Field, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = services.tracking_settings
        self._events = events
        self._fields = fields
        self.edits: dict[str, QLineEdit] = {}
        self.error_label = ErrorLabel()
        column = QVBoxLayout(self)
        form = QFormLayout()
        for field in fields:
            edit = QLineEdit()
            edit.setAccessibleName(field.label.replace("&", "").rstrip(":"))
            edit.setAccessibleDescription(f"In {field.unit}")
            edit.setMaximumWidth(90)
            edit.textEdited.connect(lambda _text, e=edit: e.setStyleSheet(""))
            edit.editingFinished.connect(lambda f=field: self.apply(f))
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
        self.defaults_button = QPushButton("Restore &Defaults")
        self.defaults_button.setAutoDefault(False)  # Enter in a field applies the field, not this
        self.defaults_button.setAccessibleDescription(
            "Put back the shipped values of the fields on this page"
        )
        self.defaults_button.clicked.connect(self.restore_defaults)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.defaults_button)
        column.addLayout(buttons)
        column.addStretch(1)
        self.show_values(self._settings.get())
        events.tracking_changed.connect(self._on_tracking_changed)

    def show_values(self, settings: TrackingSettings) -> None:
        for field in self._fields:
            edit = self.edits[field.name]
            if not edit.styleSheet():  # a refused value stays to be fixed
                edit.setText(number_text(getattr(settings, field.name)))

    def apply(self, field: Field) -> bool:
        """Store ``field``'s value if it changed; on a refused value show it and return
        False (nothing written)."""
        if not shiboken6.isValid(self._events):
            return False  # the window is going away (a field losing the focus as it goes)
        edit = self.edits[field.name]
        try:
            value = parse_field(field, edit.text())
            if value == getattr(self._settings.get(), field.name):
                self.error_label.clear_error()
                edit.setStyleSheet("")
                return True
            stored = self._settings.update(**{field.name: value})
        except InvalidInput as exc:
            self._refuse(field, str(exc))
            return False
        edit.setStyleSheet("")
        self.error_label.clear_error()
        edit.setText(number_text(getattr(stored, field.name)))
        self.saved.emit(stored)
        self._events.tracking_changed.emit()
        return True

    def restore_defaults(self) -> None:
        shipped = TrackingSettings()
        stored = self._settings.update(**{f.name: getattr(shipped, f.name) for f in self._fields})
        for edit in self.edits.values():
            edit.setStyleSheet("")
        self.error_label.clear_error()
        self.show_values(stored)
        self.saved.emit(stored)
        self._events.tracking_changed.emit()

    def _refuse(self, field: Field, message: str) -> None:
        edit = self.edits[field.name]
        edit.setStyleSheet(_BAD_SHEET)
        self.error_label.show_error(message)
        edit.setFocus()
        edit.selectAll()

    def _on_tracking_changed(self) -> None:
        self.show_values(self._settings.get())


def make_targets_page(context: PreferencesContext) -> QWidget:
    return TrackingPage(context.services, context.events, TARGETS)


def make_timer_page(context: PreferencesContext) -> QWidget:
    return TrackingPage(context.services, context.events, FOCUS_TIMER)
