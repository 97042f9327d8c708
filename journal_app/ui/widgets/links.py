"""Asking before a link leaves the app: one question, shared by the preview and the
Resources area (each module imports it under its own name, so tests patch it there)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_link(parent: QWidget | None, url: str) -> bool:
    """Ask before anything leaves the app."""
    answer = QMessageBox.question(
        parent,
        "Open link",
        f"Open this link in your browser?\n\n{url}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
