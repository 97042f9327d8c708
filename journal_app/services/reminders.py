"""The daily reminder's rules (issue #18): what to remind of, and when.

Pure and Qt-free, with the time passed in: the window's scheduler
(``ui/tray/reminder.py``) asks ``is_due`` and ``next_time`` on each of its timer's fires,
and ``reminder_for`` with the day's ``DayStatus`` from ``ReminderService``. Times are
aware datetimes in the journal's zone (``Services.tz``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal_app.services.entries import EntryService
    from journal_app.services.tracking.sleep import SleepService

WEEK = 7
TITLE = "Journal reminder"


class ReminderKind(StrEnum):
    LOG = "log"  # no entry dated today
    SLEEP = "sleep"  # last night's sleep not logged


REMINDER_TEXTS: dict[ReminderKind, str] = {
    ReminderKind.LOG: "Write today's log",
    ReminderKind.SLEEP: "You haven't logged sleep",
}


@dataclass(frozen=True)
class ReminderSettings:
    """Off until the user turns it on: a reminder nobody asked for is nagging."""

    enabled: bool = False
    at: dt.time = dt.time(20, 0)
    weekdays_only: bool = False
    kinds: frozenset[ReminderKind] = field(default_factory=lambda: frozenset(ReminderKind))


@dataclass(frozen=True)
class DayStatus:
    day: dt.date
    logged: bool  # an entry is dated that day
    slept: bool  # the night ending that morning is logged (hours of sleep)


@dataclass(frozen=True)
class Reminder:
    kinds: tuple[ReminderKind, ...]  # in ReminderKind order
    title: str
    text: str

    @property
    def opens_new_entry(self) -> bool:
        """A click writes the log (a new entry); a sleep-only reminder opens Today."""
        return ReminderKind.LOG in self.kinds


def applies_on(settings: ReminderSettings, day: dt.date) -> bool:
    """Whether ``day`` gets a reminder at all."""
    if not settings.enabled or not settings.kinds:
        return False
    return not settings.weekdays_only or day.weekday() < 5


def is_due(settings: ReminderSettings, now: dt.datetime, shown_on: dt.date | None) -> bool:
    """A reminder is due from its time of day until midnight, once a day: a window opened
    (or a laptop woken) after the time still reminds, a second check the same day does
    not. ``shown_on`` is the day the reminder was last handled."""
    day = now.date()
    return applies_on(settings, day) and shown_on != day and now.time() >= settings.at


def next_time(
    settings: ReminderSettings, now: dt.datetime, shown_on: dt.date | None
) -> dt.datetime | None:
    """The first instant after ``now`` at which a reminder becomes due (None: never).
    A reminder due now is the caller's to show; the next one is on a later day."""
    if not settings.enabled or not settings.kinds:
        return None
    for offset in range(WEEK + 1):
        day = now.date() + dt.timedelta(days=offset)
        if day == shown_on or not applies_on(settings, day):
            continue
        at = _local(day, settings.at, now.tzinfo)
        if at > now:
            return at
    return None


def _local(day: dt.date, at: dt.time, tz: dt.tzinfo | None) -> dt.datetime:
    """``at`` on ``day`` in ``tz``; a wall time skipped by a clock change moves on with it."""
    naive = dt.datetime.combine(day, at)
    if tz is None:
        return naive
    return naive.replace(tzinfo=tz).astimezone(dt.UTC).astimezone(tz)


def reminder_for(settings: ReminderSettings, status: DayStatus) -> Reminder | None:
    """What to remind of on ``status.day``; None when all of it is logged already."""
    missing = {ReminderKind.LOG: not status.logged, ReminderKind.SLEEP: not status.slept}
    kinds = tuple(kind for kind in ReminderKind if kind in settings.kinds and missing[kind])
    if not kinds:
        return None
    return Reminder(kinds, TITLE, "\n".join(REMINDER_TEXTS[kind] for kind in kinds))


class ReminderService:
    """What a reminder needs to know from the journal."""

    def __init__(self, entries: EntryService, sleep: SleepService) -> None:
        self._entries = entries
        self._sleep = sleep

    def status(self, day: dt.date) -> DayStatus:
        logged = bool(self._entries.days_with_entries(day, day))
        night = self._sleep.get(day)
        return DayStatus(day, logged, night is not None and night.sleep_hours is not None)
