"""Run one blocking call off the UI thread and hear its result as a Qt signal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal


class JobSignals(QObject):
    finished = Signal(object, object)  # the job, the call's result
    failed = Signal(object, str)  # the job, one line: what went wrong


class Job(QRunnable):
    """``call()`` in a QThreadPool thread; ``signals`` are delivered on the UI thread
    (queued: the receivers live there)."""

    def __init__(self, call: Callable[[], object], kind: str = "") -> None:
        super().__init__()
        self._call = call
        self.kind = kind
        self.signals = JobSignals()

    def run(self) -> None:
        try:
            result = self._call()
        except Exception as exc:  # reported in one line, never lost in the thread
            self.signals.failed.emit(self, str(exc) or type(exc).__name__)
        else:
            self.signals.finished.emit(self, result)
