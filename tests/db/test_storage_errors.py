"""A lock held too long elsewhere is a one-line "busy, nothing saved", never an
unexpected error; SQLite's own rollback after a failed write does not hide the error."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3

import pytest

from journal_app.db import connection
from journal_app.errors import JournalBusy
from journal_app.services import Services
from tests.cli.helpers import one_error_line, run_main


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setitem(connection.PRAGMAS, "busy_timeout", 50)


@pytest.fixture
def locked_elsewhere(data_paths, short_busy_timeout):
    """Another connection (as another process would) holds the write lock."""
    Services.open(data_paths).close()
    other = sqlite3.connect(data_paths.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield data_paths, other
    other.close()


def test_a_write_that_waits_too_long_says_busy_and_saves_nothing(locked_elsewhere, clock):
    paths, other = locked_elsewhere
    with Services.open(paths, clock=clock) as services:
        with pytest.raises(JournalBusy, match=r"busy .*nothing was saved"):
            services.entries.create(day=dt.date(2026, 11, 1), title="Waited", body="x")
        other.rollback()  # the other program is done: the same write now goes through
        services.entries.create(day=dt.date(2026, 11, 1), title="Later", body="x")
        assert [e.title for e in services.entries.recent()] == ["Later"]


def test_the_cli_says_busy_in_one_line(locked_elsewhere, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("body\n"))
    code = run_main("new", "--data-dir", str(locked_elsewhere[0].root), "--title", "Waited")
    line = one_error_line(capsys)
    assert code == JournalBusy.exit_code
    assert "journal is busy" in line and "unexpected" not in line and "report" not in line
