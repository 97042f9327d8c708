"""SessionDialog: add or edit a deep-work session by hand.

Start and end are local wall-clock dates and times in the journal's zone; the duration
in minutes is linked to them (change the start and the end moves with it; type minutes
and the end follows; move the end and the minutes follow), always in real elapsed time,
so a session across a clock change has its true length. Bad input shows inline (the
services' InvalidInput message) and saves nothing.

When the session overlaps others the dialog says so and offers to merge them, trim this
session, trim the others, or save anyway; Cancel keeps everything as it was. Whatever is
chosen is written in one transaction, together with a skill typed by name.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal_app.errors import InvalidInput
from journal_app.services.common import atomic
from journal_app.services.tracking.sessions import (
    KEEP,
    MAX_SESSION,
    MERGE,
    MIN_SESSION,
    OVERLAP_CHOICES,
    TRIM_NEW,
    TRIM_OTHERS,
    check_span,
)
from journal_app.services.tracking.timeutil import at_local
from journal_app.ui.theme import mute
from journal_app.ui.tracking.pickers import LabelPickers
from journal_app.ui.widgets.fmt import date_format, length_text, short_day_text, to_qdate
from journal_app.ui.widgets.style import error_label, show_error, warning_background

if TYPE_CHECKING:
    from journal_app.services import Services
    from journal_app.services.tracking.sessions import SessionData

CHOICES = OVERLAP_CHOICES
DEFAULT_MINUTES = 60
_MORNING = dt.time(9, 0)
_MAX_MINUTES = 99_999  # the spin box shows any span; the services refuse over 24 h

Span = tuple[dt.datetime, dt.datetime]


def _remaining(span: Span, cutters: list[Span]) -> list[Span]:
    """What is left of `span` once `cutters` are cut out (pieces under a minute go), as
    `SessionService.trim` computes it."""
    pieces = [span]
    for cut_start, cut_end in cutters:
        pieces = [
            piece
            for start, end in pieces
            for piece in ((start, min(end, cut_start)), (max(start, cut_end), end))
            if piece[1] - piece[0] >= MIN_SESSION
        ]
    return pieces


def default_span(services: Services, day: dt.date) -> Span:
    """Where a new session starts out: the hour before now today; on another day after
    its last session, else at 09:00 (aware, local)."""
    tz = services.sessions.tz
    now = services.clock().astimezone(tz).replace(second=0, microsecond=0)
    length = dt.timedelta(minutes=DEFAULT_MINUTES)
    if day == now.date():
        midnight = at_local(day, dt.time(), tz).astimezone(tz)
        return max(now - length, midnight), now
    start = at_local(day, _MORNING, tz).astimezone(tz)
    parts = services.sessions.for_day(day)
    if parts and parts[-1].end > start:
        start = parts[-1].end
    start = min(start, at_local(day, dt.time(23, 0), tz).astimezone(tz))
    return start, (start + length).astimezone(tz)


class _Endpoint(QWidget):
    """A local date and a wall-clock time side by side."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(f"{name} date")
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(f"{name} time")
        row.addWidget(self.date_edit, 3)
        row.addWidget(self.time_edit, 2)

    def wall(self) -> tuple[dt.date, dt.time]:
        d, t = self.date_edit.date(), self.time_edit.time()
        return dt.date(d.year(), d.month(), d.day()), dt.time(t.hour(), t.minute())

    def set_wall(self, instant: dt.datetime) -> None:
        self.date_edit.setDate(to_qdate(instant.date()))
        self.time_edit.setTime(QTime(instant.hour, instant.minute))


