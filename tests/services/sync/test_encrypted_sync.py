"""Encrypted journals sync through a folder that holds nothing readable: every device
file is sealed with the folder's key (AES-256-GCM, bound to its device, kind and seq),
the folder's key file travels with it, and another journal joins with its passphrase."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from journal_app.db import cipher, keyfile, sealed_files
from journal_app.errors import InvalidInput
from journal_app.services.encryption import (
    PassphraseNeeded,
    WrongPassphrase,
    create_encrypted,
    decrypt,
    encrypt,
)
from journal_app.services.sync import compaction, folder_key, sealing
from tests.services.sync.helpers import Device, sync_all

ALPHA = "alpha passphrase"  # the laptop's, which made the folder
BETA = "beta passphrase"  # the desktop's own journal
MARKER = "Zq7-hippopotamus-marker"
DAY = dt.date(2026, 11, 2)


class EncryptedDevice(Device):
    """A device whose journal is encrypted with its own data key and passphrase."""

    def __init__(self, root: Path, name: str, passphrase: str) -> None:
        super().__init__(root, name)
        create_encrypted(self.paths, passphrase, kdf_n=2**10)  # cheap scrypt
        with self.open():
            pass  # the journal, created encrypted

    def setup(self, folder: Path, passphrase: str | None = None) -> None:  # type: ignore[override]
        with self.open() as s:
            s.sync.setup(folder, self.name, passphrase)

    def forget(self) -> None:
        cipher.forget_key(self.paths.database, self.paths.backups)


@pytest.fixture
def made(tmp_path):
    """Make devices (encrypted with a passphrase, or plain), and forget their keys after."""
    made: list[Device] = []

    def make(name: str, passphrase: str | None = None) -> Device:
        device = (
            EncryptedDevice(tmp_path, name, passphrase) if passphrase else Device(tmp_path, name)
        )
        made.append(device)
        return device

    yield make
    for device in made:
        if isinstance(device, EncryptedDevice):
            device.forget()
    sealing.use(tmp_path / "Sync", None)


@pytest.fixture
def shared(tmp_path) -> Path:
    path = tmp_path / "Sync"
    path.mkdir()
    return path


def _write(device: Device, title: str, body: str = "text", tags: list[str] | None = None) -> None:
    with device.open() as s:
        s.entries.create(day=DAY, title=title, body=body, tags=tags)


def _titles(device: Device) -> list[str]:
    with device.open() as s:
        return sorted(e.title for e in s.entries.summaries())


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _pair(made, shared: Path) -> tuple[EncryptedDevice, EncryptedDevice]:
    laptop, desktop = made("laptop", ALPHA), made("desktop", BETA)
    laptop.setup(shared)
    desktop.setup(shared, ALPHA)  # the folder's key file is the laptop's
    return laptop, desktop  # type: ignore[return-value]


def _segment(shared: Path, device: Device, seq: int) -> Path:
    with device.open() as s:
        own = s.sync.status().device
    return shared / "devices" / own / f"seg-{seq:08d}.json"


def test_two_encrypted_journals_merge_and_the_folder_holds_nothing_readable(made, shared):
    laptop, desktop = made(f"laptop {MARKER}", ALPHA), made("desktop", BETA)
    laptop.setup(shared)
    desktop.setup(shared, ALPHA)
    _write(laptop, f"Title {MARKER}", f"Body with {MARKER} inside", tags=[f"tag-{MARKER}"])
    _write(desktop, "From the desktop", f"and {MARKER} again")
    sync_all(laptop, desktop)

    assert laptop.state() == desktop.state()
    assert _titles(desktop) == ["From the desktop", f"Title {MARKER}"]
    with desktop.open() as s:
        assert [d.name for d in s.sync.status().devices] == [f"laptop {MARKER}"]
    files = _files(shared)
    segments = [name for name in files if "/seg-" in name]
    assert len(segments) == 2 and len(files) == 2 + 2 + 2  # marker, key file, 2 device.json
    for name, data in files.items():
        assert MARKER.encode() not in data, name
        assert MARKER.encode("utf-16-le") not in data, name
        if name.startswith("devices/"):
            assert data.startswith(sealed_files.MAGIC), name
    assert json.loads(files["journal-sync.json"])["encrypted"] == "aes-256-gcm"
    assert "wrapped_key" in json.loads(files[folder_key.KEY_FILE])


def test_a_wrong_passphrase_on_joining_writes_nothing(made, shared):
    laptop, desktop = made("laptop", ALPHA), made("desktop", BETA)
    laptop.setup(shared)
    _write(laptop, "Private")
    laptop.sync()
    before = _files(shared)
    with desktop.open() as s, pytest.raises(WrongPassphrase) as refused:
        s.sync.setup(shared, "desktop", BETA)  # its own passphrase, not the folder's
    message = str(refused.value)
    assert "\n" not in message
    assert "wrong passphrase" in message and "journal-key.json" in message
    assert "nothing was written" in message
    assert _files(shared) == before
    with desktop.open() as s, pytest.raises(InvalidInput, match="does not sync"):
        s.sync.status()


def test_joining_without_a_passphrase_asks_for_one(made, shared, monkeypatch):
    laptop, desktop = made("laptop", ALPHA), made("desktop", BETA)
    laptop.setup(shared)
    monkeypatch.setattr(cipher, "_unlocker", None)
    with desktop.open() as s, pytest.raises(PassphraseNeeded, match=r"journal-key\.json"):
        s.sync.setup(shared, "desktop")
    asked: list[Path] = []
    monkeypatch.setattr(cipher, "_unlocker", lambda path: asked.append(path) or ALPHA)
    desktop.setup(shared)
    assert asked == [shared / folder_key.KEY_FILE]


def test_the_journal_that_made_the_folder_rejoins_without_a_passphrase(made, shared, monkeypatch):
    laptop, desktop = _pair(made, shared)
    _write(laptop, "Before leaving")
    sync_all(laptop, desktop)
    with laptop.open() as s:
        s.sync.leave()
    monkeypatch.setattr(cipher, "_unlocker", None)  # nothing to ask: its own key file
    laptop.setup(shared)
    _write(laptop, "After rejoining")
    sync_all(laptop, desktop)
    assert _titles(desktop) == ["After rejoining", "Before leaving"]


def test_a_tampered_segment_is_refused_and_its_later_ones_wait(made, shared):
    laptop, desktop = _pair(made, shared)
    _write(laptop, "First")
    laptop.sync()
    _write(laptop, "Second")
    laptop.sync()
    first = _segment(shared, laptop, 1)
    good = first.read_bytes()
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x01
    first.write_bytes(bytes(flipped))

    report = desktop.sync()
    assert report.problems == [
        f"devices/{first.parent.name}/seg-00000001.json does not decrypt with the folder's "
        "key: it was altered, cut short, renamed or moved; not applied"
    ]
    assert report.applied_segments == 0 and report.waiting == 2
    assert _titles(desktop) == []

    first.write_bytes(good)  # the sync tool brings the whole file: nothing was lost
    report = desktop.sync()
    assert report.problems == [] and report.applied_segments == 2
    assert _titles(desktop) == ["First", "Second"]


@pytest.mark.parametrize("keep", [10, -1], ids=["header-only", "last-byte-gone"])
def test_a_truncated_segment_is_refused(made, shared, keep):
    laptop, desktop = _pair(made, shared)
    _write(laptop, "Whole")
    laptop.sync()
    first = _segment(shared, laptop, 1)
    first.write_bytes(first.read_bytes()[:keep])
    (problem,) = desktop.sync().problems
    expected = "is truncated" if keep == 10 else "does not decrypt with the folder's key"
    assert expected in problem and problem.endswith("; not applied")
    assert _titles(desktop) == []


def test_a_segment_renamed_or_moved_to_another_device_does_not_open(made, shared):
    laptop, desktop = _pair(made, shared)
    _write(laptop, "One")
    laptop.sync()
    _write(laptop, "Two")
    laptop.sync()
    first, second = _segment(shared, laptop, 1), _segment(shared, laptop, 2)
    one, two = first.read_bytes(), second.read_bytes()
    stranger = shared / "devices" / ("e" * 32)
    stranger.mkdir()
    (stranger / "seg-00000001.json").write_bytes(one)  # moved to another device's folder
    first.write_bytes(two)  # renamed: seg 2 passed off as seg 1
    second.write_bytes(one)

    problems = desktop.sync().problems
    assert sorted(p.split(" ")[0] for p in problems) == sorted(
        [f"devices/{'e' * 32}/seg-00000001.json", f"devices/{first.parent.name}/seg-00000001.json"]
    )
    assert all("does not decrypt with the folder's key" in p for p in problems)
    assert _titles(desktop) == []


def test_a_plain_segment_in_an_encrypted_folder_is_refused(made, shared):
    laptop, desktop = _pair(made, shared)
    _write(laptop, "Sealed")
    laptop.sync()
    first = _segment(shared, laptop, 1)
    doc = {"format": 1, "schema": 1, "device": first.parent.name, "seq": 1, "deps": {}}
    first.write_bytes(json.dumps({**doc, "written": "", "changes": []}).encode())
    (problem,) = desktop.sync().problems
    assert "is not encrypted, but this sync folder is" in problem


def test_an_encrypted_journal_does_not_join_a_plain_folder(made, shared):
    plain, secret = made("plain"), made("secret", ALPHA)
    plain.setup(shared)
    _write(plain, "Open")
    plain.sync()
    before = _files(shared)
    with secret.open() as s, pytest.raises(InvalidInput) as refused:
        s.sync.setup(shared, "secret")
    assert "sync folder of unencrypted journals" in str(refused.value)
    assert "would be written there unencrypted" in str(refused.value)
    assert _files(shared) == before


def test_a_plain_journal_does_not_join_an_encrypted_folder(made, shared):
    secret, plain = made("secret", ALPHA), made("plain")
    secret.setup(shared)
    before = _files(shared)
    with plain.open() as s, pytest.raises(InvalidInput) as refused:
        s.sync.setup(shared, "plain")
    assert "sync folder of encrypted journals and this journal is not encrypted" in str(
        refused.value
    )
    assert _files(shared) == before


def test_a_damaged_key_file_in_the_folder_is_refused_on_joining(made, shared):
    laptop, desktop = made("laptop", ALPHA), made("desktop", BETA)
    laptop.setup(shared)
    key_path = shared / folder_key.KEY_FILE
    doc = json.loads(key_path.read_text())
    doc["salt"] = "00" * 16
    key_path.write_text(json.dumps(doc))
    before = _files(shared)
    with desktop.open() as s, pytest.raises(InvalidInput, match=r"key file .* is damaged"):
        s.sync.setup(shared, "desktop", ALPHA)
    assert _files(shared) == before


def test_sealing_binds_device_kind_and_seq():
    key = sealing.folder_key(b"k" * 32)
    device = "a" * 32
    sealed = sealing.seal(key, b"{}", device, "segment", 3)
    assert sealing.unseal(key, sealed, device, "segment", 3) == b"{}"
    for other in [("b" * 32, "segment", 3), (device, "snapshot", 3), (device, "segment", 4)]:
        with pytest.raises(sealing.Unsealable):
            sealing.unseal(key, sealed, *other)
    with pytest.raises(sealing.Unsealable):
        sealing.unseal(sealing.folder_key(b"j" * 32), sealed, device, "segment", 3)


def test_a_journal_encrypted_after_joining_a_plain_folder_writes_nothing_more(made, shared):
    laptop = made("laptop")
    laptop.setup(shared)
    _write(laptop, "Plain days")
    laptop.sync()
    encrypt(laptop.paths, "gamma passphrase")
    try:
        _write(laptop, f"Secret {MARKER}")
        before = _files(shared)
        with pytest.raises(InvalidInput) as refused:
            laptop.sync()
        assert "encrypted after it joined an unencrypted sync folder" in str(refused.value)
        assert _files(shared) == before
        with laptop.open() as s:
            (problem,) = s.sync.status().problems
            assert "run `sync leave`" in problem
            s.sync.leave()
    finally:
        cipher.forget_key(laptop.paths.database, laptop.paths.backups)


def test_a_journal_decrypted_after_joining_an_encrypted_folder_writes_nothing_more(made, shared):
    laptop, desktop = _pair(made, shared)
    _write(laptop, "Sealed days")
    sync_all(laptop, desktop)
    folder_data_key = cipher.key_for(laptop.paths.database)
    assert folder_data_key is not None
    decrypt(laptop.paths, ALPHA)
    _write(laptop, f"Open {MARKER}")
    before = _files(shared)
    with pytest.raises(InvalidInput, match="decrypted after it joined an encrypted sync folder"):
        laptop.sync()
    assert _files(shared) == before
    # The plain journal keeps the folder's key sealed with a key that no longer exists.
    conn = sqlite3.connect(laptop.paths.database)
    try:
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    assert "folder_key" in dump and folder_data_key.hex() not in dump
    with laptop.open() as s:
        s.sync.leave()


def test_a_setup_interrupted_after_the_key_file_can_be_run_again(made, shared):
    laptop, desktop = made("laptop", ALPHA), made("desktop", BETA)
    own_key_file = laptop.paths.database.with_name("journal.sqlite3.key")
    (shared / folder_key.KEY_FILE).write_bytes(own_key_file.read_bytes())  # then killed
    with desktop.open() as s, pytest.raises(InvalidInput, match="holds other files"):
        s.sync.setup(shared, "desktop")  # another journal's key file: not its folder
    laptop.setup(shared)
    assert json.loads((shared / "journal-sync.json").read_text())["encrypted"] == "aes-256-gcm"
    desktop.setup(shared, ALPHA)
    _write(laptop, "Resumed")
    sync_all(laptop, desktop)
    assert _titles(desktop) == ["Resumed"]


def test_a_key_file_that_opens_none_of_the_folders_files_is_refused(made, shared):
    laptop, desktop = made("laptop", ALPHA), made("desktop", BETA)
    laptop.setup(shared)
    _write(laptop, "Sealed")
    laptop.sync()
    other = keyfile.wrap_key(keyfile.new_data_key(), ALPHA, n=2**10)  # the same passphrase
    (shared / folder_key.KEY_FILE).write_text(other.to_json())
    before = _files(shared)
    with desktop.open() as s, pytest.raises(InvalidInput) as refused:
        s.sync.setup(shared, "desktop", ALPHA)
    assert "opens none of its devices' files" in str(refused.value)
    assert _files(shared) == before


def test_a_late_joiner_starts_from_a_sealed_snapshot(made, shared, monkeypatch):
    monkeypatch.setattr(compaction, "SNAPSHOT_SEGMENTS", 2)  # a test's few segments
    laptop, desktop = _pair(made, shared)
    for n in range(4):
        _write(laptop, f"Laptop {n} {MARKER}", f"body {n} {MARKER}", tags=[f"tag-{MARKER}"])
        _write(desktop, f"Desktop {n}", f"{MARKER} {n}")
        sync_all(laptop, desktop)
    with laptop.open() as s:
        own = s.sync.status().device
    assert not (shared / "devices" / own / "seg-00000001.json").exists()  # compacted away
    files = _files(shared)
    snapshots = [name for name in files if "/snap-" in name]
    assert snapshots
    for name, data in files.items():
        assert MARKER.encode() not in data, name
    for name in snapshots:
        assert sealed_files.is_sealed(files[name]), name

    late = made("late", "gamma passphrase")
    late.setup(shared, ALPHA)
    report = late.sync()
    assert report.problems == []
    assert late.state() == laptop.state()
    assert f"Laptop 0 {MARKER}" in _titles(late)  # only a snapshot still holds it


def test_a_snapshot_sealed_for_another_place_does_not_open(made, shared, monkeypatch):
    monkeypatch.setattr(compaction, "SNAPSHOT_SEGMENTS", 1)
    laptop, desktop = _pair(made, shared)
    _write(laptop, f"Laptop {MARKER}")
    sync_all(laptop, desktop)
    (snap,) = shared.glob("devices/*/snap-*.json")
    renamed = snap.with_name("snap-00000099.json")  # sealed for its own number
    snap.rename(renamed)
    late = made("late", "gamma passphrase")
    late.setup(shared, ALPHA)
    report = late.sync()
    assert any(
        "snap-00000099.json does not decrypt with the folder's key" in p and p.endswith("not used")
        for p in report.problems
    ), report.problems
