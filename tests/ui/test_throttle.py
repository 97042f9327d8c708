"""The throttle: first call at once, then at most one call per interval, newest wins."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from journal_app.ui.throttle import Throttle


class FakeSignal:
    def __init__(self) -> None:
        self._slots: list = []

    def connect(self, slot) -> None:
        self._slots.append(slot)

    def emit(self) -> None:
        for slot in self._slots:
            slot()


class FakeTimer:
    """Fires only when the test says so; remembers the interval it was started with."""

    def __init__(self, parent: QObject) -> None:
        self.timeout = FakeSignal()
        self.interval: int | None = None
        self.active = False
        self.single_shot = False

    def setSingleShot(self, single: bool) -> None:
        self.single_shot = single

    def setInterval(self, msec: int) -> None:
        self.interval = msec

    def start(self) -> None:
        self.active = True

    def stop(self) -> None:
        self.active = False

    def isActive(self) -> bool:
        return self.active

    def fire(self) -> None:
        assert self.active, "the timer was not running"
        self.active = False
        self.timeout.emit()


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms / 1000


@pytest.fixture
def harness(qapp):
    calls: list[tuple] = []
    timers: list[FakeTimer] = []
    clock = Clock()

    def factory(parent):
        timers.append(FakeTimer(parent))
        return timers[-1]

    throttle = Throttle(
        lambda *a, **k: calls.append((a, k)), 150, timer_factory=factory, clock=clock
    )
    return throttle, calls, timers[0], clock


def test_first_call_is_immediate(harness):
    throttle, calls, timer, _clock = harness
    throttle("a", key=1)
    assert calls == [(("a",), {"key": 1})]
    assert not timer.active and not throttle.pending


def test_calls_within_the_interval_merge_and_the_last_wins(harness):
    throttle, calls, timer, clock = harness
    throttle("a")
    clock.advance(40)
    throttle("b")
    clock.advance(30)
    throttle("c")
    assert calls == [(("a",), {})]
    assert throttle.pending and timer.active and timer.single_shot
    assert timer.interval == 110  # the rest of the 150 ms since the first call
    clock.advance(80)
    timer.fire()
    assert calls == [(("a",), {}), (("c",), {})]
    assert not throttle.pending


def test_after_a_quiet_interval_the_next_call_is_immediate_again(harness):
    throttle, calls, timer, clock = harness
    throttle(1)
    clock.advance(150)
    throttle(2)
    assert [c[0] for c in calls] == [(1,), (2,)]
    assert not timer.active


def test_a_call_soon_after_a_delayed_one_waits_again(harness):
    throttle, calls, timer, clock = harness
    throttle(1)
    clock.advance(10)
    throttle(2)
    clock.advance(140)
    timer.fire()  # calls 2 at t=150
    clock.advance(20)
    throttle(3)  # only 20 ms after the last call
    assert [c[0] for c in calls] == [(1,), (2,)]
    assert timer.active and timer.interval == 130


def test_cancel_drops_the_waiting_call(harness):
    throttle, calls, timer, clock = harness
    throttle(1)
    throttle(2)
    throttle.cancel()
    assert not timer.active and not throttle.pending
    clock.advance(500)
    throttle(3)
    assert [c[0] for c in calls] == [(1,), (3,)]


def test_flush_makes_the_waiting_call_now(harness):
    throttle, calls, timer, _clock = harness
    throttle(1)
    throttle(2)
    throttle.flush()
    assert [c[0] for c in calls] == [(1,), (2,)]
    assert not timer.active
    throttle.flush()  # nothing waiting: nothing happens
    assert len(calls) == 2


def test_set_delay_changes_the_wait(harness):
    throttle, _calls, timer, clock = harness
    throttle.set_delay(1000)
    assert throttle.delay_ms == 1000
    throttle(1)
    clock.advance(100)
    throttle(2)
    assert timer.interval == 900


def test_with_a_real_timer(qtbot):
    calls: list[int] = []
    throttle = Throttle(calls.append, 30)
    for value in range(5):
        throttle(value)
    assert calls == [0]
    qtbot.waitUntil(lambda: calls == [0, 4], timeout=1000)
    assert not throttle.pending
