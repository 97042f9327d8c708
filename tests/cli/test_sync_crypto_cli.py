"""`sync setup|now` with encrypted journals, run as a user would: the passphrase comes
from JOURNAL_APP_PASSPHRASE_FILE, and each command starts locked (a new process)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from journal_app.config import check_data_dir
from journal_app.db import cipher
from journal_app.services import Services
from journal_app.services.encryption import create_encrypted, is_encrypted
from journal_app.services.sync import sealing
from tests.cli.helpers import one_error_line, run_main

LAPTOP_PASS = "laptop passphrase"
DESKTOP_PASS = "desktop passphrase"
MARKER = "Qv9-aardvark-marker"


@pytest.fixture
def machines(tmp_path, monkeypatch):
    """Two encrypted journals (each its own data key), a folder to share, and the file
    that holds the passphrase; every key is forgotten after each command and at the end."""
    made: list[Path] = []

    def journal(name: str, passphrase: str | None) -> Path:
        paths = check_data_dir(tmp_path / name, create=True)
        if passphrase is not None:
            create_encrypted(paths, passphrase, kdf_n=2**10)  # cheap scrypt
        Services.open(paths).close()
        cipher.forget_key(paths.database, paths.backups)
        made.append(paths.root)
        return paths.root

    secret = tmp_path / "secrets" / "PASSPHRASE"
    secret.parent.mkdir()
    monkeypatch.setenv("JOURNAL_APP_PASSPHRASE_FILE", str(secret))
    yield journal, tmp_path / "Sync", secret
    for root in made:
        cipher.forget_key(root / "journal.sqlite3", root / "backups")
    sealing.use(tmp_path / "Sync", None)


def _run(monkeypatch, capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    """One command, as in its own process: the journal starts locked."""
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run_main(*args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    data_dir = Path(args[args.index("--data-dir") + 1])
    cipher.forget_key(data_dir / "journal.sqlite3", data_dir / "backups")
    return code, out, err


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_encrypted_journals_sync_and_the_folder_holds_no_text(machines, monkeypatch, capsys):
    journal, shared, secret = machines
    laptop, desktop = journal("laptop", LAPTOP_PASS), journal("desktop", LAPTOP_PASS)
    secret.write_text(LAPTOP_PASS + "\n")
    for where in (laptop, desktop):
        code, out, _ = _run(
            monkeypatch, capsys, "sync", "setup", str(shared), "--data-dir", str(where)
        )
        assert code == 0 and "(encrypted); run `sync now`" in out
    _run(
        monkeypatch,
        capsys,
        "new",
        "--title",
        f"Day {MARKER}",
        "--tag",
        MARKER.lower(),
        "--data-dir",
        str(laptop),
        stdin=f"Notes about {MARKER}",
    )
    code, out, _ = _run(monkeypatch, capsys, "sync", "now", "--json", "--data-dir", str(laptop))
    assert code == 0 and json.loads(out)["sent"] > 0
    code, out, _ = _run(monkeypatch, capsys, "sync", "now", "--json", "--data-dir", str(desktop))
    assert code == 0 and json.loads(out)["applied_segments"] == 1
    code, out, _ = _run(monkeypatch, capsys, "show", "1", "--data-dir", str(desktop))
    assert out == f"Notes about {MARKER}\n"
    code, out, _ = _run(monkeypatch, capsys, "sync", "status", "--data-dir", str(desktop))
    assert "Folder: " in out and "(encrypted)" in out and "Other machine: " in out
    files = _files(shared)
    assert any("/seg-" in name for name in files)
    for name, data in files.items():
        assert MARKER.encode() not in data and MARKER.lower().encode() not in data, name


def test_a_wrong_passphrase_on_the_second_machine_is_one_line(machines, monkeypatch, capsys):
    journal, shared, secret = machines
    laptop, desktop = journal("laptop", LAPTOP_PASS), journal("desktop", DESKTOP_PASS)
    secret.write_text(LAPTOP_PASS)
    _run(monkeypatch, capsys, "sync", "setup", str(shared), "--data-dir", str(laptop))
    _run(monkeypatch, capsys, "new", "--title", "t", "--data-dir", str(laptop), stdin="b")
    _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(laptop))
    before = _files(shared)
    secret.write_text(DESKTOP_PASS)  # opens the desktop's journal, not the folder's key
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run_main("sync", "setup", str(shared), "--data-dir", str(desktop)) == 2
    line = one_error_line(capsys)
    assert "wrong passphrase" in line and "journal-key.json" in line
    assert "nothing was written" in line
    assert _files(shared) == before
    code, _, err = _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(desktop))
    assert code == 2 and "run `sync setup FOLDER` first" in err


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        (None, LAPTOP_PASS, "sync folder of unencrypted journals"),
        (LAPTOP_PASS, None, "sync folder of encrypted journals and this journal is not encrypted"),
    ],
    ids=["plain-folder-encrypted-journal", "encrypted-folder-plain-journal"],
)
def test_plain_and_encrypted_journals_do_not_share_a_folder(
    machines, monkeypatch, capsys, first, second, why
):
    journal, shared, secret = machines
    secret.write_text(LAPTOP_PASS)
    one, two = journal("one", first), journal("two", second)
    assert _run(monkeypatch, capsys, "sync", "setup", str(shared), "--data-dir", str(one))[0] == 0
    before = _files(shared)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run_main("sync", "setup", str(shared), "--data-dir", str(two)) == 2
    assert why in one_error_line(capsys)
    assert _files(shared) == before


def test_a_tampered_file_is_named_and_not_applied(machines, monkeypatch, capsys):
    journal, shared, secret = machines
    secret.write_text(LAPTOP_PASS)
    laptop, desktop = journal("laptop", LAPTOP_PASS), journal("desktop", LAPTOP_PASS)
    for where in (laptop, desktop):
        _run(monkeypatch, capsys, "sync", "setup", str(shared), "--data-dir", str(where))
    _run(monkeypatch, capsys, "new", "--title", "t", "--data-dir", str(laptop), stdin="b")
    _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(laptop))
    (segment,) = shared.glob("devices/*/seg-00000001.json")
    segment.write_bytes(segment.read_bytes()[:-1])
    code, out, _ = _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(desktop))
    assert code == 1
    assert out.splitlines()[1:] == [
        f"problem: devices/{segment.parent.name}/seg-00000001.json does not decrypt with the "
        "folder's key: it was altered, cut short, renamed or moved; not applied"
    ]
    code, _, err = _run(monkeypatch, capsys, "show", "1", "--data-dir", str(desktop))
    assert code == 2 and "there is no entry 1" in err


def test_a_new_machine_joins_with_the_folders_passphrase(machines, monkeypatch, capsys, tmp_path):
    journal, shared, secret = machines
    laptop = journal("laptop", LAPTOP_PASS)
    secret.write_text(LAPTOP_PASS)
    _run(monkeypatch, capsys, "sync", "setup", str(shared), "--data-dir", str(laptop))
    _run(monkeypatch, capsys, "new", "--title", "t", "--data-dir", str(laptop), stdin="From afar")
    _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(laptop))
    fresh = tmp_path / "new-machine"  # no journal there yet

    secret.write_text("not the passphrase")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run_main("sync", "setup", str(shared), "--data-dir", str(fresh)) == 2
    assert "wrong passphrase" in one_error_line(capsys)
    assert not (fresh / "journal.sqlite3").exists()
    assert not (fresh / "journal.sqlite3.key").exists()

    secret.write_text(LAPTOP_PASS)
    code, out, err = _run(
        monkeypatch, capsys, "sync", "setup", str(shared), "--data-dir", str(fresh)
    )
    made, joined = out.splitlines()
    assert code == 0 and err == ""
    assert made == "A new journal was made, encrypted like the sync folder (the same passphrase)."
    assert joined.endswith(f"syncs through {shared.resolve()} (encrypted); run `sync now`.")
    assert _run(monkeypatch, capsys, "sync", "now", "--data-dir", str(fresh))[0] == 0
    code, out, _ = _run(monkeypatch, capsys, "show", "1", "--data-dir", str(fresh))
    assert out == "From afar\n"
    copied = (fresh / "journal.sqlite3.key").read_bytes()
    assert copied == (shared / "journal-key.json").read_bytes()
    assert is_encrypted(check_data_dir(fresh, create=False))
