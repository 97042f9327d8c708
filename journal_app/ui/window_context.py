"""The one door from a controller or page to the main window (``WindowContext``).

The controllers installed after the first paint (backups, focus timer, transfer,
encryption, sync) and the pages get what they need from the window through this protocol,
never through its attribute names: the window may rename or rebuild its parts, and a
test may hand a controller any object that does these things. ``MainWindow`` implements
it; ``window_context(widget)`` finds it from a page (None outside a main window).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

# The menus controllers add between View and Help, in the order the menu bar shows them.
MenuSlot = Literal["publish", "track"]
MENU_ORDER: tuple[MenuSlot, ...] = ("publish", "track")


@runtime_checkable
class WindowContext(Protocol):
    def dialog_parent(self) -> QMainWindow:
        """The window: the parent of dialogs, prompts and the tray icon."""
        ...

    def show_status(self, text: str, msecs: int) -> None:
        """Show ``text`` in the status bar for ``msecs``."""
        ...

    def add_status_widget(self, widget: QWidget) -> None:
        """Add ``widget`` to the right of the status bar, in every area."""
        ...

    def add_file_action(self, action: QAction) -> None:
        """Add ``action`` to the File menu, above Quit."""
        ...

    def add_menu(self, slot: MenuSlot, menu: QMenu) -> None:
        """Add ``menu`` to the menu bar before Help, in ``MENU_ORDER``."""
        ...

    def add_undo_stack(self, stack: QUndoStack, owner: QWidget) -> None:
        """Let Edit ▸ Undo/Redo (and their keys) act on ``stack`` while the focus is in
        ``owner`` and the focused widget has no undo of its own (a text field keeps
        its own); the actions say what they would undo or redo."""
        ...

    def open_entry_id(self) -> int | None:
        """The id of the entry open in the Journal (None when there is none)."""
        ...

    def save_open_entry(self, *, announce: bool = False) -> bool:
        """Save the open entry now; False when it could not be saved. ``announce``
        says "Saved" where the editor reports its saves."""
        ...

    def close_open_entry(self) -> None:
        """Close the open entry (nothing is pending: save it first)."""
        ...

    def reload_open_entry(self) -> bool:
        """Show the open entry as the journal now has it (a sync merged changes into
        it), the cursor kept where it was; unsaved text is saved first (a save that finds
        the entry changed keeps a "conflicting copy"). False when nothing was reloaded."""
        ...

    def when_entry_saved(self, call: Callable[[], None]) -> None:
        """Call ``call`` after each save of the Journal's editor."""
        ...

    def open_entry(self, entry_id: int, *, show: bool = False) -> bool:
        """Open entry ``entry_id`` in the Journal; ``show`` also reloads its list and
        switches to the Journal area. False when it could not be opened."""
        ...

    def show_area(self, key: str) -> None:
        """Switch to the area named ``key``."""
        ...

    def quit(self) -> bool:
        """Close the window as File ▸ Quit does (pages and the focus timer may ask or
        refuse), even where the tray would keep it running; True when it closed."""
        ...

    def new_entry(self) -> None:
        """Switch to the Journal and start a new entry (as File ▸ New Entry)."""
        ...

    def refresh(self) -> None:
        """Reload what the window shows (the entry list, the status bar)."""
        ...

    def open_preferences(self, page: str = "") -> QWidget:
        """Show Preferences (one dialog, not modal) on ``page`` (a key of
        ``ui/preferences/registry.py``; "" the first); return the dialog."""
        ...

    def wait_for_backups(self) -> None:
        """Block until a running backup ends (before the journal file is swapped)."""
        ...

    def when_timer_ready(self, call: Callable[[QAction], None]) -> None:
        """Call ``call`` with the focus timer's Start action: now, or once installed."""
        ...


def window_context(widget: QWidget) -> WindowContext | None:
    """The context of the window ``widget`` is shown in, or None outside one."""
    window = widget.window()
    return window if isinstance(window, WindowContext) else None
