"""Turning encryption on, changing the passphrase, turning it off (issue #9): each on a
new file, verified, swapped atomically; backups follow; nothing is lost."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.db import cipher, keyfile, live_files
from journal_app.errors import InvalidInput, JournalError
from journal_app.services import Services, encryption

PASS = "first passphrase"
NEW = "second passphrase"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch, data_paths):
    monkeypatch.setattr(keyfile, "KDF_N", 2**10)
    yield
    cipher.forget_key(data_paths.database, data_paths.backups)


IMAGE = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + b"QZV-image-marker"


@pytest.fixture
def plain(data_paths, clock):
    svc = Services.open(data_paths, clock=clock)
    one = svc.entries.create(day=dt.date(2026, 11, 1), title="one", body="first words")
    svc.attachments.add_image(one.id, IMAGE)
    svc.entries.create(day=dt.date(2026, 11, 2), title="two", body="second words")
    svc.backups.create("manual")
    yield svc
    svc.close()


def _titles(svc: Services) -> list[str]:
    return sorted(e.title for e in svc.entries.recent(50))


def test_encrypt_an_open_journal_then_keep_using_it(plain, data_paths):
    result = encryption.encrypt(data_paths, PASS, host=plain)
    assert (result.action, result.entries, result.backups_converted) == ("encrypt", 2, 1)
    assert encryption.is_encrypted(data_paths)
    assert all(cipher.is_encrypted_file(b.path) for b in plain.backups.list())
    assert _titles(plain) == ["one", "two"]  # the facade was reopened on the new file
    plain.entries.create(day=dt.date(2026, 11, 3), title="three", body="after")
    assert [h.title for h in plain.search.search("after")] == ["three"]
    assert [b.entries for b in plain.backups.list()] == [2]
    assert not list(data_paths.root.glob("*.encrypting"))


def test_change_passphrase_keeps_journal_and_backups_opening(plain, data_paths, clock):
    encryption.encrypt(data_paths, PASS, host=plain)
    with pytest.raises(encryption.WrongPassphrase):
        encryption.change_passphrase(data_paths, "not it at all", NEW, host=plain)
    encryption.change_passphrase(data_paths, PASS, NEW, host=plain)
    plain.close()
    cipher.forget_key(data_paths.database, data_paths.backups)
    with pytest.raises(encryption.WrongPassphrase):
        encryption.unlock(data_paths, PASS)
    encryption.unlock(data_paths, NEW)
    again = Services.open(data_paths, clock=clock)
    try:
        assert _titles(again) == ["one", "two"]
        assert [b.entries for b in again.backups.list()] == [2]  # old backup still opens
    finally:
        again.close()


def test_decrypt_makes_journal_and_backups_plain_and_drops_the_key_file(plain, data_paths):
    encryption.encrypt(data_paths, PASS, host=plain)
    with pytest.raises(encryption.WrongPassphrase):
        encryption.decrypt(data_paths, "not it at all", host=plain)
    result = encryption.decrypt(data_paths, PASS, host=plain)
    assert (result.entries, result.backups_converted) == (2, 1)
    assert not encryption.is_encrypted(data_paths)
    with live_files.raw_reads_allowed():  # the header's bytes, on purpose
        assert data_paths.database.read_bytes().startswith(b"SQLite format 3\x00")
    assert not any(cipher.is_encrypted_file(b.path) for b in plain.backups.list())
    assert not list(data_paths.root.rglob("*.key"))
    assert _titles(plain) == ["one", "two"]


def test_a_short_passphrase_or_a_second_encrypt_is_refused(plain, data_paths):
    with pytest.raises(InvalidInput, match="at least 8"):
        encryption.encrypt(data_paths, "short", host=plain)
    assert not encryption.is_encrypted(data_paths)
    encryption.encrypt(data_paths, PASS, host=plain)
    with pytest.raises(InvalidInput, match="already encrypted"):
        encryption.encrypt(data_paths, PASS, host=plain)


def test_a_copy_that_does_not_verify_is_never_swapped_in(plain, data_paths, monkeypatch):
    before = _titles(plain)

    def broken_export(source, dest, source_key, dest_key):
        real_export(source, dest, source_key, dest_key)
        conn = cipher.connect_encrypted(dest, dest_key)
        conn.execute('DELETE FROM "tag"')
        conn.execute('INSERT INTO "tag" ("name") VALUES (\'extra\')')
        conn.commit()
        conn.close()

    real_export = cipher.export_copy
    monkeypatch.setattr(cipher, "export_copy", broken_export)
    with pytest.raises(JournalError, match="same rows"):
        encryption.encrypt(data_paths, PASS, host=plain)
    assert not encryption.is_encrypted(data_paths)
    assert not list(data_paths.root.glob("*.encrypting"))
    assert _titles(plain) == before


def test_finish_interrupted_encrypts_backups_left_plain_and_deletes_half_copies(plain, data_paths):
    encryption.encrypt(data_paths, PASS, host=plain)
    # As if killed: a plain backup left behind, and a half-written copy.
    plain_backup = plain.backups.list()[0].path
    encryption._convert_file(plain_backup, ".decrypting", cipher.key_for(data_paths.database), None)
    assert not cipher.is_encrypted_file(plain_backup)
    (data_paths.root / "journal.sqlite3.encrypting").write_bytes(b"half")
    done = encryption.finish_interrupted(data_paths)
    assert len(done) == 2
    assert cipher.is_encrypted_file(plain_backup)
    assert not (data_paths.root / "journal.sqlite3.encrypting").exists()


def test_exports_of_an_encrypted_journal_are_said_to_be_plain(plain, data_paths):
    assert encryption.plaintext_export_warning(data_paths) is None
    encryption.encrypt(data_paths, PASS, host=plain)
    assert "plain text" in encryption.plaintext_export_warning(data_paths)


def _image_files(data_paths) -> list[bytes]:
    return [p.read_bytes() for p in sorted(data_paths.attachments.iterdir())]


def test_encrypt_seals_the_images_and_decrypt_makes_them_plain_again(plain, data_paths):
    (image,) = plain.attachments.list_for(1)
    assert _image_files(data_paths) == [IMAGE]
    assert encryption.encrypt(data_paths, PASS, host=plain).images_converted == 1
    (sealed,) = _image_files(data_paths)
    assert b"QZV-image-marker" not in sealed
    assert plain.attachments.read(image.url) == IMAGE  # the preview still shows it
    other = plain.entries.create(day=dt.date(2026, 11, 3), title="three").id
    pasted = plain.attachments.add_image(other, IMAGE + b" two")
    assert all(b"QZV-image-marker" not in data for data in _image_files(data_paths))
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in data_paths.attachments.iterdir())
    assert encryption.decrypt(data_paths, PASS, host=plain).images_converted == 2
    assert sorted(_image_files(data_paths)) == sorted([IMAGE, IMAGE + b" two"])
    assert plain.attachments.read(pasted.url) == IMAGE + b" two"


def test_a_sealed_image_renamed_or_altered_is_not_shown(plain, data_paths):
    encryption.encrypt(data_paths, PASS, host=plain)
    (image,) = plain.attachments.list_for(1)
    path = data_paths.attachments / image.filename
    sealed = path.read_bytes()
    path.write_bytes(sealed[:-1] + bytes([sealed[-1] ^ 1]))
    assert plain.attachments.read(image.url) is None
    path.write_bytes(sealed)
    path.rename(data_paths.attachments / ("0" * 16 + ".gif"))
    assert plain.attachments.read("0" * 16 + ".gif") is None  # the name is authenticated


def test_finish_interrupted_seals_images_left_plain(plain, data_paths):
    encryption.encrypt(data_paths, PASS, host=plain)
    (image,) = plain.attachments.list_for(1)
    (data_paths.attachments / image.filename).write_bytes(IMAGE)  # as if killed before it
    assert encryption.needs_tidying(data_paths)
    assert encryption.finish_interrupted(data_paths) == [
        "encrypted 1 attachment(s) left plain by an interrupted conversion"
    ]
    assert _image_files(data_paths) != [IMAGE] and not encryption.needs_tidying(data_paths)
    assert plain.attachments.read(image.url) == IMAGE


def test_images_imported_into_an_encrypted_journal_are_sealed(plain, data_paths, tmp_path):
    from journal_app.services.transfer.service import TransferService

    out = tmp_path / "journal.json"
    TransferService(plain).export_to("json", out)
    encryption.encrypt(data_paths, PASS, host=plain)
    (image,) = plain.attachments.list_for(1)
    (data_paths.attachments / image.filename).unlink()  # the image lost, then imported
    TransferService(plain).import_from("json", out)
    assert all(b"QZV-image-marker" not in data for data in _image_files(data_paths))
    assert plain.attachments.read(image.url) == IMAGE
