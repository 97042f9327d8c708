"""A board column: its heading with a count, an optional quick-add line, and the cards.

The cards' list view drags and drops task ids (task_list_model); keyboard moves are
actions on the view, so their keys act only while a column has the focus and never
reach the editor's or the window's shortcuts.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal_app.ui.sprints.card_delegate import CardDelegate
from journal_app.ui.sprints.task_list_model import Column, TaskListModel

# Moving the selected card: (name, keys, what it does). Ctrl+Shift+arrows are used by
# no other action of the app (the editor's Ctrl+Shift shortcuts are letters).
MOVES = (
    ("left", "Ctrl+Shift+Left", "Move to the Column on the Left"),
    ("right", "Ctrl+Shift+Right", "Move to the Column on the Right"),
    ("up", "Ctrl+Shift+Up", "Move Up"),
    ("down", "Ctrl+Shift+Down", "Move Down"),
)


class CardListView(QListView):
    """A column's cards: single selection, drag and drop of whole cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CardDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)  # the column's own background shows
        self.setSpacing(0)
        self.setMinimumWidth(150)

    def sizeHint(self) -> QSize:
        return QSize(220, 300)


class TaskColumn(QFrame):
    """Heading, count, optional quick add, and the card list of one column."""

    quick_added = Signal(str)  # a title typed and Enter pressed
    move_requested = Signal(str)  # "left" / "right" / "up" / "down"
    edit_requested = Signal(int)  # a card's id: Enter, double-click or "Edit…"
    wip_limit_changed = Signal(object)  # the limit chosen (None: no limit)

    def __init__(
        self, key: str, title: str, column: Column, *, quick_add: bool, parent=None
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.title = title
        self.setObjectName("boardColumn")
        self.model = TaskListModel(column, self)
        self.view = CardListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(title)
        self.heading = QLabel(title)
        self.heading.setObjectName("columnHeading")
        self.count = QLabel("0")
        self.count.setObjectName("columnCount")
        self.wip_limit: int | None = None
        self.wip: QSpinBox | None = None  # the limit's box (not on the backlog)
        self.wip_warning = QLabel()
        self.wip_warning.setObjectName("wipWarning")
        self.wip_warning.hide()
        top = QHBoxLayout()
        top.setContentsMargins(4, 0, 4, 0)
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.count)
        if key != "backlog":
            self.wip = QSpinBox()
            self.wip.setObjectName("wipLimit")
            self.wip.setRange(0, 999)
            self.wip.setSpecialValueText("no WIP limit")
            self.wip.setPrefix("WIP ≤ ")
            self.wip.setAccessibleName(f"Work-in-progress limit of {title}")
            self.wip.setToolTip(
                f"The most cards {title} should hold; the column is marked when it holds more"
            )
            self.wip.editingFinished.connect(self._on_wip_edited)
            top.addWidget(self.wip)
        # Every heading as tall as one with the limit's box: the columns' cards line up.
        self.heading.setMinimumHeight(QSpinBox().sizeHint().height())
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 10, 8, 8)
        box.setSpacing(6)
        box.addLayout(top)
        box.addWidget(self.wip_warning)
        self.adder: QLineEdit | None = None
        if quick_add:
            self.adder = QLineEdit()
            self.adder.setPlaceholderText("Add a task, press Enter")
            self.adder.setAccessibleName(f"Add a task to {title}")
            self.adder.setClearButtonEnabled(True)
            self.adder.returnPressed.connect(self._on_return_pressed)
            box.addWidget(self.adder)
        box.addWidget(self.view, 1)
        # The card's menu (right click) lists the same actions with their keys.
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.edit_action = QAction("Edit Task…", self.view)
        self.edit_action.triggered.connect(self._on_edit_triggered)
        self.view.addAction(self.edit_action)
        self.view.activated.connect(
            lambda index: self.edit_requested.emit(self.model.task(index.row()).id)
        )
        self.move_actions: dict[str, QAction] = {}
        for name, keys, tip in MOVES:
            action = QAction(tip, self.view)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, n=name: self.move_requested.emit(n))
            self.view.addAction(action)
            self.move_actions[name] = action
        self.model.modelReset.connect(self._update_count)

    def _on_edit_triggered(self) -> None:
        task_id = self.selected_task_id()
        if task_id is not None:
            self.edit_requested.emit(task_id)

    def _on_return_pressed(self) -> None:
        assert self.adder is not None
        title = self.adder.text().strip()
        if title:
            self.quick_added.emit(title)

    def set_wip_limit(self, limit: int | None) -> None:
        """Show the column's limit (from the journal) and whether it is exceeded."""
        self.wip_limit = limit
        if self.wip is not None:
            self.wip.blockSignals(True)
            self.wip.setValue(limit or 0)
            self.wip.blockSignals(False)
        self._update_count()

    def _on_wip_edited(self) -> None:
        assert self.wip is not None
        limit = self.wip.value() or None
        if limit != self.wip_limit:
            self.wip_limit_changed.emit(limit)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        text = str(total) if shown == total else f"{shown} of {total}"
        over = self.wip_limit is not None and total > self.wip_limit
        self.count.setText(text)
        self.count.setToolTip(f"{total} task{'s' if total != 1 else ''} in {self.title}")
        self.wip_warning.setText(
            f"⚠ {total} cards: over the WIP limit of {self.wip_limit}" if over else ""
        )
        self.wip_warning.setVisible(over)
        if self.property("overLimit") != over:
            self.setProperty("overLimit", over)
            self.style().unpolish(self)
            self.style().polish(self)

    def selected_task_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.task(rows[0].row()).id

    def select(self, task_id: int) -> bool:
        row = self.model.row_of(task_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True
