"""The reminder and tray options (issue #18), kept per user in settings.ini.

The typed door for any dialog showing them (Track ▸ Reminders and Tray…, a Preferences
page): ``load_tray_prefs()`` reads them, ``save_tray_prefs(prefs, data_dir=…)`` writes
them, writes or removes the autostart entry, and tells the running tray and reminder
(``tray_prefs_changed()``), which apply them at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from journal_app.autostart import (
    AutostartState,
    autostart_path,
    autostart_state,
    autostart_supported,
    disable_autostart,
    enable_autostart,
    launch_command,
)
from journal_app.services.reminders import ReminderKind, ReminderSettings
from journal_app.ui.settings import open_settings

ENABLED_KEY = "reminders/enabled"
TIME_KEY = "reminders/time"  # "HH:MM"
WEEKDAYS_KEY = "reminders/weekdays_only"
KINDS_KEY = "reminders/kinds"  # "log,sleep"
TRAY_KEY = "tray/icon"
KEEP_RUNNING_KEY = "tray/keep_running"


@dataclass(frozen=True)
class TrayPrefs:
    reminder: ReminderSettings = field(default_factory=ReminderSettings)
    tray_icon: bool = True  # where the desktop has a tray
    keep_running: bool = False  # closing the window hides it to the tray
    start_at_login: bool = False  # the XDG autostart entry (Linux); read from the file


class _Changes(QObject):
    changed = Signal(object)  # the TrayPrefs just saved


_changes: _Changes | None = None


def tray_prefs_changed() -> _Changes:
    """The object whose ``changed(TrayPrefs)`` signal follows every save."""
    global _changes
    if _changes is None:
        _changes = _Changes()
    return _changes


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _time(text: object, default: dt.time) -> dt.time:
    try:
        return dt.time.fromisoformat(str(text)).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        return default


def _kinds(value: object) -> frozenset[ReminderKind]:
    parts = value if isinstance(value, list) else str(value).split(",")
    known = {kind.value: kind for kind in ReminderKind}
    return frozenset(known[p.strip()] for p in parts if str(p).strip() in known)


def load_tray_prefs(settings: QSettings | None = None) -> TrayPrefs:
    """The saved options; a value nobody could have written falls back to its default."""
    settings = settings if settings is not None else open_settings()
    default = ReminderSettings()
    kinds = settings.value(KINDS_KEY)
    reminder = ReminderSettings(
        enabled=_flag(settings, ENABLED_KEY, default.enabled),
        at=_time(settings.value(TIME_KEY, ""), default.at),
        weekdays_only=_flag(settings, WEEKDAYS_KEY, default.weekdays_only),
        kinds=default.kinds if kinds is None else _kinds(kinds),
    )
    return TrayPrefs(
        reminder=reminder,
        tray_icon=_flag(settings, TRAY_KEY, True),
        keep_running=_flag(settings, KEEP_RUNNING_KEY, False),
        start_at_login=autostart_supported()
        and autostart_state(autostart_path()) is AutostartState.OURS,
    )


def save_tray_prefs(
    prefs: TrayPrefs, *, data_dir: Path | None = None, settings: QSettings | None = None
) -> None:
    """Keep ``prefs`` and apply them. The autostart entry comes first: when it cannot be
    written (``AutostartRefused``: a file of that name we did not write) nothing is kept.
    ``data_dir`` is the journal the entry opens (None: the default one)."""
    if autostart_supported():
        path = autostart_path()
        if prefs.start_at_login:
            enable_autostart(path, launch_command(data_dir))
        else:
            disable_autostart(path)
    settings = settings if settings is not None else open_settings()
    reminder = prefs.reminder
    settings.setValue(ENABLED_KEY, reminder.enabled)
    settings.setValue(TIME_KEY, reminder.at.strftime("%H:%M"))
    settings.setValue(WEEKDAYS_KEY, reminder.weekdays_only)
    settings.setValue(KINDS_KEY, ",".join(k.value for k in ReminderKind if k in reminder.kinds))
    settings.setValue(TRAY_KEY, prefs.tray_icon)
    settings.setValue(KEEP_RUNNING_KEY, prefs.keep_running)
    settings.sync()
    tray_prefs_changed().changed.emit(prefs)
