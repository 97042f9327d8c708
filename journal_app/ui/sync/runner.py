"""One sync at a time, off the UI thread; a request during a run queues one more run.

The run is ``services.sync.now()`` in a one-thread pool. Its thread opens its own
database connection (peewee gives each thread one) and closes it before it ends, as
imports and exports do; the UI thread never waits for it except at quit, where
``stop()`` lets the run end after the segment it is applying (bounded) and waits.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from journal_app.services import Services
from journal_app.ui.widgets.job import Job


class SyncRunner(QObject):
    started = Signal()
    finished = Signal(object)  # SyncReport, on the UI thread
    failed = Signal(str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._run: Job | None = None  # kept until its signal arrives
        self._again = False
        self._stopping = False

    @property
    def running(self) -> bool:
        return self._run is not None

    def request(self) -> None:
        """Sync now, or once more after the run under way."""
        if self._stopping:
            return
        if self._run is not None:
            self._again = True
            return
        run = Job(self._services, lambda _progress: self._services.sync.now(stop=self._stop_asked))
        run.setAutoDelete(False)
        run.signals.finished.connect(self._on_finished)
        run.signals.failed.connect(self._on_failed)
        self._run = run
        self.pool.start(run)
        self.started.emit()

    def _stop_asked(self) -> bool:  # read on the worker thread: a plain bool
        return self._stopping

    def _on_finished(self, report: object) -> None:
        self._run = None
        self.finished.emit(report)
        self._next()

    def _on_failed(self, message: str) -> None:
        self._run = None
        self.failed.emit(message)
        self._next()

    def _next(self) -> None:
        if self._again and not self._stopping:
            self._again = False
            self.request()

    def wait(self) -> None:
        """Block until the run under way (if any) has ended (before leaving)."""
        self._again = False
        self.pool.waitForDone()

    def stop(self) -> None:
        """No more runs; the one under way applies no further segment; wait for it."""
        self._stopping = True
        self._again = False
        self.pool.waitForDone()
