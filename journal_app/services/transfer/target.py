"""Where an export may write, and writing there all at once. Qt-free.

One rule for every writer of a path the user names (every export format from the CLI
and the window, `backup --to`):

- never inside the journal's data folder (symlinks resolved): an export named
  ``journal.sqlite3`` must not replace the live journal;
- the folder it goes into must exist: nothing creates missing parents behind the
  user's back;
- a file output replaces only a regular file, and only when asked (``--force``, or a
  yes in the window); a folder output goes to a new or empty folder, never over a file;
- the output is written under a temporary name beside it and renamed into place when
  complete, so a failure or a kill leaves the old file (or nothing) — never half of one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from journal_app.errors import InvalidInput, JournalError
from journal_app.fsutil import fsync_dir

FOLDER_OUTPUTS = frozenset({"markdown", "csv", "hugo"})  # the rest write one file
FORCE_HINT = "add --force to replace it"


class TargetExists(InvalidInput):
    """The file is there; replacing it needs --force (the window asks instead)."""


@dataclass(frozen=True)
class ExportTarget:
    path: Path  # where it ends up, symlinks resolved
    shown: Path  # as the user named it (messages, summaries)
    folder: bool
    replaces: bool  # an existing file (forced) or an empty folder is there


def check_target(
    out: Path | str,
    *,
    folder: bool,
    data_dir: Path,
    force: bool = False,
    how_to_replace: str = FORCE_HINT,
) -> ExportTarget:
    """The place ``out`` names, or InvalidInput with one line saying why not (nothing
    is written either way). TargetExists when only ``force`` is missing."""
    shown = Path(out).expanduser()
    path = shown.resolve()
    data = Path(data_dir).expanduser().resolve()
    if path == data or path.is_relative_to(data):
        raise InvalidInput(
            f"{shown} is inside the journal's data folder {data}; export somewhere else"
        )
    parent = path.parent
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise InvalidInput(f"the folder {parent} {what}; nothing was written")
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return ExportTarget(path, shown, folder, replaces=False)
    except OSError as exc:
        raise InvalidInput(f"cannot use {shown}: {exc.strerror or exc}") from None
    if folder:
        if not stat.S_ISDIR(mode):
            raise InvalidInput(f"{shown} is not a folder; choose a new or empty folder")
        if any(path.iterdir()):
            raise InvalidInput(f"{shown} is not an empty folder; choose a new or empty one")
        return ExportTarget(path, shown, folder, replaces=True)
    if not stat.S_ISREG(mode):
        raise InvalidInput(f"{shown} is not a regular file; choose a file name")
    if not force:
        raise TargetExists(f"{shown} already exists; {how_to_replace}")
    return ExportTarget(path, shown, folder, replaces=True)


def _remove(stage: Path) -> None:
    with contextlib.suppress(OSError):
        if stage.is_dir() and not stage.is_symlink():
            shutil.rmtree(stage)
        else:
            stage.unlink()


@contextlib.contextmanager
def staged(target: ExportTarget) -> Iterator[Path]:
    """A temporary name beside ``target`` to write the whole output to (an empty folder
    for a folder output); renamed into place when the block ends without an error,
    removed when it does not."""
    stage = target.path.with_name(f".{target.path.name}.{os.getpid()}.partial")
    _remove(stage)  # our own leftover of a killed run with the same pid
    try:
        if target.folder:
            stage.mkdir()
        yield stage
        if not stage.exists():
            raise JournalError(f"could not write {target.shown}: nothing was produced")
        if not target.folder:
            with stage.open("rb") as fh:
                os.fsync(fh.fileno())
        if not target.replaces and os.path.lexists(target.path):
            raise InvalidInput(f"{target.shown} appeared meanwhile; nothing was replaced")
        if target.folder and target.replaces:
            target.path.rmdir()  # checked empty; a rename cannot replace a folder everywhere
        os.replace(stage, target.path)
        fsync_dir(target.path.parent)
    except OSError as exc:
        _remove(stage)
        raise JournalError(f"could not write {target.shown}: {exc.strerror or exc}") from None
    except BaseException:
        _remove(stage)
        raise
