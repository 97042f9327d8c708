"""`kill -9` in the middle of encrypt and rekey (issue #9): at every step the journal
still opens, with the old keying or the new one, and no entry is lost; and the next
command of any kind (`info`, `new`) finishes or undoes the conversion, so no plaintext
copy stays beside an encrypted journal (#13)."""

from __future__ import annotations

import datetime as dt
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from journal_app.config import DataPaths, check_data_dir
from journal_app.db import cipher
from journal_app.services import Services, encryption

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

OLD = "the old passphrase"
NEW = "the new passphrase"
MARKER = "QZV-kill-marker"
TITLES = [f"entry {n} {MARKER}" for n in range(40)]

# The conversion in a child process, paused (blocked on stdin) at one step; the parent
# kills it there. Steps: a function of the conversion is wrapped to report and block.
CHILD = """
import os, sys
from pathlib import Path
from journal_app.config import check_data_dir
from journal_app.db import cipher, keyfile, sealed_files
from journal_app.services import encryption

keyfile.KDF_N = 2**10
root, action, step = sys.argv[1:4]
paths = check_data_dir(Path(root), create=False)

def pause(name):
    print("paused", name, flush=True)
    sys.stdin.readline()  # until killed

def after(module, attr, name, nth=1):
    real = getattr(module, attr)
    calls = [0]
    def wrapped(*args, **kwargs):
        result = real(*args, **kwargs)
        calls[0] += 1
        if calls[0] == nth:
            pause(name)
        return result
    setattr(module, attr, wrapped)

real_replace = os.replace
def replace(src, dst):
    if step == "key-before-rename" and str(dst).endswith(".key"):
        pause(step)
    real_replace(src, dst)
os.replace = replace

if step == "exported":
    after(cipher, "export_copy", step)
elif step == "key-written":
    after(keyfile, "write_file_atomically", step)
elif step == "swapped":
    after(encryption, "fsync_dir", step)
elif step == "journal-swapped":  # decrypt: two backups, then the journal
    after(encryption, "fsync_dir", step, nth=3)
elif step == "one-backup":
    after(encryption, "_convert_file", step)
elif step == "one-attachment":  # encrypt: the journal and backups done, one image of two
    after(sealed_files, "write_private", step)
if action == "encrypt":
    encryption.encrypt(paths, sys.argv[4])
elif action == "decrypt":
    encryption.unlock(paths, sys.argv[4])
    encryption.decrypt(paths, sys.argv[4])
else:
    encryption.unlock(paths, sys.argv[4])
    encryption.change_passphrase(paths, sys.argv[4], sys.argv[5])
print("finished", flush=True)
"""


def _journal(data_dir: Path, *, encrypted: bool) -> DataPaths:
    paths = check_data_dir(data_dir, create=True)
    if encrypted:
        encryption.create_encrypted(paths, OLD, kdf_n=2**10)
    svc = Services.open(paths)
    for n, title in enumerate(TITLES):
        svc.entries.create(day=dt.date(2026, 1, 1) + dt.timedelta(days=n), title=title)
    for shade in (1, 2):  # a pasted image holds the marker too (after its header)
        image = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + f"{MARKER} {shade}".encode()
        svc.attachments.add_image(1, image)
    svc.backups.create("manual")
    svc.backups.create("pre-import")
    svc.close()
    cipher.forget_key(paths.database, paths.backups)
    return paths


def _kill_at(paths: DataPaths, step: str, *args: str) -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(paths.root), *args[:1], step, *args[1:]],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(proc.stdout.readline()), daemon=True).start()
    try:
        line = lines.get(timeout=120)
    except queue.Empty:
        proc.kill()
        pytest.fail(f"the conversion never reached {step}: {proc.communicate()[1]}")
    assert line.split() == ["paused", step], line + proc.communicate()[1]
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL


def _titles_after_unlock(paths: DataPaths, passphrase: str | None) -> list[str]:
    cipher.forget_key(paths.database, paths.backups)
    if passphrase is not None:
        encryption.unlock(paths, passphrase)  # also tidies up after the kill
    else:
        encryption.finish_interrupted(paths)
    svc = Services.open(paths)
    try:
        assert svc.backups.check().ok
        titles = sorted(e.title for e in svc.entries.recent(100))
        backups = svc.backups.list()
        assert [b.entries for b in backups] == [len(TITLES)] * 2  # every backup opens
        if encryption.is_encrypted(paths):
            assert all(cipher.is_encrypted_file(b.path) for b in backups)
        images = [svc.attachments.read(a.filename) for a in svc.attachments.list_for(1)]
        assert len(images) == 2 and all(MARKER.encode() in (i or b"") for i in images)
        return titles
    finally:
        svc.close()
        cipher.forget_key(paths.database, paths.backups)


