"""Where data lives: the platform's user data dir, overridable by --data-dir or an env var."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from journal_app import APP_ID
from journal_app.errors import DataDirError
from journal_app.fsutil import PRIVATE_DIR, PRIVATE_FILE, make_private_dir, tighten, tighten_folder

DATA_DIR_ENV = "JOURNAL_APP_DATA_DIR"
CONFIG_DIR_ENV = "JOURNAL_APP_CONFIG_DIR"
DATABASE_NAME = "journal.sqlite3"
LOCK_NAME = "journal.lock"


class DataPaths(NamedTuple):
    """Every file the app keeps for one journal, derived from its data directory."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def lock(self) -> Path:
        return self.root / LOCK_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def logs(self) -> Path:
        return self.root / "logs"


def default_data_dir() -> Path:
    # lazy: a few ms of start-up, and unused when a data folder is given
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=True))


_config_dir_override: Path | None = None


def use_config_dir(folder: Path | None) -> None:
    """Keep settings and logs in ``folder`` for this process (the demo's throw-away
    folder: a demo must not touch the user's settings), or back to normal with None."""
    global _config_dir_override
    _config_dir_override = folder


def config_dir() -> Path:
    """Per-user settings (window geometry, theme); tests point it at tmp_path."""
    if _config_dir_override is not None:
        return _config_dir_override
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    # lazy: as above
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False, roaming=True))


def resolve_data_dir(cli_value: str | None, environ: dict[str, str] | None = None) -> Path:
    """--data-dir wins over JOURNAL_APP_DATA_DIR, which wins over the platform default."""
    env = os.environ if environ is None else environ
    raw = cli_value or env.get(DATA_DIR_ENV) or ""
    if raw.strip():
        return Path(raw).expanduser().absolute()
    return default_data_dir()


def is_writable_dir(path: Path) -> bool:
    if not os.access(path, os.W_OK | os.X_OK):
        return False
    # root passes os.access on a chmod a-w folder; honour the user's intent anyway.
    mode = path.stat().st_mode
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def check_data_dir(
    path: Path, *, create: bool, create_parents: bool = False, writable: bool = True
) -> DataPaths:
    """Validate (and on first run create) the data directory, writing nothing on failure.

    An explicitly chosen folder must have an existing parent: a typo in --data-dir should
    not silently grow a tree of folders. The platform default may create its parents.
    ``writable=False`` accepts an existing read-only folder (for commands that only read).
    """
    if path.exists() and not path.is_dir():
        raise DataDirError(f"{path} is a file, not a folder; choose a folder for the journal data")
    if not path.exists():
        parent = path.parent
        if not create_parents and not parent.is_dir():
            raise DataDirError(
                f"cannot create data folder {path}: its parent {parent} does not exist"
            )
        if not create:
            raise DataDirError(f"data folder {path} does not exist")
        existing = parent
        while not existing.exists():
            existing = existing.parent
        if not existing.is_dir() or not is_writable_dir(existing):
            raise DataDirError(f"cannot create data folder {path}: {existing} is read-only")
        try:
            if create_parents:
                path.parent.mkdir(parents=True, exist_ok=True)
            make_private_dir(path)
        except OSError as exc:
            raise DataDirError(f"cannot create data folder {path}: {exc.strerror}") from None
    elif writable and not is_writable_dir(path):
        raise DataDirError(f"data folder {path} is read-only; the journal needs to write there")
    return DataPaths(path)


def make_private(paths: DataPaths) -> None:
    """Tighten a journal made with looser modes (before this version every file followed
    the umask: the folder 755, the database and backups 644, images 755): its folder
    0700; the database, its -wal/-shm, key file and other ``journal.sqlite3*`` files, and
    everything in backups/, attachments/ and logs/, 0600. Only chmod: safe while open.
    Once the folder is private the walk is skipped: every file is then created 0600, and
    a CLI command on a journal with thousands of images should not stat them all."""
    try:
        if not stat.S_IMODE(paths.root.stat().st_mode) & ~PRIVATE_DIR:
            return
    except OSError:
        return
    tighten(paths.root, PRIVATE_DIR)
    try:
        ours = [p for p in paths.root.iterdir() if p.name.startswith(DATABASE_NAME)]
    except OSError:
        ours = []
    for path in ours:
        tighten(path, PRIVATE_FILE)
    for folder in (paths.backups, paths.attachments, paths.logs):
        if folder.is_dir():
            tighten_folder(folder)
