"""The board: the backlog and a sprint's To do / Doing / Done columns side by side.

Cards move by dragging (within a column to reorder, across columns, from the backlog to
plan) or with Ctrl+Shift+arrows on the selected card. Every move goes through the
planner, which persists it in one transaction or refuses it with one line; the board
then reloads its columns from the journal, so what it shows is what is stored. Moves and
edits go on the board's undo stack (`board_commands`), which the window's Edit ▸ Undo
and Redo reach while the focus is on the board. The filter box narrows every column to
the cards whose words match; a column over its WIP limit is marked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from journal_app.errors import InvalidInput
from journal_app.services.planning import PlanningService
from journal_app.services.planning.data import Board, Place, SprintData, TaskData
from journal_app.ui.sprints.board_commands import EditCard, MoveCards, editable
from journal_app.ui.sprints.capacity_bar import CapacityBar
from journal_app.ui.sprints.column import TaskColumn
from journal_app.ui.sprints.task_list_model import Column

ORDER = ("backlog", "todo", "doing", "done")
TITLES = {"backlog": "Backlog", "todo": "To do", "doing": "Doing", "done": "Done"}
ALL = None  # the filter combos' "everything" entry


def searchable(task: TaskData) -> str:
    """What the filter box looks in, folded for a case-blind match."""
    parts = [task.title, task.notes, task.skill or "", task.resource or "", task.priority_name]
    parts += [f"#{tag}" for tag in task.tags]
    parts += [item.text for item in task.checklist]
    parts += [link.title for link in task.links]
    if task.due is not None:
        parts.append(task.due.isoformat())
    return "\n".join(parts).casefold()


class BoardWidget(QWidget):
    changed = Signal()  # the board wrote to the journal (emit sprints_changed)
    message = Signal(str)  # a refusal or a note to show the user
    edit_requested = Signal(int)  # a card was activated (Enter / double-click)

    def __init__(self, planner: PlanningService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self._sprint: SprintData | None = None
        self._board: Board | None = None
        self.undo_stack = QUndoStack(self)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter cards…")
        self.search.setAccessibleName("Filter cards")
        self.search.setToolTip(
            "Show only the cards whose title, notes, labels, skill, resource, checklist or "
            "links hold every word typed"
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.textChanged.connect(self._apply_filter)
        self.skill_filter = QComboBox()
        self.skill_filter.setAccessibleName("Filter by skill")
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        for combo in (self.skill_filter, self.tag_filter):
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.currentIndexChanged.connect(self._apply_filter)
        self.capacity = CapacityBar()
        self.notice = QLabel()
        self.notice.setObjectName("boardNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(self.search)
        tools.addWidget(QLabel("Skill"))
        tools.addWidget(self.skill_filter)
        tools.addWidget(QLabel("Tag"))
        tools.addWidget(self.tag_filter)
        tools.addSpacing(16)
        tools.addWidget(self.capacity, 1)

        self.columns: dict[str, TaskColumn] = {}
        row = QHBoxLayout()
        row.setSpacing(10)
        for key in ORDER:
            column = TaskColumn(
                key,
                TITLES[key],
                (None, "todo") if key == "backlog" else (None, key),
                quick_add=key in ("backlog", "todo"),
            )
            column.model.drop_handler = self._on_drop
            column.move_requested.connect(lambda where, k=key: self.move_selected(k, where))
            column.quick_added.connect(lambda title, k=key: self.quick_add(k, title))
            column.edit_requested.connect(self.edit_requested)
            column.wip_limit_changed.connect(lambda limit, k=key: self.set_wip_limit(k, limit))
            self.columns[key] = column
            row.addWidget(column, 1)

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addLayout(tools)
        box.addWidget(self.notice)
        box.addLayout(row, 1)

    # -- public -----------------------------------------------------------------------------

    @property
    def sprint(self) -> SprintData | None:
        return self._sprint

    def column(self, key: str) -> TaskColumn:
        return self.columns[key]

    def show_sprint(self, sprint_id: int | None) -> None:
        """Show the board of `sprint_id` (None: only the backlog)."""
        self._sprint = None if sprint_id is None else self._planner.sprint(sprint_id)
        self.reload()

    def reload(self) -> None:
        """Read the columns again from the journal, keeping the selection."""
        keep = self.selected()
        board = None if self._sprint is None else self._planner.board(self._sprint.id)
        self._board = board
        if board is not None:
            self._sprint = board.sprint
        sprint_id = None if board is None else board.sprint.id
        backlog = self._planner.backlog()
        today = self._planner.today()
        for column in self.columns.values():
            column.model.today = today
        self.columns["backlog"].model.set_tasks(backlog)
        for key in ("todo", "doing", "done"):
            column = self.columns[key]
            column.model.set_tasks(() if board is None else board.column(key), (sprint_id, key))
            column.setEnabled(board is not None)
            if column.adder is not None:
                closed = board is not None and board.sprint.closed
                column.adder.setEnabled(board is not None and not closed)
                column.adder.setPlaceholderText(
                    "Sprint closed" if closed else "Add a task, press Enter"
                )
        limits = self._planner.wip_limits()
        for key in ("todo", "doing", "done"):
            self.columns[key].set_wip_limit(limits.get(key))
        tasks = list(backlog) + ([] if board is None else list(board.tasks))
        self._fill_filters(tasks)
        self._apply_filter()
        if board is None:
            self.capacity.set_hours(0, None)
            self.capacity.setEnabled(False)
        else:
            self.capacity.setEnabled(True)
            self.capacity.set_hours(board.estimate_hours, board.sprint.capacity_hours)
        if keep is not None:
            self.select_task(keep[1])

    def selected(self) -> tuple[str, int] | None:
        """(column key, task id) of the selected card in the focused (or last) column."""
        for key in ORDER:
            column = self.columns[key]
            if column.view.hasFocus():
                task = column.selected_task_id()
                return None if task is None else (key, task)
        for key in ORDER:
            task = self.columns[key].selected_task_id()
            if task is not None:
                return key, task
        return None

    def select_task(self, task_id: int, *, focus: bool = False) -> bool:
        for key in ORDER:
            column = self.columns[key]
            if column.select(task_id):
                for other in ORDER:
                    if other != key:
                        self.columns[other].view.clearSelection()
                if focus:
                    column.view.setFocus()
                return True
        return False

    def show_message(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        if text:
            self.message.emit(text)

    # -- writing ----------------------------------------------------------------------------

    def _write(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except InvalidInput as exc:
            self.show_message(str(exc))
            self.reload()  # show what is stored, not what the drag suggested
            return False
        self.show_message("")
        self.changed.emit()
        return True

    def write_quietly(self, action: Callable[[], object], select: int | None) -> bool:
        """An undo or redo: write, then show the journal and select `select`."""
        ok = self._write(action)
        if ok:
            self.reload()
            if select is not None:
                self.select_task(select, focus=True)
        return ok

    def _place_of(self, task_id: int) -> Place | None:
        """Where a card is now: its column and the card after it (all cards, filtered
        or not)."""
        for column in self.columns.values():
            tasks = column.model.all_tasks()
            ids = [t.id for t in tasks]
            if task_id in ids:
                at = ids.index(task_id)
                after = ids[at + 1] if at + 1 < len(ids) else None
                return Place(task_id, column.model.column, after, tasks[at].done_at)
        return None

    def _titles(self, ids: list[int]) -> list[str]:
        found = {t.id: t.title for c in self.columns.values() for t in c.model.all_tasks()}
        return [found.get(i, f"task {i}") for i in ids]

    def _moved(
        self, ids: list[int], column: Column, before: int | None, write: Callable[[], object]
    ) -> bool:
        """Move cards with `write`, and put the move on the undo stack."""
        origins = [p for p in (self._place_of(i) for i in ids) if p is not None]
        titles = self._titles(ids)
        if not self._write(write):
            return False
        if len(origins) == len(ids) and any(
            (o.column, o.before) != (column, before) for o in origins
        ):
            self.undo_stack.push(MoveCards(self, self._planner, origins, column, before, titles))
        return True

    def apply_edit(self, task_id: int, values: dict[str, Any]) -> TaskData:
        """Change a card's details (the edit dialog's Save) as one undoable step; raises
        InvalidInput, changing nothing, when the planner refuses."""
        current = self._planner.task(task_id)
        before = {k: v for k, v in editable(current).items() if k in values}
        saved = self._planner.update_task(task_id, **values)
        after = {k: v for k, v in editable(saved).items() if k in values}
        if after != before:
            self.undo_stack.push(EditCard(self, self._planner, task_id, before, after, saved.title))
        return saved

    def set_wip_limit(self, key: str, limit: int | None) -> bool:
        """Limit the cards of a column (None: no limit); saved in the journal."""
        if not self._write(lambda: self._planner.set_wip_limit(key, limit)):
            return False
        self.columns[key].set_wip_limit(limit)
        return True

    def _on_drop(self, ids: list[int], column: Column, before: int | None) -> bool:
        sprint_id, status = column
        if sprint_id is None and status != "todo":  # a sprint column with no sprint shown
            self.show_message("Choose or plan a sprint before moving cards onto its board")
            return False

        def move() -> None:
            if sprint_id is None:
                self._planner.move_tasks(ids, sprint_id=None, before=before)
            else:
                self._planner.move_tasks(ids, sprint_id=sprint_id, status=status, before=before)

        if not self._moved(ids, column, before, move):
            return False
        # Reloading inside the drop is safe: the view only repaints afterwards, and the
        # "remove the moved rows" Qt tries on the source model is refused (no removeRows).
        self.reload()
        self.select_task(ids[0], focus=True)
        return True

    def move_selected(self, key: str, where: str) -> bool:
        """Move the selected card of column `key`: "left"/"right" to the next column
        (at its end), "up"/"down" within the column."""
        column = self.columns[key]
        task_id = column.selected_task_id()
        if task_id is None:
            return False
        shown = [t.id for t in column.model.tasks()]
        row = shown.index(task_id)
        if where in ("up", "down"):
            if (where == "up" and row == 0) or (where == "down" and row == len(shown) - 1):
                return False
            before = (
                shown[row - 1]
                if where == "up"
                else (shown[row + 2] if row + 2 < len(shown) else None)
            )
            target = column.model.column
        else:
            step = -1 if where == "left" else 1
            index = ORDER.index(key) + step
            if not 0 <= index < len(ORDER):
                return False
            if self._sprint is None:
                self.show_message("Choose or plan a sprint to move cards onto its board")
                return False
            target = self.columns[ORDER[index]].model.column
            before = None
        sprint_id, status = target

        def move() -> None:
            if sprint_id is None:
                self._planner.move_task(task_id, sprint_id=None, before=before)
            else:
                self._planner.move_task(task_id, sprint_id=sprint_id, status=status, before=before)

        if not self._moved([task_id], target, before, move):
            return False
        self.reload()
        self.select_task(task_id, focus=True)
        return True

    def quick_add(self, key: str, title: str) -> bool:
        """Add a task titled `title` at the end of the backlog or the sprint's To do."""
        sprint_id = None if key == "backlog" or self._sprint is None else self._sprint.id
        created: list[TaskData] = []

        def add() -> None:
            created.append(self._planner.add_task(title, sprint_id=sprint_id))

        if not self._write(add):
            return False
        adder = self.columns[key].adder
        if adder is not None:
            adder.clear()
        self.reload()
        self.columns[key].select(created[0].id)
        return True

    # -- filters ----------------------------------------------------------------------------

    def _fill_filters(self, tasks: list[TaskData]) -> None:
        skills = sorted({t.skill for t in tasks if t.skill}, key=str.casefold)
        tags = sorted({tag for t in tasks for tag in t.tags}, key=str.casefold)
        for combo, names, everything in (
            (self.skill_filter, skills, "All skills"),
            (self.tag_filter, tags, "All tags"),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, ALL)
            for name in names:
                combo.addItem(name if combo is self.skill_filter else f"#{name}", name)
            if current is not None and current not in names:  # keep a filter in use
                combo.addItem(current if combo is self.skill_filter else f"#{current}", current)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def set_filter(self, *, skill: str | None = None, tag: str | None = None) -> None:
        for combo, value in ((self.skill_filter, skill), (self.tag_filter, tag)):
            index = combo.findData(value)
            if index < 0:
                assert value is not None  # ALL (None) is always the first item
                combo.addItem(value if combo is self.skill_filter else f"#{value}", value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        self._apply_filter()

    def _apply_filter(self) -> None:
        skill = self.skill_filter.currentData()
        tag = self.tag_filter.currentData()
        words = self.search.text().casefold().split()
        keep = None
        if skill is not None or tag is not None or words:

            def keep(task: TaskData) -> bool:
                if skill is not None and task.skill != skill:
                    return False
                if tag is not None and tag not in task.tags:
                    return False
                text = searchable(task)
                return all(word in text for word in words)

        for column in self.columns.values():
            column.model.set_filter(keep)
