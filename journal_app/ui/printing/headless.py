"""A QGuiApplication for commands that lay out text (a PDF) without showing anything."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from PySide6.QtGui import QGuiApplication


@contextlib.contextmanager
def gui_application() -> Iterator[QGuiApplication]:
    """The running application, or an offscreen one for the block: a terminal command
    must work over SSH and in CI, where there is no display to connect to."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        yield existing
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(["journal-app"])
    try:
        yield app
    finally:
        app.shutdown()
