"""Help > About shows the name, the version and what the app is for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from journal_app import APP_NAME, __version__
from journal_app.ui.about import AboutDialog

# Offscreen Qt cannot size a native dialog window and says so; other platforms can.
OFFSCREEN_DIALOG = "does not support propagateSizeHints"


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_about_shows_the_version_and_a_description(qtbot, make_window):
    window = make_window()
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        if dialog is not None:
            seen["texts"] = [label.text() for label in dialog.findChildren(QLabel)]
            seen["title"] = dialog.windowTitle()
            dialog.reject()

    QTimer.singleShot(0, answer)
    window.about_action.trigger()  # returns when the modal dialog is closed

    assert isinstance(seen["dialog"], AboutDialog)
    assert seen["title"] == f"About {APP_NAME}"
    texts = seen["texts"]
    assert f"Version {__version__}" in texts
    assert APP_NAME in texts
    assert any("teach themselves" in text for text in texts)


def test_about_dialog_has_the_logo(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    logos = [label for label in dialog.findChildren(QLabel) if not label.pixmap().isNull()]
    assert logos and logos[0].pixmap().width() >= 64
