"""Pasted images: stored once by content, written atomically, and resolved safely."""

from __future__ import annotations

import datetime as dt
import os
import struct
import zlib
from pathlib import Path

import pytest

from journal_app.db.models import Attachment
from journal_app.errors import InvalidInput, JournalError
from journal_app.services import attachments as attachments_module
from journal_app.services.attachments import MAX_BYTES, sniff_image


def _png(shade: int = 0) -> bytes:
    """A real 1×1 PNG; `shade` makes different images."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes([0, shade, 128, 255]))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
GIF = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L" + b"\x00" * 20
BMP = b"BM" + struct.pack("<IHHI", 58, 0, 0, 54) + struct.pack("<I", 40) + b"\x00" * 40


@pytest.fixture
def entry_id(services) -> int:
    return services.entries.create(day=dt.date(2026, 11, 22), title="with images").id


def _files(services) -> list[str]:
    folder = services.paths.attachments
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_pasted_image_is_stored_and_resolves_to_its_file(services, entry_id, journal_kind):
    data = _png()
    added = services.attachments.add_image(entry_id, data, mime="image/png")
    assert added.filename.endswith(".png") and len(added.filename) == 16 + 4
    assert added.url == "attachment:" + added.filename
    assert (added.entry_id, added.mime, added.size) == (entry_id, "image/png", len(data))
    path = services.attachments.resolve(added.url)
    assert path == services.paths.attachments / added.filename
    assert services.attachments.read(added.url) == data
    # On disk: the image itself in a plain journal, sealed in an encrypted one.
    assert (path.read_bytes() == data) == (journal_kind == "plain")
    assert services.attachments.resolve(added.filename) == path
    assert services.attachments.list_for(entry_id) == [added]
    assert _files(services) == [added.filename]  # no temporary file left behind


def test_the_same_image_is_stored_once(services, entry_id):
    other = services.entries.create(day=dt.date(2026, 11, 23)).id
    first = services.attachments.add_image(entry_id, _png())
    again = services.attachments.add_image(entry_id, _png())
    elsewhere = services.attachments.add_image(other, _png())
    different = services.attachments.add_image(entry_id, _png(shade=200))
    assert again == first
    assert elsewhere.filename == first.filename and elsewhere.id != first.id
    assert different.filename != first.filename
    assert _files(services) == sorted([first.filename, different.filename])
    assert [a.id for a in services.attachments.list_for(entry_id)] == [first.id, different.id]


@pytest.mark.parametrize(
    ("data", "ext", "mime"),
    [
        (JPEG, "jpg", "image/jpeg"),
        (GIF, "gif", "image/gif"),
        (WEBP, "webp", "image/webp"),
        (BMP, "bmp", "image/bmp"),
    ],
)
def test_each_supported_format_is_recognised_by_its_bytes(services, entry_id, data, ext, mime):
    added = services.attachments.add_image(entry_id, data, mime="image/png")  # a wrong claim
    assert added.filename.endswith("." + ext)
    assert added.mime == mime


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "not a PNG"),
        (b"just some text", "not a PNG"),
        (b"BM" + b"\x00" * 40, "not a PNG"),  # "BM" alone is not a bitmap
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_BYTES, "up to 25 MB"),
    ],
)
def test_what_is_not_a_small_enough_image_is_refused(services, entry_id, data, message):
    with pytest.raises(InvalidInput, match=message):
        services.attachments.add_image(entry_id, data, mime="image/png")
    assert _files(services) == []
    assert Attachment.select().count() == 0


def test_an_image_for_a_missing_entry_is_refused(services):
    with pytest.raises(InvalidInput, match="there is no entry 77"):
        services.attachments.add_image(77, _png())
    assert _files(services) == []


def test_a_failed_write_leaves_no_file_and_no_row(services, entry_id, monkeypatch):
    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(attachments_module.os, "replace", full_disk)
    with pytest.raises(JournalError, match="No space left on device"):
        services.attachments.add_image(entry_id, _png())
    assert _files(services) == []
    assert Attachment.select().count() == 0


def test_a_damaged_copy_of_an_image_is_written_again(services, entry_id):
    first = services.attachments.add_image(entry_id, _png())
    path = services.attachments.resolve(first.url)
    path.write_bytes(b"\x89PNG truncated")
    assert services.attachments.read(first.url) in (None, b"\x89PNG truncated")
    services.attachments.add_image(entry_id, _png())
    assert services.attachments.read(first.url) == _png()


# --------------------------------------------------------------------------- resolve


@pytest.mark.parametrize(
    "reference",
    [
        "attachment:../journal.sqlite3",
        "../journal.sqlite3",
        "attachment:..",
        "attachment:.",
        "attachment:",
        "attachment:sub/image.png",
        "attachment:sub\\image.png",
        "attachment:/etc/passwd",
        "/etc/passwd",
        "/dev/zero",
        "attachment:%2e%2e%2fjournal.sqlite3",
        "attachment:.hidden.png",
        "attachment:a..png",
        "attachment:image.png\x00.txt",
        "attachment:C:image.png",
        "file:///etc/passwd",
        "https://example.org/a.png",
    ],
)
def test_names_that_could_leave_the_folder_are_refused(services, entry_id, reference):
    services.attachments.add_image(entry_id, _png())
    folder = services.paths.attachments
    # Real files wherever a lax check would find one, so only the check can say no.
    for name in (".hidden.png", "a..png", "C:image.png", "sub\\image.png", "image.png"):
        (folder / name).write_bytes(_png())
    (folder / "sub").mkdir()
    (folder / "sub" / "image.png").write_bytes(_png())
    assert services.attachments.resolve(reference) is None


def test_a_missing_file_resolves_to_nothing(services):
    assert services.attachments.resolve("attachment:0123456789abcdef.png") is None


def _folder(services) -> Path:
    folder = services.paths.attachments
    folder.mkdir(exist_ok=True)
    return folder


def test_a_symlink_is_refused_even_inside_the_folder(services, entry_id, tmp_path):
    folder = _folder(services)
    secret = tmp_path / "secret.png"
    secret.write_bytes(_png())
    (folder / "escape.png").symlink_to(secret)
    real = services.attachments.add_image(entry_id, _png(shade=9))
    (folder / "alias.png").symlink_to(folder / real.filename)
    assert services.attachments.resolve("attachment:escape.png") is None
    assert services.attachments.resolve("attachment:alias.png") is None
    assert services.attachments.resolve(real.url) is not None


def test_a_fifo_a_device_link_and_a_folder_are_refused(services):
    folder = _folder(services)
    os.mkfifo(folder / "pipe.png")
    (folder / "zero.png").symlink_to("/dev/zero")
    (folder / "dir.png").mkdir()
    for name in ("pipe.png", "zero.png", "dir.png"):
        assert services.attachments.resolve("attachment:" + name) is None, name


def test_a_symlinked_attachments_folder_still_resolves_its_own_files(data_paths, clock, tmp_path):
    """A user may keep attachments on another disk: the folder itself may be a link."""
    from journal_app.services import Services

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data_paths.attachments.symlink_to(elsewhere)
    with Services.open(data_paths, clock=clock) as svc:
        entry = svc.entries.create(day=dt.date(2026, 1, 1))
        added = svc.attachments.add_image(entry.id, _png())
        assert svc.attachments.resolve(added.url) == data_paths.attachments / added.filename
        assert (elsewhere / added.filename).read_bytes() == _png()


# --------------------------------------------------------------------------- trash


def test_emptying_the_trash_removes_images_no_entry_uses_any_more(services):
    entries, attachments = services.entries, services.attachments
    a = entries.create(day=dt.date(2026, 1, 1), title="a").id
    b = entries.create(day=dt.date(2026, 1, 2), title="b").id
    shared = attachments.add_image(a, _png())
    attachments.add_image(b, _png())
    only_a = attachments.add_image(a, _png(shade=50))
    entries.update(a, expected_rev=1, body=f"![]({shared.url}) ![]({only_a.url})")
    entries.update(a, expected_rev=2, body=f"![]({only_a.url})")  # in a's own history too
    entries.trash(a)
    assert attachments.resolve(only_a.url) is not None  # the trash can still be restored
    entries.empty_trash()
    assert attachments.resolve(only_a.url) is None
    assert not (services.paths.attachments / only_a.filename).exists()
    assert attachments.resolve(shared.url) is not None  # entry b still shows it
    entries.trash(b)
    entries.empty_trash()
    assert _files(services) == []


@pytest.mark.parametrize("where", ["text", "history"])
def test_an_image_whose_markdown_was_copied_elsewhere_is_kept(services, where):
    entries, attachments = services.entries, services.attachments
    a = entries.create(day=dt.date(2026, 1, 1), title="a").id
    image = attachments.add_image(a, _png())
    entries.update(a, expected_rev=1, body=f"![plot]({image.url})")
    b = entries.create(day=dt.date(2026, 1, 2), body=f"copied: ![plot]({image.url})")
    if where == "history":  # b's text moved on; its snapshot still shows the image
        entries.update(b.id, expected_rev=1, body="no image any more")
    entries.trash(a)
    entries.empty_trash()
    assert attachments.resolve(image.url) is not None


def test_sniffing_needs_the_whole_signature():
    assert sniff_image(b"\x89PNG") is None
    assert sniff_image(b"RIFF\x00\x00\x00\x00WAVE") is None
    assert sniff_image(_png()) == ("png", "image/png")


def test_imports_keep_pdfs_videos_and_sound_named_by_content(services):
    """Other journals carry PDFs, videos and recordings (#16): add_file keeps them, the
    bytes decide the kind, anything else is refused with one line."""
    entry_id = services.entries.create(day=dt.date(2026, 3, 10), title="t", body="").id
    pdf = services.attachments.add_file(entry_id, b"%PDF-1.4\n%%EOF\n")
    m4a = services.attachments.add_file(entry_id, b"\0\0\0\x20ftypM4A \0\0\0\0" + b"\0" * 16)
    mov = services.attachments.add_file(entry_id, b"\0\0\0\x14ftypqt  \0\0\0\0" + b"\0" * 16)
    assert [(a.mime, a.filename.rsplit(".")[1]) for a in (pdf, m4a, mov)] == [
        ("application/pdf", "pdf"),
        ("audio/mp4", "m4a"),
        ("video/quicktime", "mov"),
    ]
    assert services.attachments.read(pdf.url) == b"%PDF-1.4\n%%EOF\n"
    with pytest.raises(InvalidInput, match="not an image, a PDF, a video or a sound file"):
        services.attachments.add_file(entry_id, b"MZ\x90\x00 an executable")
    with pytest.raises(InvalidInput, match="not a PNG, JPEG"):
        services.attachments.add_image(entry_id, b"%PDF-1.4\n%%EOF\n")  # pasting: images only
