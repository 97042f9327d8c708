"""Start at login on Linux: an XDG autostart entry, ``journal-app.desktop`` in
``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart``), written and removed from the
tray's options (issue #18).

A file of that name we did not write (no ``X-Journal-App-Autostart=true`` line: the
user's own, or a package's) is never replaced nor removed. Qt-free.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Mapping
from enum import Enum
from pathlib import Path

from journal_app import APP_ID, APP_NAME
from journal_app.errors import JournalError
from journal_app.fsutil import fsync_dir, publish_new, read_regular_file, temporary_sibling

FILE_NAME = f"{APP_ID}.desktop"
MARKER_KEY = "X-Journal-App-Autostart"
MARKER = f"{MARKER_KEY}=true"
MAX_ENTRY_BYTES = 64 * 1024  # a desktop entry is a few lines; more is not one of ours


class AutostartRefused(JournalError):
    """The autostart entry's name is taken by a file this app did not write."""


class AutostartState(Enum):
    ABSENT = "absent"
    OURS = "ours"  # written by this app (it carries the marker)
    FOREIGN = "foreign"  # someone else's file of the same name: left alone


def autostart_supported(platform: str = sys.platform) -> bool:
    """XDG autostart is a Linux (and other freedesktop) desktop's."""
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def autostart_path(env: Mapping[str, str] = os.environ) -> Path:
    """Where the entry goes: ``$XDG_CONFIG_HOME/autostart`` (an absolute one only, as the
    specification says), else ``~/.config/autostart``."""
    base = env.get("XDG_CONFIG_HOME", "")
    folder = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return folder / "autostart" / FILE_NAME


def autostart_state(path: Path) -> AutostartState:
    if not path.exists() and not path.is_symlink():
        return AutostartState.ABSENT
    data = read_regular_file(path, MAX_ENTRY_BYTES)
    if data is None or path.is_symlink():
        return AutostartState.FOREIGN
    lines = data.decode("utf-8", "replace").splitlines()
    return (
        AutostartState.OURS
        if MARKER in (line.strip() for line in lines)
        else AutostartState.FOREIGN
    )


def launch_command(data_dir: Path | None = None) -> list[str]:
    """The command the entry runs: the installed launcher, else this Python with
    ``-m journal_app``; ``--data-dir`` when the journal is not in the default folder."""
    launcher = shutil.which(APP_ID)
    command = [launcher] if launcher else [sys.executable, "-m", "journal_app"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command


def desktop_entry(command: list[str]) -> str:
    # The Exec key's quoting: arguments with reserved characters in double quotes, with
    # backslash before ", `, $ and \ (Desktop Entry Specification, "The Exec key").
    def quoted(arg: str) -> str:
        if arg and shlex.quote(arg) == arg and "%" not in arg:
            return arg
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg).replace("%", "%%")
        return f'"{escaped}"'

    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Open the journal at login (turn off in the app: Track ▸ Reminders and Tray…)\n"
        f"Exec={' '.join(quoted(arg) for arg in command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        f"{MARKER}\n"
    )


def enable_autostart(path: Path, command: list[str]) -> None:
    """Write (or rewrite) our entry; AutostartRefused when the name is someone else's."""
    if autostart_state(path) is AutostartState.FOREIGN:
        raise AutostartRefused(f"{path} was not written by {APP_NAME}; it is left as it is")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = temporary_sibling(path)
        tmp.write_text(desktop_entry(command), encoding="utf-8")
        try:
            if autostart_state(path) is AutostartState.OURS:
                os.replace(tmp, path)
                fsync_dir(path.parent)
            else:
                publish_new(tmp, path)  # never over a file that appeared meanwhile
        finally:
            tmp.unlink(missing_ok=True)
    except FileExistsError:
        message = f"{path} was not written by {APP_NAME}; it is left as it is"
        raise AutostartRefused(message) from None
    except OSError as exc:
        raise AutostartRefused(f"could not write {path}: {exc.strerror or exc}") from None


def disable_autostart(path: Path) -> bool:
    """Remove our entry; a file we did not write stays (False)."""
    if autostart_state(path) is not AutostartState.OURS:
        return False
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise AutostartRefused(f"could not remove {path}: {exc.strerror or exc}") from None
    return True
