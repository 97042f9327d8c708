"""`kill -9` with the focus timer running: the next start offers the time since the
last heartbeat, to keep or to discard (issue #4: the timer survives a crash or kill)."""

from __future__ import annotations

import datetime as dt
import os
import queue
import signal
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QSettings, Qt

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

READY_TIMEOUT_S = 120

# The real window in a child process. Its clock runs 30 minutes behind while the timer
# starts, then catches up and one tick sends the heartbeat: 30 min timed, then killed.
APP = """
import datetime as dt, sys
from pathlib import Path
from journal_app.config import check_data_dir
from journal_app.services import Services
from journal_app.ui.app import create_application
from journal_app.ui.main_window import MainWindow

offset = [dt.timedelta(minutes=-30)]
clock = lambda: dt.datetime.now(dt.UTC) + offset[0]
app = create_application()
services = Services.open(check_data_dir(Path(sys.argv[1]), create=False), clock=clock)
window = MainWindow(services)

def ready():
    ui = window.focus_timer
    dialog = ui.open_start_dialog()
    dialog.note_edit.setText("killed mid-session")
    dialog.pickers.category.setCurrentIndex(dialog.pickers.category.findData(int(sys.argv[2])))
    dialog.accept()
    offset[0] = dt.timedelta(0)
    ui.tick()
    state = services.timer.status()
    print("running", state.elapsed.total_seconds(), state.last_heartbeat.isoformat(), flush=True)

window.focus_timer_ready.connect(ready)
window.show()
app.exec()
"""


def run_and_kill(data_dir, category_id: int) -> dt.datetime:
    """Start the app, let it time, kill it; the last heartbeat it reported."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-c", APP, str(data_dir), str(category_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: lines.put(proc.stdout.readline()), daemon=True).start()
        try:
            line = lines.get(timeout=READY_TIMEOUT_S)
        except queue.Empty:
            proc.kill()
            pytest.fail(f"the app never reported its timer: {proc.communicate()[1]}")
        assert line.startswith("running"), line or proc.communicate()[1]
        _, elapsed, beat = line.split()
        assert 30 * 60 <= float(elapsed) < 31 * 60
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    return dt.datetime.fromisoformat(beat)


@pytest.mark.parametrize("keep", [True, False])
def test_a_killed_app_offers_its_running_timer_at_the_next_start(
    qtbot, services, data_dir, tmp_path, clock, keep
):
    from journal_app.ui.main_window import MainWindow

    coding = services.categories.find("Coding").id
    last_beat = run_and_kill(data_dir, coding)
    clock.now = last_beat + dt.timedelta(minutes=10)  # restarted ten minutes later
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.focus_timer is not None, timeout=10_000)
    ui = window.focus_timer
    prompt = ui.pending_prompt
    assert prompt is not None and "10 min ago" in prompt.text()
    button = prompt.keep_button if keep else prompt.discard_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    state = services.timer.status()
    assert state.running is keep
    result = ui.stop()
    session = result.session
    assert (session.source, session.category, session.note) == (
        "timer",
        "Coding",
        "killed mid-session",
    )
    expected = dt.timedelta(minutes=40 if keep else 30)
    assert expected <= session.duration < expected + dt.timedelta(minutes=1)
