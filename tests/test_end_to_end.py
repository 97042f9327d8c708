"""The app as a user starts it: real processes, real data folders, first paint."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROBE = {"JOURNAL_APP_STARTUP_PROBE": "1", "QT_QPA_PLATFORM": "offscreen"}


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


def test_self_test_passes_and_leaves_no_trace(run_cli, tmp_path):
    home = Path(os.environ["HOME"])
    before = _files(home)
    tmp = tmp_path / "tmp"
    tmp.mkdir()

    done = run_cli("--self-test", env={"TMPDIR": str(tmp)})

    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1] == "self-test passed"
    assert "Traceback" not in done.stderr
    assert _files(home) == before  # the user's data and settings untouched
    assert _files(tmp) == []  # its throw-away journal removed


def test_demo_flag_opens_a_throwaway_journal(run_cli, tmp_path):
    home = Path(os.environ["HOME"])
    before = _files(home)
    tmp = tmp_path / "tmp"
    tmp.mkdir()

    done = run_cli("--demo", env={**PROBE, "TMPDIR": str(tmp)})

    assert done.returncode == 0, done.stderr
    assert "first-paint" in done.stdout.splitlines()
    assert "Traceback" not in done.stderr
    assert _files(tmp) == []  # the demo journal went with the window
    # Only settings (window geometry) may have been written; no journal anywhere in HOME.
    assert not [name for name in _files(home) if name not in before and "sqlite" in name]


def test_ten_year_demo_then_the_app_opens_on_it(run_cli, data_dir):
    built = run_cli("demo", "--years", "10", "--seed", "3", "--data-dir", str(data_dir))
    assert built.returncode == 0, built.stderr
    assert built.stdout.strip().splitlines()[-1].startswith("Demo journal ready in ")

    info = json.loads(run_cli("info", "--json", "--data-dir", str(data_dir)).stdout)
    assert info["entries"] > 2_500  # about one a day, with days off
    assert info["schema_version"] >= 2

    opened = run_cli("--data-dir", str(data_dir), env=PROBE)
    assert opened.returncode == 0, opened.stderr
    assert "first-paint" in opened.stdout.splitlines()
    assert not (data_dir / "journal.lock").exists()  # the lock went with the window
