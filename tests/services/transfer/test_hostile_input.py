"""Imports facing hostile or broken input (issue 13): links out of the folder, pipes,
YAML alias bombs, zip bombs, huge and deeply nested files, impossible dates. Each is
refused (or skipped and counted) with one short line naming the file, and a refusal
writes nothing: no entry, no session, not even the pre-import backup."""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from pathlib import Path

import pytest

from journal_app.errors import InvalidInput
from journal_app.services.transfer import import_files
from journal_app.services.transfer.service import TransferService
from journal_app.services.transfer.skips import ImportOptions

from .conftest import FIXTURES

posix_only = pytest.mark.skipif(os.name != "posix", reason="links and pipes as on POSIX")


def _note(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _refused(journal, fmt: str, path: Path, **options) -> str:
    """The one-line refusal of an import that changed nothing (an import leaves bad
    items out unless it is --strict, which these refusals are)."""
    options.setdefault("options", ImportOptions(strict=True))
    backups = journal.paths.backups
    before = sorted(backups.iterdir()) if backups.exists() else []
    with pytest.raises(InvalidInput) as caught:
        TransferService(journal).import_from(fmt, path, **options)
    message = str(caught.value)
    assert "\n" not in message and len(message) <= import_files.MAX_MESSAGE_CHARS, message[:500]
    assert journal.entries.count() == 0
    assert journal.sessions.between(dt.date(1900, 1, 1), dt.date(2100, 12, 31)) == []
    assert (sorted(backups.iterdir()) if backups.exists() else []) == before  # no copy
    return message


def _titles(journal) -> list[str]:
    return sorted(journal.entries.get(s.id).title for s in journal.entries.summaries())


def _bodies(journal) -> str:
    return "\n".join(journal.entries.get(s.id).body for s in journal.entries.summaries())


# ---------------------------------------------------------------------- links and pipes


@posix_only
def test_a_link_out_of_the_folder_is_skipped_and_counted(journal, tmp_path):
    outside = _note(tmp_path / "private", "2026-03-09 Secret.md", "my bank PIN is 1234")
    vault = tmp_path / "vault"
    _note(vault, "2026-03-10 Inside.md", "kept")
    (vault / "2026-03-09 Secret.md").symlink_to(outside)
    result = TransferService(journal).import_from("markdown", vault)
    assert _titles(journal) == ["Inside"]
    assert "1234" not in _bodies(journal)
    assert result.summary() == "Imported 1 entry; ignored 1 file linking outside the folder"


@posix_only
def test_links_inside_the_folder_are_read_once_and_linked_folders_not_entered(journal, tmp_path):
    vault = tmp_path / "vault"
    _note(vault, "daily/2026-03-10 Note.md", "one note")
    (vault / "2026-03-10 Note.md").symlink_to(vault / "daily" / "2026-03-10 Note.md")
    (vault / "daily" / "loop").symlink_to(vault)  # a loop
    (vault / "away").symlink_to(tmp_path)  # a way out
    result = TransferService(journal).import_from("markdown", vault)
    assert _titles(journal) == ["Note"]
    assert result.skipped == {"entries": 1}  # the link's copy is the same note
    assert result.ignored["linked folders (not entered)"] == 2


@posix_only
def test_a_pipe_named_like_a_note_is_skipped_not_waited_on(journal, tmp_path):
    vault = tmp_path / "vault"
    _note(vault, "2026-03-10 Real.md", "kept")
    os.mkfifo(vault / "2026-03-11 Pipe.md")  # nobody ever writes to it
    result = TransferService(journal).import_from("markdown", vault)
    assert _titles(journal) == ["Real"]
    assert result.ignored["special files (pipes, sockets, devices)"] == 1


@posix_only
@pytest.mark.parametrize("fmt", ["csv", "toggl", "jrnl", "json", "dayone"])
def test_a_pipe_given_as_the_file_is_refused_without_reading(journal, tmp_path, fmt):
    pipe = tmp_path / "export.json"
    os.mkfifo(pipe)
    message = _refused(journal, fmt, pipe)
    assert "export.json" in message and "not a regular file" in message


# ---------------------------------------------------------------------- sizes


def test_an_oversized_note_is_refused_up_front_by_name(journal, tmp_path):
    vault = tmp_path / "vault"
    _note(vault, "2026-03-10 Small.md", "kept")
    huge = vault / "2026-03-11 Huge.md"
    with huge.open("wb") as fh:
        fh.truncate(1024**3)  # sparse: 1 GB that costs no disk
    message = _refused(journal, "markdown", vault)
    assert message == (
        "2026-03-11 Huge.md: 1,024.0 MB is larger than the 50.0 MB an import reads per file"
    )


@pytest.mark.parametrize("fmt", ["csv", "jrnl", "json"])
def test_an_oversized_file_is_refused_by_name(journal, tmp_path, fmt):
    big = tmp_path / f"big.{fmt}"
    with big.open("wb") as fh:
        fh.truncate(1024**3)
    assert "big." in _refused(journal, fmt, big)


# ---------------------------------------------------------------------- front matter


def _bomb(levels: int) -> str:
    """'Billion laughs': each level is nine aliases of the one before."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]")
    return "\n".join(lines)


def test_a_yaml_alias_bomb_is_refused_in_one_short_line(journal, tmp_path):
    vault = tmp_path / "vault"
    _note(vault, "2026-03-10.md", f"---\n{_bomb(6)}\ntags: *a6\n---\nbody\n")
    message = _refused(journal, "markdown", vault)
    assert message == (
        "2026-03-10.md line 2: the front matter repeats this value with a YAML alias "
        "(*name); write the value out instead"
    )


def test_an_oversized_front_matter_is_refused(journal, tmp_path):
    vault = tmp_path / "vault"
    filler = "\n".join(f"k{n}: {'x' * 100}" for n in range(3000))
    _note(vault, "2026-03-10.md", f"---\n{filler}\n---\nbody\n")
    message = _refused(journal, "markdown", vault)
    assert message == "2026-03-10.md: the front matter is longer than 262,144 bytes"


def test_an_impossible_day_names_the_file_and_line(journal, tmp_path):
    vault = tmp_path / "vault"
    _note(vault, "notes/feb.md", "---\ntitle: Feb\nday: 2026-02-30\n---\nbody\n")
    message = _refused(journal, "markdown", vault)
    assert message.startswith("notes/feb.md line 3: 2026-02-30 is not a real date (day is out")
    assert "ValueError" not in message


@posix_only
def test_a_file_name_with_a_line_break_still_gives_one_line(journal, tmp_path):
    vault = tmp_path / "vault"
    _note(vault, "2026-03-10\nfake: error.md", "---\ntags: {a: b}\n---\n")
    message = _refused(journal, "markdown", vault)
    assert message.startswith("2026-03-10 fake: error.md: tags: {'a': 'b'}")


def test_a_huge_value_is_shown_shortened(journal, tmp_path):
    vault = tmp_path / "vault"
    tags = ", ".join(f"k{n}: v" for n in range(10_000))
    _note(vault, "2026-03-10.md", f"---\ntags: {{{tags}}}\n---\nbody\n")
    message = _refused(journal, "markdown", vault)
    assert message.startswith("2026-03-10.md: tags: {'k0': 'v', 'k1': 'v', 'k10': 'v', ")
    assert message.endswith("...} is not a list of names")


# ---------------------------------------------------------------------- JSON


@pytest.mark.parametrize("fmt", ["jrnl", "json", "dayone"])
def test_deeply_nested_json_is_refused_by_name(journal, tmp_path, fmt):
    deep = tmp_path / "deep.json"
    deep.write_text('{"entries": ' + "[" * 100_000 + "]" * 100_000 + "}")
    message = _refused(journal, fmt, deep)
    assert message.startswith("deep.json: nested ")


def test_a_json_number_sqlite_cannot_hold_is_refused(journal, tmp_path):
    TransferService(journal).export_to("json", tmp_path / "export.json")
    document = json.loads((tmp_path / "export.json").read_text())
    table = document["tables"]["entry"]
    table["rows"] = [[None] * len(table["columns"])]
    table["rows"][0][table["columns"].index("number")] = 2**70
    (tmp_path / "export.json").write_text(json.dumps(document))
    message = _refused(journal, "json", tmp_path / "export.json")
    assert message.startswith("export.json: table entry row 1: 1180591620717411303424 is not")


# ---------------------------------------------------------------------- Day One zips


def _zip_with(path: Path, members: dict[str, int], method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip whose members are `size` bytes each: a valid empty journal padded with
    spaces (which compress about a thousand times), streamed so the test stays small."""
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for name, size in members.items():
            head = b'{"entries": []}'
            with archive.open(name, "w", force_zip64=True) as member:
                member.write(head)
                left = size - len(head)
                while left > 0:
                    chunk = min(left, 1024 * 1024)
                    member.write(b" " * chunk)
                    left -= chunk
    return path


def test_a_day_one_zip_bomb_is_refused_before_unpacking(journal, tmp_path):
    archive = _zip_with(tmp_path / "Export.zip", {"Journal.json": 200 * 1024 * 1024})
    assert archive.stat().st_size < 1024 * 1024
    message = _refused(journal, "dayone", archive)
    assert message.startswith("Export.zip: Journal.json would unpack to 200.0 MB from ")
    assert message.endswith("; refused as a likely zip bomb")


def test_a_day_one_zip_too_large_in_all_is_refused(journal, tmp_path, monkeypatch):
    monkeypatch.setattr(import_files, "MAX_ZIP_TOTAL", 3 * 1024 * 1024)
    members = {"Journal.json": 2 * 1024 * 1024, "photos/a.jpeg": 2 * 1024 * 1024}
    archive = _zip_with(tmp_path / "Export.zip", members, zipfile.ZIP_STORED)
    message = _refused(journal, "dayone", archive)
    assert message == (
        "Export.zip: would unpack to 4.0 MB, more than the 3.0 MB an import reads; "
        "nothing was imported"
    )


@posix_only
def test_day_one_photos_linked_from_outside_are_not_read(journal, fixture_copy, tmp_path):
    folder = fixture_copy("dayone")
    for photo in (folder / "photos").iterdir():
        secret = tmp_path / f"outside-{photo.name}"
        photo.rename(secret)
        photo.symlink_to(secret)
    result = TransferService(journal).import_from("dayone", folder / "Journal.json")
    assert result.added["attachments"] == 0
    assert result.ignored["files linking outside the folder"] >= 1


# ---------------------------------------------------------------------- CSV and Toggl


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2026-03-10 09:00,1e308", "sessions.csv line 3: duration: '1e308' is not a duration"),
        ("2026-03-10 09:00,99999999:00:00", "sessions.csv line 3: a session of 4,166,666 days"),
    ],
)
def test_absurd_durations_name_the_line(journal, tmp_path, row, expected):
    sessions = tmp_path / "sessions.csv"
    sessions.write_text(f"start,duration\n2026-03-10 08:00,1:00\n{row}\n")
    assert _refused(journal, "csv", sessions, kind="sessions").startswith(expected)


def test_infinite_sleep_hours_name_the_line(journal, tmp_path):
    sleep = tmp_path / "sleep.csv"
    sleep.write_text("day,hours\n2026-03-10,inf\n")
    message = _refused(journal, "csv", sleep, kind="sleep")
    assert message == "sleep.csv line 2: hours: 'inf' is not a duration like 01:30:00"


def test_a_utf16_spreadsheet_is_named_as_such(journal, tmp_path):
    toggl = tmp_path / "toggl.csv"
    toggl.write_bytes((FIXTURES / "toggl.csv").read_text(encoding="utf-8").encode("utf-16"))
    message = _refused(journal, "toggl", toggl)
    assert message == "toggl.csv: is UTF-16 text; save it as UTF-8 and import again"
