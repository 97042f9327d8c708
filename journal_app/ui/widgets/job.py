"""Run one piece of work off the UI thread (an export or import, a sync run); hear its
progress and end as signals, its failure as one line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from journal_app.errors import JournalError
from journal_app.services import Services


class JobSignals(QObject):
    progressed = Signal(int, int, str)  # done, total, what
    finished = Signal(object)  # the result (ExportResult / ImportResult)
    failed = Signal(str)  # one line


class Job(QRunnable):
    """``work(progress)`` in a pool thread. The thread's own database connection is
    closed before it ends (peewee gives each thread one)."""

    def __init__(
        self, services: Services, work: Callable[[Callable[[int, int, str], None]], object]
    ):
        super().__init__()
        self._services = services
        self._work = work
        self.signals = JobSignals()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progressed.emit)
        except JournalError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: still one line for the user, never a dead thread
            self.signals.failed.emit(f"unexpected error: {type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(result)
        finally:
            self._services.search.release_thread_connection()
