"""`journal-app encrypt|rekey|decrypt` and the passphrase of every other command (#9)."""

from __future__ import annotations

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


def test_encrypt_then_every_command_needs_the_passphrase(cli, data_dir):
    assert cli("new", "--title", MARKER, stdin="body").returncode == 0
    assert cli("backup").returncode == 0
    done = cli("encrypt", passphrase="a long passphrase")
    assert done.returncode == 0, done.stderr
    assert "cannot be opened by anyone" in done.stderr  # the one risk, said plainly
    assert "export" in done.stderr
    assert "Encrypted the journal and 1 backup(s)" in done.stdout
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
