"""`encrypt`, `rekey` and `decrypt` commands, and the passphrase of an encrypted journal
for every other command (issue #9).

Imported only when a command is parsed or run: only argparse, os and sys here; the
services load inside the commands. The passphrase comes from the file named by
``JOURNAL_APP_PASSPHRASE_FILE``, else from the terminal; with neither, one line and exit 2.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from journal_app.cli import common
from journal_app.errors import InvalidInput, JournalError

if TYPE_CHECKING:
    from journal_app.config import DataPaths
    from journal_app.services.encryption import ConversionResult

PASSPHRASE_FILE_ENV = "JOURNAL_APP_PASSPHRASE_FILE"
# `rekey`: the new passphrase (the old one comes from JOURNAL_APP_PASSPHRASE_FILE).
NEW_PASSPHRASE_FILE_ENV = "JOURNAL_APP_NEW_PASSPHRASE_FILE"


def register(sub: common.SubParsers) -> None:
    """Register the commands on the top-level subparsers."""
    data_dir = common.data_dir_options()
    encrypt = sub.add_parser(
        "encrypt",
        parents=[data_dir],
        help="encrypt the journal and its backups with a passphrase",
        description="Encrypt the journal and every backup (SQLCipher). A lost passphrase "
        "cannot be recovered. The passphrase is read from the file named by "
        f"{PASSPHRASE_FILE_ENV}, or asked twice on the terminal.",
    )
    rekey = sub.add_parser(
        "rekey",
        parents=[data_dir],
        help="change the passphrase of an encrypted journal",
        description=f"Change the passphrase. The current one is read from {PASSPHRASE_FILE_ENV} "
        f"and the new one from {NEW_PASSPHRASE_FILE_ENV}, or both are asked on the terminal.",
    )
    decrypt = sub.add_parser(
        "decrypt",
        parents=[data_dir],
        help="turn encryption off: the journal and its backups become plain files",
        description="Decrypt the journal and every backup, after checking the passphrase "
        f"({PASSPHRASE_FILE_ENV} or the terminal).",
    )
    encrypt.set_defaults(handler=_encrypt)
    rekey.set_defaults(handler=_rekey)
    decrypt.set_defaults(handler=_decrypt)


def install_command_hooks() -> None:
    """Let any command unlock an encrypted journal (the passphrase file, else the
    terminal), and tidy after an interrupted conversion when it opens the journal.
    Called by `main` before it runs a command; the window does both its own way."""
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app import open_hooks

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import encryption

    encryption.set_unlocker(_unlocker)
    open_hooks.set_after_open(_tidy_after_open)


def _read_file(env: str) -> str | None:
    name = os.environ.get(env, "").strip()
    if not name:
        return None

    try:
        text = Path(name).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read the passphrase file {name} ({env}): {exc}") from None
    return text.rstrip("\r\n")  # a trailing newline is not part of it


def _ask(prompt: str, env: str) -> str:
    """From the file named by ``env``, else the terminal, else a one-line error."""
    from_file = _read_file(env)
    if from_file is not None:
        return from_file
    if not sys.stdin.isatty():
        # lazy: building the parser loads no service; a command imports what it runs
        from journal_app.services.encryption import PassphraseNeeded

        raise PassphraseNeeded(
            f"a passphrase is needed: set {env} to a file that holds it, or run this "
            "from a terminal"
        )

    return getpass.getpass(prompt)


def _ask_new(prompt: str, env: str) -> str:
    if os.environ.get(env, "").strip():
        return _ask(prompt, env)
    first = _ask(prompt, env)
    if _ask("Repeat it: ", env) != first:
        raise InvalidInput("the two passphrases differ; nothing changed")
    return first


def _unlocker(database: Path) -> str | None:
    """The passphrase for a command; None in the GUI, which asks with its own dialog
    (unless JOURNAL_APP_PASSPHRASE_FILE names one)."""
    from_file = _read_file(PASSPHRASE_FILE_ENV)
    if from_file is not None:
        return from_file
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        return None
    return _ask(f"Passphrase for {database}: ", PASSPHRASE_FILE_ENV)


def _tidy_after_open(paths: DataPaths) -> None:
    """Finish or undo what an interrupted encrypt/decrypt left (plain backups or images
    beside an encrypted journal, half-written copies, a key file to put back), once per
    command, when no other instance holds the journal (one may be converting it); each
    thing done is one line on stderr."""
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import encryption

    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        return  # the window tidies at its start, after asking about the key file
    if not encryption.needs_tidying(paths):
        return
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app import APP_ID

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.instance_lock import held_or_free

    with held_or_free(paths) as ours:
        if not ours:
            return
        try:
            done = encryption.finish_interrupted(paths)
        except JournalError as exc:
            print(
                f"{APP_ID}: warning: could not finish an interrupted conversion: {exc}",
                file=sys.stderr,
            )
            return
    for line in done:
        print(f"{APP_ID}: {line}", file=sys.stderr)


def _journal(args: argparse.Namespace) -> DataPaths:
    paths = common.paths(args, create=False)
    if not paths.database.exists():
        raise InvalidInput(f"there is no journal at {paths.database}")
    return paths


def _encrypt(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.instance_lock import InstanceLock

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import encryption

    paths = _journal(args)
    with InstanceLock(paths):
        encryption.finish_interrupted(paths)  # a stale key file, half-written copies
        if encryption.is_encrypted(paths):
            raise InvalidInput("the journal is already encrypted (`rekey` changes it)")
        print(f"Warning: {encryption.LOST_PASSPHRASE_WARNING}", file=sys.stderr)
        print("  Export first with: journal-app export --format json journal.json", file=sys.stderr)
        # Check it (and migrate it) before converting: a damaged journal stays as is.
        encryption.check_before_converting(paths)
        passphrase = _ask_new("New passphrase: ", PASSPHRASE_FILE_ENV)
        result = encryption.encrypt(paths, passphrase)
    return _done(paths, result)


def _rekey(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.instance_lock import InstanceLock

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import encryption

    paths = _journal(args)
    with InstanceLock(paths):
        if not encryption.is_encrypted(paths):
            raise InvalidInput("the journal is not encrypted (`encrypt` does that)")
        old = _ask("Current passphrase: ", PASSPHRASE_FILE_ENV)
        encryption.unlock(paths, old)
        new = _ask_new("New passphrase: ", NEW_PASSPHRASE_FILE_ENV)
        result = encryption.change_passphrase(paths, old, new)
    return _done(paths, result)


def _decrypt(args: argparse.Namespace) -> int:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.instance_lock import InstanceLock

    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import encryption

    paths = _journal(args)
    with InstanceLock(paths):
        if not encryption.is_encrypted(paths):
            raise InvalidInput("the journal is not encrypted")
        passphrase = _ask("Passphrase: ", PASSPHRASE_FILE_ENV)
        encryption.unlock(paths, passphrase)
        encryption.check_before_converting(paths)
        result = encryption.decrypt(paths, passphrase)
    return _done(paths, result)


def _done(paths: DataPaths, result: ConversionResult) -> int:
    """Say what was converted, once the instance lock is released."""
    done = {
        "encrypt": "Encrypted",
        "rekey": "Passphrase changed for",
        "decrypt": "Decrypted",
    }[result.action]
    parts = [f"{result.backups_converted} backup(s)"] if result.backups_converted else []
    if result.images_converted:
        parts.append(f"{result.images_converted} image(s)")
    extra = "".join(f", {p}" for p in parts[:-1]) + (f" and {parts[-1]}" if parts else "")
    print(f"{done} the journal{extra} in {paths.root} ({result.seconds:.1f} s).")
    return 0
