"""Preferences ▸ Reminders and tray: the daily reminder, the tray icon, keeping running in
the tray and start at login — the controls of Track ▸ Reminders and Tray…, kept as each
one changes (ui/tray/prefs.py saves them and tells the running tray and reminder)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from journal_app.errors import JournalError
from journal_app.ui.preferences.registry import PreferencesContext
from journal_app.ui.tray.controller import tray_available
from journal_app.ui.tray.dialog import TrayPrefsDialog
from journal_app.ui.tray.prefs import TrayPrefs, load_tray_prefs, save_tray_prefs


class TrayPage(QWidget):
    def __init__(self, context: PreferencesContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        # The dialog's controls, shown inside the page; its Save/Cancel are not needed.
        self.form = TrayPrefsDialog(
            load_tray_prefs(context.settings),
            save=self._save,
            tray_available=tray_available(),
            demo=context.services.throwaway,
            parent=self,
        )
        self.form.setWindowFlags(Qt.WindowType.Widget)
        self.form.buttons.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addStretch(1)
        for box in self.form.findChildren(QCheckBox):  # every choice, kept as it changes
            box.toggled.connect(self.keep)
        self.form.time.editingFinished.connect(self.keep)

    def _save(self, prefs: TrayPrefs) -> None:
        save_tray_prefs(
            prefs, data_dir=self._context.services.paths.root, settings=self._context.settings
        )

    def keep(self) -> None:
        """Save what the controls show now; a refusal (a start-at-login file that is not
        ours) shows in the page and keeps nothing."""
        try:
            self._save(self.form.chosen())
        except JournalError as exc:
            self.form.error.setText(str(exc))
            self.form.error.setVisible(True)
            return
        self.form.error.setVisible(False)


def make_page(context: PreferencesContext) -> QWidget:
    return TrayPage(context)
