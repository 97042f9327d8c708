"""UI fixtures: a settings file in the (tmp) config dir, windows that clean up after
themselves, and the application's look restored after each test."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from journal_app.config import config_dir


@pytest.fixture
def settings_path():
    return config_dir() / "settings.ini"


@pytest.fixture
def settings(settings_path):
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _restore_app_look(qapp: QApplication):
    """Theme tests change the application-wide palette; put it back afterwards."""
    palette = QApplication.palette()
    sheet = qapp.styleSheet()
    yield
    hints = QApplication.styleHints()
    if hasattr(hints, "unsetColorScheme"):
        hints.unsetColorScheme()
    QApplication.setPalette(palette)
    qapp.setStyleSheet(sheet)


@pytest.fixture
def make_window(qtbot, services, settings):
    """``make_window()`` -> a shown MainWindow on the ``services`` journal."""
    from journal_app.ui.main_window import MainWindow

    def make(*, show: bool = True, settings_override: QSettings | None = None) -> MainWindow:
        window = MainWindow(services, settings=settings_override or settings)
        qtbot.addWidget(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        return window

    return make


@dataclass
class Fifo:
    path: Path
    stuck_readers: int = 0  # readers found waiting on it for a writer (each set free)


@pytest.fixture
def fifo(tmp_path):
    """A FIFO named like an image, and a watchdog that counts any reader stuck opening
    or reading it and sets it free with an empty pipe: a regression fails the test on
    ``stuck_readers`` instead of hanging it (and no test needs a time limit)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    found = Fifo(tmp_path / "pipe.png")
    os.mkfifo(found.path)
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.02):
            try:  # opening for writing without blocking works only while a reader waits
                os.close(os.open(found.path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:  # ENXIO: nobody is reading
                continue
            found.stuck_readers += 1

    watchdog = threading.Thread(target=watch, daemon=True)
    watchdog.start()
    yield found
    done.set()
    watchdog.join()
