"""The timer's questions. Keep-or-discard and discard-confirmation boxes are opened with
``open()`` (they never block a test; answer with ``keep()``/``discard()``/``confirm()``
or by clicking their buttons); only the quit question is modal, since closing a window
needs its answer at once."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from journal_app.services.tracking.sessions import MIN_SESSION
from journal_app.services.tracking.timer import Recovery, TimerState
from journal_app.ui.timer import format as fmt


class KeepOrDiscardPrompt(QMessageBox):
    """Keep some time in the running session or drop it. Keep is the default and what
    Esc means: nothing the user did is lost by a stray key."""

    answered = Signal(bool)  # True: keep

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        text: str,
        detail: str,
        amount: str,
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(title)
        self.setText(text)
        self.setInformativeText(detail)
        self.keep_button = self.addButton(f"&Keep {amount}", QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(
            f"&Discard {amount}", QMessageBox.ButtonRole.DestructiveRole
        )
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)
        self.finished.connect(self._on_finished)

    def keep(self) -> None:
        self.keep_button.click()

    def discard(self) -> None:
        self.discard_button.click()

    def _on_finished(self, _result: int) -> None:
        self.answered.emit(self.clickedButton() is not self.discard_button)


def recovery_prompt(
    parent: QWidget | None, recovery: Recovery, tz: dt.tzinfo
) -> KeepOrDiscardPrompt:
    since = fmt.local_time_text(recovery.last_heartbeat, tz, recovery.timer.now)
    amount = fmt.duration_text(recovery.since_heartbeat)
    return KeepOrDiscardPrompt(
        parent,
        title="Focus timer left running",
        text=(
            f"The focus timer ({fmt.labels_text(recovery.timer)}) was running when the app "
            f"last stopped, at {since}: {amount} ago."
        ),
        detail=(
            f"Keep those {amount} in the session (the timer runs on), or discard them "
            f"(the session keeps its time up to {since} and is paused)?"
        ),
        amount=amount,
    )


def idle_prompt(
    parent: QWidget | None, since: dt.datetime, now: dt.datetime, tz: dt.tzinfo
) -> KeepOrDiscardPrompt:
    amount = fmt.duration_text(now - since)
    return KeepOrDiscardPrompt(
        parent,
        title="Were you away?",
        text=f"No keyboard or mouse input since {fmt.local_time_text(since, tz, now)}: {amount}.",
        detail=f"Keep those {amount} in the focus session, or discard them? "
        "The timer runs on either way.",
        amount=amount,
    )


class DiscardPrompt(QMessageBox):
    """ "Really throw the running session away?" Cancel is the default."""

    answered = Signal(bool)  # True: discard

    def __init__(self, parent: QWidget | None, state: TimerState) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Discard focus session")
        self.setText("Discard the running focus session?")
        self.setInformativeText(
            f"The {fmt.clock_text(state.elapsed)} timed so far ({fmt.labels_text(state)}) "
            "will not be saved."
        )
        self.discard_button = self.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.finished.connect(
            lambda _r: self.answered.emit(self.clickedButton() is self.discard_button)
        )

    def confirm(self) -> None:
        self.discard_button.click()

    def cancel(self) -> None:
        self.cancel_button.click()


class ShortSessionPrompt(QMessageBox):
    """Stop asked for under a minute of work. A session lasts at least a minute, so keep
    timing (the default, and what Esc means) or discard those seconds."""

    answered = Signal(bool)  # True: discard

    def __init__(self, parent: QWidget | None, worked: dt.timedelta) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("Under a minute")
        amount = fmt.duration_text(worked)
        self.setText(f"Only {amount} timed so far.")
        self.setInformativeText(
            "A session lasts at least a minute. Keep timing (the timer goes on as it "
            f"was), or discard the {amount}?"
        )
        self.keep_button = self.addButton("&Keep Timing", QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(
            f"&Discard {amount}", QMessageBox.ButtonRole.DestructiveRole
        )
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)
        self.finished.connect(
            lambda _r: self.answered.emit(self.clickedButton() is self.discard_button)
        )

    def keep(self) -> None:
        self.keep_button.click()

    def discard(self) -> None:
        self.discard_button.click()


class QuitChoice(StrEnum):
    KEEP = "keep"  # leave it running; the next start offers to keep or discard the gap
    STOP = "stop"  # stop and save the session, then quit
    CANCEL = "cancel"  # do not quit


def ask_on_quit(parent: QWidget | None, state: TimerState) -> QuitChoice:
    """Ask what to do with a timer when the window closes (modal)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Focus timer running")
    what = "running" if state.running else "paused"
    box.setText(f"The focus timer is {what} ({fmt.clock_text(state.elapsed)}).")
    box.setInformativeText(
        "Keep it running while the app is closed (the next start asks whether to keep "
        "that time), or stop it and save the session now?"
    )
    short = state.elapsed < MIN_SESSION  # too short to be a session: say what Stop does
    if short:
        box.setInformativeText(
            "Keep it running while the app is closed (the next start asks whether to keep "
            f"that time), or stop it now? Stopping discards the {fmt.duration_text(state.elapsed)} "
            "timed: a session lasts at least a minute."
        )
    keep = box.addButton("&Keep Running", QMessageBox.ButtonRole.AcceptRole)
    stop = box.addButton(
        "&Stop and Discard" if short else "&Stop and Save", QMessageBox.ButtonRole.ActionRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is stop:
        return QuitChoice.STOP
    if clicked is keep:
        return QuitChoice.KEEP
    return QuitChoice.CANCEL
