"""The questions the library asks: "really?", "which of these?", "open this link?".

Module-level functions so tests replace them (``monkeypatch.setattr(prompts, "confirm",
...)``) instead of answering a modal box. The app never connects anywhere itself: a link
is handed to the system's browser only after the user agreed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from journal_app.ui.widgets.links import confirm_link  # patched here by tests

WEB_SCHEMES = ("http", "https")


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before something that cannot be undone; ``action`` names the button that does
    it. Cancel is the default, so a stray Enter changes nothing."""
    return choose(parent, title, text, [action]) == action


def choose(parent: QWidget | None, title: str, text: str, actions: Sequence[str]) -> str | None:
    """Offer ``actions`` (the first one destructive) and Cancel; the chosen action's text,
    or None for Cancel."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(text)
    buttons: dict[object, str] = {}
    for number, action in enumerate(actions):
        role = (
            QMessageBox.ButtonRole.DestructiveRole
            if number == 0
            else QMessageBox.ButtonRole.AcceptRole
        )
        buttons[box.addButton(action, role)] = action
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return buttons.get(box.clickedButton())


def open_link(url: str) -> bool:
    """Hand a web address to the system's browser (nothing else: no file:, no javascript:)."""
    target = QUrl(url)
    if not target.isValid() or target.scheme().lower() not in WEB_SCHEMES or not target.host():
        return False
    return QDesktopServices.openUrl(target)


def offer_link(parent: QWidget | None, url: str) -> bool:
    """Open ``url`` after the user confirmed; True when it was handed over."""
    if not url or not confirm_link(parent, url):
        return False
    return open_link(url)
