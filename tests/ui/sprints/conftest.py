"""Fixtures for the planner's widgets: a journal cut in Berlin, a shown board, and a
drop simulated on a view the way Qt delivers one (enter, move, drop)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QListView

from journal_app.services.planning import planning_of

BERLIN = ZoneInfo("Europe/Berlin")
D = dt.date


@pytest.fixture
def planner(services):
    services.tz = BERLIN
    return planning_of(services)


@pytest.fixture
def sprint(planner):
    """Sprint 1 (16–29 Nov 2026, running: today is the 22nd) with 20 h of capacity."""
    return planner.add_sprint(
        "Sprint 1", D(2026, 11, 16), D(2026, 11, 29), goal="Finish makemore", capacity_hours=20
    )


@pytest.fixture
def make_board(qtbot, planner):
    from journal_app.ui.sprints.board import BoardWidget

    def make(sprint_id: int | None):
        board = BoardWidget(planner)
        qtbot.addWidget(board)
        board.resize(1100, 700)
        board.show_sprint(sprint_id)
        board.show()
        qtbot.waitExposed(board)
        board.activateWindow()  # keyboard shortcuts reach only the active window
        qtbot.waitUntil(board.isActiveWindow)
        return board

    return make


def drop(view: QListView, data: QMimeData, pos: QPoint) -> bool:
    """Deliver drag-enter, drag-move and drop at `pos` (viewport coordinates) on
    `view`, as a mouse drag would; True when the view accepted the drop."""
    viewport = view.viewport()
    move = Qt.DropAction.MoveAction
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, move, data, button, none)
    QApplication.sendEvent(viewport, enter)
    hover = QDragMoveEvent(pos, move, data, button, none)
    QApplication.sendEvent(viewport, hover)
    event = QDropEvent(QPointF(pos), move, data, button, none)
    QApplication.sendEvent(viewport, event)
    return event.isAccepted()


def above(view: QListView, row: int) -> QPoint:
    """Just inside the top edge of the card at `row`: a drop there goes before it."""
    rect = view.visualRect(view.model().index(row, 0))
    return QPoint(rect.center().x(), rect.top() + 2)


def below_all(view: QListView) -> QPoint:
    """Empty space under the last card: a drop there goes to the end."""
    return QPoint(view.viewport().width() // 2, view.viewport().height() - 5)
