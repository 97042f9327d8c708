"""Call a function at most once every N ms: the first call runs at once, later calls
within the interval are merged and the last one's arguments win.

After qutebrowser's ``utils/throttle.py``. Used by the preview (re-render while typing)
and meant for anything else that reacts to a stream of edits. The timer factory and the
clock are injectable, so tests can fire the timer and move time by hand.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer


class TimerLike(Protocol):
    """The part of QTimer the throttle uses."""

    @property
    def timeout(self) -> Any: ...
    def setSingleShot(self, single: bool) -> None: ...
    def setInterval(self, msec: int) -> None: ...
    def start(self) -> None: ...
    def stop(self) -> None: ...
    def isActive(self) -> bool: ...


def _qtimer(parent: QObject) -> TimerLike:
    return QTimer(parent)


class Throttle(QObject):
    """``throttle(*args, **kwargs)`` calls ``func(*args, **kwargs)`` now, or once the
    interval since the last call has passed (with the newest arguments)."""

    def __init__(
        self,
        func: Callable[..., Any],
        delay_ms: int,
        *,
        parent: QObject | None = None,
        timer_factory: Callable[[QObject], TimerLike] = _qtimer,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._func = func
        self._delay_ms = max(0, int(delay_ms))
        self._clock = clock
        self._last_ms: float | None = None
        self._pending: tuple[tuple[Any, ...], dict[str, Any]] | None = None
        self._timer = timer_factory(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._call_pending)

    @property
    def delay_ms(self) -> int:
        return self._delay_ms

    def set_delay(self, delay_ms: int) -> None:
        """Takes effect from the next call that has to wait."""
        self._delay_ms = max(0, int(delay_ms))

    @property
    def pending(self) -> bool:
        """Is a call waiting for its turn?"""
        return self._pending is not None

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        now = self._now_ms()
        if self._pending is None and (
            self._last_ms is None or now - self._last_ms >= self._delay_ms
        ):
            self._last_ms = now
            self._func(*args, **kwargs)
            return
        self._pending = (args, kwargs)
        if not self._timer.isActive():
            waited = 0.0 if self._last_ms is None else now - self._last_ms
            self._timer.setInterval(max(0, round(self._delay_ms - waited)))
            self._timer.start()

    def flush(self) -> None:
        """Make the waiting call now, if there is one."""
        if self._pending is not None:
            self._timer.stop()
            self._call_pending()

    def cancel(self) -> None:
        """Forget the waiting call, if there is one."""
        self._timer.stop()
        self._pending = None

    def _call_pending(self) -> None:
        if self._pending is None:
            return
        args, kwargs = self._pending
        self._pending = None
        self._last_ms = self._now_ms()
        self._func(*args, **kwargs)

    def _now_ms(self) -> float:
        return self._clock() * 1000.0
