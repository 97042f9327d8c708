"""One sync at a time (a request during a run queues exactly one more), and the words
the status bar uses."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from journal_app.services.sync.service import SyncReport
from journal_app.services.sync.summary import SyncSummary
from journal_app.ui.sync.runner import SyncRunner
from journal_app.ui.sync.status_text import ago, result_line, status_line

NOW = dt.datetime(2026, 11, 22, 20, 30, tzinfo=dt.UTC)


def test_requests_during_a_run_make_one_more_run(qtbot, services, tmp_path):
    services.sync.setup(tmp_path / "Sync", "laptop")
    runner = SyncRunner(services)
    reports = []
    runner.finished.connect(reports.append)
    runner.request()
    runner.request()  # during the run: queued
    runner.request()  # merged with the one queued
    qtbot.waitUntil(lambda: len(reports) == 2 and not runner.running, timeout=30_000)
    runner.wait()
    assert len(reports) == 2


def test_the_status_words():
    summary = SyncSummary("laptop", "/sync", (NOW - dt.timedelta(minutes=1)).isoformat(), 0)
    assert status_line(None, running=False, problem=None, now=NOW) == ""
    assert status_line(summary, running=False, problem=None, now=NOW) == "Synced 1 min ago"
    assert status_line(summary, running=True, problem=None, now=NOW) == "Syncing…"
    assert status_line(summary, running=False, problem="gone", now=NOW) == "Sync problem"
    waiting = SyncSummary("laptop", "/sync", None, 3)
    assert status_line(waiting, running=False, problem=None, now=NOW) == "3 changes waiting"
    never = SyncSummary("laptop", "/sync", None, 0)
    assert status_line(never, running=False, problem=None, now=NOW) == "Not synced yet"
    assert ago(NOW - dt.timedelta(seconds=20), NOW) == "just now"
    assert ago(NOW - dt.timedelta(hours=3), NOW) == "3 h ago"
    assert ago(NOW - dt.timedelta(days=1, hours=2), NOW) == "yesterday"
    report = SyncReport(sent=1, applied_changes=4, applied_segments=2, problems=["x"])
    assert result_line(report) == "Sent 1 change, applied 4 changes from 2 files, 1 problem"
    images = SyncReport(blobs_waiting=2)
    assert result_line(images) == (
        "Nothing to send, nothing new to apply, 2 attachments not arrived yet"
    )


def test_a_window_on_a_journal_that_does_not_sync_leaves_the_sync_engine_unloaded(tmp_path):
    """The controller is installed at every start: only the light state read loads then,
    not the engine and pycrdt (~60 ms of imports on the UI thread)."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from pathlib import Path\n"
        "from journal_app.config import check_data_dir\n"
        "from journal_app.services import Services\n"
        "from journal_app.ui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"paths = check_data_dir(Path({str(tmp_path / 'j')!r}), create=True)\n"
        "with Services.open(paths) as services:\n"
        "    window = MainWindow(services)\n"
        "    window.show()\n"
        "    while window.sync_controller is None:\n"
        "        app.processEvents()\n"
        "    print(sorted(m for m in ('pycrdt', 'journal_app.services.sync.engine') "
        "if m in sys.modules))\n"
        "    window.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
