"""Every test here that opens a journal through `services` runs on a plain and on an
encrypted (SQLCipher) journal (issue #9)."""

from __future__ import annotations

import pytest

# Tests that read the journal or a backup with the stdlib sqlite3 module: an encrypted
# file refuses it ("file is not a database"), which is the point of encrypting.
PLAIN_ONLY = {
    "test_every_write_path_keeps_the_checksums",
    "test_a_connection_without_the_function_cannot_change_entry_text",
    "test_every_import_takes_a_backup_first",
}


@pytest.fixture(params=["plain", "encrypted"])
def journal_kind(request: pytest.FixtureRequest) -> str:
    if request.param == "encrypted" and request.node.originalname in PLAIN_ONLY:
        pytest.skip("reads the file with stdlib sqlite3, which an encrypted file refuses")
    return str(request.param)