@pytest.mark.parametrize(
    ("step", "encrypted_after"),
    [
        ("exported", False),  # the encrypted copy written, not verified nor swapped
        ("key-before-rename", False),  # the key file half-made
        ("key-written", False),  # the key file in place, the journal still plain
        ("swapped", True),  # the journal encrypted, its backups still plain
        ("one-backup", True),  # one backup encrypted, the other not
        ("one-attachment", True),  # one image sealed, the other not
    ],
)
def test_kill_during_encrypt_loses_nothing(tmp_path, step, encrypted_after):
    paths = _journal(tmp_path / "data", encrypted=False)
    _kill_at(paths, step, "encrypt", NEW)
    assert encryption.is_encrypted(paths) == encrypted_after
    titles = _titles_after_unlock(paths, NEW if encrypted_after else None)
    assert titles == sorted(TITLES)
    assert not list(paths.root.rglob("*.encrypting"))
    if not encrypted_after:  # the interrupted encrypt can simply be run again
        assert not list(paths.root.rglob("*.key"))
        encryption.encrypt(paths, NEW)
        assert _titles_after_unlock(paths, NEW) == sorted(TITLES)


@pytest.mark.parametrize(
    ("step", "opens_with"),
    [
        ("key-before-rename", OLD),  # the new key file written, not renamed in place
        ("key-written", NEW),  # the main key file renamed, its copy in backups/ not
    ],
)
def test_kill_during_rekey_loses_nothing(tmp_path, step, opens_with):
    paths = _journal(tmp_path / "data", encrypted=True)
    _kill_at(paths, step, "rekey", OLD, NEW)
    other = NEW if opens_with == OLD else OLD
    with pytest.raises(encryption.WrongPassphrase):
        encryption.unlock(paths, other)
    assert _titles_after_unlock(paths, opens_with) == sorted(TITLES)
    assert not list(paths.root.rglob("*.partial"))
    # Both copies of the key file now agree, so losing either loses nothing.
    main, mirror = (p.read_text() for p in sorted(paths.root.rglob("*.key")))
    assert main == mirror


@pytest.mark.parametrize(
    ("step", "encrypted_after"),
    [
        ("exported", True),  # a backup's plain copy half-made: deleted at the next unlock
        ("one-backup", True),  # one backup decrypted, the journal not yet
        ("one-attachment", True),  # the backups and one image plain: sealed again
        ("journal-swapped", False),  # all plain, the key files not yet removed
    ],
)
def test_kill_during_decrypt_loses_nothing(tmp_path, step, encrypted_after):
    paths = _journal(tmp_path / "data", encrypted=True)
    _kill_at(paths, step, "decrypt", OLD)
    assert encryption.is_encrypted(paths) == encrypted_after
    titles = _titles_after_unlock(paths, OLD if encrypted_after else None)
    assert titles == sorted(TITLES)
    assert not list(paths.root.rglob("*.decrypting"))
    if encrypted_after:  # undone: nothing was left plain beside the encrypted journal
        assert _plaintext_holders(paths) == []
    else:
        assert not list(paths.root.rglob("*.key"))  # nothing encrypted is left to need it


def _cli(paths: DataPaths, *args: str, passphrase: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("JOURNAL_APP_PASSPHRASE_FILE", None)
    if passphrase is not None:
        secret = paths.root.parent / "passphrase"
        secret.write_text(passphrase + "\n", encoding="utf-8")
        env["JOURNAL_APP_PASSPHRASE_FILE"] = str(secret)
    return subprocess.run(
        [sys.executable, "-m", "journal_app", *args, "--data-dir", str(paths.root)],
        capture_output=True,
        text=True,
        env=env,
        input="",
        timeout=120,
    )


def _plaintext_holders(paths: DataPaths) -> list[str]:
    return sorted(
        str(p.relative_to(paths.root))
        for p in paths.root.rglob("*")
        if p.is_file() and MARKER.encode() in p.read_bytes()
    )


@pytest.mark.parametrize(
    ("step", "encrypted_after"),
    [
        ("exported", False),
        ("key-written", False),  # a key file beside the plain journal
        ("swapped", True),  # the journal encrypted, its backups and images still plain
        ("one-backup", True),
        ("one-attachment", True),  # one image sealed, the other still plain
    ],
)
@pytest.mark.parametrize("command", ["info", "new"])
def test_after_a_killed_encrypt_any_command_leaves_no_plaintext_copy(
    tmp_path, step, encrypted_after, command
):
    paths = _journal(tmp_path / "data", encrypted=False)
    _kill_at(paths, step, "encrypt", NEW)
    args = ["new", "--title", "after the kill"] if command == "new" else ["info"]
    done = _cli(paths, *args, passphrase=NEW if encrypted_after else None)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert not list(paths.root.rglob("*.encrypting"))
    assert not list(paths.root.rglob("*.partial"))
    if encrypted_after:
        assert _plaintext_holders(paths) == []  # backups and images encrypted too
        assert all(cipher.is_encrypted_file(p) for p in paths.backups.glob("*.sqlite3"))
        assert len(list(paths.root.rglob("*.key"))) == 2
    else:
        assert not list(paths.root.rglob("*.key"))  # no key file beside a plain journal
    # The journal holds everything, and the next command has nothing left to do.
    again = _cli(
        paths, "search", "entry", "--limit", "100", passphrase=NEW if encrypted_after else None
    )
    assert again.returncode == 0 and again.stderr == ""
    assert all(title in again.stdout for title in TITLES)
