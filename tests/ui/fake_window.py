"""A bare main window that is a ``WindowContext``: hosts a page or controller in a test
without the real window (and records what was asked of it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from journal_app.ui.window_context import MenuSlot


class FakeWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.start: QAction | None = None  # the focus timer's Start action, once "installed"
        self.statuses: list[str] = []
        self.areas: list[str] = []
        self.undo_stacks: list[tuple[QUndoStack, QWidget]] = []
        self.preferences_pages: list[str] = []

    def dialog_parent(self) -> QMainWindow:
        return self

    def show_status(self, text: str, msecs: int) -> None:
        self.statuses.append(text)

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    def add_file_action(self, action: QAction) -> None:
        self.addAction(action)

    def add_menu(self, slot: MenuSlot, menu: QMenu) -> None:
        self.menuBar().addMenu(menu)

    def add_undo_stack(self, stack: QUndoStack, owner: QWidget) -> None:
        self.undo_stacks.append((stack, owner))

    def open_entry_id(self) -> int | None:
        return None

    def save_open_entry(self, *, announce: bool = False) -> bool:
        return True

    def close_open_entry(self) -> None:
        pass

    def reload_open_entry(self) -> bool:
        return False

    def when_entry_saved(self, call: Callable[[], None]) -> None:
        pass

    def open_entry(self, entry_id: int, *, show: bool = False) -> bool:
        return False

    def show_area(self, key: str) -> None:
        self.areas.append(key)

    def quit(self) -> bool:
        return self.close()

    def new_entry(self) -> None:
        self.areas.append("new entry")

    def refresh(self) -> None:
        pass

    def open_preferences(self, page: str = "") -> QWidget:
        self.preferences_pages.append(page)
        return QWidget()

    def wait_for_backups(self) -> None:
        pass

    def when_timer_ready(self, call: Callable[[QAction], None]) -> None:
        if self.start is not None:
            call(self.start)
