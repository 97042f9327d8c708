"""The window's commands and their keys, read from its actions: the menus (walked with
their paths), then the actions of every widget (editor commands, card moves…).

Each command has an id that stays the same between runs: the action's objectName when it
has one (set it where the text changes, like Undo's), else where it is and what it says
("Edit ▸ Preferences"). A changed shortcut is kept in the settings as
``shortcuts/<id>`` = the key in portable text ("" for none) and put back by
``apply_saved`` at start and whenever a part of the window is built later.

Actions that share one key which moves to whichever applies (the timer's Start and
Stop) hold it in the ``FOLLOWS_STATE`` property and name their group in ``KEYS_GROUP``:
the key is listed on each, changing it changes the group's, and they never conflict
with each other; their owner sets the shortcut from the property.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

GROUP = "shortcuts"
DEFAULT_KEYS = "journalDefaultKeys"  # property: the shipped keys, kept before a change
KEYS_GROUP = "journalKeysGroup"  # property: the name of the group sharing FOLLOWS_STATE
FOLLOWS_STATE = "journalKeysFollowState"  # property: the QKeySequence it moves between
NATIVE = QKeySequence.SequenceFormat.NativeText
PORTABLE = QKeySequence.SequenceFormat.PortableText


class Command(NamedTuple):
    action: QAction
    id: str
    name: str  # the action's text, without & or "…"
    where: str  # "Edit", "View ▸ Theme", or the widget it belongs to

    def key_list(self) -> list[QKeySequence]:
        shared = self.action.property(FOLLOWS_STATE)
        if isinstance(shared, QKeySequence) and not shared.isEmpty():
            return [shared]
        return [k for k in self.action.shortcuts() if not k.isEmpty()]

    def keys_text(self) -> str:
        return ", ".join(k.toString(NATIVE) for k in self.key_list())

    @property
    def group(self) -> str | None:
        group = self.action.property(KEYS_GROUP)
        return group if isinstance(group, str) and group else None

    def shares_keys_with(self, other: Command) -> bool:
        return self.group is not None and self.group == other.group


def clean(text: str) -> str:
    text = text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def _menu_actions(menu: QMenu, path: str) -> Iterator[tuple[QAction, str]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_actions(sub, f"{path} ▸ {clean(action.text())}")
        elif action.text():
            yield action, path


def _widget_place(widget: QWidget) -> str | None:
    """The nearest name a user would know the widget by (None when nothing up to the
    window has one)."""
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        if current.accessibleName():
            return current.accessibleName()
        current = current.parentWidget()
    return None


def commands(window: QMainWindow) -> list[Command]:
    """Every command with a text in ``window``: menus first, each action once."""
    found: dict[int, Command] = {}

    def add(action: QAction, where: str | None) -> None:
        key = id(action)
        if not action.text() or action.isSeparator():
            return
        if key in found and (where is None or found[key].where != "Window"):
            return  # seen in a menu, or on a named widget, already
        name = clean(action.text())
        place = where or "Window"
        ident = action.objectName() or f"{place} ▸ {name}"
        found[key] = Command(action, ident.replace("/", "∕"), name, place)

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            for action, path in _menu_actions(menu, clean(top.text())):
                add(action, path)
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QMenu):
            continue  # context menus of the menu bar's own actions were seen above
        for action in widget.actions():
            if action.menu() is None:
                add(action, _widget_place(widget))
    for action in window.actions():
        if action.menu() is None:
            add(action, None)
    return list(found.values())


def saved(settings: QSettings) -> dict[str, str]:
    settings.beginGroup(GROUP)
    try:
        return {key: str(settings.value(key, "")) for key in settings.childKeys()}
    finally:
        settings.endGroup()


def apply_saved(window: QMainWindow, settings: QSettings) -> int:
    """Give each command its kept shortcut; how many were changed."""
    stored = saved(settings)
    if not stored:
        return 0  # the usual case: nothing to walk
    changed = 0
    for command in commands(window):
        text = stored.get(command.id)
        if text is None:
            continue
        set_keys(command, QKeySequence(text, PORTABLE))
        changed += 1
    return changed


def _partners(command: Command) -> list[QAction]:
    """``command``'s action and those sharing its key (just it, usually)."""
    owner = command.action.parent()
    if command.group is None or owner is None:
        return [command.action]
    return [a for a in owner.findChildren(QAction) if a.property(KEYS_GROUP) == command.group]


def set_keys(command: Command, keys: QKeySequence) -> None:
    """Give ``command`` the one shortcut ``keys`` (empty: none), its shipped keys kept;
    a shared key changes for the whole group."""
    for action in _partners(command):
        shared = action.property(FOLLOWS_STATE)
        now = [shared] if isinstance(shared, QKeySequence) else action.shortcuts()
        if action.property(DEFAULT_KEYS) is None:
            action.setProperty(DEFAULT_KEYS, [k.toString(PORTABLE) for k in now])
        if isinstance(shared, QKeySequence):
            action.setProperty(FOLLOWS_STATE, keys)
            if not action.shortcut().isEmpty():  # the one the key is on now
                action.setShortcut(keys)
        else:
            action.setShortcuts([] if keys.isEmpty() else [keys])


def shipped_keys(command: Command) -> list[QKeySequence]:
    """The keys ``command`` came with (its keys now if they were never changed)."""
    shipped = command.action.property(DEFAULT_KEYS)
    if not isinstance(shipped, list):
        return command.key_list()
    return [QKeySequence(k, PORTABLE) for k in shipped]


def reset_keys(command: Command) -> None:
    """Put back ``command``'s shipped keys."""
    shipped = shipped_keys(command)
    if command.group is not None:
        set_keys(command, shipped[0] if shipped else QKeySequence())
    else:
        command.action.setShortcuts(shipped)


def conflict(window: QMainWindow, command: Command, keys: QKeySequence) -> Command | None:
    """The other command that has ``keys`` already, if any."""
    if keys.isEmpty():
        return None
    for other in commands(window):
        if other.action is command.action or other.shares_keys_with(command):
            continue
        if keys in other.key_list():
            return other
    return None


def remember(settings: QSettings, command: Command, keys: QKeySequence | None) -> None:
    """Keep ``keys`` for ``command`` (None: forget the change, back to the shipped key)."""
    settings.beginGroup(GROUP)
    if keys is None:
        settings.remove(command.id)
    else:
        settings.setValue(command.id, keys.toString(PORTABLE))
    settings.endGroup()
    settings.sync()
