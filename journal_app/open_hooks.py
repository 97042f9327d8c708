"""What runs after every open of a journal through `Services.open` (no imports: the CLI's
`main` installs its hook before it runs a command).

The CLI's hook finishes or undoes an interrupted encrypt/decrypt under the instance lock
(cli/crypto.py); the window tidies at its start itself, after asking about the key file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal_app.config import DataPaths

_after_open: Callable[[DataPaths], None] | None = None


def set_after_open(hook: Callable[[DataPaths], None] | None) -> None:
    global _after_open
    _after_open = hook


def run_after_open(paths: DataPaths) -> None:
    hook = _after_open
    if hook is not None:
        hook(paths)
