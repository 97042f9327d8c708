"""Per-journal tracking settings (targets, idle limit, Pomodoro lengths, streak threshold),
kept in the `setting` table as "tracking.<name>" so they travel with the data."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from journal_app.db.models import Setting
from journal_app.errors import InvalidInput
from journal_app.services.common import atomic
from journal_app.services.tracking.common import check_number, put_setting
from journal_app.services.tracking.pomodoro import PomodoroConfig

PREFIX = "tracking."


@dataclass(frozen=True)
class TrackingSettings:
    daily_target_hours: float = 2.0  # the Today view's bar
    weekly_target_hours: float = 14.0
    idle_minutes: float = 10.0  # ask to keep or discard after this long without input
    streak_min_hours: float = 0.25  # a day counts toward a streak from this much work
    pomodoro_work_minutes: float = 25.0
    pomodoro_break_minutes: float = 5.0
    pomodoro_long_break_minutes: float = 15.0
    pomodoro_long_break_every: int = 4  # work parts per long break; 0: never
    default_skill_target_hours: float = 10_000.0
    sleep_target_hours: float = 8.0  # the Dashboard's sleep-debt line

    def pomodoro(self) -> PomodoroConfig:
        """The Pomodoro lengths as the timer takes them."""
        return PomodoroConfig(
            work_minutes=self.pomodoro_work_minutes,
            break_minutes=self.pomodoro_break_minutes,
            long_break_minutes=self.pomodoro_long_break_minutes,
            long_break_every=self.pomodoro_long_break_every,
        )


_LIMITS: dict[str, tuple[float, float]] = {
    "daily_target_hours": (0, 24),
    "weekly_target_hours": (0, 168),
    "idle_minutes": (1, 24 * 60),
    "streak_min_hours": (0, 24),
    "pomodoro_work_minutes": (1, 24 * 60),
    "pomodoro_break_minutes": (0, 24 * 60),
    "pomodoro_long_break_minutes": (0, 24 * 60),
    "pomodoro_long_break_every": (0, 100),
    "default_skill_target_hours": (1, 1_000_000),
    "sleep_target_hours": (0, 24),
}
_LABELS = {
    "daily_target_hours": "the daily target",
    "weekly_target_hours": "the weekly target",
    "idle_minutes": "the idle limit",
    "streak_min_hours": "the streak threshold",
    "pomodoro_work_minutes": "the Pomodoro work length",
    "pomodoro_break_minutes": "the Pomodoro break length",
    "pomodoro_long_break_minutes": "the Pomodoro long break length",
    "pomodoro_long_break_every": "the number of work parts per long break",
    "default_skill_target_hours": "the default skill target",
    "sleep_target_hours": "the sleep target",
}
_FIELDS = {f.name: f for f in dataclasses.fields(TrackingSettings)}


def _check(name: str, value: object) -> float | int:
    low, high = _LIMITS[name]
    label = _LABELS[name]
    if _FIELDS[name].type == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(f"{label} must be a whole number, not {value!r}")
        number: float | int = value
    else:
        number = check_number(value, label)
    if number < low or number > high:
        raise InvalidInput(f"{label} must be between {low:g} and {high:g}")
    return number


class SettingsService:
    def get(self) -> TrackingSettings:
        """The stored settings; unknown or damaged values fall back to the defaults."""
        stored: dict[str, Any] = {}
        query = Setting.select().where(Setting.key.startswith(PREFIX))
        for row in query:
            name = row.key[len(PREFIX) :]
            if name not in _FIELDS:
                continue
            try:
                stored[name] = _check(name, json.loads(row.value))
            except (ValueError, InvalidInput):
                continue
        return TrackingSettings(**stored)

    def update(self, **changes: Any) -> TrackingSettings:
        """Change some settings (by field name); each is checked, all saved together."""
        checked: dict[str, float | int] = {}
        for name, value in changes.items():
            if name not in _FIELDS:
                raise InvalidInput(f"there is no tracking setting {name!r}")
            checked[name] = _check(name, value)
        with atomic():
            for name, value in checked.items():
                put_setting(PREFIX + name, json.dumps(value))
        return self.get()

    def reset(self) -> TrackingSettings:
        Setting.delete().where(Setting.key.startswith(PREFIX)).execute()
        return self.get()
