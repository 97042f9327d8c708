"""Several processes on one journal (issue 13): the window open and typing while four
CLI writers add 200 entries each, log sessions and run info/backup/check in between;
then the window is closed — or killed. Every write that was acknowledged (an id printed,
"Saved" shown) must be in the journal, and no user saw an error."""

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

from journal_app.config import check_data_dir
from journal_app.services import Services

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
WRITERS = 4
ENTRIES_EACH = 200
HANG = 900  # seconds: only a hang takes this long (the run takes about a minute)


class Process:
    """A child whose output lines are collected by a thread as they come."""

    def __init__(self, *argv: str | Path) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, *map(str, argv)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self.arrived: queue.Queue[str | None] = queue.Queue()  # None: its output ended
        self.stderr = ""
        self._threads = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            self.arrived.put(line)
        self.arrived.put(None)  # a child that dies without a word is not waited for

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        self.stderr = self.proc.stderr.read()

    def wait_for(self, predicate) -> None:
        while not any(predicate(line) for line in self.lines):
            try:
                arrived = self.arrived.get(timeout=HANG)
            except queue.Empty:
                pytest.fail(f"no such line from {self.proc.args}: {self.lines[-5:]} {self.stderr}")
            if arrived is None and not any(predicate(x) for x in self.lines):
                for thread in self._threads:
                    thread.join(timeout=HANG)
                pytest.fail(f"{self.proc.args} ended: {self.lines[-5:]} {self.stderr}")

    def finish(self) -> int:
        code = self.proc.wait(timeout=HANG)
        for thread in self._threads:
            thread.join(timeout=HANG)
        return code

    def words(self, first: str) -> list[list[str]]:
        return [line.split() for line in self.lines if line.split()[:1] == [first]]


@pytest.mark.parametrize("ending", ["close", "kill"])
def test_every_acknowledged_write_is_kept(tmp_path, ending):
    paths = check_data_dir(tmp_path / "journal", create=True)
    Services.open(paths).close()
    stop = tmp_path / "stop"
    window = Process(HERE / "window_writer.py", paths.root, stop)
    try:
        window.wait_for(lambda line: line == "ready")
        writers = [
            Process(HERE / "cli_writer.py", paths.root, f"w{n}", ENTRIES_EACH)
            for n in range(WRITERS)
        ]
        for writer in writers:
            assert writer.finish() == 0, writer.stderr
        acknowledged = {int(w[1]): " ".join(w[2:]) for p in writers for w in p.words("ack")}
        logged = sum(len(p.words("logged")) for p in writers)
        # The window notices the other processes' entries by itself and lists them.
        total = len(acknowledged) + len(window.words("saved"))
        window.wait_for(lambda line: line.startswith("listed ") and int(line.split()[1]) >= total)
        if ending == "close":
            stop.touch()
            assert window.finish() == 0, window.stderr
            assert window.words("closed") == [["closed", "0"]]
        else:
            os.kill(window.proc.pid, signal.SIGKILL)
            window.finish()
    finally:
        window.proc.kill()
        window.finish()

    errors = [line for p in writers for line in p.lines if line.startswith("error")]
    assert errors == []
    assert [p.stderr for p in writers] == [""] * WRITERS
    assert window.words("dialog") == []
    assert "unexpected" not in window.stderr and "locked" not in window.stderr
    assert len(acknowledged) == WRITERS * ENTRIES_EACH
    saved = {int(w[1]): w[2] for w in window.words("saved")}
    assert len(saved) >= 3  # the window kept typing throughout

    with Services.open(paths, create=False) as services:
        for entry_id, title in acknowledged.items():
            assert services.entries.get(entry_id).title == title
        for entry_id, marker in saved.items():
            assert marker in services.entries.get(entry_id).body
        assert services.entries.count() >= len(acknowledged) + len(saved)
        today = dt.date.today()
        parts = services.sessions.between(today - dt.timedelta(days=1), today)
        assert len({part.session.id for part in parts}) == logged
        assert services.backups.check().problems == []
        kept = services.entries.count()
    print(  # the figures of a run, seen with `pytest -s`
        f"\nstress[{ending}]: {len(acknowledged)} CLI entries acknowledged, "
        f"{len(saved)} window saves shown, {logged} sessions logged; journal holds {kept} "
        f"entries; errors shown: {len(errors)}"
    )
