"""AutosaveController: saves after a pause, never later than the deadline, on flush."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from journal_app.ui.autosave import AutosaveController


@pytest.fixture
def saves():
    calls: list[int] = []
    return calls


def _controller(saves, *, ok=True, idle_ms=60, max_wait_ms=200):
    def save() -> bool:
        saves.append(1)
        return ok

    return AutosaveController(save, idle_ms=idle_ms, max_wait_ms=max_wait_ms)


def test_saves_once_after_typing_pauses(qtbot, saves):
    autosave = _controller(saves)
    for _ in range(5):
        autosave.changed()
    assert autosave.dirty
    with qtbot.waitSignal(autosave.saved, timeout=2000):
        pass
    assert saves == [1]
    assert not autosave.dirty


def test_continuous_typing_still_saves_by_the_deadline(qtbot, saves):
    autosave = _controller(saves, idle_ms=100, max_wait_ms=250)
    typing = QTimer()
    typing.timeout.connect(autosave.changed)  # a key every 20 ms: the idle delay never ends
    typing_when_saved: list[bool] = []
    autosave.saved.connect(lambda *_: typing_when_saved.append(typing.isActive()))
    autosave.changed()
    typing.start(20)
    with qtbot.waitSignal(autosave.saved, timeout=3000):
        pass
    typing.stop()
    assert saves == [1]
    assert typing_when_saved == [True]  # by the deadline, not "whenever typing stops"


def test_flush_saves_now_and_only_when_dirty(saves):
    autosave = _controller(saves, idle_ms=10_000, max_wait_ms=10_000)
    assert autosave.flush() is True
    assert saves == []
    autosave.changed()
    assert autosave.flush() is True
    assert saves == [1]
    assert autosave.flush() is True
    assert saves == [1]


def test_a_failed_save_keeps_the_edits_and_retries(qtbot, saves):
    autosave = _controller(saves, ok=False, idle_ms=30)
    autosave.changed()
    assert autosave.flush() is False
    assert autosave.dirty
    qtbot.waitUntil(lambda: len(saves) >= 3, timeout=2000)  # it keeps trying
    assert autosave.dirty


def test_discard_forgets_pending_edits(qtbot, saves):
    autosave = _controller(saves, idle_ms=20)
    autosave.changed()
    autosave.discard()
    assert not autosave.dirty
    assert autosave.flush() is True
    assert saves == []
