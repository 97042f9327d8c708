"""Shared fixtures, after qutebrowser's: every app directory lives under tmp_path."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

# Before anything imports Qt.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest
from hypothesis import Phase, settings

from journal_app.config import CONFIG_DIR_ENV, DATA_DIR_ENV, DataPaths, check_data_dir
from journal_app.db import live_files

# Without Hypothesis's "explain" phase: after a failure it re-runs the test under a line
# tracer (sys.settrace on Python 3.11), which took one failing property test here from
# seconds to over 20 minutes before anything was reported.
settings.register_profile(
    "suite", phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]
)
settings.load_profile("suite")

FIXED_NOW = dt.datetime(2026, 11, 22, 20, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test may read or write the user's real data or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv(CONFIG_DIR_ENV, str(home / "config"))
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    # A CLI test run in this process installs its after-open hook (cli/crypto.py): not for
    # the tests after it.
    from journal_app import open_hooks

    monkeypatch.setattr(open_hooks, "_after_open", None)
    monkeypatch.delenv("JOURNAL_APP_DEBUG", raising=False)


@pytest.fixture(autouse=True)
def _patient_markdown(monkeypatch: pytest.MonkeyPatch):
    """The renderer gives up on Markdown after 1 s of wall clock and shows the text plain;
    on a busy 2-core machine an ordinary render can take that long. Tests get a deadline
    that only a hang reaches; those about the deadline set their own."""
    from journal_app.markdown import guards

    monkeypatch.setattr(guards, "RENDER_DEADLINE_S", 20.0)


@pytest.fixture(autouse=True)
def _no_live_file_opened():
    """Every test also checks that nothing opened a journal file another way while this
    process had it open through SQLite (db.live_files), even where the error was caught."""
    live_files.violations.clear()
    yield
    assert not live_files.violations, live_files.violations[0]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "journal-data"


@pytest.fixture
def data_paths(data_dir: Path) -> DataPaths:
    return check_data_dir(data_dir, create=True)


@pytest.fixture
def clock():
    """A settable clock: `clock.now` is returned; `clock.advance(minutes=5)` moves it."""

    class _Clock:
        def __init__(self) -> None:
            self.now = FIXED_NOW

        def __call__(self) -> dt.datetime:
            return self.now

        def advance(self, **delta: float) -> None:
            self.now += dt.timedelta(**delta)

    return _Clock()


@pytest.fixture
def journal_kind() -> str:
    """The journal `services` opens: "plain" here; tests/services and tests/db override
    it with both "plain" and "encrypted" (issue #9), so those suites run on each."""
    return "plain"


@pytest.fixture
def services(data_paths: DataPaths, clock, journal_kind: str):
    """A Services facade on a fresh journal with production pragmas."""
    from journal_app.services import Services

    if journal_kind == "encrypted":
        from journal_app.services.encryption import create_encrypted

        create_encrypted(data_paths, "test passphrase", kdf_n=2**10)  # cheap scrypt
    svc = Services.open(data_paths, clock=clock)
    yield svc
    svc.close()
    if journal_kind == "encrypted":
        from journal_app.db import cipher

        cipher.forget_key(data_paths.database, data_paths.backups)


@pytest.fixture
def run_cli(data_dir: Path):
    """Run `python -m journal_app ...` in a subprocess; returns CompletedProcess."""
    import subprocess

    def run(
        *args: str,
        env: dict[str, str] | None = None,
        stdin: str | None = None,
        timeout: float = 120,
    ):
        full_env = dict(os.environ)
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "journal_app", *args],
            capture_output=True,
            text=True,
            env=full_env,
            input=stdin,
            timeout=timeout,
        )

    return run
