"""The questions the journal asks: "really?", "shall I?" and "that did not work".

Module-level functions so tests replace them (``monkeypatch.setattr(prompts, "confirm",
...)``) instead of answering a modal box.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before something that cannot be undone; ``action`` names the button that does it.
    Cancel is the default, so a stray Enter changes nothing."""
    # lazy: naming QMessageBox builds its enums (~2 ms of start-up); asked only later
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(text)
    do_it = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is do_it


def ask(parent: QWidget | None, title: str, text: str, action: str, decline: str) -> bool:
    """Offer something harmless (it can be undone or left): ``action`` is the default
    button, ``decline`` the other."""
    # lazy: naming QMessageBox builds its enums (~2 ms of start-up); asked only later
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(text)
    do_it = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(decline, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(do_it)
    box.exec()
    return box.clickedButton() is do_it


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    # lazy: naming QMessageBox builds its enums (~2 ms of start-up); asked only later
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)
