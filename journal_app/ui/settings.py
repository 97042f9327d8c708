"""Per-user UI settings (window geometry, last area, theme) in one INI file."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSettings

from journal_app.config import config_dir

SETTINGS_NAME = "settings.ini"


def open_settings() -> QSettings:
    """``<config dir>/settings.ini``; tests point JOURNAL_APP_CONFIG_DIR at tmp_path."""
    folder = config_dir()
    with contextlib.suppress(OSError):  # unwritable: settings simply are not kept
        folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / SETTINGS_NAME), QSettings.Format.IniFormat)
