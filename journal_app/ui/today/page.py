"""Today: one screen to log a day — deep-work sessions, last night's sleep, energy and a
note, outputs — with the day's hours against the daily target and the week's against the
weekly one. Any past day can be opened (Alt+Left / Alt+Right, the date picker) and edited.

Every figure comes from `services.stats.day_summary(day)`, the function behind
`journal-app day D --json`. After each write the page emits `events.tracking_changed`;
when other views write (the focus timer, the Dashboard) it reloads, at once if it is on
screen, else when next shown.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QWidget

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.sessions import Labels
from journal_app.services.tracking.timeutil import FIRST_DAY
from journal_app.ui.data_events import DataEvents
from journal_app.ui.today.day_form import DayForm
from journal_app.ui.today.header import DayHeader
from journal_app.ui.today.navigator import DayNavigator
from journal_app.ui.today.outputs_card import OutputsCard
from journal_app.ui.today.sessions_card import ADD_KEYS, SessionsCard
from journal_app.ui.tracking.output_dialog import OutputDialog
from journal_app.ui.tracking.session_dialog import SessionDialog
from journal_app.ui.widgets.fmt import day_text, relative_day, short_day_text
from journal_app.ui.widgets.page import Page
from journal_app.ui.window_context import window_context

if TYPE_CHECKING:
    from journal_app.services.tracking.outputs import OutputData
    from journal_app.services.tracking.sessions import SessionData
    from journal_app.services.tracking.stats import DaySummary
    from journal_app.ui.tracking.output_dialog import OutputDialog
    from journal_app.ui.tracking.session_dialog import SessionDialog

STATUS_MS = 8000


class TodayPage(Page):
    day_changed = Signal(object)  # datetime.date now shown

    def __init__(
        self, services: Services, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__("Today", "", parent)
        self._services = services
        self._events = events
        self._emitting = False  # our own tracking_changed: we reload ourselves
        self._dirty = False
        self._on_today = True  # follow the date when midnight passes
        self._timer_hooked = False
        self._timer_waiting = False
        self.summary: DaySummary | None = None
        self.last_reload_ms = 0.0

        self.navigator = DayNavigator()
        self._put_navigator_beside_title()
        self.header = DayHeader()
        self.sessions = SessionsCard()
        self.day_form = DayForm(services)
        self.outputs = OutputsCard()
        for card in (self.header, self.sessions, self.day_form, self.outputs):
            self.add_card(card)
        self.finish()
        self._build_actions()

        self.navigator.day_chosen.connect(self.show_day)
        self.sessions.add_requested.connect(lambda: self.open_session_dialog())
        self.sessions.edit_requested.connect(self.open_session_dialog)
        self.sessions.delete_requested.connect(self.delete_session)
        self.outputs.add_requested.connect(lambda: self.open_output_dialog())
        self.outputs.edit_requested.connect(self.open_output_dialog)
        self.outputs.delete_requested.connect(self.delete_output)
        self.day_form.saved.connect(self._announce)
        events.tracking_changed.connect(self._on_data_changed)
        events.timer_changed.connect(self._on_data_changed)

        self._day = self.today()
        self.reload()

    # -- building ------------------------------------------------------------------------

    def _put_navigator_beside_title(self) -> None:
        first = self.column.itemAt(0)
        assert first is not None
        header = first.layout()
        assert isinstance(header, QLayout)
        header.removeWidget(self.title_label)
        row = QHBoxLayout()
        row.addWidget(self.title_label)
        row.addStretch(1)
        row.addWidget(self.navigator, 0, Qt.AlignmentFlag.AlignVCenter)
        header.insertLayout(0, row)  # type: ignore[attr-defined]

    def _build_actions(self) -> None:
        def action(text: str, keys: str, slot) -> QAction:
            made = QAction(text, self)
            made.setShortcut(QKeySequence(keys))
            # The window's keys, live only while this page is on screen (Qt ignores the
            # shortcuts of hidden widgets): they work wherever the focus is, e.g. still
            # in the list of areas after a click on "Today".
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            made.triggered.connect(lambda _checked=False: slot())
            self.addAction(made)
            return made

        self.previous_day_action = action("Previous Day", "Alt+Left", lambda: self.step(-1))
        self.next_day_action = action("Next Day", "Alt+Right", lambda: self.step(1))
        self.add_session_action = action("Add Session…", ADD_KEYS, self.open_session_dialog)

    # -- days ----------------------------------------------------------------------------

    @property
    def day(self) -> dt.date:
        return self._day

    def today(self) -> dt.date:
        return self._services.stats.today()

    def show_day(self, day: dt.date) -> None:
        """Show `day` (clamped to 1900-01-01 .. today); what was typed is saved first."""
        if isinstance(day, dt.datetime):
            day = day.date()
        today = self.today()
        day = min(max(day, FIRST_DAY), today)
        self._on_today = day == today
        if day == self._day and not self._dirty:
            self.navigator.set_day(day, today)
            return
        self._flush_form()
        self._day = day
        self.sessions.undo_bar.dismiss()
        self.outputs.undo_bar.dismiss()
        self.reload()
        self.day_changed.emit(day)

    def step(self, days: int) -> None:
        self.navigator.step(days)

    def reload(self) -> None:
        """Read the day again and show it."""
        started = time.perf_counter()
        today = self.today()
        summary = self._services.stats.day_summary(self._day)
        self.summary = summary
        self.navigator.set_day(self._day, today)
        self._show_title(today)
        self.header.show_summary(summary)
        self.sessions.show_parts(summary.sessions, summary.deep_work_hours)
        self.day_form.show_log(self._day, summary.day_log)
        self.outputs.show_outputs(summary.outputs)
        self.previous_day_action.setEnabled(self._day > FIRST_DAY)
        self.next_day_action.setEnabled(self._day < today)
        self._dirty = False
        self.last_reload_ms = (time.perf_counter() - started) * 1000

    def _show_title(self, today: dt.date) -> None:
        day = self._day
        title = relative_day(day, today)
        self.title_label.setText(title)
        week = f"week {day.isocalendar().week}"
        if title == day_text(day):
            ago = (today - day).days
            self.subtitle_label.setText(f"{ago} days ago · {week}")
        else:
            self.subtitle_label.setText(f"{day_text(day)} · {week}")

    # -- sessions ------------------------------------------------------------------------

    def open_session_dialog(self, session_id: int | None = None) -> SessionDialog | None:
        """Open the dialog to add a session on the day shown (or edit `session_id`)."""
        try:
            dialog = SessionDialog(self._services, session_id, day=self._day, parent=self)
        except InvalidInput as error:  # deleted elsewhere (the CLI) since it was shown
            self._status(str(error))
            self.reload()
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_sessions_saved)
        dialog.open()
        self.session_dialog = dialog
        return dialog

    def _on_sessions_saved(self, ids: list[int]) -> None:
        self._announce()
        self.reload()
        if ids:
            self.sessions.select_session(ids[0])
            saved = self._services.sessions.get(ids[0])
            days = {p.day for p in self.sessions.model.parts() if p.session.id == ids[0]}
            if not days:
                start = saved.start.astimezone(self._services.sessions.tz).date()
                self._status(f"Session saved on {short_day_text(start)}")

    def delete_session(self, session_id: int) -> None:
        """Delete a session; the undo bar (or Ctrl+Z in the table) brings it back."""
        try:
            session = self._services.sessions.get(session_id)
            self._services.sessions.delete(session_id)
        except InvalidInput as error:
            self._status(str(error))
            return
        row = self.sessions.table.selected_row()
        self._announce()
        self.reload()
        self.sessions.table.select_row(
            None if row is None else min(row, self.sessions.model.rowCount() - 1)
        )
        self.sessions.undo_bar.offer("Session deleted", lambda: self._restore_session(session))
        self._status("Session deleted — Undo brings it back")

    def _restore_session(self, session: SessionData) -> None:
        s = session
        labels = Labels(s.category_id, s.skill_id, s.resource_id, s.task_id, s.note)
        # Lenient: a label deleted meanwhile comes back empty rather than losing the time.
        restored = self._services.sessions.insert_spans(
            [(session.start, session.end)], labels, session.source
        )
        self._announce()
        self.reload()
        if restored:
            self.sessions.select_session(restored[0].id)
        self._status("Session restored")

    # -- outputs -------------------------------------------------------------------------

    def open_output_dialog(self, output_id: int | None = None) -> OutputDialog | None:
        try:
            day = self._day if output_id is None else None  # an edit keeps the output's day
            dialog = OutputDialog(self._services, output_id, day=day, parent=self)
        except InvalidInput as error:  # deleted elsewhere since it was shown
            self._status(str(error))
            self.reload()
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_output_saved)
        dialog.open()
        self.output_dialog = dialog
        return dialog

    def _on_output_saved(self, output_id: int) -> None:
        self._announce()
        self.reload()
        self.outputs.select_output(output_id)
        if self.outputs.model.row_of(output_id) is None:
            output = self._services.outputs.get(output_id)
            self._status(f"Output saved on {short_day_text(output.day)}")

    def delete_output(self, output_id: int) -> None:
        try:
            output = self._services.outputs.get(output_id)
            self._services.outputs.delete(output_id)
        except InvalidInput as error:
            self._status(str(error))
            return
        self._announce()
        self.reload()
        self.outputs.undo_bar.offer(
            f"Output “{output.title}” deleted", lambda: self._restore_output(output)
        )
        self._status("Output deleted — Undo brings it back")

    def _restore_output(self, output: OutputData) -> None:
        values = {
            "kind": output.kind,
            "title": output.title,
            "status": output.status,
            "url": output.url,
            "words": output.words,
            "day": output.day,
        }
        links = {
            "entry_id": output.entry_id,
            "sprint_id": output.sprint_id,
            "skill_id": output.skill_id,
        }
        try:
            restored = self._services.outputs.add(**values, **links)  # type: ignore[arg-type]
        except InvalidInput:  # a link was deleted meanwhile: keep the output without it
            restored = self._services.outputs.add(**values)  # type: ignore[arg-type]
        self._announce()
        self.reload()
        self.outputs.select_output(restored.id)
        self._status("Output restored")

    # -- data events ---------------------------------------------------------------------

    def _announce(self) -> None:
        """Tell the other views (Dashboard, timer) that tracking data changed."""
        self._emitting = True
        try:
            self._events.tracking_changed.emit()
        finally:
            self._emitting = False

    def _on_data_changed(self) -> None:
        if self._emitting:
            return
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True

    def _flush_form(self) -> None:
        if not self.day_form.flush():
            error = self.day_form.pending_error()
            self._status(f"Not saved for {short_day_text(self._day)}: {error}")

    def can_close(self) -> bool:
        """Save what was typed; an entry that cannot be saved does not block closing."""
        self._flush_form()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._hook_focus_timer()
        today = self.today()
        if self._on_today and self._day != today:  # midnight passed while away
            self._dirty = True
            self._day = today
        if self._dirty:
            self.reload()
        else:
            self.navigator.set_day(self._day, today)

    def hideEvent(self, event: QHideEvent) -> None:
        self._flush_form()
        super().hideEvent(event)

    # -- the focus timer -----------------------------------------------------------------

    def _hook_focus_timer(self) -> None:
        """Offer the focus timer's Start action (installed after the first paint)."""
        if self._timer_hooked or self._timer_waiting:
            return
        context = window_context(self)
        if context is not None:
            self._timer_waiting = True
            context.when_timer_ready(self._on_focus_timer_ready)

    def _on_focus_timer_ready(self, start: QAction) -> None:
        self.sessions.set_focus_action(start)
        self._timer_hooked = True

    def _status(self, message: str) -> None:
        context = window_context(self)
        if context is not None:
            context.show_status(message, STATUS_MS)
