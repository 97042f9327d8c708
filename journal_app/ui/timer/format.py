"""Text for the running timer: clock figures, what it is about, the Pomodoro part."""

from __future__ import annotations

import datetime as dt

from journal_app.services.tracking.pomodoro import BREAK, LONG_BREAK, WORK
from journal_app.services.tracking.timer import PomodoroStatus, TimerState

PART_NAMES = {WORK: "Work", BREAK: "Break", LONG_BREAK: "Long break"}


def clock_text(delta: dt.timedelta) -> str:
    """h:mm:ss, never negative (whole seconds, rounded down)."""
    seconds = max(int(delta.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def remaining_text(delta: dt.timedelta) -> str:
    """m:ss under an hour, else h:mm:ss; rounded up so a part never shows 0:00 early."""
    seconds = max(-int(-delta.total_seconds() // 1), 0)
    if seconds >= 3600:
        return clock_text(dt.timedelta(seconds=seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def minutes_text(minutes: float) -> str:
    return f"{minutes:g} min"


def labels_text(state: TimerState) -> str:
    """'Coding · Machine learning · Transformers course', or a hint when unlabelled."""
    parts = [state.category, state.skill, state.resource, state.task]
    shown = [p for p in parts if p]
    return " · ".join(shown) if shown else "Unlabelled session"


def part_text(pomodoro: PomodoroStatus) -> str:
    """'Work 2' / 'Break' / 'Long break'."""
    name = PART_NAMES.get(pomodoro.kind, pomodoro.kind)
    return f"{name} {pomodoro.number}" if pomodoro.kind == WORK else name


def part_finished_text(new: PomodoroStatus) -> str:
    """The notice at the end of the part before ``new``."""
    config = new.config
    if new.kind == WORK:
        return f"Break over: work part {new.number} starts ({minutes_text(config.work_minutes)})"
    length = config.long_break_minutes if new.kind == LONG_BREAK else config.break_minutes
    kind = "a long break" if new.kind == LONG_BREAK else "a break"
    return f"Work part {new.number} done: take {kind} ({minutes_text(length)})"


def pomodoro_summary(work: float, pause: float, long_pause: float, every: int) -> str:
    """'25 min work, 5 min breaks, 15 min after every 4'."""
    text = f"{minutes_text(work)} work, {minutes_text(pause)} breaks"
    if every and long_pause:
        text += f", {minutes_text(long_pause)} after every {every}"
    return text


def duration_text(delta: dt.timedelta) -> str:
    """'40 s', '12 min', '1 h 5 min', '2 d 3 h': how long, for a question."""
    seconds = max(int(delta.total_seconds()), 0)
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def local_time_text(instant: dt.datetime, tz: dt.tzinfo, now: dt.datetime) -> str:
    """'22:00', or 'Sun 22 Nov 22:00' when it is not today."""
    local = instant.astimezone(tz)
    if local.date() == now.astimezone(tz).date():
        return local.strftime("%H:%M")
    return local.strftime("%a %d %b %H:%M")
