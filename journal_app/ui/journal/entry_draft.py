"""What a new entry starts with, and the editor's view modes: light, so the Journal page
can name them before the editor itself is built."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

if TYPE_CHECKING:
    from journal_app.services.entries import EntryData

VIEW_MODES = ("editor", "split", "preview")
VIEW_LABELS = {"editor": "Editor", "split": "Split", "preview": "Preview"}
VIEW_KEYS = {"editor": "Ctrl+Alt+1", "split": "Ctrl+Alt+2", "preview": "Ctrl+Alt+3"}


def make_view_actions(owner: QObject, choose: Callable[[str], None]) -> dict[str, QAction]:
    """Editor only / split / preview only: exclusive, with shortcuts; ``choose(mode)``."""
    actions: dict[str, QAction] = {}
    group = QActionGroup(owner)
    group.setExclusive(True)
    for mode in VIEW_MODES:
        action = QAction(VIEW_LABELS[mode], owner, checkable=True)
        action.setShortcut(QKeySequence(VIEW_KEYS[mode]))
        action.setToolTip(f"{VIEW_LABELS[mode]} ({VIEW_KEYS[mode]})")
        action.triggered.connect(lambda _checked=False, m=mode: choose(m))
        group.addAction(action)
        actions[mode] = action
    actions["editor"].setChecked(True)
    return actions


@dataclass
class Draft:
    """What a new entry starts with (from Ctrl+N or a template) until its first save."""

    day: dt.date
    title: str = ""
    body: str = ""
    series: str | None = None
    number: int | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EntryFields:
    """What the editor's fields hold when an autosave runs: what it writes."""

    title: str
    body: str
    day: dt.date
    series: str | None
    number: int | None
    tags: tuple[str, ...]
    visibility: str
    sprint_id: int | None

    def changed_from(self, entry: EntryData) -> dict[str, Any]:
        """The fields that differ from ``entry``, as ``EntriesService.update`` keywords."""
        changed: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name == "tags":
                value = list(value)  # the service's lists compare unequal to tuples
            if getattr(entry, item.name) != value:
                changed[item.name] = value
        return changed


def split_tags(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for part in text.replace(";", ",").split(","):
        name = part.strip().lstrip("#").strip()
        if name:
            seen.setdefault(name, None)
    return list(seen)
