"""The Preferences dialog: a list of pages on the left, the chosen page on the right, and
Close. Nothing waits for an OK: each page applies and keeps a change as it is made."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal_app.ui.preferences import (
    appearance_page,
    backups_page,
    editor_page,
    spelling_page,
    tracking_page,
    tray_page,
)
from journal_app.ui.preferences.registry import PreferencesContext, add_page, pages

# The built-in pages, first in the list; other features add theirs with ``add_page``.
add_page("editor", "Editor", editor_page.make_page)
add_page("appearance", "Appearance", appearance_page.make_page)
add_page("targets", "Targets", tracking_page.make_targets_page)
add_page("timer", "Focus timer", tracking_page.make_timer_page)
add_page("backups", "Backups", backups_page.make_page)
add_page("spelling", "Spelling", spelling_page.make_page)
add_page("reminders", "Reminders and tray", tray_page.make_page)


class PreferencesDialog(QDialog):
    def __init__(
        self, context: PreferencesContext, page: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumSize(QSize(640, 400))
        self.page_list = QListWidget()
        self.page_list.setAccessibleName("Preference pages")
        self.page_list.setFixedWidth(160)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for spec in pages():
            widget = spec.widget_factory(context)
            widget.setAccessibleName(spec.title)
            scroll = QScrollArea()  # a long page scrolls rather than growing the dialog
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(widget)
            scroll.setAccessibleName(spec.title)  # it takes the focus to scroll
            self.stack.addWidget(scroll)
            self.pages[spec.key] = widget
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.page_list.addItem(item)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter in a field applies it; Esc closes
        close.setDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.page_list)
        row.addWidget(self.stack, 1)
        column = QVBoxLayout(self)
        column.addLayout(row, 1)
        column.addWidget(buttons)
        self.show_page(page or pages()[0].key)

    def show_page(self, key: str) -> QWidget:
        """Show the page ``key`` (the first one if there is no such page); return it."""
        keys = list(self.pages)
        row = keys.index(key) if key in keys else 0
        self.page_list.setCurrentRow(row)
        return self.pages[keys[row]]

    def current_key(self) -> str:
        return list(self.pages)[self.page_list.currentRow()]
