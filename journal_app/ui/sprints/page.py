"""Sprints: pick a sprint, plan it on the board (with the backlog), see every sprint on
the timeline and the open one's burn-up, and close it with a generated review.

Built when the area is first shown. The timeline and the burn-up (pyqtgraph) are built
when their tab is first opened. Writes go through the planner and are announced on
`events.sprints_changed` (and `entries_changed` for a review); changes made elsewhere
reload the page when it is next seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal_app.services import Services
from journal_app.services.planning import planning_of
from journal_app.services.planning.data import ClosedSprint, SprintData
from journal_app.ui.data_events import DataEvents
from journal_app.ui.sprints.board import BoardWidget
from journal_app.ui.sprints.burnup import BurnUpView
from journal_app.ui.sprints.close_dialog import CloseSprintDialog
from journal_app.ui.sprints.format import sprint_label
from journal_app.ui.sprints.sprint_dialog import SprintDialog
from journal_app.ui.sprints.task_dialog import TaskDialog
from journal_app.ui.sprints.timeline import TimelineView
from journal_app.ui.theme import PAGE_SHEET, style_with
from journal_app.ui.widgets.page import scaled_font_label
from journal_app.ui.window_context import window_context

if TYPE_CHECKING:
    from journal_app.ui.sprints.burnup import BurnUpView
    from journal_app.ui.sprints.timeline import TimelineView

BOARD_TAB, TIMELINE_TAB, BURNUP_TAB = range(3)
SHEET = """
QFrame#boardColumn {
    background: palette(alternate-base);
    border: 1px solid palette(midlight);
    border-radius: 8px;
}
QLabel#columnHeading { font-weight: 600; }
QLabel#columnCount, QLabel#capacityText { color: palette(placeholder-text); }
QFrame#boardColumn[overLimit="true"] { border: 2px solid #b91c1c; }
QLabel#wipWarning {
    color: #ffffff;
    background: #b91c1c;
    border-radius: 4px;
    padding: 2px 6px;
}
QLabel#boardNotice {
    color: palette(highlighted-text);
    background: palette(highlight);
    border-radius: 6px;
    padding: 6px 10px;
}
"""


class SprintsPage(QWidget):
    sprint_shown = Signal(int)  # the id of the sprint now on the board

    def __init__(
        self, services: Services, events: DataEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sprintsPage")
        self._services = services
        self._events = events
        self.planner = planning_of(services)
        self._writing = False  # our own sprints_changed must not reload us again
        self._stale = False
        self.timeline: TimelineView | None = None
        self.burnup: BurnUpView | None = None
        self.dialog: QDialog | None = None  # the one open (opened with open(), not exec())
        self._undo_installed = False

        title = scaled_font_label("Sprints", 1.9, object_name="pageTitle")
        self.sprint_combo = QComboBox()
        self.sprint_combo.setAccessibleName("Sprint")
        self.sprint_combo.setMinimumContentsLength(46)
        self.sprint_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.new_button = QPushButton("New Sprint…")
        self.edit_button = QPushButton("Edit…")
        self.close_button = QPushButton("Close Sprint…")
        self.close_button.setToolTip(
            "Roll unfinished tasks over and write the sprint review in your journal"
        )
        self.review_button = QPushButton("Open the Review")
        self.review_button.setToolTip("The sprint review just written, in the Journal")
        self.review_button.hide()
        self.last_review_id: int | None = None
        self.summary = QLabel()
        self.summary.setObjectName("pageSubtitle")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.sprint_combo)
        top.addStretch(1)
        for button in (self.new_button, self.edit_button, self.close_button):
            top.addWidget(button)

        self.board = BoardWidget(self.planner)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.board, "Board")
        self.tabs.addTab(QWidget(), "Timeline")
        self.tabs.addTab(QWidget(), "Burn-up")

        box = QVBoxLayout(self)
        box.setContentsMargins(28, 22, 28, 16)
        box.setSpacing(10)
        box.addLayout(top)
        line = QHBoxLayout()
        line.addWidget(self.summary, 1)
        line.addWidget(self.review_button)
        box.addLayout(line)
        box.addWidget(self.tabs, 1)

        style_with(self, PAGE_SHEET + SHEET)

        self.sprint_combo.currentIndexChanged.connect(self._on_sprint_chosen)
        self.new_button.clicked.connect(self.new_sprint)
        self.edit_button.clicked.connect(self.edit_sprint)
        self.close_button.clicked.connect(self.close_sprint)
        self.review_button.clicked.connect(self.open_review)
        self.board.changed.connect(self._announce)
        self.board.edit_requested.connect(self.edit_task)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        events.sprints_changed.connect(self._on_data_changed)
        events.tracking_changed.connect(self._on_tracking_changed)
        self.reload(select=None)

    # -- loading ----------------------------------------------------------------------------

    def current_sprint(self) -> SprintData | None:
        return self.board.sprint

    def reload(self, select: int | None = -1) -> None:
        """Read everything again; `select` a sprint id (-1: keep the one shown, None:
        the running one)."""
        self._stale = False
        if select == -1:
            shown = self.board.sprint
            select = None if shown is None else shown.id
        if select is None:
            current = self.planner.current()
            select = None if current is None else current.id
        combo = self.sprint_combo
        combo.blockSignals(True)
        combo.clear()
        for overview in self.planner.sprints():
            combo.addItem(sprint_label(overview.sprint), overview.sprint.id)
        if combo.count() == 0:
            combo.addItem("No sprints yet: plan one with New Sprint…", None)
        combo.setCurrentIndex(max(combo.findData(select), 0))
        combo.blockSignals(False)
        self.show_sprint(combo.currentData())

    def show_sprint(self, sprint_id: int | None) -> None:
        if sprint_id is not None and self.sprint_combo.currentData() != sprint_id:
            index = self.sprint_combo.findData(sprint_id)
            if index >= 0:
                self.sprint_combo.blockSignals(True)
                self.sprint_combo.setCurrentIndex(index)
                self.sprint_combo.blockSignals(False)
        self.board.show_sprint(sprint_id)
        self._update_summary()
        if self.timeline is not None and self.tabs.currentIndex() == TIMELINE_TAB:
            self.timeline.set_current(sprint_id)
        if self.burnup is not None and self.tabs.currentIndex() == BURNUP_TAB:
            self.burnup.show_sprint(sprint_id)
        if sprint_id is not None:
            self.sprint_shown.emit(sprint_id)

    def _update_summary(self) -> None:
        sprint = self.board.sprint
        self.edit_button.setEnabled(sprint is not None)
        self.close_button.setEnabled(sprint is not None and not sprint.closed)
        if sprint is None:
            self.summary.setText(
                "Plan a sprint: a goal, 1 to 8 weeks, and the hours you can give it."
            )
            return
        hours = self.planner.sprint_hours(sprint.id)
        parts = [f"Goal: {sprint.goal}" if sprint.goal else "No goal written yet"]
        if sprint.career_goal:
            parts.append(f"for {sprint.career_goal}")
        parts.append(f"{sprint.days} days, {hours:.1f} h of deep work logged")
        if sprint.closed:
            parts.append("closed")
        self.summary.setText(" · ".join(parts))

    # -- actions ----------------------------------------------------------------------------

    def new_sprint(self) -> None:
        dialog = SprintDialog(self.planner, None, self)
        dialog.saved.connect(lambda sprint: self._after_sprint_saved(sprint.id))
        dialog.open()
        self.dialog = dialog

    def edit_sprint(self) -> None:
        sprint = self.board.sprint
        if sprint is None:
            return
        dialog = SprintDialog(self.planner, sprint, self)
        dialog.saved.connect(lambda saved: self._after_sprint_saved(saved.id))
        dialog.open()
        self.dialog = dialog

    def _after_sprint_saved(self, sprint_id: int) -> None:
        self.reload(select=sprint_id)
        self._announce()

    def close_sprint(self) -> None:
        sprint = self.board.sprint
        if sprint is None or sprint.closed:
            return
        dialog = CloseSprintDialog(self.planner, sprint, self)
        dialog.closed.connect(self._after_close)
        dialog.open()
        self.dialog = dialog

    def _after_close(self, closed: ClosedSprint) -> None:
        target = closed.rolled_to.id if closed.rolled_to is not None else closed.sprint.id
        self.reload(select=target)
        where = "the backlog" if closed.rolled_to is None else closed.rolled_to.name
        self.board.show_message(
            f"{closed.sprint.name} closed: {len(closed.rolled_over)} unfinished "
            f"task{'s' if len(closed.rolled_over) != 1 else ''} moved to {where}; the "
            "review is in your journal"
        )
        self.last_review_id = closed.review_entry_id
        self.review_button.show()
        self._announce(entries=True)

    def open_review(self) -> bool:
        """Show the review just written in the Journal area, ready for the reflection."""
        context = window_context(self)
        if self.last_review_id is None or context is None:
            return False
        return context.open_entry(self.last_review_id, show=True)

    def edit_task(self, task_id: int) -> None:
        dialog = TaskDialog(
            self._services,
            self.planner,
            task_id,
            self,
            save=lambda values: self.board.apply_edit(task_id, values),
            open_entry=self._open_entry,
        )
        dialog.saved.connect(lambda _task: self._after_task_saved(task_id))
        dialog.open()
        self.dialog = dialog

    def _open_entry(self, entry_id: int) -> bool:
        context = window_context(self)
        return context is not None and context.open_entry(entry_id, show=True)

    def _after_task_saved(self, task_id: int) -> None:
        self.board.reload()
        self.board.select_task(task_id, focus=True)
        self._update_summary()
        self._announce()

    def _announce(self, *, entries: bool = False) -> None:
        self._writing = True
        try:
            self._events.sprints_changed.emit()
            if entries:
                self._events.entries_changed.emit()
        finally:
            self._writing = False
        self._update_summary()
        if self.timeline is not None:
            self.timeline.reload()
        if self.burnup is not None and self.tabs.currentIndex() == BURNUP_TAB:
            self.burnup.show_sprint(None if self.board.sprint is None else self.board.sprint.id)

    # -- tabs -------------------------------------------------------------------------------

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def _on_tab_changed(self, index: int) -> None:
        sprint_id = None if self.board.sprint is None else self.board.sprint.id
        if index == TIMELINE_TAB:
            if self.timeline is None:
                self.timeline = TimelineView(self.planner)
                self.timeline.sprint_clicked.connect(self._on_timeline_clicked)
                self.timeline.changed.connect(self._on_timeline_changed)
                self._replace_tab(TIMELINE_TAB, self.timeline, "Timeline")
            else:
                self.timeline.reload()
            self.timeline.set_current(sprint_id)
        elif index == BURNUP_TAB:
            if self.burnup is None:
                self.burnup = BurnUpView(self.planner)
                self._replace_tab(BURNUP_TAB, self.burnup, "Burn-up")
            self.burnup.show_sprint(sprint_id)

    def _replace_tab(self, index: int, widget: QWidget, label: str) -> None:
        self.tabs.blockSignals(True)
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, label)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        assert old is not None  # a placeholder held the tab until now
        old.deleteLater()

    def _on_timeline_clicked(self, sprint_id: int) -> None:
        self.show_sprint(sprint_id)
        self.tabs.setCurrentIndex(BOARD_TAB)

    def _on_timeline_changed(self, sprint_id: int) -> None:
        self.reload(select=self.board.sprint.id if self.board.sprint else sprint_id)
        self._writing = True
        try:
            self._events.sprints_changed.emit()
        finally:
            self._writing = False

    # -- outside changes --------------------------------------------------------------------

    def _on_sprint_chosen(self, _index: int) -> None:
        self.show_sprint(self.sprint_combo.currentData())

    def _on_data_changed(self) -> None:
        if self._writing:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _on_tracking_changed(self) -> None:
        """Hours logged elsewhere change the figures, not the board."""
        if not self.isVisible():
            self._stale = True
            return
        self._update_summary()
        if self.burnup is not None and self.tabs.currentIndex() == BURNUP_TAB:
            self.burnup.show_sprint(None if self.board.sprint is None else self.board.sprint.id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._undo_installed:
            context = window_context(self)
            if context is not None:  # Edit ▸ Undo/Redo reach the board's moves and edits
                context.add_undo_stack(self.board.undo_stack, self.board)
                self._undo_installed = True
        if self._stale:
            self.reload()
