"""Undo and redo on the board: a card's move and a card's edit as QUndoCommands.

The board does the change first (a refused change never reaches the stack) and pushes a
command already done, whose first redo() does nothing. Undo and redo write through the
planner like any change. If the journal no longer allows one (the task was deleted, its
sprint closed, from the CLI meanwhile), the board says why and the command is dropped
(obsolete), so the stack never claims what it cannot do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from journal_app.services.planning import PlanningService
from journal_app.services.planning.data import Place, TaskData

Column = tuple[int | None, str]  # (sprint id or None for the backlog, status)


class BoardWriter(Protocol):
    """What a command needs of the board."""

    def write_quietly(self, action: Callable[[], object], select: int | None) -> bool: ...


class _DoneCommand(QUndoCommand):
    """A command pushed after its change was made: the push's redo() does nothing."""

    _pushed = False

    def first_redo(self) -> bool:
        first = not self._pushed
        self._pushed = True
        return first


class MoveCards(_DoneCommand):
    def __init__(
        self,
        board: BoardWriter,
        planner: PlanningService,
        origins: Sequence[Place],
        column: Column,
        before: int | None,
        titles: Sequence[str],
    ) -> None:
        what = f"“{titles[0]}”" if len(titles) == 1 else f"{len(titles)} Cards"
        super().__init__(f"Move {what}")
        self._board = board
        self._planner = planner
        self._origins = list(origins)
        self._column = column
        self._before = before

    def redo(self) -> None:
        if self.first_redo():
            return
        ids = [o.task_id for o in self._origins]
        sprint_id, status = self._column

        def again() -> None:
            if sprint_id is None:
                self._planner.move_tasks(ids, sprint_id=None, before=self._before)
            else:
                self._planner.move_tasks(
                    ids, sprint_id=sprint_id, status=status, before=self._before
                )

        if not self._board.write_quietly(again, ids[0]):
            self.setObsolete(True)

    def undo(self) -> None:
        # The last moved first: the neighbour each returns before is back already.
        places = list(reversed(self._origins))

        if not self._board.write_quietly(
            lambda: self._planner.put_back(places), self._origins[0].task_id
        ):
            self.setObsolete(True)


class EditCard(_DoneCommand):
    """A card's details changed: `before` and `after` are update_task's keywords."""

    def __init__(
        self,
        board: BoardWriter,
        planner: PlanningService,
        task_id: int,
        before: dict[str, Any],
        after: dict[str, Any],
        title: str,
    ) -> None:
        super().__init__(f"Edit “{title}”")
        self._board = board
        self._planner = planner
        self._task_id = task_id
        self._before = before
        self._after = after

    def _apply(self, values: dict[str, Any]) -> None:
        def write() -> None:
            self._planner.update_task(self._task_id, **values)

        if not self._board.write_quietly(write, self._task_id):
            self.setObsolete(True)

    def redo(self) -> None:
        if not self.first_redo():
            self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)


def editable(task: TaskData) -> dict[str, Any]:
    """A task's details as update_task takes them (what an edit can change)."""
    return {
        "title": task.title,
        "notes": task.notes,
        "estimate_hours": task.estimate_hours,
        "skill_id": task.skill_id,
        "resource_id": task.resource_id,
        "tags": list(task.tags),
        "due": task.due,
        "priority": task.priority,
        "checklist": [(item.text, item.done) for item in task.checklist],
        "links": [(link.kind, link.target_id) for link in task.links],
    }
