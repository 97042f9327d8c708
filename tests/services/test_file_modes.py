"""A journal is private: its folders 0700 and its files 0600, never executable, whatever
the umask; journals made with looser modes are tightened when opened. (Tests run as
root here, so they read the mode bits instead of trying to be denied.)"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal_app.config import DataPaths, check_data_dir
from journal_app.services import Services
from journal_app.services.backups import restore_backup
from tests.services.test_attachments import _png

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows has no mode bits")


@pytest.fixture(autouse=True)
def _umask_of_most_systems() -> Iterator[None]:
    previous = os.umask(0o022)  # files 644, folders and images 755 without our modes
    yield
    os.umask(previous)


def _modes(root: Path) -> dict[str, int]:
    """The permission bits of the folder and of everything under it."""
    modes = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        modes[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return modes


def _fill(services: Services) -> None:
    entry = services.entries.create(day=dt.date(2026, 1, 2), title="private", body="words")
    services.attachments.add_image(entry.id, _png())
    services.backups.create("manual")


def _expected(modes: dict[str, int], root: Path) -> dict[str, int]:
    return {name: 0o700 if (root / name).is_dir() else 0o600 for name in modes}


def test_every_file_and_folder_of_a_journal_is_private(
    services: Services, data_paths: DataPaths, journal_kind: str, tmp_path: Path
):
    _fill(services)
    modes = _modes(data_paths.root)
    names = set(modes)
    assert {"journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm"} <= names
    assert any(n.startswith("attachments/") for n in names)
    assert any(n.startswith("backups/manual-") for n in names)
    if journal_kind == "encrypted":
        assert {"journal.sqlite3.key", "backups/journal.sqlite3.key"} <= names
    assert modes == _expected(modes, data_paths.root)


def test_a_copy_written_with_backup_to_is_private(services: Services, tmp_path: Path, journal_kind):
    if journal_kind == "encrypted":
        pytest.skip("no key is unlocked for another folder (`backup --to` refuses it)")
    target = tmp_path / "elsewhere" / "copy.sqlite3"
    target.parent.mkdir()
    services.backups.create("manual", to=target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o755  # the user's folder: theirs


def test_a_new_data_folder_is_created_private(tmp_path: Path):
    paths = check_data_dir(tmp_path / "journal", create=True)
    assert stat.S_IMODE(paths.root.stat().st_mode) == 0o700


def test_a_journal_made_with_looser_modes_is_tightened_when_opened(
    data_paths: DataPaths, clock, tmp_path: Path
):
    with Services.open(data_paths, clock=clock) as services:
        _fill(services)
    # As versions before this one left them: the umask's modes, images executable.
    os.chmod(data_paths.root, 0o755)
    for path in data_paths.root.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() or path.parent.name == "attachments" else 0o644)
    notes = data_paths.root / "notes.txt"  # not ours: left as it is
    notes.write_text("mine")
    os.chmod(notes, 0o644)
    with Services.open(data_paths, clock=clock):
        modes = _modes(data_paths.root)
    assert modes.pop("notes.txt") == 0o644
    assert modes == _expected(modes, data_paths.root)


def test_a_restored_journal_is_private(data_paths: DataPaths, clock, tmp_path: Path):
    with Services.open(data_paths, clock=clock) as services:
        _fill(services)
    (backup,) = data_paths.backups.iterdir()
    os.chmod(backup, 0o644)  # a backup from before this version
    restore_backup(data_paths, backup)
    assert stat.S_IMODE(data_paths.database.stat().st_mode) == 0o600


def test_encrypting_and_decrypting_keep_every_file_private(
    data_paths: DataPaths, clock, monkeypatch
):
    from journal_app.db import cipher, keyfile
    from journal_app.services import encryption

    monkeypatch.setattr(keyfile, "KDF_N", 2**10)  # cheap scrypt
    with Services.open(data_paths, clock=clock) as services:
        _fill(services)
        try:
            encryption.encrypt(data_paths, "a long passphrase", host=services)
            modes = _modes(data_paths.root)
            assert "journal.sqlite3.key" in modes
            assert modes == _expected(modes, data_paths.root)
            encryption.decrypt(data_paths, "a long passphrase", host=services)
            modes = _modes(data_paths.root)
            assert modes == _expected(modes, data_paths.root)
        finally:
            cipher.forget_key(data_paths.database, data_paths.backups)
