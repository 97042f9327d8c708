"""What the in-process CLI tests share: running `main`, reading its one error line, and a
journal in Tokyo on the injected clock."""

from __future__ import annotations

import datetime as dt

import pytest

from journal_app.cli import main
from journal_app.config import DATA_DIR_ENV, DataPaths, check_data_dir
from journal_app.services import Services

NOW = dt.datetime(2026, 3, 10, 3, 0, tzinfo=dt.UTC)  # 12:00 in Tokyo, a Tuesday
TODAY = dt.date(2026, 3, 10)


def run_main(*args: str) -> int:
    """`journal-app ARGS` in this process; argparse's own errors give their exit code."""
    try:
        return main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)


def one_error_line(capsys, *, stdout_empty: bool = True) -> str:
    """The command wrote exactly one line to stderr, no traceback (and nothing to stdout)."""
    out, err = capsys.readouterr()
    if stdout_empty:
        assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("journal-app")
    return lines[0]


def tokyo_journal(tmp_path, monkeypatch: pytest.MonkeyPatch, clock) -> DataPaths:
    """An existing journal chosen through JOURNAL_APP_DATA_DIR, in Tokyo, whose every
    opening (the CLI's too) reads the shared settable clock, set to NOW."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    clock.now = NOW
    original = Services.open.__func__  # type: ignore[attr-defined]

    def open_with_clock(cls, paths, *, create=True, read_only=False, **_):
        return original(cls, paths, clock=clock, create=create, read_only=read_only)

    monkeypatch.setattr(Services, "open", classmethod(open_with_clock))
    paths = check_data_dir(tmp_path / "journal", create=True)
    Services.open(paths).close()
    monkeypatch.setenv(DATA_DIR_ENV, str(paths.root))
    return paths
