"""Tray fixtures: a fake system tray (the offscreen platform has none), the reminder's
options saved before the window opens, and a window on a journal cut in Berlin time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from journal_app.services.reminders import ReminderSettings
from journal_app.ui.tray import controller as tray_controller
from journal_app.ui.tray.prefs import TrayPrefs, save_tray_prefs

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = dt.date(2026, 11, 23)
SATURDAY = dt.date(2026, 11, 28)


def berlin(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN).astimezone(dt.UTC)


class FakeTray(QObject):
    """Records what a QSystemTrayIcon would show; a test emits its signals as a click."""

    activated = Signal(object)
    messageClicked = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.menu: QMenu | None = None
        self.tip = ""
        self.visible = False
        self.messages: list[tuple[str, str]] = []

    def setContextMenu(self, menu: QMenu) -> None:
        self.menu = menu

    def setToolTip(self, tip: str) -> None:
        self.tip = tip

    def toolTip(self) -> str:
        return self.tip

    def setVisible(self, visible: bool) -> None:
        self.visible = visible

    def isVisible(self) -> bool:
        return self.visible

    def showMessage(
        self, title: str, text: str, _icon: QSystemTrayIcon.MessageIcon, _msecs: int
    ) -> None:
        self.messages.append((title, text))


@pytest.fixture
def fake_tray(monkeypatch):
    """The desktop has a tray: the controller gets a FakeTray (the list holds it)."""
    made: list[FakeTray] = []

    def make(parent: QObject) -> FakeTray:
        made.append(FakeTray(parent))
        return made[-1]

    monkeypatch.setattr(tray_controller, "tray_available", lambda: True)
    monkeypatch.setattr(tray_controller, "make_tray", make)
    return made


@pytest.fixture
def journal(services, clock):
    services.tz = BERLIN
    clock.now = berlin(MONDAY, 19)
    return services


@pytest.fixture
def save_prefs(settings):
    def save(**changes) -> TrayPrefs:
        reminder = changes.pop("reminder", ReminderSettings(enabled=True, at=dt.time(20, 0)))
        prefs = TrayPrefs(reminder=reminder, **changes)
        save_tray_prefs(prefs, settings=settings)
        return prefs

    return save


@pytest.fixture
def open_window(make_window, journal, qtbot):
    """``open_window()`` -> a shown MainWindow with its tray controller installed."""

    def open_():
        window = make_window()
        qtbot.waitUntil(lambda: window.tray is not None, timeout=30_000)
        return window

    return open_
