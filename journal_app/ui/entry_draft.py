"""What a new entry starts with, and the editor's view modes: light, so the Journal page
can name them before the editor itself is built."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

VIEW_MODES = ("editor", "split", "preview")
VIEW_LABELS = {"editor": "Editor", "split": "Split", "preview": "Preview"}
VIEW_KEYS = {"editor": "Ctrl+Alt+1", "split": "Ctrl+Alt+2", "preview": "Ctrl+Alt+3"}


@dataclass
class Draft:
    """What a new entry starts with (from Ctrl+N or a template) until its first save."""

    day: dt.date
    title: str = ""
    body: str = ""
    series: str | None = None
    number: int | None = None
    tags: list[str] = field(default_factory=list)


def split_tags(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for part in text.replace(";", ",").split(","):
        name = part.strip().lstrip("#").strip()
        if name:
            seen.setdefault(name, None)
    return list(seen)
