"""Last night's sleep and how the day went: bed and wake times or hours slept, sleep
quality 1–5, energy/focus 1–5 and a short note, for the day shown (the night is the one
that ended that morning).

Ratings save on click; times and hours when the field is left (Enter, Tab, a click
elsewhere); the note about a second after typing stops and when it loses focus. `flush()`
saves whatever is pending (the page calls it before showing another day, on hiding and on
closing). Bad input shows inline and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services.tracking.timeutil import parse_clock_time
from journal_app.ui.autosave import AutosaveController
from journal_app.ui.theme import mute, style_with
from journal_app.ui.today.card_header import flat_button
from journal_app.ui.today.rating import RatingBar
from journal_app.ui.widgets.fmt import length_text, parse_hours
from journal_app.ui.widgets.page import Card
from journal_app.ui.widgets.style import FIELD_SHEET, TOOL_SHEET, error_label, show_error

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.services.tracking.sleep import DayLogData

QUALITY_HINTS = ("awful", "poor", "fair", "good", "excellent")
ENERGY_HINTS = ("drained", "low", "steady", "good", "sharp")
NOTE_IDLE_MS = 1000


def _time_field(name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setAccessibleName(name)
    field.setPlaceholderText(placeholder)
    field.setMaxLength(8)
    field.setFixedWidth(72)
    return field


def _hours_value(hours: float) -> str:
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def _night_texts(log: DayLogData | None) -> tuple[str, str, str]:
    """Bed, wake and hours as the fields show them: times when known, else hours."""
    if log is not None and log.bed is not None and log.wake is not None:
        return f"{log.bed:%H:%M}", f"{log.wake:%H:%M}", ""
    if log is not None and log.sleep_hours is not None:
        return "", "", _hours_value(log.sleep_hours)
    return "", "", ""


class DayForm(Card):
    saved = Signal()  # something of the day log was written

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, idle_ms: int = NOTE_IDLE_MS
    ) -> None:
        super().__init__("Sleep and the day", parent)
        self._services = services
        self._day: dt.date | None = None
        self._log: DayLogData | None = None
        self._shown: tuple[str, str, str] = ("", "", "")  # bed, wake, hours as stored
        self._loading = False

        self.bed_edit = _time_field("Bed time", "23:30")
        self.wake_edit = _time_field("Wake time", "07:00")
        self.hours_edit = _time_field("Hours slept", "7.5")
        self.slept_label = QLabel()
        self.clear_night_button = flat_button(
            "Clear night", "Forget last night's bed and wake times and hours"
        )
        self.sleep_error = error_label()
        self.quality = RatingBar("Sleep quality", QUALITY_HINTS)
        self.energy = RatingBar("Energy and focus", ENERGY_HINTS)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Note on the day")
        self.note_edit.setPlaceholderText("A line or two about the day")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 16)
        self.note_error = error_label()
        self.autosave = AutosaveController(self._save_note, idle_ms=idle_ms, parent=self)

        night = QHBoxLayout()
        night.setSpacing(8)
        for text, widget in (("Bed", self.bed_edit), ("Wake", self.wake_edit)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            night.addWidget(caption)
            night.addWidget(widget)
        either = QLabel("or")
        mute(either)
        night.addSpacing(6)
        night.addWidget(either)
        night.addSpacing(6)
        hours_caption = QLabel("Hours")
        hours_caption.setBuddy(self.hours_edit)
        night.addWidget(hours_caption)
        night.addWidget(self.hours_edit)
        night.addSpacing(10)
        night.addWidget(self.slept_label, 1)
        night.addWidget(self.clear_night_button)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        rows: list[tuple[str, Any]] = [
            ("Last night", night),
            ("", self.sleep_error),
            ("Sleep quality", self.quality),
            ("Energy / focus", self.energy),
            ("Note", self.note_edit),
            ("", self.note_error),
        ]
        for row, (text, item) in enumerate(rows):
            if text:
                label = QLabel(text)
                mute(label)
                grid.addWidget(label, row, 0)
            if isinstance(item, QWidget):
                grid.addWidget(item, row, 1)
            else:
                grid.addLayout(item, row, 1)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        style_with(self, FIELD_SHEET + TOOL_SHEET)
        chain = [
            self.bed_edit,
            self.wake_edit,
            self.hours_edit,
            self.clear_night_button,
            *self.quality.buttons,
            *self.energy.buttons,
            self.note_edit,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

        for field in (self.bed_edit, self.wake_edit, self.hours_edit):
            field.editingFinished.connect(self._on_sleep_edited)
        self.hours_edit.textEdited.connect(self._on_hours_typed)
        self.bed_edit.textEdited.connect(self._on_times_typed)
        self.wake_edit.textEdited.connect(self._on_times_typed)
        self.clear_night_button.clicked.connect(self.clear_night)
        self.quality.changed.connect(lambda v: self._save(quality=v))
        self.energy.changed.connect(lambda v: self._save(energy=v))
        self.note_edit.textChanged.connect(self._on_note_changed)
        self.note_edit.installEventFilter(self)

    # -- showing -------------------------------------------------------------------------

    @property
    def day(self) -> dt.date | None:
        return self._day

    def show_log(self, day: dt.date, log: DayLogData | None) -> None:
        """Show the log of `day`. Reloading the same day leaves alone a field the user is
        in and a note not yet saved."""
        same = day == self._day
        self._day, self._log = day, log
        self._shown = _night_texts(log)
        self._loading = True
        try:
            for field, text in zip(self._night_fields(), self._shown, strict=True):
                if not (same and field.hasFocus()):
                    field.setText(text)
            if not same:
                show_error(self.sleep_error, "")
                show_error(self.note_error, "")
            self.quality.set_value(None if log is None else log.quality)
            self.energy.set_value(None if log is None else log.energy)
            note = "" if log is None else log.note
            editing = same and (self.autosave.dirty or self.note_edit.hasFocus())
            if not editing and self.note_edit.toPlainText().strip() != note:
                self.note_edit.setPlainText(note)
            if not same:
                self.autosave.discard()
        finally:
            self._loading = False
        self._show_slept()

    def _show_slept(self) -> None:
        hours = None if self._log is None else self._log.sleep_hours
        has_sleep = hours is not None
        slept = None if hours is None else dt.timedelta(hours=hours)
        self.slept_label.setText("" if slept is None else f"{length_text(slept)} of sleep")
        self.clear_night_button.setVisible(has_sleep)  # only when there is a night to clear

    # -- saving --------------------------------------------------------------------------

    def flush(self) -> bool:
        """Save what is pending now; False when something typed could not be saved."""
        sleep_ok = self._commit_sleep(final=True)
        return self.autosave.flush() and sleep_ok

    def pending_error(self) -> str:
        """The inline error still shown ('' when none)."""
        for label in (self.sleep_error, self.note_error):
            if not label.isHidden() and label.text():
                return label.text()
        return ""

    def clear_night(self) -> None:
        """Forget last night (times and hours); quality, energy and note stay."""
        for field in (self.bed_edit, self.wake_edit, self.hours_edit):
            field.clear()
        show_error(self.sleep_error, "")
        if self._save(bed=None, wake=None, hours=None):
            self._show_night()

    def _save(self, **values: Any) -> bool:
        if self._day is None:
            return False
        try:
            self._log = self._services.day_logs.save(self._day, **values)
        except InvalidInput as error:
            target = self.note_error if "note" in values else self.sleep_error
            show_error(target, str(error))
            return False
        self.saved.emit()
        return True

    def _on_sleep_edited(self) -> None:
        self._commit_sleep(final=False)

    def _commit_sleep(self, *, final: bool) -> bool:
        typed = tuple(f.text().strip() for f in self._night_fields())
        if typed == self._shown:
            show_error(self.sleep_error, "")
            return True
        bed, wake, hours = typed
        try:
            if bed or wake:
                if not (bed and wake):
                    focus = QApplication.focusWidget()
                    on_the_way = focus in (self.bed_edit, self.wake_edit) or focus is None
                    if on_the_way and not final:
                        return True  # from one to the other, or away to another window
                    missing = "wake" if bed else "bed"
                    raise InvalidInput(f"enter the {missing} time too (or the hours slept)")
                values: dict[str, Any] = {
                    "bed": parse_clock_time(bed),
                    "wake": parse_clock_time(wake),
                }
            elif hours:
                try:
                    values = {"hours": parse_hours(hours)}
                except ValueError:
                    raise InvalidInput(f"{hours!r} is not a number of hours") from None
            else:
                values = {"bed": None, "wake": None, "hours": None}
        except InvalidInput as error:
            show_error(self.sleep_error, str(error))
            return False
        show_error(self.sleep_error, "")
        if not self._save(**values):
            return False
        self._show_night()
        return True

    def _show_night(self) -> None:
        """The night as stored, in every field (times normalised: 7:05 -> 07:05)."""
        self._shown = _night_texts(self._log)
        for field, text in zip(self._night_fields(), self._shown, strict=True):
            field.setText(text)
        self._show_slept()

    def _night_fields(self) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        return self.bed_edit, self.wake_edit, self.hours_edit

    def _on_hours_typed(self, text: str) -> None:
        """Hours replace the times; emptied again, the stored times come back."""
        bed, wake, _hours = self._shown
        keep = not text.strip()
        self.bed_edit.setText(bed if keep else "")
        self.wake_edit.setText(wake if keep else "")

    def _on_times_typed(self, _text: str) -> None:
        """Times replace the hours; both emptied again, the stored hours come back."""
        typed = self.bed_edit.text().strip() or self.wake_edit.text().strip()
        self.hours_edit.setText("" if typed else self._shown[2])

    def _on_note_changed(self) -> None:
        if not self._loading:
            self.autosave.changed()

    def _save_note(self) -> bool:
        if self._day is None:
            return True
        note = self.note_edit.toPlainText()
        if note.strip() == ("" if self._log is None else self._log.note):
            return True
        ok = self._save(note=note)
        if ok:
            show_error(self.note_error, "")
        return ok

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note_edit and event.type() == QEvent.Type.FocusOut:
            self.autosave.flush()
        return False
