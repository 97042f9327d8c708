"""`kill -9` while typing loses at most the last 2 s of text (DESIGN: nothing lost)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journal_app.config import check_data_dir
from journal_app.services import Services

pytestmark = pytest.mark.slow

TYPIST = Path(__file__).with_name("typist.py")
ORIGINAL = "Started the fast.ai course today."
# Plain words (no list markers: Enter on a list item would add continuation text).
TEXT = (
    "Read the attention paper again and wrote notes on scaled dot products. "
    "Then trained a tiny model overnight and compared the loss curves. "
    "Tomorrow I want to try a smaller learning rate with warmup."
)
LOSS_BUDGET_S = 2.0


def _start(data_dir: Path, tmp_path: Path) -> subprocess.Popen[str]:
    text_file = tmp_path / "typed.txt"
    text_file.write_text(TEXT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, str(TYPIST), str(data_dir), str(text_file), "25"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.parametrize(
    "kill_after",
    [
        40,  # about a second of typing: before the first save could have been due
        120,  # mid-stream: only the max-wait timer saves while keys keep coming
        "done",  # typing just stopped: inside the 1 s idle delay
    ],
)
def test_kill_minus_nine_loses_at_most_two_seconds(tmp_path, kill_after):
    paths = check_data_dir(tmp_path / "journal", create=True)
    with Services.open(paths) as services:
        entry = services.entries.create(day=dt.date(2026, 11, 20), title="Day 12", body=ORIGINAL)

    proc = _start(paths.root, tmp_path)
    stamps: dict[int, float] = {}
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            words = line.split()
            if words[:1] == ["typed"]:
                stamps[int(words[1])] = float(words[2])
                if words[1] == str(kill_after):
                    break
            elif words[:1] == ["done"] and kill_after == "done":
                break
        else:
            pytest.fail(f"the typist ended early: {proc.stderr.read() if proc.stderr else ''}")
        killed_at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()

    with Services.open(paths, create=False) as services:
        body = services.entries.get(entry.id).body
    assert body.startswith(ORIGINAL)
    saved = body[len(ORIGINAL) :]
    assert TEXT.startswith(saved), "what was saved is exactly what was typed, in order"
    must_have = max((n for n, t in stamps.items() if t <= killed_at - LOSS_BUDGET_S), default=0)
    assert len(saved) >= must_have, (
        f"lost keys typed more than {LOSS_BUDGET_S} s before the kill: "
        f"saved {len(saved)} of {len(stamps)} typed, needed {must_have}"
    )
