"""What db.cipher, db.keyfile and db.checksums share, in a module that imports none of
them (so they import no circle): the key file's suffix, the passphrase errors, and the
driver errors to catch. db.cipher re-exports them."""

from __future__ import annotations

import sqlite3
import sys

from journal_app.errors import DatabaseRefused

KEY_SUFFIX = ".key"


class WrongPassphrase(DatabaseRefused):
    """The passphrase does not open this journal's key file."""

    exit_code = 2


class PassphraseNeeded(DatabaseRefused):
    """The journal is encrypted and was not unlocked."""

    exit_code = 2


def sql_errors(*extra: type[BaseException]) -> tuple[type[BaseException], ...]:
    """The driver errors to catch (and ``extra``): stdlib sqlite3's, and SQLCipher's once
    it is loaded (its classes are not sqlite3's). Lazy: plain journals never load it."""
    module = sys.modules.get("sqlcipher3.dbapi2")
    if module is None:
        return (sqlite3.Error, *extra)
    return (sqlite3.Error, module.Error, *extra)
