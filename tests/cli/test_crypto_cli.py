"""`journal-app encrypt|rekey|decrypt` and the passphrase of every other command (#9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

MARKER = "QZV-cli-marker"


@pytest.fixture
def cli(run_cli, data_dir: Path, tmp_path: Path):
    passphrases = tmp_path / "secrets"
    passphrases.mkdir()

    def run(*args: str, passphrase: str | None = None, new: str | None = None, stdin=None):
        env = {}
        for name, value in (("PASSPHRASE", passphrase), ("NEW_PASSPHRASE", new)):
            if value is not None:
                file = passphrases / name
                file.write_text(value + "\n", encoding="utf-8")
                env[f"JOURNAL_APP_{name}_FILE"] = str(file)
        return run_cli(*args, "--data-dir", str(data_dir), env=env, stdin=stdin)

    return run


def _holding(folder: Path, needle: bytes) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_encrypt_then_every_command_needs_the_passphrase(cli, data_dir, tmp_path):
    assert cli("new", "--title", MARKER, stdin="body").returncode == 0
    notes = tmp_path / "notes"  # an image holding the marker, imported as a paste would be
    notes.mkdir()
    (notes / "pic.gif").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + MARKER.encode())
    (notes / "2026-11-01 with image.md").write_text(
        "A picture\n\n![pic](pic.gif)\n", encoding="utf-8"
    )
    imported = cli("import", "--format", "markdown", str(notes))
    assert imported.returncode == 0, imported.stderr
    assert any(p.parent.name == "attachments" for p in data_dir.rglob("*.gif"))
    assert cli("backup").returncode == 0
    done = cli("encrypt", passphrase="a long passphrase")
    assert done.returncode == 0, done.stderr
    assert "cannot be opened by anyone" in done.stderr  # the one risk, said plainly
    assert "export" in done.stderr
    assert "Encrypted the journal, 2 backup(s) and 1 image(s)" in done.stdout
    assert _holding(data_dir, MARKER.encode()) == []

    locked = cli("search", MARKER, stdin="")
    assert locked.returncode == 2
    assert locked.stderr.count("\n") == 1 and "JOURNAL_APP_PASSPHRASE_FILE" in locked.stderr

    wrong = cli("search", MARKER, passphrase="not the passphrase")
    assert wrong.returncode == 2 and "wrong passphrase" in wrong.stderr

    found = cli("search", MARKER, passphrase="a long passphrase")
    assert found.returncode == 0 and MARKER in found.stdout
    assert cli("check", passphrase="a long passphrase").returncode == 0
    assert cli("backup", passphrase="a long passphrase").returncode == 0
    assert _holding(data_dir, MARKER.encode()) == []

    # An export is plain text: said on standard error, once, before it is written.
    out = data_dir.parent / "export.json"
    exported = cli("export", "--format", "json", str(out), passphrase="a long passphrase")
    assert exported.returncode == 0, exported.stderr
    warnings = [line for line in exported.stderr.splitlines() if "warning" in line]
    assert warnings == [
        "journal-app: warning: the journal is encrypted, but an export is not: the files "
        "written are plain text anyone can read"
    ]
    assert MARKER.encode() in out.read_bytes()


def test_rekey_then_decrypt(cli, data_dir):
    cli("new", "--title", MARKER, stdin="body")
    assert cli("encrypt", passphrase="a long passphrase").returncode == 0
    bad = cli("rekey", passphrase="wrong wrong", new="another passphrase")
    assert bad.returncode == 2 and "wrong passphrase" in bad.stderr
    good = cli("rekey", passphrase="a long passphrase", new="another passphrase")
    assert good.returncode == 0, good.stderr
    assert cli("search", MARKER, passphrase="a long passphrase").returncode == 2
    assert cli("search", MARKER, passphrase="another passphrase").returncode == 0
    off = cli("decrypt", passphrase="another passphrase")
    assert off.returncode == 0, off.stderr
    assert MARKER.encode() in (data_dir / "journal.sqlite3").read_bytes()
    assert cli("search", MARKER).returncode == 0
    plain = cli("export", "--format", "json", str(data_dir.parent / "plain.json"))
    assert plain.returncode == 0 and "warning" not in plain.stderr


def test_short_passphrase_and_not_encrypted_are_refused(cli):
    cli("new", "--title", "x", stdin="body")
    short = cli("encrypt", passphrase="short")
    assert short.returncode == 2 and "at least 8" in short.stderr
    assert cli("decrypt", passphrase="whatever1").returncode == 2
    assert cli("rekey", passphrase="whatever1", new="whatever2").returncode == 2


PASS = "a long passphrase"


def _encrypted(cli, data_dir: Path) -> tuple[Path, Path]:
    assert cli("new", "--title", MARKER, stdin="body").returncode == 0
    assert cli("backup").returncode == 0
    assert cli("encrypt", passphrase=PASS).returncode == 0
    return data_dir / "journal.sqlite3.key", data_dir / "backups" / "journal.sqlite3.key"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_deleted_key_file_is_put_back_from_its_copy_once_the_passphrase_opens_it(cli, data_dir):
    main, mirror = _encrypted(cli, data_dir)
    main.unlink()
    before = _files(data_dir)
    wrong = cli("info", passphrase="not the passphrase")
    assert wrong.returncode == 2 and "wrong passphrase" in wrong.stderr
    assert "restore" not in wrong.stderr and "damaged" not in wrong.stderr
    assert _files(data_dir) == before  # an unverified copy is put nowhere
    done = cli("info", passphrase=PASS)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"journal-app: the key file {main} is missing; its copy {mirror} unlocks the "
        "journal: put it back"
    ]
    assert main.read_text() == mirror.read_text()
    found = cli("search", MARKER, passphrase=PASS)
    assert found.returncode == 0 and MARKER in found.stdout and found.stderr == ""


def test_a_key_file_edited_by_one_hex_digit_is_named_damaged_and_its_copy_unlocks(cli, data_dir):
    main, mirror = _encrypted(cli, data_dir)
    data = json.loads(main.read_text())
    digit = data["wrapped_key"][5]
    data["wrapped_key"] = (
        data["wrapped_key"][:5] + ("1" if digit == "0" else "0") + (data["wrapped_key"][6:])
    )
    main.write_text(json.dumps(data, indent=1))
    done = cli("search", MARKER, passphrase=PASS)
    assert done.returncode == 0 and MARKER in done.stdout, done.stderr
    assert done.stderr.splitlines() == [
        f"journal-app: the key file {main} is damaged; its copy {mirror} unlocks the "
        "journal: put it back"
    ]
    assert main.read_text() == mirror.read_text()
    assert cli("search", MARKER, passphrase="not the passphrase").returncode == 2


def test_an_encrypted_journal_with_no_key_file_left_is_not_called_damaged(cli, data_dir):
    main, mirror = _encrypted(cli, data_dir)
    main.unlink()
    mirror.unlink()
    before = _files(data_dir)
    out = cli("info", passphrase=PASS)
    assert out.returncode == 1
    line = out.stderr.strip()
    assert line.count("\n") == 0 and "is encrypted (or damaged) and no key file was found" in line
    assert "restore" not in line and "header" not in line
    assert _files(data_dir) == before


def test_a_plain_journal_with_a_damaged_header_is_still_called_damaged(cli, data_dir):
    assert cli("new", "--title", MARKER, stdin="body").returncode == 0
    assert cli("backup").returncode == 0
    journal = data_dir / "journal.sqlite3"
    journal.write_bytes(b"\x00" * 100 + journal.read_bytes()[100:])
    out = cli("info")
    assert out.returncode == 1
    assert "header is damaged" in out.stderr and "encrypted" not in out.stderr


def test_another_journals_key_file_is_suspected_before_damage(cli, data_dir, run_cli, tmp_path):
    main, mirror = _encrypted(cli, data_dir)
    other = tmp_path / "other-journal"
    secret = tmp_path / "secrets" / "PASSPHRASE"  # written by the encrypt above
    env = {"JOURNAL_APP_PASSPHRASE_FILE": str(secret)}
    assert run_cli("new", "--title", "x", "--data-dir", str(other), stdin="b").returncode == 0
    assert run_cli("encrypt", "--data-dir", str(other), env=env).returncode == 0
    for path in (main, mirror):  # the same passphrase, another journal's key
        path.write_bytes((other / "journal.sqlite3.key").read_bytes())
    before = _files(data_dir)
    out = cli("info", passphrase=PASS)
    assert out.returncode == 1
    line = out.stderr.strip()
    assert "\n" not in line and "may belong to another journal" in line
    assert "restore" not in line and "afresh" not in line
    assert _files(data_dir) == before


def test_building_the_parser_installs_no_hook(monkeypatch):
    """The passphrase prompt and the tidy-after-open hook are installed by `main` when it
    runs a command, not as a side effect of building the parser (issue #14)."""
    from journal_app import open_hooks
    from journal_app.cli import build_parser
    from journal_app.db import cipher

    monkeypatch.setattr(cipher, "_unlocker", None)
    build_parser()
    assert cipher._unlocker is None and open_hooks._after_open is None
