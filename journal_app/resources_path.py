"""Find files of the top-level ``resources/`` folder wherever the app runs from.

Three layouts, tried in order:

* PyInstaller (frozen): the bundle unpacks ``resources/`` under ``sys._MEIPASS``;
* installed wheel: pyproject force-includes it as ``journal_app/resources``;
* source checkout or editable install: ``<repo>/resources`` next to the package.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    found: list[Path] = []
    if getattr(sys, "frozen", False):
        meipass = getattr(sys, "_MEIPASS", None)
        if meipass:
            found.append(Path(meipass) / "resources")
    found.append(_PACKAGE / "resources")  # installed wheel
    found.append(_PACKAGE.parent / "resources")  # source checkout / editable install
    return found


def resources_root() -> Path:
    """The folder holding icons, stylesheets and templates."""
    candidates = _candidates()
    for folder in candidates:
        if folder.is_dir():
            return folder
    return candidates[-1]


def resource_path(*parts: str) -> Path:
    """``resource_path("icons", "journal-app.svg")`` -> the file's absolute path.

    The path is returned even when the file is missing, so callers can report it.
    """
    return resources_root().joinpath(*parts)
