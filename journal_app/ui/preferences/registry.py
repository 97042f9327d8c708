"""The pages of the Preferences dialog, in the order shown: a small registry so a feature
brings its own page (spell check, the reminder and tray, sync…) without the dialog
knowing it.

    from journal_app.ui.preferences.registry import add_page
    add_page("spelling", "Spelling", lambda context: SpellingPage(context))

``widget_factory`` is called with a ``PreferencesContext`` each time the dialog is built
and returns the page's widget. A page applies a change at once and keeps it: per-machine
choices in ``context.settings`` (the QSettings of ``ui/settings.py``), per-journal ones
through ``context.services``. Adding a key again replaces its page (same place).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from journal_app.services import Services
    from journal_app.ui.data_events import DataEvents
    from journal_app.ui.editor_look import EditorLookSettings
    from journal_app.ui.theme import ThemeManager


@dataclass(frozen=True)
class PreferencesContext:
    services: Services
    events: DataEvents
    settings: QSettings  # this machine's settings file
    theme: ThemeManager
    editor_settings: EditorLookSettings


PageFactory = Callable[[PreferencesContext], "QWidget"]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    widget_factory: PageFactory


_PAGES: dict[str, PageSpec] = {}


def add_page(key: str, title: str, widget_factory: PageFactory) -> None:
    """Show a page titled ``title`` in Preferences, built by ``widget_factory(context)``."""
    _PAGES[key] = PageSpec(key, title, widget_factory)


def pages() -> tuple[PageSpec, ...]:
    return tuple(_PAGES.values())
