"""Help > About: the app's name, version and what it is for."""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from journal_app import APP_NAME, __version__
from journal_app.ui.icons import app_icon
from journal_app.ui.theme import mute

DESCRIPTION = (
    "A Markdown study log, sprint planner and deep-work dashboard for people who teach "
    "themselves a hard field."
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setObjectName("aboutDialog")

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)

        name = QLabel(APP_NAME)
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(font.Weight.DemiBold)
        name.setFont(font)

        self.version_label = QLabel(f"Version {__version__}")
        self.version_label.setObjectName("aboutVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        description = QLabel(DESCRIPTION)
        description.setWordWrap(True)

        python = platform.python_version()
        built = QLabel(f"Qt {qVersion()} · Python {python}")
        built.setObjectName("muted")
        mute(built)
        privacy = QLabel("Your journal stays on this computer; the app never connects out.")
        privacy.setObjectName("muted")
        mute(privacy)
        privacy.setWordWrap(True)

        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(name)
        text.addWidget(self.version_label)
        text.addSpacing(8)
        text.addWidget(description)
        text.addSpacing(4)
        text.addWidget(privacy)
        text.addWidget(built)
        text.addStretch(1)

        top = QHBoxLayout()
        top.setSpacing(20)
        top.addWidget(logo)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
