"""The editor's look, a per-machine choice (Preferences ▸ Editor): font family, size and
the widest text column, kept in the settings under ``editor/``.

``EditorLookSettings`` reads them, stores a change and announces it (``changed``): the
window hands each change to the editors it holds, so a choice applies at once.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject, QSettings, Signal

FAMILY_KEY = "editor/font_family"
SIZE_KEY = "editor/font_size"
WIDTH_KEY = "editor/line_width"
SIZE_RANGE = (6.0, 48.0)  # points
WIDTH_RANGE = (0, 400)  # average character widths; 0: the full width
DEFAULT_WIDTH = 80


class EditorLook(NamedTuple):
    family: str = ""  # "": the application's font
    size: float = 0.0  # 0: the editor's own default (a little larger than the UI's)
    line_width: int = DEFAULT_WIDTH


def _number(value: object, low: float, high: float, default: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


class EditorLookSettings(QObject):
    changed = Signal(object)  # EditorLook

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings

    def look(self) -> EditorLook:
        """The stored choice; a value out of range (hand-edited) falls back to the default."""
        family = self._settings.value(FAMILY_KEY, "")
        size = _number(self._settings.value(SIZE_KEY, 0), *SIZE_RANGE, 0.0)
        width = _number(self._settings.value(WIDTH_KEY, DEFAULT_WIDTH), *WIDTH_RANGE, DEFAULT_WIDTH)
        return EditorLook(family if isinstance(family, str) else "", size, int(width))

    def set_look(self, look: EditorLook) -> None:
        self._settings.setValue(FAMILY_KEY, look.family)
        self._settings.setValue(SIZE_KEY, look.size)
        self._settings.setValue(WIDTH_KEY, look.line_width)
        self._settings.sync()
        self.changed.emit(look)
