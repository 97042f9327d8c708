"""Resources: what you learn from and what it adds up to — learning resources, the
10,000-hour ledger of each skill, your outputs and the categories of deep work — in four
tabs (journal_app/ui/resources/).

The page reads the journal only when seen: data events mark every tab stale, and the
tab on screen reloads once the event loop is free (a burst of events is one reload).
Keys: Insert or Ctrl+Shift+A adds in the current tab (Ctrl+N stays "New entry"),
Delete deletes, Enter edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QTabWidget, QWidget

from journal_app.services import Services
from journal_app.ui.data_events import DataEvents
from journal_app.ui.resources.categories_tab import CategoriesTab
from journal_app.ui.resources.outputs_tab import OutputsTab
from journal_app.ui.resources.record_tab import RecordTab
from journal_app.ui.resources.resources_tab import ResourcesTab
from journal_app.ui.resources.skills_tab import SkillsTab
from journal_app.ui.widgets.page import Page

TABS: tuple[tuple[str, str, Callable[[Services], RecordTab]], ...] = (
    ("resources", "Resources", ResourcesTab),
    ("skills", "Skills", SkillsTab),
    ("outputs", "Outputs", OutputsTab),
    ("categories", "Categories", CategoriesTab),
)
ADD_KEYS = ("Ctrl+Shift+A",)  # Insert is handled by each table


class ResourcesPage(Page):
    reloaded = Signal(str)  # the key of the tab that just read the journal again

    def __init__(
        self, services: Services, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Resources",
            "What you learn from, the skills it builds, and what you make of it.",
            parent,
        )
        self._services = services
        self._events = events
        self.tab_widget = QTabWidget()
        self.tab_widget.setObjectName("libraryTabs")
        self.tab_widget.setDocumentMode(True)
        self.tabs: dict[str, RecordTab] = {}
        for key, label, cls in TABS:
            tab = cls(services)
            tab.changed.connect(self._on_tab_changed)
            self.tabs[key] = tab
            self.tab_widget.addTab(tab, label)
        self.add_card(self.tab_widget, 1)

        self.add_action = QAction("Add", self)
        self.add_action.setShortcuts([QKeySequence(k) for k in ADD_KEYS])
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(lambda: self.current_tab().add())
        self.addAction(self.add_action)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_current)
        self.tab_widget.currentChanged.connect(lambda _i: self._reload_current())
        events.tracking_changed.connect(self._on_data_changed)
        events.timer_changed.connect(self._on_data_changed)

    # -- public ---------------------------------------------------------------------------

    def current_key(self) -> str:
        return TABS[max(self.tab_widget.currentIndex(), 0)][0]

    def current_tab(self) -> RecordTab:
        return self.tabs[self.current_key()]

    def show_tab(self, key: str) -> RecordTab:
        """Bring the tab ``key`` ("resources", "skills", "outputs", "categories") forward."""
        tab = self.tabs[key]
        self.tab_widget.setCurrentWidget(tab)
        self._reload_current()
        return tab

    # -- reloading ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reload_current()

    def _on_data_changed(self) -> None:
        for tab in self.tabs.values():
            tab.dirty = True
        if self.isVisible():
            self._reload_timer.start()

    def _reload_current(self) -> None:
        key = self.current_key()
        tab = self.tabs[key]
        # Not under an open in-place editor: a reload would throw the typing away. The
        # edit's own write (or the next event or visit) brings the reload.
        editing = tab.view.state() == QAbstractItemView.State.EditingState
        if tab.dirty and self.isVisible() and not editing:
            tab.reload()
            self.reloaded.emit(key)

    def _on_tab_changed(self) -> None:
        self._events.tracking_changed.emit()
