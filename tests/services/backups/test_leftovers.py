"""A backup killed half way leaves `<name>.sqlite3.<pid>-<random>.partial`: the next open of the
journal deletes it (and a key file's `.partial`), never a file that is not ours nor one
whose writer still runs."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import time

from journal_app.config import check_data_dir
from journal_app.services import Services

KILLED_BACKUP = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from journal_app.config import DataPaths
    from journal_app.services.backups import BackupService

    def killed(*args, **kwargs):
        os._exit(9)  # as SIGKILL would: no clean-up runs

    # The copy is written and checked; its publishing (a hard link, or a rename where
    # the file system has none) never comes.
    os.link = os.replace = killed
    BackupService(DataPaths(Path(sys.argv[1]))).create("manual")
    """
)


def test_a_killed_backups_partial_is_gone_at_the_next_open(tmp_path):
    paths = check_data_dir(tmp_path / "journal", create=True)
    with Services.open(paths) as services:
        services.entries.create(day=dt.date(2026, 3, 1), title="Kept", body="text")
    done = subprocess.run([sys.executable, "-c", KILLED_BACKUP, str(paths.root)], check=False)
    assert done.returncode == 9
    [partial] = paths.backups.glob("*.partial")
    assert partial.name.startswith("manual-") and partial.stat().st_size > 0

    with Services.open(paths) as services:
        assert services.entries.count() == 1
    assert not partial.exists()


def test_only_our_own_stale_leftovers_are_deleted(tmp_path):
    paths = check_data_dir(tmp_path / "journal", create=True)
    Services.open(paths).close()
    paths.backups.mkdir(exist_ok=True)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    gone = child.pid  # a finished process's
    hour_ago = time.time() - 7200
    stale = {
        paths.backups / f"daily-20260301-090000Z.sqlite3.{gone}.partial": None,
        paths.backups / "manual-20260301-090000Z.sqlite3.partial": hour_ago,  # older kind
        paths.root / "journal.sqlite3.key.partial": hour_ago,
        paths.backups / "journal.sqlite3.key.partial": hour_ago,
    }
    kept = {
        paths.backups / f"daily-20260302-090000Z.sqlite3.{os.getpid()}.partial": None,  # live
        paths.backups / "manual-20260302-090000Z.sqlite3.partial": None,  # may be written now
        paths.backups / "notes.partial": hour_ago,
        paths.backups / "holiday.sqlite3": hour_ago,
        paths.backups / "thesis.sqlite3.partial.txt": hour_ago,
        paths.root / "mine.sqlite3.key.partial.bak": hour_ago,
    }
    for path, mtime in {**stale, **kept}.items():
        path.write_bytes(b"x")
        if mtime is not None:
            os.utime(path, (mtime, mtime))
    (paths.backups / "folder.sqlite3.partial").mkdir()  # not a file we write

    Services.open(paths).close()
    assert [p.name for p in stale if p.exists()] == []
    assert [p.name for p in kept if not p.exists()] == []
    assert (paths.backups / "folder.sqlite3.partial").is_dir()