class SessionDialog(QDialog):
    """Add a session on `day` (session_id None) or edit session `session_id`.

    `save()` is the Save button; when overlaps are found the panel's buttons call
    `resolve(choice)` with one of CHOICES. Once written, `saved` carries the ids of the
    sessions written (a trim in the middle leaves two) and the dialog is accepted.
    """

    saved = Signal(list)

    def __init__(
        self,
        services: Services,
        session_id: int | None = None,
        *,
        day: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tz = services.sessions.tz
        self._session: SessionData | None = (
            None if session_id is None else services.sessions.get(session_id)
        )
        self._linking = False
        self._checked = False  # once Save was pressed, errors follow every edit
        self.saved_ids: list[int] = []
        self.setWindowTitle("Edit Session" if self._session else "Add Session")
        self.setMinimumWidth(460)

        self.start = _Endpoint("Start")
        self.end = _Endpoint("End")
        self.minutes = QSpinBox()
        self.minutes.setRange(0, _MAX_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Duration in minutes")
        self.length_label = QLabel()
        mute(self.length_label)
        length_row = QHBoxLayout()
        length_row.addWidget(self.minutes)
        length_row.addWidget(self.length_label, 1)
        self.pickers = LabelPickers(services)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("What you did, in a few words")
        self.note_edit.setAccessibleName("Note")

        form = QFormLayout()
        form.addRow("&Start:", self.start)
        form.addRow("&End:", self.end)
        length_caption = QLabel("&Duration:")
        length_caption.setBuddy(self.minutes)
        form.addRow(length_caption, length_row)
        self.pickers.add_rows(form)
        form.addRow("&Note:", self.note_edit)

        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        mute(self.info_label)
        self.error_label = error_label()
        self.overlap_panel = self._build_overlap_panel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.info_label)
        column.addWidget(self.error_label)
        column.addWidget(self.overlap_panel)
        column.addWidget(self.buttons)

        self._fill(day)
        for edit in (self.start.date_edit, self.start.time_edit):
            edit.dateTimeChanged.connect(self._on_start_changed)
        for edit in (self.end.date_edit, self.end.time_edit):
            edit.dateTimeChanged.connect(self._on_end_changed)
        self.minutes.valueChanged.connect(self._on_minutes_changed)
        self.start.time_edit.setFocus()

    # -- building ------------------------------------------------------------------------

    def _build_overlap_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("overlapPanel")
        panel.setAutoFillBackground(True)
        palette = panel.palette()
        palette.setColor(panel.backgroundRole(), warning_background())
        panel.setPalette(palette)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(panel)
        self.overlap_label = QLabel()
        self.overlap_label.setWordWrap(True)
        column.addWidget(self.overlap_label)
        row = QHBoxLayout()
        self.merge_button = QPushButton("&Merge")
        self.trim_new_button = QPushButton("&Trim this one")
        self.trim_others_button = QPushButton("Trim the &others")
        self.keep_button = QPushButton("Save &anyway")
        for button, choice in (
            (self.merge_button, MERGE),
            (self.trim_new_button, TRIM_NEW),
            (self.trim_others_button, TRIM_OTHERS),
            (self.keep_button, KEEP),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, c=choice: self.resolve(c))
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        panel.setVisible(False)
        return panel

    def _fill(self, day: dt.date | None) -> None:
        session = self._session
        if session is not None:
            start, end = session.start.astimezone(self._tz), session.end.astimezone(self._tz)
            self.pickers.set_ids(
                session.category_id, session.skill_id, session.resource_id, session.task_id
            )
            self.note_edit.setText(session.note)
            notes = []
            if session.source == "timer":
                notes.append("Timed with the focus timer; it stays labelled so.")
            if start.date() != end.date():
                notes.append("It crosses midnight: you edit the whole session.")
            self.info_label.setText(" ".join(notes))
        else:
            wanted = day if day is not None else self._services.stats.today()
            start, end = default_span(self._services, wanted)
            last = self._services.sessions.last_labels()  # what the last session was about
            self.pickers.set_ids(last.category_id, last.skill_id, last.resource_id)
        self.info_label.setVisible(bool(self.info_label.text()))
        self._linking = True
        try:
            self.start.set_wall(start)
            self.end.set_wall(end)
            self._show_minutes()
        finally:
            self._linking = False

    # -- reading -------------------------------------------------------------------------

    def span(self) -> Span:
        """The session's aware UTC start and end, or InvalidInput saying what is wrong."""
        begin = self._instant(self.start)
        stop = self._instant(self.end)
        return check_span(begin, stop, self._tz)

    def _instant(self, endpoint: _Endpoint) -> dt.datetime:
        day, wall = endpoint.wall()
        try:
            return at_local(day, wall, self._tz)
        except (OverflowError, ValueError):
            raise InvalidInput(f"{day.isoformat()} is outside 1900-2100") from None

    def _loose_span(self) -> Span | None:
        """Start and end as typed, unchecked (None when they cannot be read)."""
        try:
            return self._instant(self.start), self._instant(self.end)
        except InvalidInput:
            return None

    # -- linking -------------------------------------------------------------------------

    def _show_minutes(self) -> None:
        span = self._loose_span()
        if span is None:
            return
        elapsed = span[1] - span[0]
        minutes = round(elapsed.total_seconds() / 60)
        self.minutes.setValue(max(0, min(minutes, _MAX_MINUTES)))
        self.length_label.setText(length_text(elapsed) if minutes > 0 else "")

    def _move_end(self, minutes: int) -> None:
        try:
            start = self._instant(self.start)
            end = (start + dt.timedelta(minutes=minutes)).astimezone(self._tz)
        except (InvalidInput, OverflowError):
            return
        self.end.set_wall(end)

    def _on_start_changed(self) -> None:
        if self._linking:
            return
        self._linking = True
        try:
            self._move_end(self.minutes.value())  # the length stays
            self._show_minutes()
        finally:
            self._linking = False
        self._edited()

    def _on_end_changed(self) -> None:
        if self._linking:
            return
        self._linking = True
        try:
            self._show_minutes()
        finally:
            self._linking = False
        self._edited()

    def _on_minutes_changed(self, minutes: int) -> None:
        if self._linking:
            return
        self._linking = True
        try:
            self._move_end(minutes)
            span = self._loose_span()
            self.length_label.setText(
                length_text(span[1] - span[0]) if span and minutes > 0 else ""
            )
        finally:
            self._linking = False
        self._edited()

    def _edited(self) -> None:
        """Times changed: what was said about overlaps is stale; errors follow the edit."""
        self.overlap_panel.setVisible(False)
        if self._checked:
            try:
                self.span()
            except InvalidInput as error:
                show_error(self.error_label, str(error))
            else:
                show_error(self.error_label, "")

    # -- saving --------------------------------------------------------------------------

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def save(self) -> bool:
        """The Save button: check, look for overlaps, write. True once written."""
        return self._attempt(None)

    def resolve(self, choice: str) -> bool:
        """Save with a way out of the overlaps (one of CHOICES)."""
        if choice not in CHOICES:
            raise ValueError(choice)
        return self._attempt(choice)

    def _attempt(self, choice: str | None) -> bool:
        self._checked = True
        try:
            begin, end = self.span()
        except InvalidInput as error:
            show_error(self.error_label, str(error))
            self.overlap_panel.setVisible(False)
            return False
        show_error(self.error_label, "")
        exclude = None if self._session is None else self._session.id
        others = self._services.sessions.overlaps(begin, end, exclude=exclude)
        if others and choice is None:
            self._show_overlaps((begin, end), others)
            return False
        try:
            # (with overlaps and no choice yet we returned above)
            mode = choice if others and choice is not None else KEEP
            ids = self._write(begin, end, mode, [o.id for o in others])
        except InvalidInput as error:
            self.pickers.reload()  # a skill typed by name was rolled back with the rest
            show_error(self.error_label, str(error))
            return False
        self.saved_ids = ids
        self.overlap_panel.setVisible(False)
        self.saved.emit(ids)
        self.accept()
        return True

    def _write(
        self, begin: dt.datetime, end: dt.datetime, choice: str, others: list[int]
    ) -> list[int]:
        sessions = self._services.sessions
        with atomic():  # the session, a new skill and the merge or trim: all or nothing
            labels = self.pickers.resolve()
            note = self.note_edit.text().strip()
            if self._session is None:
                saved = sessions.add(begin, end, note=note, **labels)
            else:
                saved = sessions.update(self._session.id, start=begin, end=end, note=note, **labels)
            return [s.id for s in sessions.settle(saved.id, others, choice)]

    # -- overlaps ------------------------------------------------------------------------

    def _show_overlaps(self, span: Span, others: list[SessionData]) -> None:
        def label(s: SessionData) -> str:
            start, end = s.start.astimezone(self._tz), s.end.astimezone(self._tz)
            when = f"{start:%H:%M} – {end:%H:%M}"
            if start.date() != end.date() or start.date() != span[0].astimezone(self._tz).date():
                when = f"{short_day_text(start.date())} {when}"
            what = ", ".join(t for t in (s.category, s.skill) if t)
            return f"{when} {what}".strip()

        count = len(others)
        listed = "; ".join(label(s) for s in others[:4]) + ("; …" if count > 4 else "")
        self.overlap_label.setText(
            f"This session overlaps {count} other session{'s' if count > 1 else ''}: "
            f"{listed}. Merge them into one, trim the overlap away, or save anyway?"
        )
        spans = [(s.start, s.end) for s in others]
        first = min(span[0], *(s for s, _ in spans))
        last = max(span[1], *(e for _, e in spans))
        self._offer(
            self.merge_button,
            last - first <= MAX_SESSION,
            f"One session from {first.astimezone(self._tz):%H:%M} to "
            f"{last.astimezone(self._tz):%H:%M}; notes are joined",
            "The merged session would last more than 24 hours",
        )
        self._offer(
            self.trim_new_button,
            bool(_remaining(span, spans)),
            "Keep only the time of this session that the others do not cover",
            "The others cover all of this session",
        )
        self._offer(
            self.trim_others_button,
            all(_remaining(other, [span]) for other in spans),
            "Cut this session's time out of the others",
            "A session lies wholly inside this one: merge instead",
        )
        self.keep_button.setToolTip(
            "Save it as it is; the time both cover counts once, toward the earlier session"
        )
        self.overlap_panel.setVisible(True)
        first_enabled = next(
            b for b in (self.merge_button, self.trim_new_button, self.keep_button) if b.isEnabled()
        )
        first_enabled.setFocus()

    @staticmethod
    def _offer(button: QPushButton, possible: bool, tip: str, why_not: str) -> None:
        button.setEnabled(possible)
        button.setToolTip(tip if possible else why_not)
