"""One board column (or the backlog) as a Qt list model of task cards.

The model shows the column's tasks that pass the board's filter. Cards are dragged as
their ids (``MIME_TYPE``); a drop calls the board's ``drop_handler`` with the ids, this
column and the task to place them before — the board persists the move through the
planner and reloads every column from it, so the models never edit rows themselves (and
Qt's "remove the source rows after a move" finds nothing to remove).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from journal_app.services.planning.data import TaskData

MIME_TYPE = "application/x-journal-task-ids"
TASK_ROLE = Qt.ItemDataRole.UserRole + 1  # the TaskData
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # its id
TODAY_ROLE = Qt.ItemDataRole.UserRole + 3  # the day "overdue" is judged on (or None)

Column = tuple[int | None, str]  # (sprint id or None for the backlog, status)
DropHandler = Callable[[list[int], Column, int | None], bool]
Index = QModelIndex | QPersistentModelIndex


def task_ids(data: QMimeData | None) -> list[int]:
    """The ids a drag carries; [] for anything that is not our cards."""
    if data is None or not data.hasFormat(MIME_TYPE):
        return []
    try:
        ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list) or not all(type(i) is int for i in ids):
        return []
    return ids


def tooltip(task: TaskData, today: dt.date | None = None) -> str:
    lines = [task.title]
    if task.priority:
        lines.append(f"Priority: {task.priority_name}")
    if task.due is not None:
        late = " (overdue)" if today is not None and task.overdue(today) else ""
        lines.append(f"Due: {task.due.isoformat()}{late}")
    if task.checklist:
        lines.append(f"Checklist: {task.checked} of {len(task.checklist)} done")
    if task.estimate_hours is not None:
        lines.append(f"Estimate: {task.estimate_hours:g} h")
    if task.skill:
        lines.append(f"Skill: {task.skill}")
    if task.resource:
        lines.append(f"Resource: {task.resource}")
    if task.tags:
        lines.append("Labels: " + ", ".join(task.tags))
    for link in task.links:
        lines.append(f"Linked {link.kind}: {link.title}")
    if task.notes:
        lines.append("")
        lines.append(task.notes if len(task.notes) < 400 else task.notes[:399] + "…")
    return "\n".join(lines)


class TaskListModel(QAbstractListModel):
    def __init__(self, column: Column, parent: Any = None) -> None:
        super().__init__(parent)
        self.column = column
        self.drop_handler: DropHandler | None = None
        self._all: list[TaskData] = []
        self._shown: list[TaskData] = []
        self._keep: Callable[[TaskData], bool] | None = None
        self.today: dt.date | None = None  # for "overdue" (the board sets it)

    # -- content --------------------------------------------------------------------------

    def set_tasks(self, tasks: Sequence[TaskData], column: Column | None = None) -> None:
        self.beginResetModel()
        if column is not None:
            self.column = column
        self._all = list(tasks)
        self._shown = self._filtered()
        self.endResetModel()

    def set_filter(self, keep: Callable[[TaskData], bool] | None) -> None:
        self.beginResetModel()
        self._keep = keep
        self._shown = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[TaskData]:
        keep = self._keep
        return list(self._all) if keep is None else [t for t in self._all if keep(t)]

    @property
    def total(self) -> int:
        """Tasks in the column, shown or not."""
        return len(self._all)

    def tasks(self) -> list[TaskData]:
        """The tasks shown, in order."""
        return list(self._shown)

    def all_tasks(self) -> list[TaskData]:
        """Every task of the column, in order, shown or filtered out."""
        return list(self._all)

    def task(self, row: int) -> TaskData:
        return self._shown[row]

    def row_of(self, task_id: int) -> int:
        return next((i for i, t in enumerate(self._shown) if t.id == task_id), -1)

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        task = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return task.title
        if role == Qt.ItemDataRole.AccessibleTextRole:  # what a screen reader says
            return tooltip(task, self.today).replace("\n\n", "\n").replace("\n", "; ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(task, self.today)
        if role == TASK_ROLE:
            return task
        if role == ID_ROLE:
            return task.id
        if role == TODAY_ROLE:
            return self.today
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Every column takes drops, a closed sprint's too: the planner refuses what it
        # must, and the board says why, rather than a silent "no entry" cursor.
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._shown[r].id for r in rows if 0 <= r < len(self._shown)]
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode("utf-8")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return bool(task_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        ids = task_ids(data)
        if not ids or action != Qt.DropAction.MoveAction or self.drop_handler is None:
            return False
        if parent.isValid():  # dropped onto a card: before it
            row = parent.row()
        before = self._shown[row].id if 0 <= row < len(self._shown) else None
        return self.drop_handler(ids, self.column, before)
