"""The focus timer in the window: the status-bar widget, the Track menu, heartbeats,
Pomodoro notices, idle and crash-recovery questions, and what happens on quit.

All figures come from ``services.timer`` (the state lives in the journal, so the CLI and
the Today page may change it too); this object only shows them and asks. ``tick()`` does
one round of work: read the state, send a heartbeat when one is due, notice a finished
Pomodoro part and idle input. A QTimer calls it every second while a timer exists (every
few seconds otherwise, to notice a timer started elsewhere); tests call it after moving
the injected clock.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Unpack

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from journal_app.errors import InvalidInput
from journal_app.services import Services
from journal_app.services.tracking.settings import TrackingSettings
from journal_app.services.tracking.timer import TimerResult, TimerState, TimerTooShort
from journal_app.ui.data_events import DataEvents
from journal_app.ui.settings import open_settings
from journal_app.ui.timer import format as fmt
from journal_app.ui.timer import prompts
from journal_app.ui.timer.actions import TimerActions
from journal_app.ui.timer.idle import InputWatcher
from journal_app.ui.timer.notify import Notifier
from journal_app.ui.timer.start_dialog import StartDialog
from journal_app.ui.timer.status_widget import TimerStatusWidget
from journal_app.ui.tracking.pickers import LabelIds
from journal_app.ui.window_context import WindowContext

log = logging.getLogger(__name__)

TICK_MS = 1000  # while a timer exists: the display counts seconds
POLL_MS = 5000  # without one: notice a timer started from the CLI
HEARTBEAT_EVERY = dt.timedelta(seconds=30)  # the service calls a timer stale after 2 min
POMODORO_KEY = "timer/pomodoro"  # the start dialog's checkbox, remembered
NO_USER_PLATFORMS = ("offscreen", "minimal")  # nobody could answer a modal question
_ZERO = dt.timedelta(0)


class FocusTimerController(QObject):
    part_finished = Signal(str)  # a Pomodoro part ended; the notice's text
    prompt_opened = Signal(object)  # a keep/discard or discard question is showing
    refreshed = Signal()  # the widget shows the latest state

    def __init__(
        self,
        context: WindowContext,
        services: Services,
        events: DataEvents,
        *,
        ui_settings: QSettings | None = None,
    ) -> None:
        window = context.dialog_parent()
        super().__init__(window)
        self._context = context
        self._window = window  # the parent of its dialogs and prompts
        self._services = services
        self._events = events
        self._ui_settings_given = ui_settings  # else the user's file, opened when needed
        self.settings: TrackingSettings = services.tracking_settings.get()
        self.state: TimerState | None = None
        self.pending_prompt: QMessageBox | None = None
        self.dialog: QObject | None = None  # the start/relabel or settings dialog last opened
        self._recovering = False
        self._closed = False
        self._phase: tuple[object, ...] | None = None  # (started_at, part kind, number)
        self._last_input: dt.datetime | None = None
        self._idle_from: dt.datetime | None = None  # last input before the user went away
        self._last_labels: LabelIds = {}
        # What to do with a running timer when the window closes; tests replace it.
        self.ask_quit: Callable[[TimerState], prompts.QuitChoice] = self._ask_quit

        self.notifier = Notifier(context)
        self.watcher = InputWatcher(self)
        self.watcher.returned.connect(self._on_returned, Qt.ConnectionType.QueuedConnection)
        self.widget = TimerStatusWidget()
        context.add_status_widget(self.widget)
        self.actions = TimerActions(context)
        self._connect()

        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._on_ticker)
        events.timer_changed.connect(self.tick)
        events.tracking_changed.connect(self._on_tracking_changed)
        self.check_recovery()  # before the first tick: its heartbeat would mean "keep"
        self.tick()
        self._ticker.start(TICK_MS if self.state is not None else POLL_MS)

    def _connect(self) -> None:
        w, a = self.widget, self.actions
        w.start_clicked.connect(self.open_start_dialog)
        w.pause_clicked.connect(self.toggle_pause)
        w.stop_clicked.connect(self.stop)
        w.skip_break_clicked.connect(self.skip_break)
        w.labels_clicked.connect(self.open_relabel_dialog)
        a.start.triggered.connect(lambda: self.open_start_dialog())
        a.pause.triggered.connect(lambda: self.toggle_pause())
        a.stop.triggered.connect(lambda: self.stop())
        a.skip_break.triggered.connect(lambda: self.skip_break())
        a.relabel.triggered.connect(lambda: self.open_relabel_dialog())
        a.discard.triggered.connect(lambda: self.ask_discard())
        a.settings.triggered.connect(lambda: self.open_settings_dialog())

    # -- the round of work ------------------------------------------------------------------

    def tick(self) -> None:
        """Read the timer, send a heartbeat when due, notice a finished Pomodoro part and
        idle input, and show the result."""
        if self._closed:
            return
        timer = self._services.timer
        state = timer.status()
        if state is not None and state.running and not self._recovering:
            beat = state.last_heartbeat
            # A clock moved backwards (negative gap) also calls for a fresh heartbeat.
            if beat is None or not _ZERO <= state.now - beat < HEARTBEAT_EVERY:
                state = timer.heartbeat()
        if state is not None and state.running and not self._recovering:
            self._check_idle(state)
        else:
            self._idle_from = None
        self._check_part(state)
        self._show(state)

    def _on_ticker(self) -> None:
        try:
            self.tick()
        except Exception:  # e.g. the database busy for a moment: try again next second
            log.exception("focus timer tick failed")

    def _check_idle(self, state: TimerState) -> None:
        now = state.now
        if self._idle_from is not None:
            return  # the watcher says when the user is back
        if self._last_input is None or self.watcher.take():
            self._last_input = now
        if self.pending_prompt is not None:
            return
        limit = dt.timedelta(minutes=self.settings.idle_minutes)
        if now - self._last_input > limit and self._services.timer.idle_since(
            self._last_input, self.settings.idle_minutes
        ):
            self._idle_from = self._last_input
            self.watcher.take()
            self.watcher.arm()

    def _check_part(self, state: TimerState | None) -> None:
        previous = self._phase
        self._adopt_part(state)
        if state is None or state.pomodoro is None or previous is None or not state.running:
            return
        if previous[0] == state.started_at and previous != self._phase:
            text = fmt.part_finished_text(state.pomodoro)
            self.notifier.notify("Pomodoro", text)
            self.part_finished.emit(text)

    def _adopt_part(self, state: TimerState | None) -> None:
        if state is None or state.pomodoro is None:
            self._phase = None
        else:
            self._phase = (state.started_at, state.pomodoro.kind, state.pomodoro.number)

    def _show(self, state: TimerState | None) -> None:
        self.state = state
        running = state is not None and state.running and not self._recovering
        if running and not self.watcher.installed:
            app = QApplication.instance()
            if app is not None:
                self.watcher.install(app)
        elif not running and self.watcher.installed:
            self.watcher.uninstall()
        self.widget.show_state(state, idle=self._idle_from is not None)
        self.actions.update(state)
        self.notifier.set_visible(state is not None)
        if state is not None:
            self.notifier.set_tooltip(f"{fmt.clock_text(state.elapsed)} · {fmt.labels_text(state)}")
        wanted = TICK_MS if state is not None else POLL_MS
        if self._ticker.isActive() and self._ticker.interval() != wanted:
            self._ticker.start(wanted)
        self.refreshed.emit()

    def _changed(self, state: TimerState | None, *, saved: bool = False) -> None:
        """After our own change: show it (no notice for a part we moved ourselves) and
        tell the other views."""
        self._adopt_part(state)
        self._show(state)
        self._events.timer_changed.emit()
        if saved:
            self._events.tracking_changed.emit()

    @property
    def ui_settings(self) -> QSettings:
        """Where the start dialog's Pomodoro choice is remembered. Opened on first use:
        a window that never starts a timer (the self-test) leaves no settings behind."""
        if self._ui_settings_given is None:
            self._ui_settings_given = open_settings()
        return self._ui_settings_given

    def _message(self, text: str) -> None:
        self._context.show_status(text, 8000)

    def _gone(self) -> None:
        """A command for a timer that is no longer there (stopped from the CLI, say)."""
        self._message("No focus timer is running")
        self.tick()

    def _attempt(self, change: Callable[[], TimerState | None]) -> TimerState | None:
        """Run a timer change; a refusal (e.g. the CLI stopped the timer meanwhile) is
        shown in the status bar and the display catches up."""
        try:
            return change()
        except InvalidInput as exc:
            self._message(str(exc)[:1].upper() + str(exc)[1:])
            self.tick()
            return None

    # -- commands -----------------------------------------------------------------------------

    def open_start_dialog(self) -> StartDialog:
        remembered = self.ui_settings.value(POMODORO_KEY, False)
        dialog = StartDialog(
            self._services,
            pomodoro=remembered in (True, "true", "1", 1),
            labels=self._last_labels,
            parent=self._window,
        )
        dialog.saved.connect(lambda state, d=dialog: self._on_started(state, d))
        self._open_dialog(dialog)
        return dialog

    def open_relabel_dialog(self) -> StartDialog | None:
        state = self._services.timer.status()
        if state is None:
            self._gone()
            return None
        dialog = StartDialog(self._services, running=state, parent=self._window)
        dialog.saved.connect(lambda new: self._changed(new))
        self._open_dialog(dialog)
        return dialog

    def open_settings_dialog(self) -> QObject:
        """The targets, idle limit and Pomodoro lengths are in Preferences now."""
        return self._context.open_preferences("targets")

    def _open_dialog(self, dialog: QObject) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def start(
        self, *, pomodoro: bool = False, note: str = "", **ids: Unpack[LabelIds]
    ) -> TimerState:
        """Start the timer without the dialog (raises InvalidInput)."""
        config = self.settings.pomodoro() if pomodoro else None
        state = self._services.timer.start(note=note, pomodoro=config, **ids)
        self._on_started(state, None)
        return state

    def _on_started(self, state: TimerState, dialog: StartDialog | None) -> None:
        if dialog is not None:
            self.ui_settings.setValue(POMODORO_KEY, dialog.pomodoro_check.isChecked())
            self._last_labels = {
                "category_id": state.category_id,
                "skill_id": state.skill_id,
                "resource_id": state.resource_id,
                "task_id": state.task_id,
            }
        self._last_input = state.now
        self._idle_from = None
        self._changed(state)
        self._message(f"Focus timer started: {fmt.labels_text(state)}")

    def toggle_pause(self) -> TimerState | None:
        timer = self._services.timer
        current = timer.status()
        if current is None:
            self._gone()
            return None
        state = self._attempt(timer.pause if current.running else timer.resume)
        if state is not None:
            self._last_input = state.now
            self._idle_from = None
            self.watcher.disarm()
            self._changed(state)
        return state

    def stop(self) -> TimerResult | None:
        """Stop and save one session (source "timer"). Under a minute nothing is thrown
        away unasked: a question offers to keep timing or to discard the time."""
        try:
            result = self._services.timer.stop()
        except TimerTooShort as exc:
            self.ask_short(exc.worked)
            return None
        except InvalidInput as exc:
            self._message(str(exc)[:1].upper() + str(exc)[1:])
            self.tick()
            return None
        self._idle_from = None
        self._changed(None, saved=True)
        self._message(f"Saved a focus session of {fmt.duration_text(result.worked)}")
        return result

    def ask_short(self, worked: dt.timedelta) -> prompts.ShortSessionPrompt:
        """Stop was asked for under a minute of work: keep timing (the default) or
        discard it."""
        prompt = prompts.ShortSessionPrompt(self._window, worked)
        prompt.answered.connect(self._on_discard_answered)
        self._open_prompt(prompt)
        return prompt

    def skip_break(self) -> TimerState | None:
        state = self._attempt(self._services.timer.skip_break)
        if state is not None:
            self._changed(state)
        return state

    def ask_discard(self) -> prompts.DiscardPrompt | None:
        state = self._services.timer.status()
        if state is None:
            self._gone()
            return None
        prompt = prompts.DiscardPrompt(self._window, state)
        prompt.answered.connect(self._on_discard_answered)
        self._open_prompt(prompt)
        return prompt

    def _on_discard_answered(self, discard: bool) -> None:
        if not discard:
            return
        try:
            self._services.timer.cancel()
        except InvalidInput:  # already gone (e.g. stopped from the CLI)
            self.tick()
            return
        self._idle_from = None
        self._changed(None)
        self._message("The focus session was discarded")

    # -- questions ---------------------------------------------------------------------------

    def _open_prompt(self, prompt: QMessageBox) -> None:
        self.pending_prompt = prompt

        def done(_result: int) -> None:
            if self.pending_prompt is prompt:
                self.pending_prompt = None
            prompt.deleteLater()

        prompt.finished.connect(done)
        prompt.open()
        self.prompt_opened.emit(prompt)

    def check_recovery(self) -> prompts.KeepOrDiscardPrompt | None:
        """After a crash or kill: ask to keep or discard the time since the last
        heartbeat. Until answered no heartbeat is sent (it would mean "keep")."""
        if self._recovering:
            return None  # already asking
        recovery = self._services.timer.recover()
        if recovery is None:
            return None
        self._recovering = True
        prompt = prompts.recovery_prompt(self._window, recovery, self._services.tz)
        since = recovery.last_heartbeat

        def answered(keep: bool) -> None:
            self._recovering = False
            timer = self._services.timer
            state = self._attempt(timer.heartbeat if keep else lambda: timer.discard_idle(since))
            self._last_input = None
            self._changed(state if state is not None else timer.status())

        prompt.answered.connect(answered)
        self._open_prompt(prompt)
        return prompt

    def _on_returned(self) -> None:
        """The first input after idle: ask whether the idle time counts."""
        since = self._idle_from
        if since is None or self.pending_prompt is not None or self._closed:
            return
        state = self._services.timer.status()
        if state is None or not state.running:
            self._idle_from = None
            self._show(state)
            return
        prompt = prompts.idle_prompt(self._window, since, state.now, self._services.tz)

        def answered(keep: bool) -> None:
            timer = self._services.timer
            self._idle_from = None
            new = (
                timer.status()
                if keep
                else self._attempt(lambda: timer.discard_idle(since, resume=True))
            )
            self._last_input = None if new is None else new.now
            if keep:
                self._show(new)
            else:
                self._changed(new)

        prompt.answered.connect(answered)
        self._open_prompt(prompt)

    # -- settings and closing ---------------------------------------------------------------

    def _on_tracking_changed(self) -> None:
        self.settings = self._services.tracking_settings.get()

    def _ask_quit(self, state: TimerState) -> prompts.QuitChoice:
        if QGuiApplication.platformName() in NO_USER_PLATFORMS:
            return prompts.QuitChoice.KEEP  # nothing lost: the next start offers the gap
        return prompts.ask_on_quit(self._window, state)

    def can_close(self) -> bool:
        """Asked when the window closes: a running timer keeps running (recovered at the
        next start, like after a crash), is stopped and saved, or the quit is cancelled."""
        if self._closed:
            return True
        state = self._services.timer.status()
        if self._services.throwaway:
            state = None  # the demo journal is deleted on close: there is nothing to keep
        if state is not None and state.running and not self._recovering:
            choice = self.ask_quit(state)
            if choice is prompts.QuitChoice.CANCEL:
                return False
            if choice is prompts.QuitChoice.STOP:
                try:
                    self._services.timer.stop()
                except TimerTooShort:  # the question said so: under a minute, discarded
                    self._services.timer.cancel()
                self._changed(None, saved=True)
            else:
                self._services.timer.heartbeat()  # the gap is counted from now
        self.detach()
        return True

    def detach(self) -> None:
        """Stop ticking, watching input and notifying (the window is going away)."""
        self._closed = True
        self._ticker.stop()
        self.watcher.uninstall()
        self.notifier.close()
        if self.pending_prompt is not None:
            prompt, self.pending_prompt = self.pending_prompt, None
            prompt.finished.disconnect()
            prompt.close()
