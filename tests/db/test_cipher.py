"""Encryption at rest (issue #9): nothing of an entry on disk in plaintext; a wrong
passphrase told apart from a damaged file; unlocking within its budget."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from journal_app.config import DataPaths
from journal_app.db import cipher, keyfile, live_files
from journal_app.db.file_check import DatabaseDamaged, read_file_state
from journal_app.services import Services, encryption

MARKER = "ZQX-private-marker-7f3a"
PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def _forget_keys(data_paths: DataPaths, monkeypatch):
    monkeypatch.setattr(cipher, "_unlocker", None)  # the CLI's, if a test built its parser
    yield
    cipher.forget_key(data_paths.database, data_paths.backups)


def _files(paths: DataPaths) -> list[Path]:
    return [p for p in paths.root.rglob("*") if p.is_file()]


def _holding(paths: DataPaths, needle: str) -> list[str]:
    found = []
    for path in _files(paths):
        with live_files.raw_reads_allowed():  # on purpose: the live WAL's bytes too
            data = path.read_bytes()
        for encoded in (needle.encode("utf-8"), needle.encode("utf-16-le")):
            if encoded in data:
                found.append(path.name)
    return found


def _encrypted_journal(data_paths: DataPaths, clock, *, kdf_n: int = 2**10) -> Services:
    encryption.create_encrypted(data_paths, PASSPHRASE, kdf_n=kdf_n)
    return Services.open(data_paths, clock=clock)


# A GIF the attachments service accepts, with the marker after its header (in the
# window, pasting an image goes through the same `add_image`).
IMAGE = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + f"comment {MARKER}".encode()


def test_the_marker_appears_nowhere_on_disk_journal_wal_shm_or_backups(data_paths, clock):
    svc = _encrypted_journal(data_paths, clock)
    try:
        entry = svc.entries.create(day=dt.date(2026, 11, 1), title=MARKER, body=f"body {MARKER}")
        svc.entries.update(entry.id, body=f"changed {MARKER} again", expected_rev=entry.rev)
        image = svc.attachments.add_image(entry.id, IMAGE)  # a pasted image
        assert svc.attachments.read(image.url) == IMAGE  # the preview still shows it
        svc.backups.create("manual")
        assert svc.search.search(MARKER.split("-")[0])  # the search index works...
        database = svc._opened.db
        assert database.execute_sql("PRAGMA temp_store").fetchone()[0] == 2  # no temp files
        names = {p.name for p in _files(data_paths)}
        assert "journal.sqlite3-wal" in names  # ...and the live WAL is checked too
        assert _holding(data_paths, MARKER) == []
        assert _holding(data_paths, "private") == []
    finally:
        svc.close()
    assert _holding(data_paths, MARKER) == []


def test_the_same_marker_is_visible_in_a_plain_journal(data_paths, clock):
    """The marker check above can fail: on a plain journal the bytes are there."""
    plain = Services.open(data_paths, clock=clock)
    entry = plain.entries.create(day=dt.date(2026, 11, 1), title=MARKER, body="x")
    image = plain.attachments.add_image(entry.id, IMAGE)
    plain.backups.create("manual")
    plain.close()
    assert image.filename in _holding(data_paths, MARKER)
    assert "journal.sqlite3-wal" in _holding(data_paths, MARKER) or "journal.sqlite3" in (
        _holding(data_paths, MARKER)
    )
    assert any(name.startswith("manual-") for name in _holding(data_paths, MARKER))


def test_an_encrypted_file_is_recognised_not_called_damaged(data_paths, clock):
    _encrypted_journal(data_paths, clock).close()
    cipher.forget_key(data_paths.database, data_paths.backups)
    assert read_file_state(data_paths.database).encrypted
    with pytest.raises(cipher.PassphraseNeeded, match="encrypted"):
        Services.open(data_paths, clock=clock)


def test_wrong_passphrase_is_told_apart_from_a_damaged_file(data_paths, clock):
    svc = _encrypted_journal(data_paths, clock)
    svc.entries.create(day=dt.date(2026, 11, 1), title="kept", body="kept")
    good = svc.backups.create("manual")
    svc.close()
    cipher.forget_key(data_paths.database, data_paths.backups)
    before = data_paths.database.read_bytes()
    with pytest.raises(encryption.WrongPassphrase, match="wrong passphrase"):
        encryption.unlock(data_paths, "not the passphrase")
    assert data_paths.database.read_bytes() == before

    # Damage a page in the middle: the passphrase is right, the file is not.
    raw = bytearray(before)
    raw[4096 * 2 + 100 : 4096 * 2 + 200] = bytes(100)
    raw[100:200] = bytes(100)
    data_paths.database.write_bytes(bytes(raw))
    encryption.unlock(data_paths, PASSPHRASE)
    with pytest.raises(DatabaseDamaged, match=r"passphrase is right.*damaged") as damaged:
        Services.open(data_paths, clock=clock)
    assert damaged.value.backup == good.path  # the encrypted backup is offered
    assert data_paths.database.read_bytes() == bytes(raw)  # left untouched


def test_a_missing_key_file_is_a_clear_error_and_its_mirror_is_enough(data_paths, clock):
    _encrypted_journal(data_paths, clock).close()
    cipher.forget_key(data_paths.database, data_paths.backups)
    main, mirror = keyfile.key_file_paths(data_paths.database, data_paths.backups)
    main.unlink()
    encryption.unlock(data_paths, PASSPHRASE)  # the copy in backups/ unlocks it...
    Services.open(data_paths, clock=clock).close()
    assert main.read_text() == mirror.read_text()  # ...and puts the main one back
    cipher.forget_key(data_paths.database, data_paths.backups)
    main.unlink()
    mirror.unlink()
    with pytest.raises(keyfile.KeyFileMissing, match="key file") as caught:
        encryption.unlock(data_paths, PASSPHRASE)
    # Not "damaged": no restore is proposed that would set the (whole) journal aside.
    assert not isinstance(caught.value, DatabaseDamaged) and "restore" not in str(caught.value)


def test_a_journal_made_with_the_real_scrypt_cost_unlocks(data_paths, clock):
    # Its time is a benchmark figure (bench_crypto unlock_ms, budget 1,000 ms).
    encryption.create_encrypted(data_paths, PASSPHRASE)  # production scrypt cost
    Services.open(data_paths, clock=clock).close()
    cipher.forget_key(data_paths.database, data_paths.backups)
    encryption.unlock(data_paths, PASSPHRASE)
    assert keyfile.read_key_file(data_paths.database, data_paths.backups).n == keyfile.KDF_N
    Services.open(data_paths, clock=clock).close()


def test_backups_of_an_encrypted_journal_are_encrypted_and_restorable(data_paths, clock):
    svc = _encrypted_journal(data_paths, clock)
    try:
        svc.entries.create(day=dt.date(2026, 11, 1), title="first", body="one")
        backup = svc.backups.create("manual")
        assert cipher.is_encrypted_file(backup.path)
        assert backup.entries == 1
        svc.entries.create(day=dt.date(2026, 11, 2), title="second", body="two")
        result = svc.backups.restore(backup.name)
        assert result.entries == 1
        assert [e.title for e in svc.entries.recent(10)] == ["first"]
        assert cipher.is_encrypted_file(data_paths.database)
    finally:
        svc.close()


def test_a_key_file_records_no_secret(data_paths):
    key = keyfile.new_data_key()
    text = keyfile.wrap_key(key, PASSPHRASE, n=2**10).to_json()
    assert key.hex() not in text and PASSPHRASE not in text
    restored = keyfile.KeyFile.from_json(text)
    assert keyfile.unwrap_key(restored, PASSPHRASE) == key


def _legacy(path: Path) -> None:
    """The key file as written before it carried a digest."""
    data = json.loads(path.read_text())
    del data["digest"]
    path.write_text(json.dumps(data, indent=1))


def test_an_older_key_file_without_digest_still_unlocks_and_a_damaged_one_yields(data_paths, clock):
    _encrypted_journal(data_paths, clock).close()
    cipher.forget_key(data_paths.database, data_paths.backups)
    main, mirror = keyfile.key_file_paths(data_paths.database, data_paths.backups)
    for path in (main, mirror):
        _legacy(path)
    data = json.loads(main.read_text())
    data["check"] = ("1" if data["check"][0] == "0" else "0") + data["check"][1:]
    main.write_text(json.dumps(data, indent=1))  # one hex digit: no digest tells it
    with pytest.raises(encryption.WrongPassphrase):
        cipher.unlock(data_paths.database, data_paths.backups, "not the passphrase")
    cipher.unlock(data_paths.database, data_paths.backups, PASSPHRASE)  # its copy accepts it
    assert encryption.key_file_repairs(data_paths) == [
        f"the key file {main} differs from the copy that accepts the passphrase; its copy "
        f"{mirror} unlocks the journal"
    ]
    encryption.repair_key_files(data_paths)
    assert main.read_text() == mirror.read_text() and '"digest"' in main.read_text()
    assert encryption.key_file_repairs(data_paths) == []
    cipher.forget_key(data_paths.database, data_paths.backups)
    encryption.unlock(data_paths, PASSPHRASE)
    Services.open(data_paths, clock=clock).close()


def test_key_files_are_private(data_paths, clock):
    _encrypted_journal(data_paths, clock).close()
    for path in keyfile.key_file_paths(data_paths.database, data_paths.backups):
        assert path.stat().st_mode & 0o777 == 0o600
