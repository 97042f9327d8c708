"""Dashboard: hours, sleep and output over any range, consistency, the 10,000-hour ledger
and sleep against deep work (issue #6).

The charts come from pyqtgraph, which costs about half a second to import: this page is
a light shell until it is first shown, then builds the charts just after that paint —
the first screen (range, headline figures, timeline) at once, the cards below it in the
next turn of the event loop (`charts_ready` when all are there). It reloads when
tracking data changed elsewhere — on the next show, or at once (throttled) while
visible — and follows the light/dark theme.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from journal_app.services import Services
from journal_app.ui.dashboard.style import chart_style
from journal_app.ui.data_events import DataEvents
from journal_app.ui.theme import ThemeManager, mute
from journal_app.ui.throttle import Throttle
from journal_app.ui.widgets.page import Page
from journal_app.ui.window_context import window_context

if TYPE_CHECKING:
    from journal_app.ui.dashboard.view import DashboardView

RELOAD_INTERVAL_MS = 1000  # at most one reload a second while data keeps changing
CONTENT_MAX_WIDTH = 1500  # charts use the width they get


class DashboardPage(Page):
    day_requested = Signal(object)  # a datetime.date: open that day in Today
    charts_ready = Signal()

    def __init__(
        self, services: Services, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Dashboard",
            "Your study hours, sleep and output: consistency, the road to 10,000 hours, "
            "and how sleep and deep work go together.",
            parent,
        )
        content = self.column.parentWidget()
        if content is not None:
            content.setMaximumWidth(CONTENT_MAX_WIDTH)
        # Always room for the scroll bar: the charts are taller than any window, and a
        # bar appearing under them would narrow and redraw every chart once more.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._services = services
        self._events = events
        self.view: DashboardView | None = None
        self.stale = True
        self._build_scheduled = False
        self.loading = QLabel("Loading charts…")
        mute(self.loading)
        self.loading.installEventFilter(self)
        self.column.addWidget(self.loading)
        self.finish()
        self._reload_throttle = Throttle(self.reload, RELOAD_INTERVAL_MS, parent=self)
        events.tracking_changed.connect(self._on_tracking_changed)
        manager = ThemeManager.instance()
        if manager is not None:
            manager.theme_applied.connect(self._on_theme_applied)

    # ------------------------------------------------------------------ building

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view is not None and self.stale:
            self._reload_throttle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Once "Loading charts…" has painted, build the charts: pyqtgraph is imported
        after a paint, so a window that opens on the Dashboard paints as fast as any."""
        if (
            watched is self.loading
            and event.type() == QEvent.Type.Paint
            and not self._build_scheduled
        ):
            self._build_scheduled = True
            QTimer.singleShot(0, self.build_charts)
        return False

    def build_charts(self) -> None:
        """Import pyqtgraph and build the charts (once)."""
        if self.view is not None:
            return
        # lazy: pyqtgraph loads only when used
        from journal_app.ui.dashboard.view import DashboardView

        view = DashboardView(self._services)
        view.day_requested.connect(self.day_requested)
        view.targets_requested.connect(self._open_targets)
        view.completed.connect(self.charts_ready)
        self.column.replaceWidget(self.loading, view)
        self.loading.hide()
        self.loading.deleteLater()
        self.view = view
        self.reload()  # the cards below the timeline follow its first paint
        # Lay the page out now: left to the event loop, the first paint came before the
        # scroll area took the view's height, drew it squeezed into one screen, and
        # every chart on it was drawn again once it had its size.
        view.show()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def reload(self) -> None:
        if self.view is None:
            return
        self.view.reload()
        self.stale = False

    # ------------------------------------------------------------------ slots

    def _open_targets(self) -> None:
        context = window_context(self)
        if context is not None:
            context.open_preferences("targets")

    def _on_tracking_changed(self) -> None:
        self.stale = True
        if self.view is not None and self.isVisible():
            self._reload_throttle()

    def _on_theme_applied(self, _look: str) -> None:
        if self.view is not None:
            self.view.apply_style(chart_style())
