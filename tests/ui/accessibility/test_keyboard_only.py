"""A keyboard and screen-reader user writes an entry, logs a session and moves a card,
never touching the mouse; every control the focus lands on has a name to announce."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.accessibility.focus_walk import accessible_name

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    """The widget with the focus, checked to have a name a screen reader announces."""
    widget = QApplication.focusWidget()
    assert widget is not None
    named = widget if widget.focusProxy() is None else widget.focusProxy()
    owner = named.parentWidget()
    # A spin box's or combo box's own line edit speaks for its box.
    assert accessible_name(named) or (owner is not None and accessible_name(owner)), type(
        widget
    ).__name__
    return widget


def tab_to(qtbot, target: QWidget, limit: int = 40) -> None:
    """Press Tab until ``target`` has the focus, each stop named."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {type(target).__name__}")


def test_write_an_entry_log_a_session_and_move_a_card(qtbot, make_window, services, clock):
    planner = services.planning
    today = clock().date()
    sprint = planner.add_sprint(
        "Sprint 1", today - dt.timedelta(days=3), today + dt.timedelta(days=10)
    )
    window = make_window()
    qtbot.waitUntil(lambda: window.focus_timer is not None, timeout=30_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # Write: Ctrl+N lands in the title; Tab walks the fields to the text; Ctrl+S saves.
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    pane = window.journal_page.editor_pane
    assert QApplication.focusWidget() is pane.title_edit
    qtbot.keyClicks(focused(), "Eigenvalues")
    tab_to(qtbot, pane.editor)
    qtbot.keyClicks(focused(), "Read about eigenvalues.")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    [entry] = services.entries.recent()
    assert entry.title == "Eigenvalues"

    # Log a session: Ctrl+2 shows Today, Ctrl+Shift+N opens the dialog, Enter saves it.
    qtbot.keyClick(focused(), Qt.Key.Key_2, CTRL)
    today_page = window.page("today")
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL_SHIFT)
    dialog = today_page.session_dialog
    dialog.activateWindow()  # what the desktop does with a new dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.isAncestorOf(focused())
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert len(services.sessions.for_day(today_page.day)) == 1
    window.activateWindow()  # the desktop gives the window back its focus
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # Move a card: Ctrl+3 shows Sprints; type a task in To do's field, then Tab to the
    # list and move the card right with Ctrl+Shift+Right.
    qtbot.keyClick(focused(), Qt.Key.Key_3, CTRL)
    sprints = window.page("sprints")
    adders = {w.accessibleName(): w for w in sprints.findChildren(QWidget) if w.accessibleName()}
    adder = adders["Add a task to To do"]
    tab_to(qtbot, adder)
    qtbot.keyClicks(focused(), "Chapter 3 exercises")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    [task] = planner.tasks(sprint.id)
    lists = {w.accessibleName(): w for w in sprints.findChildren(QWidget)}
    tab_to(qtbot, lists["To do"])
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Right, CTRL_SHIFT)
    assert planner.tasks(sprint.id)[0].status == "doing"
    assert task.status == "todo"
